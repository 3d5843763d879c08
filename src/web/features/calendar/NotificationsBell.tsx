import { ActionIcon, Indicator, Menu, ScrollArea, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';
import { useGeoNames } from '../cases/labels';
import { calendarApi, type Notification } from './api';
import { calendarKeys, useNotifications } from './queries';
import { useCalendarFormat, type CalendarFormat } from './time';

type Translate = ReturnType<typeof useTranslation<'calendar'>>['t'];

/** The sentence of a notice, from its codes and times (notices store no text). */
export function noticeText(
  t: Translate,
  fmt: CalendarFormat,
  n: Notification,
  regionName: (code: string) => string,
): string {
  const p = n.params;
  if (n.kind === 'hearing.reminder' && typeof p.startsAt === 'string') {
    const kind = t(`kind.${p.kind === 'deadline' ? 'deadline' : 'hearing'}`);
    const vars = { kind, number: String(p.caseNumber ?? ''), time: fmt.dateTime(p.startsAt) };
    return p.offset === '1d' ? t('notifications.reminder1d', vars) : t('notifications.reminder1h', vars);
  }
  if (n.kind === 'monitoring.assigned_many' && typeof p.count === 'number')
    return t('notifications.assignedMany', { count: p.count, n: String(p.count) });
  if (n.kind === 'monitoring.critical' || n.kind === 'monitoring.assigned') {
    const region = typeof p.region === 'string' ? regionName(p.region) : null;
    const place = [typeof p.site === 'string' ? p.site : null, region].filter(Boolean).join(', ');
    if (n.kind === 'monitoring.assigned')
      return place ? t('notifications.assigned', { place }) : t('notifications.assignedNoPlace');
    return place ? t('notifications.critical', { place }) : t('notifications.criticalNoPlace');
  }
  return t('notifications.generic');
}

/** Where a notice leads: its case, the report it alerts to or gives, or the "Mine" queue. */
function noticeTarget(n: Notification): string | null {
  if (n.kind === 'monitoring.assigned_many') return '/monitoring/review?queue=mine';
  if (n.kind.startsWith('monitoring.') && typeof n.params.submissionId === 'string')
    return `/monitoring/submissions/${n.params.submissionId}`;
  return typeof n.params.caseId === 'string' ? `/cases/${n.params.caseId}` : null;
}

/** The bell in the header: unread count, the newest notices, "mark all read". */
export function NotificationsBell(): ReactElement {
  const { t } = useTranslation('calendar');
  const geo = useGeoNames();
  const fmt = useCalendarFormat();
  const router = useRouter();
  const queryClient = useQueryClient();
  const list = useNotifications();
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];
  const refresh = () => queryClient.invalidateQueries({ queryKey: calendarKeys.notifications });
  const read = useMutation({ mutationFn: calendarApi.read, onSuccess: refresh });
  const readAll = useMutation({ mutationFn: calendarApi.readAll, onSuccess: refresh });
  const open = (n: Notification) => {
    if (!n.readAt) read.mutate(n.id);
    const to = noticeTarget(n);
    if (to) router.history.push(to);
  };
  return (
    // No focus placeholder: Mantine's is a focusable element inside the menu that is not a menu item, so
    // screen readers would not read the notices as the menu's items (axe: aria-required-children).
    <Menu position="bottom-end" withinPortal width={320} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          size="lg"
          color="gray.8"
          aria-label={unread ? t('notifications.openUnread', { count: unread }) : t('notifications.open')}
          data-testid="notifications-bell"
        >
          <Indicator
            label={unread > 99 ? '99+' : unread}
            size={16}
            color="red.8"
            disabled={unread === 0}
            offset={2}
            data-testid="notifications-count"
          >
            <Icon name="bell" size={20} />
          </Indicator>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('notifications.title')}</Menu.Label>
        {items.length === 0 && (
          <Text size="sm" c="dimmed" px="sm" py="xs" data-testid="notifications-empty">
            {t('notifications.empty')}
          </Text>
        )}
        <ScrollArea.Autosize mah={360} type="auto">
          {items.map((n) => (
            <Menu.Item
              key={n.id}
              onClick={() => open(n)}
              data-testid="notification"
              data-unread={n.readAt ? 'false' : 'true'}
              leftSection={
                <Icon
                  name={n.kind === 'monitoring.critical' ? 'alert' : n.readAt ? 'check' : 'calendar'}
                  size={16}
                />
              }
            >
              <Text size="sm" fw={n.readAt ? 400 : 700}>
                {noticeText(t, fmt, n, geo.region)}
              </Text>
            </Menu.Item>
          ))}
        </ScrollArea.Autosize>
        {unread > 0 && (
          <>
            <Menu.Divider />
            <Menu.Item onClick={() => readAll.mutate()} data-testid="notifications-read-all">
              {t('notifications.markAll')}
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
