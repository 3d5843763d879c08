import { Alert, Badge, Button, Group, Loader, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { casesApi, peopleApi, type Case, type CasePersonRole, type PersonMatch } from './api';
import { PERSON_ROLES } from './codes';
import { useInvalidateCase } from './queries';

function MatchRow({
  m,
  role,
  onAdd,
  adding,
}: {
  m: PersonMatch;
  role: CasePersonRole | null;
  onAdd: (m: PersonMatch) => void;
  adding: boolean;
}): ReactElement {
  const { t } = useTranslation('cases');
  const roles = [...new Set(m.roles)].map((r) => t(`personRole.${r}`)).join(', ');
  return (
    <Paper
      component="li"
      withBorder
      p="xs"
      radius="md"
      data-testid="person-match"
      style={m.conflict ? { borderColor: 'var(--mantine-color-red-8)', borderWidth: 2 } : undefined}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
          <Stack gap={2} miw={0} style={{ flex: 1 }}>
            <Text size="sm" fw={600} fs={m.visible ? undefined : 'italic'}>
              {m.visible && m.name ? m.name : t('people.hiddenMatch')}
            </Text>
            <Text size="xs" c="dimmed">
              {m.reason}
            </Text>
            {roles && <Text size="xs">{t('people.rolesElsewhere', { roles })}</Text>}
          </Stack>
          <Badge variant="default" tt="none">
            {t('people.score', { score: Math.round(m.score * 100) })}
          </Badge>
        </Group>
        {m.conflict && (
          <Alert
            color="red"
            variant="light"
            p="xs"
            title={t('people.conflict')}
            data-testid="person-conflict"
          >
            {t('people.conflictText', { roles })}
          </Alert>
        )}
        {m.visible && m.name && (
          <Group justify="flex-end">
            <Button
              size="xs"
              variant={m.conflict ? 'default' : 'light'}
              disabled={!role}
              loading={adding}
              onClick={() => onAdd(m)}
              aria-label={t('people.addNamed', { name: m.name })}
              data-testid="person-match-add"
            >
              {t('people.addThis')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * Add a person from the registry in a role. The search runs the conflict check for that role, so a
 * match who is an opposing party elsewhere is flagged before anyone is added.
 */
export function AddPersonModal({
  c,
  opened,
  onClose,
}: {
  c: Case;
  opened: boolean;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation('cases');
  const invalidate = useInvalidateCase(c.id);
  const [role, setRole] = useState<CasePersonRole | null>(null);
  const [name, setName] = useState('');
  const [debounced] = useDebouncedValue(name.trim(), 350);
  const matches = useQuery({
    queryKey: ['people', 'match', debounced, role],
    queryFn: () => peopleApi.match({ name: debounced, ...(role ? { forRole: role } : {}) }),
    enabled: opened && debounced.length >= 2,
  });
  const add = useMutation({
    mutationFn: (v: { m: PersonMatch; role: CasePersonRole }) =>
      casesApi.addPerson(c.id, { personId: v.m.id, role: v.role }),
    onSuccess: async (fresh) => {
      setName('');
      onClose();
      await invalidate(fresh);
    },
  });
  const items = debounced.length >= 2 ? (matches.data?.matches ?? []) : [];

  return (
    <AppModal opened={opened} onClose={onClose} title={t('people.addTitle')} size="lg">
      <Stack>
        <Select
          label={t('people.role')}
          placeholder={t('form.choose')}
          required
          data={PERSON_ROLES.map((r) => ({ value: r, label: t(`personRole.${r}`) }))}
          value={role}
          onChange={(v) => setRole(v ?? null)}
          comboboxProps={{ withinPortal: true }}
          data-testid="person-role"
        />
        <TextInput
          type="search"
          label={t('people.search')}
          description={t('people.searchHint')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          rightSection={matches.isFetching ? <Loader size="xs" /> : null}
          data-testid="person-search"
        />
        <ErrorAlert error={matches.error} />
        {debounced.length >= 2 && matches.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('people.noMatches')}
          </Text>
        )}
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-live="polite">
          {items.map((m) => (
            <MatchRow
              key={m.id}
              m={m}
              role={role}
              onAdd={(x) => role && add.mutate({ m: x, role })}
              adding={add.isPending}
            />
          ))}
        </Stack>
        {!role && items.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('people.roleFirst')}
          </Text>
        )}
        <ErrorAlert error={add.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('ui:common.close')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
