import { Alert, Badge, Button, Group, Loader, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import {
  casesApi,
  peopleApi,
  type Case,
  type CasePersonRole,
  type PersonMatch,
  type PersonSummary,
} from './api';
import { PERSON_ROLES } from './codes';
import { useInvalidateCase } from './queries';

function useRoleList(): (roles: readonly string[]) => string {
  const { t } = useTranslation('cases');
  return (roles) => [...new Set(roles)].map((r) => t(`personRole.${r}`, { defaultValue: r })).join(', ');
}

/** Possible conflicts for the typed name, including people in records this user cannot open. */
function Conflicts({ matches }: { matches: PersonMatch[] }): ReactElement | null {
  const { t } = useTranslation('cases');
  const roleList = useRoleList();
  if (matches.length === 0) return null;
  return (
    <Alert color="red" variant="light" title={t('people.conflict')} data-testid="person-conflict">
      <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {matches.map((m) => (
          <Text key={m.id} component="li" size="sm">
            {`${m.visible && m.name ? m.name : t('people.hiddenMatch')}: ${t('people.conflictText', { roles: roleList(m.roles) })}`}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

function ResultRow({
  p,
  conflict,
  disabled,
  onAdd,
}: {
  p: PersonSummary;
  conflict: boolean;
  disabled: boolean;
  onAdd: () => void;
}): ReactElement {
  const { t } = useTranslation('cases');
  const roleList = useRoleList();
  return (
    <Paper
      component="li"
      withBorder
      p="xs"
      radius="md"
      data-testid="person-result"
      style={conflict ? { borderColor: 'var(--mantine-color-red-8)', borderWidth: 2 } : undefined}
    >
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2} miw={0} style={{ flex: 1 }}>
          <Text size="sm" fw={600}>
            {p.name}
          </Text>
          {p.otherNames.length > 0 && (
            <Text size="xs" c="dimmed">
              {p.otherNames.join(' · ')}
            </Text>
          )}
          {p.roles.length > 0 && (
            <Text size="xs">{t('people.rolesElsewhere', { roles: roleList(p.roles) })}</Text>
          )}
        </Stack>
        {conflict && (
          <Badge color="red.8" variant="filled" tt="none">
            {t('people.conflict')}
          </Badge>
        )}
        <Button
          size="xs"
          variant="light"
          disabled={disabled}
          onClick={onAdd}
          aria-label={t('people.addNamed', { name: p.name })}
          data-testid="person-result-add"
        >
          {t('people.addThis')}
        </Button>
      </Group>
    </Paper>
  );
}

/**
 * Add a person from the registry in a role. The search finds names in any script (part of a name is
 * enough); the conflict check runs for the chosen role, on the typed name and again on the chosen
 * person, so someone who is an opposing party elsewhere is flagged before they are added.
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
  const [warned, setWarned] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(name.trim(), 350);
  const searching = opened && debounced.length >= 2;
  const results = useQuery({
    queryKey: ['people', 'search', debounced],
    queryFn: () => peopleApi.search(debounced),
    enabled: searching,
  });
  const matches = useQuery({
    queryKey: ['people', 'match', debounced, role],
    queryFn: () => peopleApi.match({ name: debounced, ...(role ? { forRole: role } : {}) }),
    enabled: searching && role !== null,
  });
  const conflicts = (matches.data?.matches ?? []).filter((m) => m.conflict);
  const onCase = new Set(c.people.filter((p) => p.role === role).map((p) => p.personId));
  const items = searching ? (results.data?.items ?? []).filter((p) => !onCase.has(p.id)) : [];

  const add = useMutation({
    mutationFn: async (v: { p: PersonSummary; role: CasePersonRole }) => {
      // A second look with the person's full name: a partial query may not have found the conflict.
      if (warned !== v.p.id) {
        const check = await peopleApi.match({ name: v.p.name, forRole: v.role });
        if (check.matches.some((m) => m.id === v.p.id && m.conflict)) {
          setWarned(v.p.id);
          return null;
        }
      }
      return casesApi.addPerson(c.id, { personId: v.p.id, role: v.role });
    },
    onSuccess: async (fresh) => {
      if (!fresh) return;
      close();
      await invalidate(fresh);
    },
  });
  // Each opening starts fresh: a role or name left from the last person must not carry over.
  const close = () => {
    setRole(null);
    setName('');
    setWarned(null);
    add.reset();
    onClose();
  };
  const flagged = new Set([...conflicts.map((m) => m.id), ...(warned ? [warned] : [])]);

  return (
    <AppModal opened={opened} onClose={close} title={t('people.addTitle')} size="lg">
      <Stack>
        <Select
          label={t('people.role')}
          placeholder={t('form.choose')}
          required
          data={PERSON_ROLES.map((r) => ({ value: r, label: t(`personRole.${r}`) }))}
          value={role}
          allowDeselect={false}
          onChange={(v) => {
            setRole(v ?? null);
            setWarned(null);
          }}
          comboboxProps={{ withinPortal: true }}
          data-testid="person-role"
        />
        <TextInput
          type="search"
          label={t('people.search')}
          description={t('people.searchHint')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          rightSection={results.isFetching || matches.isFetching ? <Loader size="xs" /> : null}
          data-testid="person-search"
        />
        {!role && (
          <Text size="sm" c="dimmed">
            {t('people.roleFirst')}
          </Text>
        )}
        <ErrorAlert error={results.error ?? matches.error} />
        <Conflicts matches={conflicts} />
        {warned && (
          <Alert color="red" variant="light" data-testid="person-conflict-confirm">
            {t('people.conflictConfirm')}
          </Alert>
        )}
        {searching && results.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('people.noMatches')}
          </Text>
        )}
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-live="polite">
          {items.slice(0, 10).map((p) => (
            <ResultRow
              key={p.id}
              p={p}
              conflict={flagged.has(p.id)}
              disabled={!role || add.isPending}
              onAdd={() => role && add.mutate({ p, role })}
            />
          ))}
        </Stack>
        <ErrorAlert error={add.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('ui:common.close')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
