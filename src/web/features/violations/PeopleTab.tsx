import { Badge, Card, EmptyState, Group, Stack } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonLink } from '../cases/PersonLink';
import type { Event } from './api';
import { EVENT_ROLES, eventPeople } from './eventPeople';
import { usePersonName } from './labels';

const ROLE_COLOR = {
  victim: 'ukuk',
  perpetrator: 'red.9',
  source: 'gray',
  intervening_party: 'gray',
} as const;

/** Everyone in the event with their roles, each linking to their page in the people registry. */
export function PeopleTab({ event }: { event: Event }): ReactElement {
  const { t } = useTranslation('violations');
  const name = usePersonName();
  const order = (r: (typeof EVENT_ROLES)[number]) => EVENT_ROLES.indexOf(r);
  const people = eventPeople(event).sort(
    (a, b) => order(a.roles[0]!) - order(b.roles[0]!) || name(a.person).localeCompare(name(b.person)),
  );
  return (
    <Card withBorder radius="md" padding={people.length ? 'xs' : 'md'}>
      {people.length === 0 ? (
        <EmptyState title={t('people.empty')} description={t('people.emptyHint')} />
      ) : (
        <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('tabs.people')}>
          {people.map((p) => (
            <Group
              key={p.person.id}
              component="li"
              gap="xs"
              p="xs"
              wrap="wrap"
              data-testid="event-person"
              style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
            >
              <PersonLink personId={p.person.id} fw={600} size="sm">
                {name(p.person)}
              </PersonLink>
              {p.roles.map((r) => (
                <Badge key={r} variant="outline" color={ROLE_COLOR[r]} tt="none">
                  {t(`role.${r}`)}
                </Badge>
              ))}
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
