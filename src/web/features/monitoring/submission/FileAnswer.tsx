import { Anchor, Box, Group, Stack, Text } from '@mantine/core';
import { createContext, useContext, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../components/icons';
import { useFormat } from '../../../intl/format';
import { formatSize } from '../../documents/size';
import { submissionsApi, type SubmissionFile } from '../api';

/** The submission whose answers are shown, and its files by upload id (AnswersView provides them). */
export const SubmissionFiles = createContext<{ id: string; files: Map<string, SubmissionFile> } | null>(null);

// Types every browser shows; HEIC photos and documents are offered as downloads.
const PICTURE = /^image\/(jpeg|png|gif|webp)$/;

/** Name and size, as a download link: what every file falls back to. */
function DownloadLink({ url, file }: { url: string; file: SubmissionFile }): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Icon name="download" size={16} />
      <Anchor href={url} download={file.name} size="sm" style={{ overflowWrap: 'anywhere' }}>
        {file.name}
      </Anchor>
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {t('answers.fileSize', { size: formatSize(t, fmt.number, file.size) })}
      </Text>
    </Group>
  );
}

/** A photo or a signature: a bounded picture that opens full size in a new tab. */
function Picture({
  url,
  file,
  signature,
}: {
  url: string;
  file: SubmissionFile;
  signature: boolean;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const [broken, setBroken] = useState(false);
  if (broken)
    return (
      <Stack gap={4}>
        <Text size="sm" c="red.9">
          {t('answers.fileBroken')}
        </Text>
        <DownloadLink url={url} file={file} />
      </Stack>
    );
  return (
    <Stack gap={4} align="flex-start">
      <Anchor
        href={url}
        target="_blank"
        rel="noopener noreferrer"
        aria-label={t('answers.openFull', { name: file.name })}
        title={t('answers.openFull', { name: file.name })}
        style={{ display: 'inline-block', maxWidth: '100%' }}
      >
        <Box
          component="img"
          // A photo shows as its small copy (no metadata; the server falls back to the original while
          // it is made); a signature is small already and stays crisp as it was drawn.
          src={signature ? url : `${url}?variant=thumb`}
          alt={t(signature ? 'answers.signatureAlt' : 'answers.photoAlt', { name: file.name })}
          loading="lazy"
          onError={() => setBroken(true)}
          data-testid="answer-image"
          style={{
            display: 'block',
            maxWidth: '100%',
            width: signature ? 280 : 'auto',
            maxHeight: signature ? 120 : 200,
            objectFit: 'contain',
            borderRadius: 4,
            border: '1px solid var(--mantine-color-gray-4)',
            // A signature is dark ink on a transparent background: it needs white behind it.
            background: signature ? '#fff' : 'var(--mantine-color-gray-1)',
          }}
        />
      </Anchor>
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {file.name}
      </Text>
    </Stack>
  );
}

/** One file or signature answer: a picture, a player, or a download link, by the file's real type. */
export function FileAnswer({ value, signature }: { value: unknown; signature: boolean }): ReactElement {
  const { t } = useTranslation('monitoring');
  const ctx = useContext(SubmissionFiles);
  const id = String(value);
  const file = ctx?.files.get(id);
  // Not stored (yet) or not this submission's: say so instead of a link that cannot open.
  if (!ctx || !file)
    return (
      <Text size="sm" c="dimmed" data-testid="answer-file-missing">
        {t(signature ? 'answers.signature' : 'answers.file', { id: id.slice(0, 8) })}
      </Text>
    );
  const url = submissionsApi.fileUrl(ctx.id, file.id);
  const label = file.name;
  if (PICTURE.test(file.mime)) return <Picture url={url} file={file} signature={signature} />;
  if (file.mime.startsWith('audio/'))
    return (
      <Stack gap={4}>
        <audio controls preload="metadata" src={url} aria-label={t('answers.audio', { name: label })}>
          <DownloadLink url={url} file={file} />
        </audio>
        <DownloadLink url={url} file={file} />
      </Stack>
    );
  if (file.mime.startsWith('video/'))
    return (
      <Stack gap={4}>
        <video
          controls
          preload="metadata"
          src={url}
          aria-label={t('answers.video', { name: label })}
          style={{ maxWidth: '100%', maxHeight: 320, borderRadius: 4, background: '#000' }}
        >
          <DownloadLink url={url} file={file} />
        </video>
        <DownloadLink url={url} file={file} />
      </Stack>
    );
  return <DownloadLink url={url} file={file} />;
}
