import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { WARNING_STYLES } from '../../components/warning';
import { peopleApi, type Person, type PersonSummary } from './api';
import { PersonPicker } from './PersonPicker';
import { useInvalidatePeople } from './queries';

/**
 * Merge a duplicate INTO this person: pick the duplicate, confirm, then the server asks for
 * re-authentication (the API client opens the dialog) and moves names, roles and the rest here.
 */
export function MergeModal({
  person,
  opened,
  onClose,
}: {
  person: Person;
  opened: boolean;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation('people');
  const invalidate = useInvalidatePeople();
  const [other, setOther] = useState<PersonSummary | null>(null);
  const name = person.names[0]?.full ?? '';
  const close = () => {
    setOther(null);
    merge.reset();
    onClose();
  };
  const merge = useMutation({
    mutationFn: (otherId: string) => peopleApi.merge(person.id, otherId),
    onSuccess: async () => {
      await invalidate();
      close();
    },
  });
  return (
    <AppModal opened={opened} onClose={close} title={t('merge.title')} size="lg">
      {other === null ? (
        <Stack>
          <Text size="sm">{t('merge.intro', { name })}</Text>
          <PersonPicker excludeId={person.id} label={t('merge.search')} onPick={setOther} />
        </Stack>
      ) : (
        <Stack>
          <Alert color="yellow" variant="light" styles={WARNING_STYLES} title={t('merge.confirmTitle')}>
            {t('merge.confirmBody', { other: other.name, name })}
          </Alert>
          <Text size="sm">{t('merge.reauth')}</Text>
          <ErrorAlert error={merge.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOther(null)}>
              {t('merge.back')}
            </Button>
            <Button
              color="red.8"
              loading={merge.isPending}
              onClick={() => merge.mutate(other.id)}
              data-testid="merge-confirm"
            >
              {t('merge.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </AppModal>
  );
}
