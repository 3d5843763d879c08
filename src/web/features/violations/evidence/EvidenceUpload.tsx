import { Alert, Button, FileButton, Paper, Progress, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState, type DragEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { UPLOAD_EXTENSIONS } from '../../../../core/upload-types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Icon } from '../../../components/icons';
import type { EvidenceOwner } from './api';
import { useInvalidateEvidence } from './queries';
import { useEvidenceUpload, type UploadState } from './useEvidenceUpload';

/** Same limit as the server's schema (`DESCRIPTION_MAX`); a plain copy keeps zod out of the bundle. */
const DESCRIPTION_MAX = 2000;
const ACCEPT = UPLOAD_EXTENSIONS.map((e) => `.${e}`).join(',');

function Status({ state }: { state: UploadState }): ReactElement {
  const { t } = useTranslation('vstats');
  const pct = Math.round((state.current?.progress ?? 0) * 100);
  return (
    <Stack gap="xs" aria-live="polite">
      {state.current && (
        <Stack gap={4} data-testid="evidence-progress">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('evidence.uploading', { name: state.current.name })}
          </Text>
          <Progress value={pct} aria-label={t('evidence.progress', { percent: pct })} animated={pct >= 100} />
        </Stack>
      )}
      {state.done.map((name, i) => (
        <Alert key={`${name}-${i}`} color="green" variant="light" role="status" data-testid="evidence-done">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('evidence.uploaded', { name })}
          </Text>
        </Alert>
      ))}
      {state.failed.map((f, i) => (
        <ErrorAlert key={`${f.name}-${i}`} error={f.error} title={t('evidence.failed', { name: f.name })} />
      ))}
    </Stack>
  );
}

/**
 * Upload one or more files as evidence: the act and description (optional) apply to every file of
 * the batch. The server hashes each original, checks its content against its name and encrypts it.
 */
export function EvidenceUpload({
  owner,
  acts,
}: {
  owner: EvidenceOwner;
  acts?: { id: string; label: string }[];
}): ReactElement {
  const { t } = useTranslation('vstats');
  const invalidate = useInvalidateEvidence(owner);
  const upload = useEvidenceUpload(owner, async () => {
    await invalidate();
  });
  const [actId, setActId] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [over, setOver] = useState(false);

  const start = async (files: File[]) => {
    const fields = { actId: actId ?? undefined, description: description.trim() || undefined };
    if (await upload.start(files, fields)) setDescription('');
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    void start([...e.dataTransfer.files]);
  };

  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      onDrop={onDrop}
      onDragOver={(e: DragEvent<HTMLDivElement>) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      style={{ borderStyle: 'dashed', background: over ? 'var(--mantine-primary-color-light)' : undefined }}
      data-testid="evidence-upload"
    >
      <Stack gap="sm">
        <Text fw={600}>{t('evidence.uploadTitle')}</Text>
        <Text size="sm" c="dimmed">
          {t('evidence.uploadHint')}
        </Text>
        {acts && acts.length > 0 && (
          <Select
            label={t('evidence.act')}
            placeholder={t('evidence.actNone')}
            data={acts.map((a) => ({ value: a.id, label: a.label }))}
            value={actId}
            onChange={setActId}
            clearable
            comboboxProps={{ withinPortal: true }}
            data-testid="evidence-act"
          />
        )}
        <Textarea
          label={t('evidence.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          maxLength={DESCRIPTION_MAX}
          autosize
          minRows={2}
          maxRows={6}
          data-testid="evidence-description"
        />
        <FileButton
          multiple
          accept={ACCEPT}
          onChange={(files) => void start(files)}
          disabled={upload.busy}
          inputProps={{ 'aria-label': t('evidence.choose') }}
        >
          {(props) => (
            <Button
              {...props}
              leftSection={<Icon name="plus" size={16} />}
              loading={upload.busy}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('evidence.choose')}
            </Button>
          )}
        </FileButton>
        <Status state={upload.state} />
      </Stack>
    </Paper>
  );
}
