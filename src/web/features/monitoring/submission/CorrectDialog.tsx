import { Alert, Button, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { isVisible } from '../../../../core/forms/conditions';
import type { Answers, FormDefinition } from '../../../../core/forms/types';
import { AppModal } from '../../../components/AppModal';
import { pruneAnswers } from '../../field/answers';
import { submissionsApi, type Submission } from '../api';
import { pick, useLocale } from '../l10n';
import { MonErrorAlert } from '../MonErrorAlert';
import { monitoringKeys } from '../queries';
import { CorrectInput, correctable } from './CorrectInput';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What the correction sends: each correctable answer that differs, and every other answer that the
 * correction hides (the form refuses answers to hidden questions). Computed as the phone saves a
 * report (`pruneAnswers`), so conditions work the same way.
 */
function changesOf(def: FormDefinition, sent: Answers, draft: Answers): Answers {
  const result = pruneAnswers(def, draft);
  const changes: Answers = {};
  for (const f of def.sections.flatMap((s) => s.fields)) {
    if (correctable(f)) {
      if (!same(sent[f.key], result[f.key])) changes[f.key] = result[f.key] ?? null;
    } else if (f.key in sent && !(f.key in result)) changes[f.key] = null;
  }
  return changes;
}

/**
 * "Correct answers…" on a report (review.correct.ts): the observer confirmed other figures on the
 * phone, or a typo is plain. The questions that can be corrected, as the form shows them now; the
 * answers a change would hide are named before saving; a reason is required and stays in the history
 * with each answer's before and after.
 */
export function CorrectDialog({
  s,
  definition,
  onClose,
}: {
  s: Submission;
  definition: FormDefinition;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const lng = useLocale();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<Answers>(() => ({ ...s.answers }));
  const [reason, setReason] = useState('');
  const changes = useMemo(() => changesOf(definition, s.answers, draft), [definition, s.answers, draft]);
  const fields = new Map(definition.sections.flatMap((x) => x.fields).map((f) => [f.key, f]));
  // Answers of other kinds (a photo, a place) that the change hides: said before they go.
  const dropped = Object.keys(changes).filter((k) => !correctable(fields.get(k)!));
  const save = useMutation({
    mutationFn: () => submissionsApi.correct(s.id, changes, reason.trim()),
    onSuccess: (next) => {
      qc.setQueryData(monitoringKeys.submission(s.id), next);
      void qc.invalidateQueries({ queryKey: ['monitoring', 'submissions'] });
      void qc.invalidateQueries({ queryKey: ['monitoring', 'mission'] });
      onClose();
    },
  });
  const count = Object.keys(changes).length;
  return (
    <AppModal opened onClose={onClose} title={t('correct.title')} size="lg">
      <Stack>
        <Text size="sm">{t('correct.intro')}</Text>
        {definition.sections
          .filter((sec) => isVisible(sec.visibleIf, draft))
          .map((sec) => {
            const shown = sec.fields.filter((f) => correctable(f) && isVisible(f.visibleIf, draft));
            if (shown.length === 0) return null;
            return (
              <Stack key={sec.key} gap="sm">
                {pick(sec.title, lng) && (
                  <Title order={3} size="h5">
                    {pick(sec.title, lng)}
                  </Title>
                )}
                {shown.map((f) => (
                  <CorrectInput
                    key={f.key}
                    field={f}
                    value={draft[f.key]}
                    onChange={(v) => setDraft((d) => ({ ...d, [f.key]: v }))}
                  />
                ))}
              </Stack>
            );
          })}
        {dropped.length > 0 && (
          <Alert color="orange" variant="light" data-testid="correct-dropped">
            <Text size="sm">{t('correct.dropped')}</Text>
            <List size="sm">
              {dropped.map((k) => (
                <List.Item key={k}>{pick(fields.get(k)?.label, lng) || k}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Textarea
          label={t('correct.reason')}
          description={t('correct.reasonHint')}
          withAsterisk
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="correct-reason"
        />
        <MonErrorAlert error={save.error} />
        <Group justify="space-between" gap="xs">
          <Text size="sm" c="dimmed" role="status" data-testid="correct-count">
            {count ? t('correct.count', { count }) : t('correct.none')}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel', { ns: 'ui' })}
            </Button>
            <Button
              disabled={count === 0 || reason.trim() === ''}
              loading={save.isPending}
              onClick={() => save.mutate()}
              data-testid="correct-save"
            >
              {t('correct.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </AppModal>
  );
}
