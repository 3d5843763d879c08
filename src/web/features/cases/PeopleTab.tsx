import { Badge, Button, Card, CloseButton, EmptyState, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { Icon } from '../../components/icons';
import { casesApi, type Case } from './api';
import { AddPersonModal } from './AddPersonModal';
import { PERSON_ROLES } from './codes';
import { PersonLink } from './PersonLink';
import { useInvalidateCase } from './queries';

type Link = Case['people'][number];

/** People in the case by role (client, victim, witness, opposing party…), with links to their records. */
export function PeopleTab({ c }: { c: Case }): ReactElement {
  const { t } = useTranslation('cases');
  const invalidate = useInvalidateCase(c.id);
  const [addOpen, add] = useDisclosure(false);
  const [removing, setRemoving] = useState<Link | null>(null);
  const remove = useMutation({
    mutationFn: (l: Link) => casesApi.removePerson(c.id, l.id),
    onSuccess: async (fresh) => {
      setRemoving(null);
      await invalidate(fresh);
    },
  });
  const order = (r: Link['role']) => PERSON_ROLES.indexOf(r);
  const people = [...c.people].sort((a, b) => order(a.role) - order(b.role) || a.name.localeCompare(b.name));

  return (
    <Stack>
      {c.canEdit && (
        <Group>
          <Button leftSection={<Icon name="plus" size={16} />} onClick={add.open} data-testid="add-person">
            {t('people.add')}
          </Button>
        </Group>
      )}
      <Card withBorder radius="md" padding={people.length ? 'xs' : 'md'}>
        {people.length === 0 ? (
          <EmptyState title={t('people.empty')} description={c.canEdit ? t('people.emptyHint') : undefined} />
        ) : (
          <Stack
            gap={0}
            component="ul"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            aria-label={t('tabs.people')}
          >
            {people.map((p) => (
              <Group
                key={p.id}
                component="li"
                justify="space-between"
                wrap="nowrap"
                p="xs"
                gap="xs"
                data-testid="case-person"
                style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
              >
                <Group gap="xs" miw={0} wrap="wrap">
                  <PersonLink personId={p.personId} fw={600} size="sm">
                    {p.name}
                  </PersonLink>
                  <Badge variant="light" tt="none">
                    {t(`personRole.${p.role}`)}
                  </Badge>
                </Group>
                {c.canEdit && (
                  <CloseButton
                    onClick={() => setRemoving(p)}
                    aria-label={t('people.remove', { name: p.name, role: t(`personRole.${p.role}`) })}
                  />
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Card>
      {c.canEdit && <AddPersonModal c={c} opened={addOpen} onClose={add.close} />}
      <ConfirmModal
        opened={removing !== null}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        title={t('people.removeTitle')}
        confirmLabel={t('people.removeConfirm')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
      >
        <Text>
          {removing
            ? t('people.removeText', { name: removing.name, role: t(`personRole.${removing.role}`) })
            : ''}
        </Text>
      </ConfirmModal>
    </Stack>
  );
}
