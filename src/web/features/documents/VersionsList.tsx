import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/icons';
import { PageLoader } from '../../components/PageLoader';
import { useFormat } from '../../intl/format';
import { documentsApi, type DocumentVersion } from './api';
import { useVersions } from './queries';
import { Sha } from './Sha';
import { formatSize } from './size';
import { useVerify, VerifyButton, VerifyResult } from './VerifyControl';

function VersionRow({ caseId, v }: { caseId: string; v: DocumentVersion }): ReactElement {
  const { t } = useTranslation('documents');
  const fmt = useFormat();
  const verify = useVerify(caseId, v.id);
  return (
    <Paper component="li" withBorder radius="sm" p="sm" data-testid="document-version">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {t('doc.version', { version: v.version })} · {v.name}
            </Text>
            <Text size="xs" c="dimmed">
              {t('doc.meta', {
                size: formatSize(t, fmt.number, v.size),
                name: v.uploadedByName,
                time: fmt.dateTime(v.uploadedAt),
              })}
            </Text>
          </Stack>
          <Group gap="xs">
            <Button
              component="a"
              href={documentsApi.downloadUrl(caseId, v.id)}
              download
              variant="default"
              size="xs"
              leftSection={<Icon name="download" size={14} />}
            >
              {t('doc.download')}
            </Button>
            <VerifyButton verify={verify} />
          </Group>
        </Group>
        <Sha value={v.sha256} />
        <VerifyResult verify={verify} />
      </Stack>
    </Paper>
  );
}

/** Every version of one document, newest first, each downloadable and verifiable on its own. */
export function VersionsList({ caseId, docId }: { caseId: string; docId: string }): ReactElement {
  const { t } = useTranslation('documents');
  const versions = useVersions(caseId, docId, true);
  return (
    <Stack gap="xs">
      {versions.isPending && <PageLoader minHeight={60} />}
      <ErrorAlert error={versions.error} />
      <Stack
        gap="xs"
        component="ul"
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
        aria-label={t('doc.versionsLabel')}
      >
        {(versions.data?.items ?? []).map((v) => (
          <VersionRow key={v.id} caseId={caseId} v={v} />
        ))}
      </Stack>
    </Stack>
  );
}
