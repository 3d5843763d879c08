import { AppShell, Burger, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from '@tanstack/react-router';
import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CrashScreen } from '../components/CrashScreen';
import { PageLoader } from '../components/PageLoader';
import { ReauthProvider } from '../components/ReauthProvider';
import { can, useMe } from '../features/auth/queries';
import { NotificationsBell } from '../features/calendar/NotificationsBell';
import { applyLocale, storeLocale } from '../i18n';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { Navigation } from './Navigation';
import { SealButton } from './SealButton';
import { UserMenu } from './UserMenu';

/** The signed-in shell: header, collapsible navbar and the page. */
export function AppLayout(): ReactElement {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  const locale = me.data?.locale;

  useEffect(() => {
    if (locale) {
      storeLocale(locale);
      void applyLocale(locale);
    }
  }, [locale]);

  if (me.isError) {
    return <CrashScreen />;
  }
  if (!me.data) {
    // The app guard is about to send the visitor to login.
    return <PageLoader minHeight="100vh" />;
  }
  return (
    <ReauthProvider>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 290, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="xs" wrap="nowrap" miw={0}>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t(opened ? 'nav.close' : 'nav.open')}
              />
              <Brand orgName={me.data.org.name} />
            </Group>
            <Group gap="xs" wrap="nowrap">
              {can(me.data, 'system.seal') && <SealButton />}
              <NotificationsBell />
              <LanguageSwitch loggedIn />
              <UserMenu me={me.data} />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar>
          <Navigation capabilities={me.data.capabilities} onNavigate={close} />
        </AppShell.Navbar>
        <AppShell.Main>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </ReauthProvider>
  );
}
