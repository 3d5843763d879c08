import { Badge, Box, Button, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Icon } from '../../../components/icons';
import { useFormat } from '../../../intl/format';
import { formatSize } from '../../documents/size';
import { evidenceApi, type Evidence } from './api';
import { CustodyModal } from './CustodyModal';
import { ShaFull } from './ShaFull';

const THUMB = 72;

/** The last integrity check: "not checked yet", "intact (date)" or what is wrong. */
function Integrity({ ev }: { ev: Evidence }): ReactElement {
  const { t } = useTranslation('vstats');
  const fmt = useFormat();
  const result = ev.verifyResult;
  if (!result)
    return (
      <Text size="xs" c="dimmed" data-testid="evidence-integrity" data-result="none">
        {t('evidence.neverVerified')}
      </Text>
    );
  return (
    <Group gap={6} data-testid="evidence-integrity" data-result={result}>
      <Badge color={result === 'ok' ? '#22693a' : 'red.9'} variant="filled" tt="none">
        {t(`evidence.result.${result}`)}
      </Badge>
      {ev.verifiedAt && (
        <Text size="xs" c="dimmed">
          {t('evidence.verifiedAt', { time: fmt.dateTime(ev.verifiedAt) })}
        </Text>
      )}
    </Group>
  );
}

function Preview({ ev }: { ev: Evidence }): ReactElement {
  // A thumbnail only: the server strips every bit of metadata from it; the original stays sealed.
  if (ev.hasThumbnail)
    return (
      <Image
        src={evidenceApi.thumbnailUrl(ev.id)}
        alt=""
        w={THUMB}
        h={THUMB}
        fit="cover"
        radius="sm"
        data-testid="evidence-thumbnail"
      />
    );
  return (
    <Box
      w={THUMB}
      h={THUMB}
      bg="gray.1"
      style={{ display: 'grid', placeItems: 'center', borderRadius: 4, flexShrink: 0 }}
      aria-hidden="true"
    >
      <Icon name={ev.kind === 'video' ? 'film' : ev.kind === 'image' ? 'eye' : 'books'} size={28} />
    </Box>
  );
}

/** One evidence item: what it is, its fingerprint, and download, verify and custody log. */
export function EvidenceItem({
  ev,
  actLabel,
  onVerified,
}: {
  ev: Evidence;
  actLabel?: string;
  onVerified: () => Promise<unknown>;
}): ReactElement {
  const { t } = useTranslation('vstats');
  const fmt = useFormat();
  const [custodyOpen, custody] = useDisclosure(false);
  const verify = useMutation({ mutationFn: () => evidenceApi.verify(ev.id), onSuccess: onVerified });
  return (
    <Paper component="li" withBorder radius="md" p={{ base: 'sm', sm: 'md' }} data-testid="evidence-item">
      <Stack gap="xs">
        <Group align="flex-start" gap="sm" wrap="nowrap">
          <Preview ev={ev} />
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="evidence-name">
              {ev.name}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`evidence.kind.${ev.kind}`)} · {formatSize(t, fmt.number, ev.size)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('evidence.uploadedBy', {
                name: ev.uploadedByName,
                time: fmt.dateTime(ev.uploadedAt),
              })}
            </Text>
            {actLabel && (
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {t('evidence.forAct', { act: actLabel })}
              </Text>
            )}
          </Stack>
        </Group>
        {ev.description && (
          <Text
            size="sm"
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            data-testid="evidence-description-text"
          >
            {ev.description}
          </Text>
        )}
        <ShaFull value={ev.sha256} />
        <Integrity ev={ev} />
        {!ev.derived && (
          <Text size="xs" c="dimmed">
            {t('evidence.processing')}
          </Text>
        )}
        <Group gap="xs">
          <Button
            component="a"
            href={evidenceApi.downloadUrl(ev.id)}
            download
            variant="default"
            size="xs"
            leftSection={<Icon name="download" size={14} />}
            data-testid="evidence-download"
          >
            {t('evidence.download')}
          </Button>
          <Button
            variant="default"
            size="xs"
            leftSection={<Icon name="shield" size={14} />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
            data-testid="evidence-verify"
          >
            {t('evidence.verify')}
          </Button>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<Icon name="list" size={14} />}
            onClick={custody.open}
            data-testid="evidence-custody"
          >
            {t('evidence.custody')}
          </Button>
        </Group>
        {verify.data && (
          <Text
            size="sm"
            role={verify.data.ok ? 'status' : 'alert'}
            c={verify.data.ok ? 'green.9' : 'red.9'}
            fw={600}
            data-testid="evidence-verify-result"
            data-ok={verify.data.ok ? '1' : '0'}
          >
            {verify.data.ok
              ? t('evidence.verifyOk')
              : t(`evidence.verifyBad.${verify.data.problem ?? 'mismatch'}`)}
          </Text>
        )}
        <ErrorAlert error={verify.error} />
      </Stack>
      <CustodyModal id={ev.id} name={ev.name} opened={custodyOpen} onClose={custody.close} />
    </Paper>
  );
}
