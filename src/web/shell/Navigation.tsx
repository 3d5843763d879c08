import { Badge, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { Link, useRouterState } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icons';
import { ADMIN_ITEMS, MODULE_ITEMS, visibleItems, type NavItem } from './nav';

function Item({
  item,
  active,
  onNavigate,
}: {
  item: NavItem;
  active: boolean;
  onNavigate: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const label = t(`nav.items.${item.key}`);
  if (!item.to) {
    return (
      <NavLink
        component="div"
        label={label}
        leftSection={<Icon name={item.icon} />}
        rightSection={
          <Badge size="xs" variant="outline" color="gray.7">
            {t('nav.soon')}
          </Badge>
        }
        aria-disabled="true"
        c="gray.7"
        title={t('nav.soonTitle')}
      />
    );
  }
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={label}
      leftSection={<Icon name={item.icon} />}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
      variant="filled"
    />
  );
}

/** An entry is active on its page and on the pages under it (a case under "Cases"). */
function isActive(item: NavItem, pathname: string): boolean {
  return (
    item.to === pathname || (item.to !== undefined && item.to !== '/' && pathname.startsWith(`${item.to}/`))
  );
}

/** The sidebar: working modules, "coming soon" placeholders, then admin pages by capability. */
export function Navigation({
  capabilities,
  onNavigate,
}: {
  capabilities: string[];
  onNavigate: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const admin = visibleItems(ADMIN_ITEMS, capabilities);
  const render = (item: NavItem) => (
    <Item key={item.key} item={item} active={isActive(item, pathname)} onNavigate={onNavigate} />
  );
  return (
    <ScrollArea type="auto" h="100%">
      <Stack gap={2} p="xs" component="nav" aria-label={t('nav.label')}>
        {visibleItems(MODULE_ITEMS, capabilities).map(render)}
        {admin.length > 0 && (
          <>
            <Text size="xs" fw={700} tt="uppercase" c="gray.7" px="sm" pt="md" pb={4} component="h2">
              {t('nav.adminHeading')}
            </Text>
            {admin.map(render)}
          </>
        )}
      </Stack>
    </ScrollArea>
  );
}
