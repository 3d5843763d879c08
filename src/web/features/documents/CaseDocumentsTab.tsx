import { Card, EmptyState, Stack } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { DocumentItem } from './DocumentItem';
import { useDocuments } from './queries';
import { UploadZone } from './UploadZone';

/**
 * The documents of one case: upload (team members), the latest version of each document with its
 * SHA-256, its versions, download (every download is audited) and an integrity check on demand.
 */
export function CaseDocumentsTab({ caseId, canEdit }: { caseId: string; canEdit: boolean }): ReactElement {
  const { t } = useTranslation('documents');
  const docs = useDocuments(caseId);
  const items = docs.data?.items ?? [];
  return (
    <Stack data-testid="documents-tab">
      {canEdit && <UploadZone caseId={caseId} />}
      {docs.isPending && <PageLoader />}
      <ErrorAlert error={docs.error} />
      {docs.data && items.length === 0 && (
        <Card withBorder radius="md">
          <EmptyState title={t('list.empty')} description={canEdit ? t('list.emptyHint') : undefined} />
        </Card>
      )}
      <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('list.label')}>
        {items.map((d) => (
          <DocumentItem key={d.groupId} caseId={caseId} doc={d} canEdit={canEdit} />
        ))}
      </Stack>
    </Stack>
  );
}
