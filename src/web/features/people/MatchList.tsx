import { Alert, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Match } from './api';
import { RoleBadges } from './PersonBadges';
import { AnchorLink } from './AnchorLink';

/** The roles as one translated phrase: "client, opposing party". */
export function useRoleList(): (roles: readonly string[]) => string {
  const { t } = useTranslation('people');
  return (roles) => [...new Set(roles)].map((r) => t(`role.${r}`, { defaultValue: r })).join(', ');
}

function MatchItem({ match, action }: { match: Match; action?: ReactNode }): ReactElement {
  const { t } = useTranslation('people');
  const roleList = useRoleList();
  const score = Math.round(match.score * 100);
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="li"
      data-testid="match"
      data-conflict={match.conflict ? 'true' : 'false'}
      style={match.conflict ? { borderColor: 'var(--mantine-color-red-8)', borderWidth: 2 } : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
          <Stack gap={2} miw={0} style={{ flex: 1 }}>
            {match.visible && match.name ? (
              <AnchorLink to="/people/$id" params={{ id: match.id }} fw={600} size="sm">
                {match.name}
              </AnchorLink>
            ) : (
              <Text size="sm" fw={600} fs="italic" data-testid="match-hidden">
                {t('match.hidden')}
              </Text>
            )}
            <Text size="sm" data-testid="match-reason">
              {match.reason}
            </Text>
          </Stack>
          <Badge variant="default" size="lg" tt="none" data-testid="match-score">
            {t('match.score', { score })}
          </Badge>
        </Group>
        <RoleBadges roles={match.roles} empty={t('match.noRoles')} />
        {match.conflict && (
          <Alert color="red" variant="light" p="xs" data-testid="match-conflict" title={t('match.conflict')}>
            {t('match.conflictExplain', { roles: roleList(match.roles) })}
          </Alert>
        )}
        {action}
      </Stack>
    </Paper>
  );
}

/** Possible duplicates or conflicts, best first. `action` renders a control under each match. */
export function MatchList({
  matches,
  action,
  label,
}: {
  matches: Match[];
  action?: (m: Match) => ReactNode;
  label: string;
}): ReactElement {
  return (
    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={label}>
      {matches.map((m) => (
        <MatchItem key={m.id} match={m} action={action?.(m)} />
      ))}
    </Stack>
  );
}
