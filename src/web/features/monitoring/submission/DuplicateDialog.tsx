import { Anchor, Badge, Button, Group, Loader, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { AppModal } from '../../../components/AppModal';
import { useFormat } from '../../../intl/format';
import { submissionsApi, type Submission } from '../api';
import { MonErrorAlert, monErrorMessage } from '../MonErrorAlert';

const OTHER = 'other';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The report id in a pasted address or number, or '' (the server checks what it names). */
export const reportIdIn = (text: string): string => UUID.exec(text)?.[0]?.toLowerCase() ?? '';

/**
 * Rejects the report as the duplicate of another: picked among the similar reports the server
 * offers (same site, nearest in time), or pasted as the other report's address when it is further
 * off (two observers at different stations who saw one incident). The server checks the link.
 */
export function DuplicateDialog({
  s,
  onClose,
  onDone,
}: {
  s: Submission;
  onClose: () => void;
  onDone: (next: Submission) => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const similar = useQuery({
    queryKey: ['monitoring', 'similar', s.id],
    queryFn: () => submissionsApi.similar(s.id),
  });
  const [picked, setPicked] = useState('');
  const [pasted, setPasted] = useState('');
  const [reason, setReason] = useState('');
  const original = picked === OTHER ? reportIdIn(pasted) : picked;
  const mark = useMutation({
    mutationFn: () => submissionsApi.markDuplicate(s.id, original, reason.trim() || undefined),
    onSuccess: onDone,
  });
  const items = similar.data?.items ?? [];
  // A refusal about the link belongs at the pasted address when that is where it came from.
  const linkRefused =
    mark.error instanceof ApiError &&
    mark.error.code.startsWith('submissions.duplicate_') &&
    picked === OTHER;
  return (
    <AppModal opened onClose={onClose} title={t('duplicates.markTitle')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (original) mark.mutate();
        }}
      >
        <Stack>
          <Radio.Group
            label={t('duplicates.pick')}
            description={t('duplicates.pickHint')}
            value={picked}
            onChange={(v) => {
              setPicked(v);
              mark.reset();
            }}
          >
            <Stack gap="xs" mt="xs" data-testid="similar-list">
              {similar.isPending && <Loader size="sm" />}
              {similar.isSuccess && items.length === 0 && (
                <Text size="sm" c="dimmed" data-testid="similar-none">
                  {t('duplicates.none')}
                </Text>
              )}
              <MonErrorAlert error={similar.error} />
              {items.map((i) => (
                <Group key={i.id} gap="xs" wrap="nowrap" align="flex-start">
                  <Radio
                    value={i.id}
                    data-testid={`similar-${i.id}`}
                    label={
                      <Group gap={6}>
                        <Text size="sm">
                          {[i.site ?? t('review.publicReport'), i.observer, fmt.dateTime(i.submittedAt)]
                            .filter(Boolean)
                            .join(' · ')}
                        </Text>
                        <Badge size="sm" variant="light" color="gray">
                          {t(`status.${i.status}`)}
                        </Badge>
                        {i.critical && (
                          <Badge size="sm" variant="light" color="red">
                            {t('review.critical')}
                          </Badge>
                        )}
                      </Group>
                    }
                  />
                  {/* To compare the answers before deciding: in a tab of its own, the dialog stays. */}
                  <Anchor size="sm" href={`/monitoring/submissions/${i.id}`} target="_blank" ml="auto">
                    {t('duplicates.open')}
                  </Anchor>
                </Group>
              ))}
              <Radio value={OTHER} label={t('duplicates.other')} data-testid="similar-other" />
            </Stack>
          </Radio.Group>
          {picked === OTHER && (
            <TextInput
              label={t('duplicates.paste')}
              description={t('duplicates.pasteHint')}
              value={pasted}
              onChange={(e) => {
                setPasted(e.currentTarget.value);
                mark.reset();
              }}
              error={
                pasted.trim() && !original
                  ? t('duplicates.pasteBad')
                  : linkRefused
                    ? monErrorMessage(t, mark.error)
                    : undefined
              }
              data-testid="duplicate-paste"
            />
          )}
          <DuplicateFooter
            reason={reason}
            onReason={setReason}
            error={linkRefused ? null : mark.error}
            ready={Boolean(original)}
            pending={mark.isPending}
            onClose={onClose}
            testIds={{ reason: 'duplicate-reason', confirm: 'duplicate-confirm' }}
          />
        </Stack>
      </form>
    </AppModal>
  );
}

/** The optional note, a refusal not shown at a field, and Cancel / "Reject as a duplicate" (one report or many). */
export function DuplicateFooter({
  reason,
  onReason,
  error,
  ready,
  pending,
  onClose,
  testIds,
}: {
  reason: string;
  onReason: (text: string) => void;
  error: unknown;
  /** An original is named: the button may be pressed. */
  ready: boolean;
  pending: boolean;
  onClose: () => void;
  testIds: { reason: string; confirm: string };
}): ReactElement {
  const { t } = useTranslation('monitoring');
  return (
    <>
      <Textarea
        label={t('duplicates.reason')}
        description={t('duplicates.reasonHint')}
        autosize
        minRows={2}
        maxLength={2000}
        value={reason}
        onChange={(e) => onReason(e.currentTarget.value)}
        data-testid={testIds.reason}
      />
      <MonErrorAlert error={error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel', { ns: 'ui' })}
        </Button>
        <Button type="submit" color="red.8" disabled={!ready} loading={pending} data-testid={testIds.confirm}>
          {t('duplicates.confirm')}
        </Button>
      </Group>
    </>
  );
}
