import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../intl/format';
import { MATCHING_MAX, SKIP_CODES, submissionsApi, type BulkResult, type SubmissionStatus } from '../api';
import { MonErrorAlert } from '../MonErrorAlert';
import { RejectDialog } from '../submission/RejectDialog';
import { BulkAssignDialog } from './BulkAssignDialog';
import { BulkDuplicateDialog } from './BulkDuplicateDialog';
import { BulkErase } from './BulkErase';
import { can, useMe } from '../../auth/queries';

/** The moves offered for a selection; the server refuses, per report, what its state does not allow. */
const MOVES: readonly SubmissionStatus[] = ['in_review', 'verified', 'published', 'rejected'];

/**
 * The status buttons for the reports selected in the review queue. A rejection asks for its reason
 * first, as for one report; the reason is kept in each report's history.
 */
export function BulkBar({
  ids,
  more,
  onClear,
  onStart,
  onResult,
}: {
  ids: string[];
  /** The whole page is selected and the filter matches more: offer to select every match. */
  more?: { total: number; pending: boolean; onSelect: () => void } | undefined;
  onClear: () => void;
  /** A batch was sent: the last batch's outcome no longer describes the page. */
  onStart: () => void;
  onResult: (r: BulkResult) => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const qc = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [copying, setCopying] = useState(false);
  const eraser = can(useMe().data, 'monitoring.erase');
  const done = (r: BulkResult) => {
    setRejecting(false);
    setCopying(false);
    setAssigning(false);
    onResult(r);
    void qc.invalidateQueries({ queryKey: ['monitoring', 'submissions'] });
    void qc.invalidateQueries({ queryKey: ['monitoring', 'submission'] });
    void qc.invalidateQueries({ queryKey: ['monitoring', 'mission'] });
  };
  const move = useMutation({
    mutationFn: ({ to, why }: { to: SubmissionStatus; why?: string }) =>
      submissionsApi.transitionMany(ids, to, why),
    onMutate: onStart,
    onSuccess: done,
  });
  const copies = useMutation({
    mutationFn: ({ original, why }: { original: string; why: string }) =>
      submissionsApi.markDuplicates(ids, original, why || undefined),
    onMutate: onStart,
    onSuccess: done,
  });
  const assign = useMutation({
    mutationFn: (userId: string | null) => submissionsApi.assignMany(ids, userId),
    onMutate: onStart,
    onSuccess: done,
  });
  const busy = move.isPending || assign.isPending || copies.isPending;
  const closeReject = () => {
    setRejecting(false);
    move.reset();
  };
  const n = fmt.number(ids.length);
  return (
    <Paper withBorder radius="md" p="sm" bg="gray.0" data-testid="bulk-bar">
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text fw={600} role="status" data-testid="bulk-count">
            {t('bulk.selected', { count: ids.length, n })}
          </Text>
          <Group gap="xs">
            {more && (
              <Button
                variant="subtle"
                size="compact-sm"
                loading={more.pending}
                disabled={busy}
                onClick={more.onSelect}
                data-testid="bulk-select-matching"
              >
                {more.total > MATCHING_MAX
                  ? t('bulk.selectFirst', {
                      count: more.total,
                      n: fmt.number(more.total),
                      max: fmt.number(MATCHING_MAX),
                    })
                  : t('bulk.selectMatching', { count: more.total, n: fmt.number(more.total) })}
              </Button>
            )}
            <Button variant="subtle" size="compact-sm" onClick={onClear} data-testid="bulk-clear">
              {t('bulk.clear')}
            </Button>
          </Group>
        </Group>
        <Group gap="xs" role="group" aria-label={t('bulk.actions')}>
          {MOVES.map((to) => (
            <Button
              key={to}
              size="sm"
              variant={to === 'rejected' ? 'default' : 'light'}
              color={to === 'rejected' ? 'red.8' : undefined}
              loading={move.isPending && move.variables?.to === to}
              disabled={busy}
              onClick={() => (to === 'rejected' ? setRejecting(true) : move.mutate({ to }))}
              data-testid={`bulk-${to}`}
            >
              {t(`transition.${to}`)}
            </Button>
          ))}
          <Button
            size="sm"
            variant="default"
            disabled={busy}
            onClick={() => {
              copies.reset();
              setCopying(true);
            }}
            data-testid="bulk-duplicates"
          >
            {t('bulk.duplicates')}
          </Button>
          <Button
            size="sm"
            variant="default"
            disabled={busy}
            onClick={() => {
              assign.reset();
              setAssigning(true);
            }}
            data-testid="bulk-assign"
          >
            {t('bulk.assign')}
          </Button>
          {eraser && <BulkErase ids={ids} disabled={busy} onStart={onStart} onResult={done} />}
        </Group>
        {!rejecting && <MonErrorAlert error={move.error} />}
      </Stack>
      {assigning && (
        <BulkAssignDialog
          ids={ids}
          pending={assign.isPending}
          error={assign.error}
          onAssign={(userId) => assign.mutate(userId)}
          onClose={() => setAssigning(false)}
        />
      )}
      {copying && (
        <BulkDuplicateDialog
          title={t('bulk.duplicatesTitle', { count: ids.length, n })}
          pending={copies.isPending}
          error={copies.error}
          onMark={(original, why) => copies.mutate({ original, why })}
          onEdit={() => copies.reset()}
          onClose={() => setCopying(false)}
        />
      )}
      {rejecting && (
        <RejectDialog
          title={t('bulk.rejectTitle', { count: ids.length, n })}
          hint={t('bulk.reasonHint')}
          pending={move.isPending}
          error={move.error}
          onReject={(why) => move.mutate({ to: 'rejected', why })}
          onEdit={() => move.reset()}
          onClose={closeReject}
          testIds={{ reason: 'bulk-reason', confirm: 'bulk-reject-confirm' }}
        />
      )}
    </Paper>
  );
}

/** What the last batch did: how many moved, and how many were left and why. */
export function BulkOutcome({ result, onClose }: { result: BulkResult; onClose: () => void }): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const counts = SKIP_CODES.map((code) => ({
    key: code.replace('submissions.', ''),
    count: result.skipped.filter((s) => s.code === code).length,
  })).filter((c) => c.count > 0);
  return (
    <Alert
      color={result.skipped.length ? 'orange' : 'green'}
      variant="light"
      withCloseButton
      onClose={onClose}
      closeButtonLabel={t('common.close', { ns: 'ui' })}
      role="status"
      data-testid="bulk-outcome"
    >
      <Text size="sm" fw={600}>
        {t(
          result.erase === 'requested'
            ? 'bulk.eraseRequested'
            : result.erase === 'erased'
              ? 'bulk.erased'
              : 'bulk.done',
          { count: result.done.length, n: fmt.number(result.done.length) },
        )}
      </Text>
      {counts.map((c) => (
        <Text size="sm" key={c.key} data-testid={`bulk-skipped-${c.key}`}>
          {t(`bulk.skipped.${c.key}`, { count: c.count, n: fmt.number(c.count) })}
        </Text>
      ))}
    </Alert>
  );
}
