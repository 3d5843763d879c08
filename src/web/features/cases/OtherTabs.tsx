import { Card, EmptyState } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from './api';

/**
 * Documents and hearings are built by the documents and calendar modules.
 * TODO(#3): replace this placeholder with `CaseDocumentsTab` from '../documents/CaseDocumentsTab' and
 * `CaseHearingsTab` from '../calendar/CaseHearingsTab' (both `({ caseId, canEdit })`) once they exist.
 */
export function OtherTab({ tab, c }: { tab: 'documents' | 'hearings'; c: Case }): ReactElement {
  const { t } = useTranslation('cases');
  return (
    <Card withBorder radius="md" data-testid={`placeholder-${tab}`} data-case-id={c.id}>
      <EmptyState title={t(`tabs.${tab}`)} description={t('page.comingSoon')} />
    </Card>
  );
}
