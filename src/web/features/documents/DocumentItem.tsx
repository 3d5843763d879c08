import { Button, Collapse, FileButton, Group, Paper, Stack, Text } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';
import { useFormat } from '../../intl/format';
import { documentsApi, type DocumentSummary } from './api';
import { useInvalidateDocuments } from './queries';
import { Sha } from './Sha';
import { formatSize } from './size';
import { ACCEPT, UploadStatus } from './UploadZone';
import { useUpload } from './useUpload';
import { useVerify, VerifyButton, VerifyResult } from './VerifyControl';
import { VersionsList } from './VersionsList';

/** One document (its latest version): download, verify, add a version, see all versions. */
export function DocumentItem({
  caseId,
  doc,
  canEdit,
}: {
  caseId: string;
  doc: DocumentSummary;
  canEdit: boolean;
}): ReactElement {
  const { t } = useTranslation('documents');
  const fmt = useFormat();
  const [open, setOpen] = useState(false);
  const verify = useVerify(caseId, doc.id);
  const invalidate = useInvalidateDocuments(caseId);
  const upload = useUpload(caseId, invalidate);
  return (
    <Paper component="li" withBorder radius="md" p="md" data-testid="document" data-group-id={doc.groupId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="document-name">
              {doc.name}
            </Text>
            <Text size="xs" c="dimmed">
              {t('doc.version', { version: doc.version })} ·{' '}
              {t('doc.meta', {
                size: formatSize(t, fmt.number, doc.size),
                name: doc.uploadedByName,
                time: fmt.dateTime(doc.uploadedAt),
              })}
            </Text>
          </Stack>
          <Group gap="xs">
            <Button
              component="a"
              href={documentsApi.downloadUrl(caseId, doc.id)}
              download
              variant="default"
              size="xs"
              leftSection={<Icon name="download" size={14} />}
              data-testid="document-download"
            >
              {t('doc.download')}
            </Button>
            <VerifyButton verify={verify} />
            {canEdit && (
              <FileButton
                accept={ACCEPT}
                onChange={(f) => void (f && upload.start([f], doc.groupId))}
                disabled={upload.busy}
                inputProps={{ 'aria-label': t('upload.newVersion') }}
              >
                {(props) => (
                  <Button
                    {...props}
                    variant="default"
                    size="xs"
                    leftSection={<Icon name="plus" size={14} />}
                    loading={upload.busy}
                    data-testid="document-new-version"
                  >
                    {t('upload.newVersion')}
                  </Button>
                )}
              </FileButton>
            )}
          </Group>
        </Group>
        <Sha value={doc.sha256} />
        <VerifyResult verify={verify} />
        <UploadStatus state={upload.state} />
        {doc.versionCount > 1 && (
          <>
            <Group>
              <Button
                variant="subtle"
                size="xs"
                onClick={() => setOpen((o) => !o)}
                aria-expanded={open}
                rightSection={<Icon name="chevron" size={14} />}
                data-testid="document-versions-toggle"
              >
                {t('doc.versions', { count: doc.versionCount })}
              </Button>
            </Group>
            <Collapse expanded={open}>{open && <VersionsList caseId={caseId} docId={doc.id} />}</Collapse>
          </>
        )}
      </Stack>
    </Paper>
  );
}
