import type { ReactElement } from 'react';
import { CaseHearingsTab } from '../calendar/CaseHearingsTab';
import { CaseDocumentsTab } from '../documents/CaseDocumentsTab';
import type { Case } from './api';

/** Tabs whose content belongs to other modules (hearings: calendar; documents: documents). */
export function OtherTab({ tab, c }: { tab: 'documents' | 'hearings'; c: Case }): ReactElement {
  if (tab === 'hearings') return <CaseHearingsTab caseId={c.id} canEdit={c.canEdit} />;
  return <CaseDocumentsTab caseId={c.id} canEdit={c.canEdit} />;
}
