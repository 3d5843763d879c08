import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { PersonViolationRoles as RolesSchema } from '../../../../core/schemas/violations';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { can, useMe } from '../../auth/queries';
import { AnchorLink } from '../../people/AnchorLink';
import { useCodeLabel } from '../stats/labels';

type Roles = z.infer<typeof RolesSchema>;
type Role = Roles['items'][number];

const ADVERSE = new Set(['perpetrator']);

export const personViolationKeys = {
  roles: (personId: string) => ['vio-person-roles', personId] as const,
};

/** One event with this person's roles in it (one victim may suffer several acts). */
function groupByEvent(items: Role[]): { first: Role; roles: Role[] }[] {
  const byEvent = new Map<string, Role[]>();
  for (const r of items) byEvent.set(r.eventId, [...(byEvent.get(r.eventId) ?? []), r]);
  return [...byEvent.values()].map((roles) => ({ first: roles[0]!, roles }));
}

/**
 * "Roles in violation records" on a person's page: each event the viewer may see where this person
 * is a victim, perpetrator, source or intervening party, linking to the event. Events the viewer may
 * not see are simply absent (the server filters them).
 */
export function PersonViolationRoles({ personId }: { personId: string }): ReactElement | null {
  const { t } = useTranslation('vstats');
  const me = useMe().data;
  const allowed = can(me, 'violations.read');
  const actLabel = useCodeLabel('esf_types_of_acts');
  const roles = useQuery({
    queryKey: personViolationKeys.roles(personId),
    queryFn: () => api.get<Roles>(`/api/people/${encodeURIComponent(personId)}/violations`),
    enabled: allowed,
  });
  if (!allowed) return null;
  const groups = groupByEvent(roles.data?.items ?? []);
  return (
    <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }} data-testid="person-violation-roles">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('person.title')}
        </Title>
        <ErrorAlert error={roles.error} />
        {roles.data && groups.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('person.none')}
          </Text>
        )}
        {groups.length > 0 && (
          <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {groups.map(({ first, roles: rs }) => (
              <Stack key={first.eventId} gap={4} component="li" data-testid="person-violation-role">
                <AnchorLink
                  to="/violations/$id"
                  params={{ id: first.eventId }}
                  size="sm"
                  fw={600}
                  style={{ overflowWrap: 'anywhere' }}
                  data-testid="person-violation-link"
                >
                  {t('person.event', { number: first.eventNumber, title: first.eventTitle })}
                </AnchorLink>
                <Group gap={6} wrap="wrap">
                  {rs.map((r, i) => (
                    <Badge
                      key={`${r.role}-${r.actId ?? i}`}
                      size="sm"
                      tt="none"
                      variant="outline"
                      color={ADVERSE.has(r.role) ? 'red.9' : 'ukuk.8'}
                      data-role={r.role}
                      style={{ maxWidth: '100%' }}
                    >
                      {r.actType
                        ? t('person.roleInAct', {
                            role: t(`person.roles.${r.role}`),
                            act: actLabel(r.actType),
                          })
                        : t(`person.roles.${r.role}`)}
                    </Badge>
                  ))}
                </Group>
              </Stack>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
