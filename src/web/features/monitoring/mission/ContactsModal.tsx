import { Alert, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../components/AppModal';
import { Icon } from '../../../components/icons';
import { missionsApi } from '../api';
import { MonErrorAlert } from '../MonErrorAlert';
import { monitoringKeys } from '../queries';
import { siteContext } from '../siteWords';

/** The dialable form of a number as people write it: "+996 (555) 12-34-56" → "+996555123456". */
export function telHref(phone: string): string {
  return phone.replace(/[^0-9+]/g, '');
}

/**
 * How to reach the observers of one site: a coordinator on election day calls the station that has not
 * reported. The numbers are fetched when the dialog opens (the server audits each look-up) and are not
 * kept once it closes. The title names the site by the mission's kind (an institution, a court…).
 */
export function ContactsModal({
  site,
  kind,
  onClose,
}: {
  site: { id: string; name: string };
  kind: string | null | undefined;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const title = t('sites.contacts.title', { ...siteContext(kind), site: site.name });
  const contacts = useQuery({
    queryKey: monitoringKeys.siteContacts(site.id),
    queryFn: () => missionsApi.siteContacts(site.id),
    gcTime: 0,
    staleTime: 0,
    retry: false,
  });
  return (
    <AppModal opened onClose={onClose} title={title}>
      <Stack gap="sm">
        {contacts.isPending && <Loader size="sm" aria-label={title} />}
        <MonErrorAlert error={contacts.error} />
        {contacts.data?.phones === 'not_appointed' && (
          <Alert color="yellow" icon={<Icon name="lock" size={16} />} data-testid="contacts-not-appointed">
            {t('sites.contacts.notAppointed')}
          </Alert>
        )}
        {contacts.data?.items.map((c) => (
          <Paper key={c.userId} withBorder radius="md" p="sm" data-testid="site-contact">
            <Stack gap={6}>
              <Text fw={600} size="sm">
                {c.name}
              </Text>
              {c.phone ? (
                <>
                  <Text size="sm" ff="monospace" data-testid="site-contact-phone">
                    {c.phone}
                  </Text>
                  <Group gap="xs">
                    <Button
                      component="a"
                      href={`tel:${telHref(c.phone)}`}
                      size="compact-sm"
                      leftSection={<Icon name="phone" size={14} />}
                      data-testid="site-contact-call"
                    >
                      {t('sites.contacts.call')}
                    </Button>
                    <Button component="a" href={`sms:${telHref(c.phone)}`} size="compact-sm" variant="light">
                      {t('sites.contacts.sms')}
                    </Button>
                  </Group>
                </>
              ) : c.staff ? (
                <Text size="sm" c="dimmed" data-testid="site-contact-staff">
                  {t('sites.contacts.staffPhone')}
                </Text>
              ) : (
                contacts.data?.phones === 'shown' && (
                  <Text size="sm" c="dimmed">
                    {t('sites.contacts.noPhone')}
                  </Text>
                )
              )}
            </Stack>
          </Paper>
        ))}
        {contacts.data?.phones === 'shown' && (
          <Text size="xs" c="dimmed">
            {t('sites.contacts.audited')}
          </Text>
        )}
      </Stack>
    </AppModal>
  );
}
