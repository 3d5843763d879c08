import { Group, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../people/AnchorLink';

/** Legal cases linked to an event or act (only those this user may open are listed by the server). */
export function CaseLinks({ cases }: { cases: { id: string; number: string }[] }): ReactElement {
  const { t } = useTranslation('violations');
  if (cases.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('overview.noCases')}
      </Text>
    );
  }
  return (
    <Group gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {cases.map((c) => (
        <li key={c.id}>
          <AnchorLink to="/cases/$id" params={{ id: c.id }} size="sm" data-testid="linked-case">
            {t('overview.case', { number: c.number })}
          </AnchorLink>
        </li>
      ))}
    </Group>
  );
}
