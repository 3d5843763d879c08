import {
  Alert,
  Button,
  FileButton,
  Group,
  Paper,
  Progress,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useRef, useState, type DragEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { UPLOAD_EXTENSIONS } from '../../../../core/upload-types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Icon } from '../../../components/icons';
import type { EvidenceOwner } from './api';
import { useInvalidateEvidence } from './queries';
import { rowInputId, UploadRows, useTooLongMessage } from './UploadRows';
import { invalidRows, newRows, sendAtOnce, type UploadRow } from './uploadRules';
import { useEvidenceUpload, type UploadState } from './useEvidenceUpload';

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

/** "Nothing was uploaded: shorten the description of “a.jpg” and “b.pdf”", in the page's language. */
function NotSent({ rows }: { rows: UploadRow[] }): ReactElement {
  const { t, i18n } = useTranslation('vstats');
  const names = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
    rows.map((r) => t('evidence.quoted', { name: r.file.name })),
  );
  return (
    <Alert color="red" variant="light" role="alert" data-testid="evidence-rows-invalid">
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {t('evidence.notSent', { names })}
      </Text>
    </Alert>
  );
}

/**
 * Upload evidence. One file chosen alone is sent at once with the description above it; several files
 * are listed first, each with its own description (prefilled from the one above), because each item
 * of a custody record should say what it shows. The act applies to the whole batch. The server hashes
 * each original, checks its content against its name and encrypts it.
 */
export function EvidenceUpload({
  owner,
  acts,
}: {
  owner: EvidenceOwner;
  acts?: { id: string; label: string }[];
}): ReactElement {
  const { t } = useTranslation('vstats');
  const tooLong = useTooLongMessage();
  const invalidate = useInvalidateEvidence(owner);
  const upload = useEvidenceUpload(owner, async () => {
    await invalidate();
  });
  const [actId, setActId] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [rows, setRows] = useState<UploadRow[]>([]);
  const [attempted, setAttempted] = useState(false);
  const [over, setOver] = useState(false);
  const resetPicker = useRef<() => void>(null);
  const invalid = invalidRows(rows);

  const choose = async (files: File[]) => {
    // Lets the same file be chosen again after its row was removed.
    resetPicker.current?.();
    if (files.length === 0) return;
    if (!sendAtOnce(files, rows.length, description)) {
      setRows((cur) => [...cur, ...newRows(files, description)]);
      return;
    }
    const refused = await upload.start([{ file: files[0]!, description }], actId ?? undefined);
    if (refused?.length === 0) setDescription('');
  };
  const send = async () => {
    if (invalid.length > 0) {
      setAttempted(true);
      document.getElementById(rowInputId(invalid[0]!.key))?.focus();
      return;
    }
    setAttempted(false);
    const batch = rows;
    const refused = await upload.start(batch, actId ?? undefined);
    if (!refused) return;
    // Refused files stay listed with their descriptions, to be removed or sent again.
    const sent = new Set(batch.filter((r) => !refused.includes(r)).map((r) => r.key));
    setRows((cur) => cur.filter((r) => !sent.has(r.key)));
    if (refused.length === 0) setDescription('');
  };
  const edit = (key: string, text: string) =>
    setRows((cur) => cur.map((r) => (r.key === key ? { ...r, description: text } : r)));
  const remove = (key: string) => setRows((cur) => cur.filter((r) => r.key !== key));
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    if (!upload.busy) void choose([...e.dataTransfer.files]);
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
          {rows.length > 0 ? t('evidence.chosen', { count: rows.length }) : t('evidence.uploadHint')}
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
        {rows.length === 0 ? (
          <Textarea
            label={t('evidence.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={tooLong(description)}
            autosize
            minRows={2}
            maxRows={6}
            data-testid="evidence-description"
          />
        ) : (
          <UploadRows rows={rows} disabled={upload.busy} onChange={edit} onRemove={remove} />
        )}
        {attempted && invalid.length > 0 && <NotSent rows={invalid} />}
        <Group gap="xs">
          {rows.length > 0 && (
            <Button
              leftSection={<Icon name="check" size={16} />}
              loading={upload.busy}
              onClick={() => void send()}
              data-testid="evidence-upload-all"
            >
              {t('evidence.uploadAll', { count: rows.length })}
            </Button>
          )}
          <FileButton
            multiple
            accept={ACCEPT}
            onChange={(files) => void choose(files)}
            disabled={upload.busy}
            resetRef={resetPicker}
            inputProps={{ 'aria-label': t(rows.length > 0 ? 'evidence.addMore' : 'evidence.choose') }}
          >
            {(props) => (
              <Button
                {...props}
                variant={rows.length > 0 ? 'default' : 'filled'}
                leftSection={<Icon name="plus" size={16} />}
                loading={rows.length === 0 && upload.busy}
              >
                {t(rows.length > 0 ? 'evidence.addMore' : 'evidence.choose')}
              </Button>
            )}
          </FileButton>
          {rows.length > 0 && (
            <Button variant="subtle" onClick={() => setRows([])} disabled={upload.busy}>
              {t('evidence.clearChosen')}
            </Button>
          )}
        </Group>
        <Status state={upload.state} />
      </Stack>
    </Paper>
  );
}
