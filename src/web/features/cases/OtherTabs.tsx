import { Card, EmptyState } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseHearingsTab } from '../calendar/CaseHearingsTab';
import type { Case } from './api';

/**
 * Placeholder for the documents tab, built by the documents module.
 * TODO(#3): replace with `CaseDocumentsTab` from '../documents/CaseDocumentsTab' (`({ caseId, canEdit })`)
 * once that file exists.
 */
function DocumentsPlaceholder({ c }: { c: Case }): ReactElement {
  const { t } = useTranslation('cases');
  return (
    <Card withBorder radius="md" data-testid="placeholder-documents" data-case-id={c.id}>
      <EmptyState title={t('tabs.documents')} description={t('page.comingSoon')} />
    </Card>
  );
}

/** Tabs whose content belongs to other modules (hearings: calendar; documents: documents). */
export function OtherTab({ tab, c }: { tab: 'documents' | 'hearings'; c: Case }): ReactElement {
  if (tab === 'hearings') return <CaseHearingsTab caseId={c.id} canEdit={c.canEdit} />;
  return <DocumentsPlaceholder c={c} />;
}
