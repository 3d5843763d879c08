import { Badge } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { SUCCESS_GREEN } from '../users/status';
import type { Decision, IntakeStatus, Urgency } from './api';

const URGENCY_STYLE: Record<Urgency, { variant: string; color: string }> = {
  critical: { variant: 'filled', color: 'red.9' },
  high: { variant: 'outline', color: 'red.9' },
  normal: { variant: 'outline', color: 'ukuk.8' },
  low: { variant: 'default', color: 'gray' },
};

/** Urgency as a badge; critical stands out most. */
export function UrgencyBadge({ urgency }: { urgency: Urgency | null }): ReactElement {
  const { t } = useTranslation('intake');
  if (!urgency) {
    return (
      <Badge variant="default" tt="none" c="dimmed">
        {t('urgencyLevel.none')}
      </Badge>
    );
  }
  const s = URGENCY_STYLE[urgency];
  return (
    <Badge variant={s.variant} color={s.color} tt="none" data-testid="urgency-badge">
      {t(`urgencyLevel.${urgency}`)}
    </Badge>
  );
}

const DECISION_COLOR: Record<Decision, string> = { accept: SUCCESS_GREEN, refer: 'ukuk.8', reject: 'gray.7' };

/** "Draft", or the decision taken. */
export function StatusBadge({
  status,
  decision,
}: {
  status: IntakeStatus;
  decision: Decision | null;
}): ReactElement {
  const { t } = useTranslation('intake');
  if (status === 'draft' || !decision) {
    return (
      <Badge variant="default" tt="none">
        {t('status.draft')}
      </Badge>
    );
  }
  return (
    <Badge variant="filled" color={DECISION_COLOR[decision]} tt="none">
      {t(`decided.${decision}`)}
    </Badge>
  );
}
