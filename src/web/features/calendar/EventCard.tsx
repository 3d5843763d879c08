import { Badge, Paper, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';
import type { CalendarItem } from './api';
import { shortCaseNumber } from './caseNumber';
import { CaseLink } from './CaseLink';
import type { CalendarFormat } from './time';

export const KIND_COLOR = { hearing: 'ukuk.8', deadline: 'orange.9' } as const;
const BORDER = { hearing: 'var(--mantine-color-ukuk-7)', deadline: 'var(--mantine-color-orange-7)' } as const;

/** "10:00–11:00" for a hearing, "17:00" for a deadline. */
export function timeSpan(fmt: CalendarFormat, item: { startsAt: string; endsAt: string | null }): string {
  return item.endsAt ? `${fmt.time(item.startsAt)}–${fmt.time(item.endsAt)}` : fmt.time(item.startsAt);
}

/** Hearing or deadline, as an outlined badge (readable on white and on the clash tint). */
export function KindBadge({ kind }: { kind: 'hearing' | 'deadline' }): ReactElement {
  const { t } = useTranslation('calendar');
  return (
    <Badge size="xs" variant="outline" color={KIND_COLOR[kind]} style={{ alignSelf: 'flex-start' }}>
      {t(`kind.${kind}`)}
    </Badge>
  );
}

/** A conflict marker: red, with a text label (never colour alone). */
export function ConflictBadge({ size = 'sm' }: { size?: 'xs' | 'sm' }): ReactElement {
  const { t } = useTranslation('calendar');
  return (
    <Badge
      color="red.8"
      variant="filled"
      size={size}
      leftSection={<Icon name="alert" size={12} />}
      data-testid="conflict-badge"
    >
      {t('conflict.badge')}
    </Badge>
  );
}

/** One hearing or deadline in a week column, day list or phone list. */
export function EventCard({
  item,
  fmt,
  showLawyer,
}: {
  item: CalendarItem;
  fmt: CalendarFormat;
  showLawyer: boolean;
}): ReactElement {
  const { t } = useTranslation('calendar');
  const color = item.conflict ? 'var(--mantine-color-red-8)' : BORDER[item.kind];
  return (
    <Paper
      withBorder
      radius="sm"
      p={6}
      data-testid="calendar-event"
      data-hearing-id={item.id}
      data-conflict={item.conflict ? 'true' : 'false'}
      style={{
        borderInlineStart: `4px solid ${color}`,
        background: item.conflict ? 'var(--mantine-color-red-0)' : undefined,
      }}
    >
      <Stack gap={2}>
        <Text size="sm" fw={700} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
          {timeSpan(fmt, item)}
        </Text>
        <KindBadge kind={item.kind} />
        <CaseLink
          caseId={item.caseId}
          size="sm"
          fw={600}
          style={{ whiteSpace: 'nowrap' }}
          label={t('event.openCase', { number: item.caseNumber })}
        >
          {item.caseNumber}
        </CaseLink>
        {item.court && (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {item.room ? `${item.court} · ${t('event.room', { room: item.room })}` : item.court}
          </Text>
        )}
        {showLawyer && (
          <Text size="xs" c="dimmed" truncate>
            {item.lawyerName}
          </Text>
        )}
        {item.conflict && <ConflictBadge size="xs" />}
      </Stack>
    </Paper>
  );
}

/**
 * A one-line entry of a month cell; opens the day. It shows the case number's short form (a cell is
 * too narrow for the whole one); its name and tooltip have the whole number.
 */
export function EventChip({
  item,
  fmt,
  shownYear,
  onOpen,
}: {
  item: CalendarItem;
  fmt: CalendarFormat;
  /** The year of the month on screen: a case number of that year is shown without it. */
  shownYear: string;
  onOpen: () => void;
}): ReactElement {
  const { t } = useTranslation('calendar');
  const label = `${fmt.time(item.startsAt)} ${t(`kind.${item.kind}`)} ${item.caseNumber}${item.conflict ? ` · ${t('conflict.badge')}` : ''}`;
  return (
    <Tooltip label={label} openDelay={400}>
      <UnstyledButton
        onClick={onOpen}
        data-testid="calendar-event"
        data-hearing-id={item.id}
        data-conflict={item.conflict ? 'true' : 'false'}
        aria-label={label}
        style={{
          display: 'block',
          width: '100%',
          borderRadius: 4,
          padding: '1px 4px',
          fontSize: 12,
          lineHeight: 1.4,
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          color: item.conflict ? 'var(--mantine-color-white)' : 'var(--mantine-color-text)',
          background: item.conflict
            ? 'var(--mantine-color-red-8)'
            : item.kind === 'deadline'
              ? 'var(--mantine-color-orange-1)'
              : 'var(--mantine-color-ukuk-1)',
        }}
      >
        <span style={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}>{fmt.time(item.startsAt)}</span>{' '}
        <span data-testid="calendar-event-number">{shortCaseNumber(item.caseNumber, shownYear)}</span>
      </UnstyledButton>
    </Tooltip>
  );
}
