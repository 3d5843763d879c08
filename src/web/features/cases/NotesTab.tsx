import { Button, Card, EmptyState, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { PageLoader } from '../../components/PageLoader';
import { useFormat } from '../../intl/format';
import { casesApi, type Case } from './api';
import { useInvalidateCase, useNotes } from './queries';

function AddNote({ c }: { c: Case }): ReactElement {
  const { t } = useTranslation('cases');
  const invalidate = useInvalidateCase(c.id);
  const form = useForm({
    initialValues: { body: '' },
    validate: { body: (v: string) => (v.trim() ? null : t('ui:common.validation.required')) },
  });
  const add = useMutation({
    mutationFn: (v: { body: string }) => casesApi.addNote(c.id, v.body.trim()),
    onSuccess: async () => {
      form.reset();
      await invalidate();
    },
    onError: (e) => form.setErrors(fieldErrors(e)),
  });
  return (
    <Card withBorder radius="md" padding="md">
      <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate data-testid="note-form">
        <Stack gap="xs">
          <Textarea
            name="note"
            label={t('notes.new')}
            description={t('notes.hint')}
            autosize
            minRows={3}
            maxRows={12}
            {...form.getInputProps('body')}
          />
          <ErrorAlert error={add.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending} data-testid="note-submit">
              {t('notes.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Case notes (encrypted at rest), newest first, with author and time. */
export function NotesTab({ c }: { c: Case }): ReactElement {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const notes = useNotes(c.id);
  const items = [...(notes.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Stack>
      {c.canEdit && <AddNote c={c} />}
      {notes.isPending && <PageLoader />}
      <ErrorAlert error={notes.error} />
      {notes.data && items.length === 0 && (
        <Card withBorder radius="md">
          <EmptyState title={t('notes.empty')} />
        </Card>
      )}
      <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('tabs.notes')}>
        {items.map((n) => (
          <Paper key={n.id} component="li" withBorder radius="md" p="md" data-testid="note">
            <Group justify="space-between" gap="xs" mb={6}>
              <Text size="sm" fw={600}>
                {n.authorName}
              </Text>
              <Text size="xs" c="dimmed" component="time" dateTime={n.createdAt}>
                {fmt.dateTime(n.createdAt)}
              </Text>
            </Group>
            <Text
              size="sm"
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
              data-testid="note-body"
            >
              {n.body}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
