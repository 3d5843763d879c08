import { Alert, Button, Card, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/icons';
import type { Match } from '../people/api';
import { MatchList } from '../people/MatchList';
import { PersonForm } from '../people/PersonForm';
import { MIN_MATCH_LENGTH, useNameMatch } from '../people/queries';
import { intakeApi } from './api';

function ChooseButton({
  match,
  onChoose,
}: {
  match: Match;
  onChoose: (id: string) => void;
}): ReactElement | null {
  const { t } = useTranslation('intake');
  if (!match.visible || !match.name) {
    return null;
  }
  return (
    <Group justify="flex-end">
      <Button size="xs" variant="light" onClick={() => onChoose(match.id)} data-testid="choose-person">
        {t('who.choose')}
      </Button>
    </Group>
  );
}

/**
 * Step 1 of a new intake: find the person among people already registered (the same cross-script
 * match as the duplicate check, flagged for conflicts as a future client) or register them here.
 */
export function WhoStep({ onCreated }: { onCreated: (intakeId: string) => void }): ReactElement {
  const { t } = useTranslation('intake');
  const [name, setName] = useState('');
  const [creating, setCreating] = useState(false);
  const { matches, pending, error, checked } = useNameMatch(name, { forRole: 'client' });
  const start = useMutation({
    mutationFn: (personId: string) => intakeApi.create(personId),
    onSuccess: (res) => onCreated(res.id),
  });
  const choose = (id: string) => start.mutate(id);
  const action = (m: Match) => <ChooseButton match={m} onChoose={choose} />;

  if (creating) {
    return (
      <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
        <Stack>
          <Title order={2} size="h4">
            {t('who.newPerson')}
          </Title>
          <ErrorAlert error={start.error} />
          <PersonForm
            initialName={name}
            forRole="client"
            matchAction={action}
            submitLabel={t('who.createAndContinue')}
            onSaved={choose}
            onCancel={() => setCreating(false)}
          />
        </Stack>
      </Card>
    );
  }
  return (
    <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }}>
      <Stack>
        <Title order={2} size="h4">
          {t('who.title')}
        </Title>
        <Text size="sm">{t('who.hint')}</Text>
        <TextInput
          type="search"
          label={t('who.search')}
          description={t('who.searchHint')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          rightSection={pending && name.trim().length >= MIN_MATCH_LENGTH ? <Loader size="xs" /> : null}
          data-testid="intake-person-search"
          data-autofocus
        />
        <ErrorAlert error={error ?? start.error} />
        {checked && !pending && matches.length === 0 && (
          <Alert color="gray" variant="light" data-testid="no-matches">
            {t('who.noMatches')}
          </Alert>
        )}
        {matches.length > 0 && <MatchList matches={matches} action={action} label={t('who.matches')} />}
        <Group>
          <Button
            variant={matches.length > 0 ? 'default' : 'filled'}
            leftSection={<Icon name="plus" size={16} />}
            onClick={() => setCreating(true)}
            loading={start.isPending}
            data-testid="intake-new-person"
          >
            {t('who.createNew')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
