import { Anchor, Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../intl/format';
import { MODULE_ITEMS, visibleItems } from '../../shell/nav';
import type { Me } from '../auth/api';
import { can, useMe } from '../auth/queries';
import { useSessions } from '../profile/queries';
import { useUsers } from '../users/queries';

function StatCard({
  icon,
  label,
  value,
  loading,
  link,
}: {
  icon: IconName;
  label: string;
  value: string;
  loading: boolean;
  link?: ReactElement;
}): ReactElement {
  return (
    <Card withBorder radius="md" padding="lg">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Text c="ukuk.8" mt={2}>
          <Icon name={icon} size={24} />
        </Text>
        <Stack gap={4} miw={0}>
          {loading ? (
            <Skeleton h={28} w={120} />
          ) : (
            <Text fw={700} size="lg">
              {value}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {label}
          </Text>
          {link}
        </Stack>
      </Group>
    </Card>
  );
}

function UserStats(): ReactElement {
  const { t } = useTranslation();
  const users = useUsers();
  const items = users.data?.items ?? [];
  const active = items.filter((u) => u.status === 'active').length;
  const invited = items.filter((u) => u.status === 'invited').length;
  const link = (
    <Anchor component={Link} to="/admin/users" size="sm">
      {t('dashboard.manageUsers')}
    </Anchor>
  );
  return (
    <>
      <StatCard
        icon="users"
        loading={users.isPending}
        value={t('dashboard.activeUsers', { count: active })}
        label={t('dashboard.activeUsersLabel')}
        link={link}
      />
      <StatCard
        icon="plus"
        loading={users.isPending}
        value={t('dashboard.pendingInvites', { count: invited })}
        label={t('dashboard.pendingInvitesLabel')}
      />
    </>
  );
}

function SessionStats(): ReactElement {
  const { t } = useTranslation();
  const sessions = useSessions();
  const count = sessions.data?.items.length ?? 0;
  const link = (
    <Anchor component={Link} to="/profile" size="sm">
      {t('dashboard.reviewSessions')}
    </Anchor>
  );
  return (
    <StatCard
      icon="shield"
      loading={sessions.isPending}
      value={t('dashboard.sessions', { count })}
      label={t('dashboard.sessionsLabel')}
      link={link}
    />
  );
}

/**
 * The modules this person may open, as links, and the ones still being built (the menu lists those
 * greyed out): the first screen after login says where the work is, for each role.
 */
function ModuleLinks({ me }: { me: Me }): ReactElement {
  const { t } = useTranslation();
  const mine = visibleItems(MODULE_ITEMS, me.capabilities).filter((i) => i.to !== '/');
  const coming = mine.filter((i) => !i.to).map((i) => t(`nav.items.${i.key}`));
  return (
    <>
      <Group gap="xs" component="nav" aria-label={t('dashboard.start')} data-testid="dashboard-modules">
        {mine.map(({ key, to, icon }) =>
          to ? (
            <Button
              key={key}
              component={Link}
              to={to}
              variant="light"
              size="compact-md"
              leftSection={<Icon name={icon} size={16} />}
            >
              {t(`nav.items.${key}`)}
            </Button>
          ) : null,
        )}
      </Group>
      {coming.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('dashboard.coming', { modules: coming.join(', ') })}
        </Text>
      )}
    </>
  );
}

function Welcome({ me }: { me: Me }): ReactElement {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Card withBorder radius="md" padding="lg" bg="ukuk.0">
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('dashboard.welcome', { name: me.name })}
        </Title>
        <Group gap="xs">
          <Text size="sm">{me.org.name}</Text>
          <Badge variant="filled" color="ukuk.8">
            {t(`roles.${me.role}`, { defaultValue: me.role })}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('dashboard.today', { date: fmt.date(new Date().toISOString()) })}
        </Text>
        <ModuleLinks me={me} />
      </Stack>
    </Card>
  );
}

/** Landing page: a welcome and the few honest numbers the app can already show. */
export function DashboardPage(): ReactElement | null {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) {
    return null;
  }
  return (
    <>
      <PageHeader title={t('nav.items.dashboard')} />
      <Stack>
        <Welcome me={me} />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {can(me, 'users.manage') && <UserStats />}
          <SessionStats />
        </SimpleGrid>
      </Stack>
    </>
  );
}
