import { Button, Card, Group, Loader, Title } from '@mantine/core';
import { useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../../../../core/forms/types';
import type { Submission } from '../api';
import { MonErrorAlert } from '../MonErrorAlert';
import { AnswersView } from './AnswersView';
import { CorrectDialog } from './CorrectDialog';

/**
 * The report's answers; a reviewer may correct some (review.correct.ts) while nobody else holds the
 * report. Answers a reviewer corrected are marked; the history says from what.
 */
export function AnswersCard({
  s,
  definition,
  error,
  canCorrect,
}: {
  s: Submission;
  definition: FormDefinition | undefined;
  error: unknown;
  canCorrect: boolean;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const [correcting, setCorrecting] = useState(false);
  const corrected = useMemo(
    () =>
      new Set(s.history.flatMap((h) => (h.action === 'correct' ? (h.changes ?? []).map((c) => c.key) : []))),
    [s.history],
  );
  return (
    <Card withBorder radius="md" padding="md">
      <Group justify="space-between" align="flex-start" mb="sm" gap="xs">
        <Title order={2} size="h4">
          {t('submission.answers')}
        </Title>
        {canCorrect && definition && (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => setCorrecting(true)}
            data-testid="correct-open"
          >
            {t('correct.open')}
          </Button>
        )}
      </Group>
      <MonErrorAlert error={error} />
      {/* Until the form arrives the answers would show as bare keys and ISO times; only a form that
          cannot be read leaves them that way. */}
      {!definition && !error ? (
        <Loader size="sm" data-testid="answers-loading" />
      ) : (
        <AnswersView
          definition={definition}
          answers={s.answers}
          submissionId={s.id}
          files={s.files}
          corrected={corrected}
        />
      )}
      {correcting && definition && (
        <CorrectDialog s={s} definition={definition} onClose={() => setCorrecting(false)} />
      )}
    </Card>
  );
}
