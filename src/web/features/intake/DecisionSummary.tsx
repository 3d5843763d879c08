import { Alert, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../intl/format';
import { CaseLink } from '../people/CaseLink';
import type { Intake } from './api';

/** A decided intake: what was decided, when, why, and the case it opened. */
export function DecisionSummary({ intake }: { intake: Intake }): ReactElement {
  const { t } = useTranslation('intake');
  const fmt = useFormat();
  const d = intake.decision ?? 'reject';
  return (
    <Alert
      variant="light"
      color={d === 'accept' ? 'ukuk' : 'gray'}
      title={t(`decided.${d}`)}
      data-testid="decision-summary"
    >
      <Stack gap={4}>
        {intake.decidedAt && (
          <Text size="sm">{t('summary.decidedAt', { date: fmt.dateTime(intake.decidedAt) })}</Text>
        )}
        {intake.referredTo && <Text size="sm">{t('summary.referredTo', { to: intake.referredTo })}</Text>}
        {intake.decisionReason && (
          <Text size="sm">{t('summary.reason', { reason: intake.decisionReason })}</Text>
        )}
        {intake.caseId && (
          <CaseLink caseId={intake.caseId} size="sm" fw={600}>
            {t('summary.openCase')}
          </CaseLink>
        )}
      </Stack>
    </Alert>
  );
}
