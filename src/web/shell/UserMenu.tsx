import { Avatar, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icons';
import type { Me } from '../features/auth/api';
import { useLogout } from './session';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
}

/** Avatar button with the person's name, a link to their profile and "log out". */
export function UserMenu({ me }: { me: Me }): ReactElement {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Menu position="bottom-end" withinPortal width={240}>
      <Menu.Target>
        <UnstyledButton data-testid="user-menu" title={me.name}>
          <Avatar color="ukuk" radius="xl" size={34} variant="filled" aria-hidden="true">
            {initials(me.name)}
          </Avatar>
          <VisuallyHidden>{t('userMenu.open', { name: me.name })}</VisuallyHidden>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark" truncate>
            {me.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {me.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/profile" leftSection={<Icon name="user" size={16} />}>
          {t('userMenu.profile')}
        </Menu.Item>
        <Menu.Item
          leftSection={<Icon name="logout" size={16} />}
          onClick={() => void logout()}
          data-testid="logout"
        >
          {t('userMenu.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
