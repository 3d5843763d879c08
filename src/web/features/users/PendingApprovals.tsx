import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../intl/format';
import { AnchorLink } from '../people/AnchorLink';
import { approvalsApi, ERASE_REPORT, ERASE_REPORTS, EXPORT_NAMES, GRANT_ADMIN, type Approval } from './api';
import { useInvalidateUsers } from './queries';

type Decision = { id: string; kind: 'approve' | 'reject' };

function decide({ id, kind }: Decision): Promise<unknown> {
  return kind === 'approve' ? approvalsApi.approve(id) : approvalsApi.reject(id);
}

function ApprovalLine({
  approval,
  busy,
  pending,
  onDecide,
}: {
  approval: Approval;
  /** Which button of this line is waiting for the server, if any. */
  busy: Decision['kind'] | null;
  /** Some decision (this line's or another's) is in flight. */
  pending: boolean;
  onDecide: (d: Decision) => void;
}): ReactElement {
  const { t } = useTranslation();
  const fmt = useFormat();
  const a = approval;
  // What is asked, in one sentence with who asked and when.
  const sentence = () => {
    const base = { requester: a.requestedByName, date: fmt.dateTime(a.requestedAt) ?? '' };
    switch (a.kind) {
      case ERASE_REPORT:
        return t('users.approvals.eraseReport', base);
      case ERASE_REPORTS:
        return t('users.approvals.eraseReports', {
          ...base,
          count: a.count ?? 0,
          n: fmt.number(a.count ?? 0),
        });
      case EXPORT_NAMES:
        return t('users.approvals.exportNames', {
          ...base,
          scope: t(`users.approvals.scope.${SCOPES.has(a.targetName) ? a.targetName : 'cases'}`),
        });
      default:
        return t('users.approvals.grantAdmin', { ...base, target: a.targetName });
    }
  };
  return (
    <Group
      component="li"
      justify="space-between"
      align="center"
      gap="xs"
      py="xs"
      data-testid="approval-item"
      data-target-id={a.targetId}
      data-mine={a.mine ? 'true' : 'false'}
    >
      <Stack gap={4} miw={0} style={{ flex: '1 1 16rem' }}>
        <Text size="sm">{sentence()}</Text>
        {/* The approver reads the report before erasing it for good. */}
        {a.kind === ERASE_REPORT && (
          <AnchorLink
            to="/monitoring/submissions/$id"
            params={{ id: a.targetId }}
            size="sm"
            data-testid="approval-open-report"
          >
            {t('users.approvals.openReport')}
          </AnchorLink>
        )}
        {a.kind === ERASE_REPORTS && (
          <AnchorLink
            to="/monitoring/review"
            search={{ erasing: a.id }}
            size="sm"
            data-testid="approval-open-reports"
          >
            {t('users.approvals.openReports')}
          </AnchorLink>
        )}
        {a.mine && (
          <Text size="xs" fw={600} c="ukuk.8">
            {t('users.approvals.waiting')}
          </Text>
        )}
      </Stack>
      <Group gap="xs" wrap="nowrap">
        {a.mine ? (
          <Button
            size="xs"
            variant="default"
            loading={busy === 'reject'}
            disabled={pending && busy !== 'reject'}
            onClick={() => onDecide({ id: a.id, kind: 'reject' })}
            data-testid="approval-withdraw"
          >
            {t('users.approvals.withdraw')}
          </Button>
        ) : (
          <>
            <Button
              size="xs"
              loading={busy === 'approve'}
              disabled={pending && busy !== 'approve'}
              onClick={() => onDecide({ id: a.id, kind: 'approve' })}
              data-testid="approval-approve"
            >
              {t('users.approvals.approve')}
            </Button>
            <Button
              size="xs"
              variant="outline"
              color="red.8"
              loading={busy === 'reject'}
              disabled={pending && busy !== 'reject'}
              onClick={() => onDecide({ id: a.id, kind: 'reject' })}
              data-testid="approval-reject"
            >
              {t('users.approvals.reject')}
            </Button>
          </>
        )}
      </Group>
    </Group>
  );
}

/**
 * Changes that wait for a second administrator (four-eyes), shown above the users list. Approving
 * asks for password + code again; the requester can only withdraw their own request.
 */
/** What a named export asks for, as the export names its target (a monitoring export: `monitoring`). */
const SCOPES = new Set(['cases', 'violations', 'monitoring']);

export function PendingApprovals({ items }: { items: Approval[] }): ReactElement | null {
  const { t } = useTranslation();
  const headingId = useId();
  const invalidate = useInvalidateUsers();
  const mutation = useMutation({
    mutationFn: decide,
    // Also after a failure: "not found" means someone else decided first.
    onSettled: () => invalidate(),
  });
  // Only kinds this screen can describe: nobody should approve a change they cannot read.
  const known = items.filter((a) =>
    [GRANT_ADMIN, EXPORT_NAMES, ERASE_REPORT, ERASE_REPORTS].includes(a.kind),
  );
  if (known.length === 0) {
    return null;
  }
  const inFlight = mutation.isPending ? mutation.variables : undefined;
  return (
    <Card withBorder radius="md" mb="md" data-testid="approvals-card" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={headingId}>
          {t('users.approvals.title')}
        </Title>
        <ErrorAlert error={mutation.error} />
        <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
          {known.map((a) => (
            <ApprovalLine
              key={a.id}
              approval={a}
              busy={inFlight?.id === a.id ? inFlight.kind : null}
              pending={mutation.isPending}
              onDecide={(d) => mutation.mutate(d)}
            />
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
