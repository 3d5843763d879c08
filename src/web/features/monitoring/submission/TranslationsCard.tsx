import { Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../../core/roles';
import { useFormat } from '../../../intl/format';
import { submissionsApi, type Submission } from '../api';
import { MonErrorAlert } from '../MonErrorAlert';
import { monitoringKeys } from '../queries';

/** The editor's state: which language, and whether it is a new translation or a change of one. */
type Editing = { locale: Locale | null; text: string; isNew: boolean };

/**
 * Reviewers' translations of a report (review.translate.ts), the work of the "to translate" queue:
 * one per language, beside the answers as they were sent. Any reviewer of the report writes, changes or
 * removes one while holding the lock; saving one switches "needs translation" off.
 */
export function TranslationsCard({ s, locked }: { s: Submission; locked: boolean }): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<Editing | null>(null);
  const save = useMutation({
    mutationFn: ({ locale, text }: { locale: Locale; text: string }) =>
      submissionsApi.translate(s.id, locale, text),
    onSuccess: (next) => {
      setEditing(null);
      qc.setQueryData(monitoringKeys.submission(s.id), next);
      void qc.invalidateQueries({ queryKey: ['monitoring', 'submissions'] });
    },
  });
  const missing = LOCALES.filter((l) => !s.translations.some((x) => x.locale === l));
  const open = (e: Editing) => {
    save.reset();
    setEditing(e);
  };
  return (
    <Card withBorder radius="md" padding="md" data-testid="translations-card">
      <Title order={2} size="h4" mb="sm">
        {t('translations.title')}
      </Title>
      <Stack gap="md">
        {s.translations.length === 0 && !editing && (
          <Text size="sm" c="dimmed">
            {t('translations.none')}
          </Text>
        )}
        {s.translations.map((tr) =>
          editing && !editing.isNew && editing.locale === tr.locale ? null : (
            <Stack key={tr.locale} gap={4} data-testid={`translation-${tr.locale}`}>
              <Text size="sm" fw={600} lang={tr.locale}>
                {t(`translations.lang.${tr.locale}`)}
              </Text>
              <Text size="sm" lang={tr.locale} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {tr.text}
              </Text>
              <Group gap="xs" justify="space-between">
                <Text size="xs" c="dimmed">
                  {t('history.meta', { name: tr.name, time: fmt.dateTime(tr.at) })}
                </Text>
                <Group gap={4}>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    disabled={locked || !!editing}
                    onClick={() => open({ locale: tr.locale, text: tr.text, isNew: false })}
                    data-testid={`translation-change-${tr.locale}`}
                  >
                    {t('translations.change')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red.8"
                    disabled={locked || !!editing}
                    loading={save.isPending && save.variables?.locale === tr.locale && !save.variables.text}
                    onClick={() => save.mutate({ locale: tr.locale, text: '' })}
                    data-testid={`translation-remove-${tr.locale}`}
                  >
                    {t('translations.remove')}
                  </Button>
                </Group>
              </Group>
            </Stack>
          ),
        )}
        {editing ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (editing.locale && editing.text.trim())
                save.mutate({ locale: editing.locale, text: editing.text });
            }}
          >
            <Stack gap="sm">
              {editing.isNew ? (
                <Select
                  label={t('translations.language')}
                  placeholder={t('translations.pickLanguage')}
                  data={missing.map((l) => ({ value: l, label: t(`translations.lang.${l}`) }))}
                  value={editing.locale}
                  allowDeselect={false}
                  onChange={(v) => setEditing({ ...editing, locale: v })}
                  data-testid="translation-language"
                />
              ) : (
                <Text size="sm" fw={600}>
                  {t(`translations.lang.${editing.locale}`)}
                </Text>
              )}
              <Textarea
                label={t('translations.text')}
                description={t('translations.hint')}
                autosize
                minRows={4}
                maxLength={20_000}
                value={editing.text}
                lang={editing.locale ?? undefined}
                onChange={(e) => setEditing({ ...editing, text: e.currentTarget.value })}
                data-testid="translation-text"
              />
              <MonErrorAlert error={save.error} />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setEditing(null)}>
                  {t('common.cancel', { ns: 'ui' })}
                </Button>
                <Button
                  type="submit"
                  disabled={locked || !editing.locale || !editing.text.trim()}
                  loading={save.isPending}
                  data-testid="translation-save"
                >
                  {t('translations.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <>
            <MonErrorAlert error={save.error} />
            {missing.length > 0 && (
              <Button
                variant="light"
                w="fit-content"
                disabled={locked}
                onClick={() =>
                  open({ locale: missing.length === 1 ? missing[0]! : null, text: '', isNew: true })
                }
                data-testid="translation-add"
              >
                {t('translations.add')}
              </Button>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
