import { Badge, Group, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CasePersonRole, Vulnerability } from './api';

/** Long Kyrgyz and Russian labels wrap inside a badge instead of being cut off. */
export const WRAP_BADGE = {
  root: { height: 'auto', maxWidth: '100%' },
  label: { whiteSpace: 'normal', overflow: 'visible' },
} as const;

/** Roles that make a person adverse to our client: shown in red wherever they appear. */
export const ADVERSE_ROLES: readonly CasePersonRole[] = ['opposing_party', 'perpetrator'];

/** Vulnerability categories as small neutral badges (nothing when there are none). */
export function VulnerabilityBadges({ items }: { items: readonly Vulnerability[] }): ReactElement | null {
  const { t } = useTranslation('people');
  if (items.length === 0) {
    return null;
  }
  return (
    <Group gap={4}>
      {items.map((v) => (
        <Badge
          key={v}
          variant="default"
          size="sm"
          tt="none"
          styles={WRAP_BADGE}
          data-testid="vulnerability-badge"
        >
          {t(`vulnerability.${v}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** Roles in cases; the distinct set, adverse roles in red. */
export function RoleBadges({
  roles,
  empty,
}: {
  roles: readonly string[];
  /** Shown when there are no roles (omit to show nothing). */
  empty?: string;
}): ReactElement | null {
  const { t } = useTranslation('people');
  const distinct = [...new Set(roles)];
  if (distinct.length === 0) {
    return empty ? (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    ) : null;
  }
  return (
    <Group gap={4}>
      {distinct.map((r) => (
        <Badge
          key={r}
          size="sm"
          tt="none"
          variant="outline"
          styles={WRAP_BADGE}
          color={ADVERSE_ROLES.includes(r as CasePersonRole) ? 'red.9' : 'ukuk.8'}
          data-testid="role-badge"
        >
          {t(`role.${r}`, { defaultValue: r })}
        </Badge>
      ))}
    </Group>
  );
}
