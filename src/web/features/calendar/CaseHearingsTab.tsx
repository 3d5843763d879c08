import { Alert, Badge, Button, EmptyState, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../../api/client';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/icons';
import { PageLoader } from '../../components/PageLoader';
import type { Case } from '../../../core/schemas/cases';
import { useMe } from '../auth/queries';
import { calendarApi, type Conflict, type Hearing } from './api';
import { CaseLink } from './CaseLink';
import { ConflictBadge, KindBadge, timeSpan } from './EventCard';
import { HearingFormModal } from './HearingForm';
import { useCaseHearings, useInvalidateCalendar } from './queries';
import { dayOfInstant, useCalendarFormat, type CalendarFormat } from './time';

type TeamMember = z.infer<typeof Case>['team'][number];

/** The case's working team (not read-only grants): who may attend a hearing. */
function useTeam(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['cases', 'detail', caseId, 'team'],
    queryFn: async () => (await api.get<{ team: TeamMember[] }>(`/api/cases/${caseId}`)).team,
    enabled,
    retry: false,
  });
}

function HearingRow({
  h,
  fmt,
  canEdit,
  onEdit,
  onCancel,
}: {
  h: Hearing;
  fmt: CalendarFormat;
  canEdit: boolean;
  onEdit: () => void;
  onCancel: () => void;
}): ReactElement {
  const { t } = useTranslation('calendar');
  const cancelled = h.cancelledAt !== null;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="li"
      data-testid="hearing-row"
      data-hearing-id={h.id}
      style={{ opacity: cancelled ? 0.65 : 1 }}
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={4} miw={0} style={{ flex: '1 1 16rem' }}>
          <Group gap={6}>
            <KindBadge kind={h.kind} />
            {cancelled && (
              <Badge variant="outline" color="gray.7">
                {t('hearings.cancelled')}
              </Badge>
            )}
            {h.conflict && !cancelled && <ConflictBadge />}
          </Group>
          <Text fw={600} td={cancelled ? 'line-through' : undefined}>
            {`${fmt.fullDay(dayOfInstant(h.startsAt))}, ${timeSpan(fmt, h)}`}
          </Text>
          {(h.court || h.room) && (
            <Text size="sm">
              {[h.court, h.room ? t('event.room', { room: h.room }) : null].filter(Boolean).join(' · ')}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {t('event.attending', { name: h.lawyerName })}
          </Text>
          {h.note && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {h.note}
            </Text>
          )}
        </Stack>
        {canEdit && !cancelled && (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={onEdit} data-testid="hearing-edit">
              {t('hearings.edit')}
            </Button>
            <Button size="xs" variant="default" color="red.8" onClick={onCancel} data-testid="hearing-cancel">
              {t('hearings.cancel')}
            </Button>
          </Group>
        )}
      </Group>
    </Paper>
  );
}

function ConflictNotice({
  conflicts,
  onClose,
}: {
  conflicts: Conflict[];
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation('calendar');
  const fmt = useCalendarFormat();
  return (
    <Alert
      color="red"
      variant="light"
      title={t('conflict.title')}
      withCloseButton
      closeButtonLabel={t('hearings.close')}
      onClose={onClose}
      role="alert"
      icon={<Icon name="alert" />}
      data-testid="hearing-conflict"
    >
      <Text size="sm" mb={4}>
        {t('conflict.saved')}
      </Text>
      <List size="sm">
        {conflicts.map((c, i) => (
          <List.Item key={c.id ?? i}>
            {`${fmt.dateTime(c.startsAt)}${c.endsAt ? `–${fmt.time(c.endsAt)}` : ''} · `}
            {c.caseId && c.caseNumber ? (
              <CaseLink caseId={c.caseId} size="sm">
                {c.caseNumber}
              </CaseLink>
            ) : (
              t('conflict.hidden')
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** The case page's hearings tab: the list, and add / edit / cancel for those who may edit the case. */
export function CaseHearingsTab({ caseId, canEdit }: { caseId: string; canEdit: boolean }): ReactElement {
  const { t } = useTranslation('calendar');
  const fmt = useCalendarFormat();
  const me = useMe().data;
  const list = useCaseHearings(caseId);
  const team = useTeam(caseId, canEdit);
  const invalidate = useInvalidateCalendar();
  const [editing, setEditing] = useState<Hearing | 'new' | null>(null);
  const [cancelling, setCancelling] = useState<Hearing | null>(null);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const cancel = useMutation({
    mutationFn: (id: string) => calendarApi.cancel(id),
    onSuccess: async () => {
      setCancelling(null);
      await invalidate();
    },
  });
  const items = list.data?.items ?? [];
  const members = (team.data ?? []).filter((m) => m.role !== 'grant');
  return (
    <Stack data-testid="case-hearings">
      <Group justify="space-between">
        <Text fw={700}>{t('hearings.title')}</Text>
        {canEdit && (
          <Button
            leftSection={<Icon name="plus" size={16} />}
            onClick={() => setEditing('new')}
            data-testid="hearing-add"
          >
            {t('hearings.add')}
          </Button>
        )}
      </Group>
      {conflicts.length > 0 && <ConflictNotice conflicts={conflicts} onClose={() => setConflicts([])} />}
      {list.isPending && <PageLoader />}
      <ErrorAlert error={list.error} />
      {list.data && items.length === 0 && (
        <EmptyState title={t('hearings.empty')} description={t('hearings.emptyHint')} p="lg" />
      )}
      {items.length > 0 && (
        <Stack
          gap="xs"
          component="ul"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t('hearings.title')}
        >
          {items.map((h) => (
            <HearingRow
              key={h.id}
              h={h}
              fmt={fmt}
              canEdit={canEdit}
              onEdit={() => setEditing(h)}
              onCancel={() => setCancelling(h)}
            />
          ))}
        </Stack>
      )}
      {editing && (
        <HearingFormModal
          key={editing === 'new' ? 'new' : editing.id}
          caseId={caseId}
          hearing={editing === 'new' ? null : editing}
          opened
          meId={me?.id ?? ''}
          team={members}
          onClose={() => setEditing(null)}
          onSaved={(c) => {
            setEditing(null);
            setConflicts(c);
          }}
        />
      )}
      <ConfirmModal
        opened={cancelling !== null}
        title={t('hearings.cancelTitle')}
        confirmLabel={t('hearings.cancel')}
        danger
        loading={cancel.isPending}
        error={cancel.error}
        onConfirm={() => cancelling && cancel.mutate(cancelling.id)}
        onClose={() => setCancelling(null)}
      >
        {t('hearings.cancelConfirm')}
      </ConfirmModal>
    </Stack>
  );
}
