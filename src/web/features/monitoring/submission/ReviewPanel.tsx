import { Alert, Button, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyText } from '../../../components/CopyText';
import { useFormat } from '../../../intl/format';
import { can, useMe } from '../../auth/queries';
import { QUEUES, submissionsApi, type Flags, type Submission, type SubmissionStatus } from '../api';
import { MonErrorAlert } from '../MonErrorAlert';
import { monitoringKeys } from '../queries';
import { AssignCard } from './AssignCard';
import { DuplicatesCard } from './DuplicatesCard';
import { EraseCard } from './EraseCard';
import { NEXT } from './workflow';
import { RejectDialog } from './RejectDialog';
import { CaseDialog } from './CaseDialog';
import { ViolationDialog } from './ViolationDialog';

/**
 * A lock's end as the banner says it: the minute it is over by. "Until 07:36" for a lock that ends at
 * 07:36:40 read as free at 07:36 to the person waiting, who then found it still held.
 */
const minuteAfter = (iso: string) => new Date(Math.ceil(Date.parse(iso) / 60_000) * 60_000).toISOString();

/** Who holds the lock, as a banner: "Aigul is editing" or "You are editing". */
export function LockBanner({
  s,
  refused,
  away,
  onRetry,
}: {
  s: Submission;
  refused: unknown;
  /** The lock was given back because the reviewer was away (useReviewLock). */
  away: boolean;
  onRetry: () => void;
}): ReactElement | null {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const me = useMe().data;
  const lock = s.lock;
  if (lock && lock.userId !== me?.id)
    return (
      <Alert
        color="orange"
        variant="light"
        title={t('lock.other', { name: lock.name })}
        data-testid="lock-banner"
      >
        <Stack gap={6}>
          <Text size="sm">{t('lock.otherHint', { time: fmt.dateTime(minuteAfter(lock.until)) })}</Text>
          <Button size="sm" variant="default" w="fit-content" onClick={onRetry}>
            {t('lock.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  if (lock)
    return (
      <Text size="sm" c="dimmed" data-testid="lock-mine">
        {t('lock.mine', { time: fmt.dateTime(minuteAfter(lock.until)) })}
      </Text>
    );
  if (refused) return <MonErrorAlert error={refused} />;
  return away ? (
    <Text size="sm" c="dimmed" data-testid="lock-away">
      {t('lock.away')}
    </Text>
  ) : null;
}

/** A move back along the workflow is named as one ("Return to review", not "Start review"). */
const ORDER = ['received', 'in_review', 'verified', 'published'];
const stepBack = (from: string, to: string) =>
  to !== 'rejected' && (from === 'rejected' || ORDER.indexOf(to) < ORDER.indexOf(from));

const rejectedBecause = (s: Submission) => s.history.findLast((h) => h.to === 'rejected')?.reason ?? null;

/** State buttons, the assignee, triage flags and the two "make a record" actions. */
export function ReviewPanel({ s, locked }: { s: Submission; locked: boolean }): ReactElement {
  const { t } = useTranslation('monitoring');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const me = useMe().data;
  const [rejecting, setRejecting] = useState(false);
  const fresh = (next: Submission) => {
    qc.setQueryData(monitoringKeys.submission(s.id), next);
    void qc.invalidateQueries({ queryKey: ['monitoring', 'submissions'] });
    void qc.invalidateQueries({ queryKey: ['monitoring', 'mission'] });
  };
  const move = useMutation({
    mutationFn: ({ to, why }: { to: SubmissionStatus; why?: string }) =>
      submissionsApi.transition(s.id, to, why),
    onSuccess: (next) => {
      setRejecting(false);
      fresh(next);
    },
  });
  const flag = useMutation({
    mutationFn: (f: Partial<Flags>) => submissionsApi.flags(s.id, f),
    onSuccess: fresh,
  });
  const [makingViolation, setMakingViolation] = useState(false);
  const [makingCase, setMakingCase] = useState(false);
  const closeReject = () => {
    setRejecting(false);
    // A refusal seen in the dialog must not linger under the state buttons once it is closed.
    move.reset();
  };
  const canViolation = can(me, 'violations.write');
  const canCase = can(me, 'cases.write');
  const rejectedReason = s.status === 'rejected' ? rejectedBecause(s) : null;
  return (
    <Stack gap="md">
      <Card withBorder radius="md" padding="md">
        <Title order={2} size="h4" mb="sm">
          {t('review.state')}
        </Title>
        {/* Why it was rejected, where the decision to reopen it is taken (not only in the history). */}
        {rejectedReason && (
          <Text size="sm" mb="sm" style={{ overflowWrap: 'anywhere' }} data-testid="rejected-reason">
            {t('history.reason', { reason: rejectedReason })}
          </Text>
        )}
        <Group gap="xs">
          {NEXT[s.status].map((to) => (
            <Button
              key={to}
              color={to === 'rejected' ? 'red.8' : undefined}
              variant={to === 'rejected' || NEXT[s.status][0] !== to ? 'default' : 'filled'}
              disabled={locked}
              loading={move.isPending && move.variables?.to === to}
              onClick={() => (to === 'rejected' ? setRejecting(true) : move.mutate({ to }))}
              data-testid={`to-${to}`}
            >
              {t(stepBack(s.status, to) ? `transitionBack.${to}` : `transition.${to}`)}
            </Button>
          ))}
        </Group>
        {/* "Publish" read as "put the report on the public page" (which shows totals only): say what it means. */}
        {(NEXT[s.status].includes('published') || s.status === 'published') && (
          <Text size="xs" c="dimmed" mt="xs" data-testid="publish-hint">
            {t('review.publishHint')}
          </Text>
        )}
        {!rejecting && <MonErrorAlert error={move.error} />}
      </Card>
      <DuplicatesCard s={s} locked={locked} onChange={fresh} />
      <AssignCard s={s} locked={locked} />
      <Card withBorder radius="md" padding="md">
        <Title order={2} size="h4" mb="sm">
          {t('review.flags')}
        </Title>
        {/* Switches of a size a thumb can hit: coordinators triage from their phones on election day. */}
        <Stack gap="sm">
          {QUEUES.map((q) => (
            <Switch
              key={q}
              size="md"
              label={t(`flags.${q}`)}
              checked={s.flags[q]}
              disabled={locked || flag.isPending}
              onChange={(e) => flag.mutate({ [q]: e.currentTarget.checked })}
              data-testid={`flag-${q}`}
            />
          ))}
        </Stack>
        <MonErrorAlert error={flag.error} />
      </Card>
      {(canViolation || canCase) && (
        <Card withBorder radius="md" padding="md">
          <Title order={2} size="h4" mb="sm">
            {t('review.records')}
          </Title>
          <Stack gap="xs">
            {canViolation &&
              (s.violationEventId ? (
                <Button
                  variant="default"
                  onClick={() =>
                    void navigate({ to: '/violations/$id', params: { id: s.violationEventId! } })
                  }
                >
                  {t('review.openViolation')}
                </Button>
              ) : (
                <Button
                  variant="light"
                  disabled={locked}
                  onClick={() => setMakingViolation(true)}
                  data-testid="to-violation"
                >
                  {t('review.makeViolation')}
                </Button>
              ))}
            {canCase &&
              (s.caseId ? (
                <Button
                  variant="default"
                  onClick={() => void navigate({ to: '/cases/$id', params: { id: s.caseId! } })}
                >
                  {t('review.openCase')}
                </Button>
              ) : (
                <Button
                  variant="light"
                  disabled={locked}
                  onClick={() => setMakingCase(true)}
                  data-testid="to-case"
                >
                  {t('review.makeCase')}
                </Button>
              ))}
            {makingViolation && <ViolationDialog id={s.id} onClose={() => setMakingViolation(false)} />}
            {makingCase && <CaseDialog id={s.id} onClose={() => setMakingCase(false)} />}
          </Stack>
        </Card>
      )}
      {/* A coordinator looked for these actions and found nothing: say who takes a report further. */}
      {!canViolation && !canCase && (
        <Card withBorder radius="md" padding="md" data-testid="records-none">
          <Title order={2} size="h4" mb="xs">
            {t('review.records')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('review.recordsNone')}
          </Text>
          <Group mt="sm">
            <CopyText
              value={`${window.location.origin}/monitoring/submissions/${s.id}`}
              label={t('review.copyLink')}
            />
          </Group>
        </Card>
      )}
      {s.status === 'rejected' && can(me, 'monitoring.erase') && <EraseCard s={s} locked={locked} />}
      {rejecting && (
        <RejectDialog
          title={t('review.rejectTitle')}
          hint={t('review.reasonHint')}
          pending={move.isPending}
          error={move.error}
          onReject={(why) => move.mutate({ to: 'rejected', why })}
          onEdit={() => move.reset()}
          onClose={closeReject}
          testIds={{ reason: 'reject-reason', confirm: 'reject-confirm' }}
        />
      )}
    </Stack>
  );
}
