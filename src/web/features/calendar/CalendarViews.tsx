import { Box, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarItem } from './api';
import { EventCard, EventChip } from './EventCard';
import { dayOfInstant, daysOf, type CalendarFormat } from './time';

const MONTH_CELL_MAX = 3;

/** Entries grouped by their Bishkek day. */
export function byDay(items: CalendarItem[]): Map<string, CalendarItem[]> {
  const m = new Map<string, CalendarItem[]>();
  for (const it of items) {
    const d = dayOfInstant(it.startsAt);
    m.set(d, [...(m.get(d) ?? []), it]);
  }
  return m;
}

interface ViewProps {
  from: string;
  to: string;
  today: string;
  items: CalendarItem[];
  fmt: CalendarFormat;
  showLawyer: boolean;
  onOpenDay: (day: string) => void;
}

function DayButton({
  day,
  today,
  fmt,
  onOpenDay,
  long,
}: {
  day: string;
  today: string;
  fmt: CalendarFormat;
  onOpenDay: (day: string) => void;
  long?: boolean;
}): ReactElement {
  const isToday = day === today;
  return (
    <UnstyledButton
      onClick={() => onOpenDay(day)}
      // The month grid shows only the number; its name says the whole date (and contains the number).
      aria-label={long ? undefined : fmt.fullDay(day)}
      aria-current={isToday ? 'date' : undefined}
      style={{ borderRadius: 4, paddingInline: 4 }}
    >
      <Text size="sm" fw={isToday ? 800 : 600} c={isToday ? 'ukuk.8' : undefined}>
        {long ? fmt.dayHeading(day) : fmt.dayNumber(day)}
      </Text>
    </UnstyledButton>
  );
}

/** Seven columns, Monday first; each day lists its entries in time order. */
export function WeekView(p: ViewProps): ReactElement {
  const days = byDay(p.items);
  return (
    <SimpleGrid cols={7} spacing={6} data-testid="calendar-week">
      {daysOf(p.from, p.to).map((d) => (
        <Stack
          key={d}
          gap={6}
          p={6}
          mih={160}
          data-day={d}
          style={{
            borderRadius: 6,
            background: d === p.today ? 'var(--mantine-color-ukuk-0)' : 'var(--mantine-color-gray-0)',
            minWidth: 0,
          }}
        >
          <DayButton day={d} today={p.today} fmt={p.fmt} onOpenDay={p.onOpenDay} long />
          {(days.get(d) ?? []).map((it) => (
            <EventCard key={it.id} item={it} fmt={p.fmt} showLawyer={p.showLawyer} />
          ))}
        </Stack>
      ))}
    </SimpleGrid>
  );
}

/** Whole weeks of a month; a cell shows a few entries and "+N more", which opens the day. */
export function MonthView(p: ViewProps & { month: string }): ReactElement {
  const { t } = useTranslation('calendar');
  const days = byDay(p.items);
  const all = daysOf(p.from, p.to);
  return (
    <Box data-testid="calendar-month">
      <SimpleGrid cols={7} spacing={4} mb={4} aria-hidden="true">
        {all.slice(0, 7).map((d) => (
          <Text key={d} size="xs" fw={700} c="dimmed" ta="center" tt="uppercase">
            {p.fmt.weekdayShort(d)}
          </Text>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={7} spacing={4}>
        {all.map((d) => {
          const list = days.get(d) ?? [];
          const outside = d.slice(0, 7) !== p.month;
          return (
            <Stack
              key={d}
              gap={2}
              p={4}
              mih={96}
              data-day={d}
              style={{
                borderRadius: 6,
                minWidth: 0,
                opacity: outside ? 0.6 : 1,
                background: d === p.today ? 'var(--mantine-color-ukuk-0)' : 'var(--mantine-color-gray-0)',
              }}
            >
              <DayButton day={d} today={p.today} fmt={p.fmt} onOpenDay={p.onOpenDay} />
              {list.slice(0, MONTH_CELL_MAX).map((it) => (
                <EventChip
                  key={it.id}
                  item={it}
                  fmt={p.fmt}
                  shownYear={p.month.slice(0, 4)}
                  onOpen={() => p.onOpenDay(d)}
                />
              ))}
              {list.length > MONTH_CELL_MAX && (
                <UnstyledButton onClick={() => p.onOpenDay(d)} style={{ fontSize: 12, paddingInline: 4 }}>
                  {t('more', { count: list.length - MONTH_CELL_MAX })}
                </UnstyledButton>
              )}
            </Stack>
          );
        })}
      </SimpleGrid>
    </Box>
  );
}

/** A list of days with entries (day view, and every view on a phone). Empty days are skipped. */
export function AgendaView(p: ViewProps): ReactElement {
  const days = byDay(p.items);
  return (
    <Stack gap="md" data-testid="calendar-agenda">
      {daysOf(p.from, p.to)
        .filter((d) => days.has(d))
        .map((d) => (
          <Stack key={d} gap={6} data-day={d}>
            <Title order={3} size="h5" c={d === p.today ? 'ukuk.8' : undefined}>
              {p.fmt.fullDay(d)}
            </Title>
            {(days.get(d) ?? []).map((it) => (
              <EventCard key={it.id} item={it} fmt={p.fmt} showLawyer={p.showLawyer} />
            ))}
          </Stack>
        ))}
    </Stack>
  );
}
