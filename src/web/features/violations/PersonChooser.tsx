import { Alert, Button, Card, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/icons';
import { peopleApi, type CasePersonRole, type Match } from '../people/api';
import { MatchList } from '../people/MatchList';
import { PersonForm } from '../people/PersonForm';
import { MIN_MATCH_LENGTH, useNameMatch } from '../people/queries';

export interface ChosenPerson {
  id: string;
  name: string;
}

/**
 * Find a person in the shared registry (the cross-script match, with conflicts flagged for the role
 * they would take) or register them on the spot with the duplicate check. People the user may not
 * see are shown as withheld and cannot be chosen.
 */
export function PersonChooser({
  forRole,
  searchLabel,
  onChoose,
  chosen = [],
  testId = 'person-chooser',
}: {
  forRole?: CasePersonRole;
  searchLabel: string;
  onChoose: (p: ChosenPerson) => void;
  /** Ids already taken (the victims so far, an act's perpetrators): shown as chosen, not offered again. */
  chosen?: readonly string[];
  testId?: string;
}): ReactElement {
  const { t } = useTranslation('violations');
  const [name, setName] = useState('');
  const [creating, setCreating] = useState(false);
  const { matches, pending, error, checked } = useNameMatch(name, forRole ? { forRole } : {});
  // A new person's display name comes from the saved record, as the registry stores it.
  const created = useMutation({
    mutationFn: async (id: string) => {
      const p = await peopleApi.get(id);
      return { id, name: p.names[0]?.full ?? '' };
    },
    onSuccess: (p) => {
      setCreating(false);
      setName('');
      onChoose(p);
    },
  });
  const choose = (m: Match) => {
    if (!m.visible || !m.name || chosen.includes(m.id)) return;
    setCreating(false);
    setName('');
    onChoose({ id: m.id, name: m.name });
  };
  const action = (m: Match) =>
    m.visible && m.name && chosen.includes(m.id) ? (
      <Group justify="flex-end">
        <Button
          size="xs"
          variant="light"
          disabled
          aria-label={t('person.chosenNamed', { name: m.name })}
          data-testid="person-chosen"
        >
          {t('person.chosen')}
        </Button>
      </Group>
    ) : m.visible && m.name ? (
      <Group justify="flex-end">
        <Button
          size="xs"
          variant="light"
          onClick={() => choose(m)}
          aria-label={t('person.chooseNamed', { name: m.name })}
          data-testid="choose-person"
        >
          {t('person.choose')}
        </Button>
      </Group>
    ) : null;

  if (creating) {
    return (
      <Card withBorder radius="md" p={{ base: 'xs', sm: 'md' }} data-testid={`${testId}-new`}>
        <Stack>
          <Title order={3} size="h5">
            {t('person.newTitle')}
          </Title>
          <ErrorAlert error={created.error} />
          <PersonForm
            initialName={name}
            forRole={forRole}
            matchAction={action}
            submitLabel={t('person.createAndChoose')}
            onSaved={(id) => created.mutate(id)}
            onCancel={() => setCreating(false)}
          />
        </Stack>
      </Card>
    );
  }
  return (
    <Stack gap="sm" data-testid={testId}>
      <TextInput
        type="search"
        label={searchLabel}
        description={t('person.searchHint')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        rightSection={pending && name.trim().length >= MIN_MATCH_LENGTH ? <Loader size="xs" /> : null}
        data-testid={`${testId}-search`}
      />
      <ErrorAlert error={error} />
      {checked && !pending && matches.length === 0 && (
        <Alert color="gray" variant="light" data-testid="no-matches">
          {t('person.noMatches')}
        </Alert>
      )}
      {matches.length > 0 && <MatchList matches={matches} action={action} label={t('person.matches')} />}
      <Group>
        <Button
          variant={matches.length > 0 ? 'default' : 'light'}
          leftSection={<Icon name="plus" size={16} />}
          onClick={() => setCreating(true)}
          data-testid={`${testId}-create`}
        >
          {t('person.createNew')}
        </Button>
        {name.trim().length > 0 && name.trim().length < MIN_MATCH_LENGTH && (
          <Text size="sm" c="dimmed">
            {t('person.typeMore', { count: MIN_MATCH_LENGTH })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
