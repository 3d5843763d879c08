import { Alert, Button, FileButton, Paper, Progress, Stack, Text } from '@mantine/core';
import { useState, type DragEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { UPLOAD_EXTENSIONS } from '../../../core/upload-types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/icons';
import { useInvalidateDocuments } from './queries';
import { useUpload, type UploadState } from './useUpload';

export const ACCEPT = UPLOAD_EXTENSIONS.map((e) => `.${e}`).join(',');

/** Progress of the file on its way, then what became of each file. */
export function UploadStatus({ state }: { state: UploadState }): ReactElement {
  const { t } = useTranslation('documents');
  const pct = Math.round((state.current?.progress ?? 0) * 100);
  return (
    <Stack gap="xs" aria-live="polite">
      {state.current && (
        <Stack gap={4} data-testid="upload-progress">
          <Text size="sm">{t('upload.uploading', { name: state.current.name })}</Text>
          <Progress value={pct} aria-label={t('upload.progress', { percent: pct })} animated={pct >= 100} />
        </Stack>
      )}
      {state.done.map((d) => (
        <Alert key={d.reply.id} color="green" variant="light" role="status" data-testid="upload-done">
          {t('upload.done', { name: d.name, version: d.reply.version })}
        </Alert>
      ))}
      {state.failed.map((f, i) => (
        <ErrorAlert key={`${f.name}-${i}`} error={f.error} title={t('upload.failed', { name: f.name })} />
      ))}
    </Stack>
  );
}

/** Drop files here or pick them; each is sent with progress and checked by content on the server. */
export function UploadZone({ caseId }: { caseId: string }): ReactElement {
  const { t } = useTranslation('documents');
  const invalidate = useInvalidateDocuments(caseId);
  const upload = useUpload(caseId, invalidate);
  const [over, setOver] = useState(false);

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    void upload.start([...e.dataTransfer.files]);
  };
  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(true);
  };

  return (
    <Stack gap="sm">
      <Paper
        withBorder
        radius="md"
        p="lg"
        onDrop={onDrop}
        onDragOver={onDragOver}
        onDragLeave={() => setOver(false)}
        style={{
          borderStyle: 'dashed',
          borderWidth: 2,
          background: over ? 'var(--mantine-primary-color-light)' : undefined,
        }}
        data-testid="upload-zone"
      >
        <Stack align="center" gap="xs">
          <Text fw={600} ta="center">
            {t('upload.drop')}
          </Text>
          <Text size="sm" c="dimmed" ta="center">
            {t('upload.hint')}
          </Text>
          <FileButton
            multiple
            accept={ACCEPT}
            onChange={(files) => void upload.start(files)}
            disabled={upload.busy}
            inputProps={{ 'aria-label': t('upload.choose') }}
          >
            {(props) => (
              <Button {...props} leftSection={<Icon name="plus" size={16} />} loading={upload.busy}>
                {t('upload.choose')}
              </Button>
            )}
          </FileButton>
        </Stack>
      </Paper>
      <UploadStatus state={upload.state} />
    </Stack>
  );
}
