import { SimpleGrid, Stack } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useMe } from '../auth/queries';
import { PasskeysCard } from '../passkeys/PasskeysCard';
import { EmailAlertsCard } from './EmailAlertsCard';
import { PasswordCard } from './PasswordCard';
import { ProfileForm } from './ProfileForm';
import { SessionsCard } from './SessionsCard';
import { TwoFactorCard } from './TwoFactorCard';

/** The person's own account: details, password, e-mail alerts, 2FA, passkeys and sessions. */
export function ProfilePage(): ReactElement | null {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me) {
    return null;
  }
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.description')} />
      <Stack>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <ProfileForm me={me} />
          <PasswordCard />
        </SimpleGrid>
        <EmailAlertsCard me={me} />
        <TwoFactorCard />
        <PasskeysCard />
        <SessionsCard />
      </Stack>
    </>
  );
}
