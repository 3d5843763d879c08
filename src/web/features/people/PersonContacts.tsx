import { Alert, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { SUCCESS_GREEN } from '../users/status';
import type { Person } from './api';

/**
 * Contacts, each marked safe or not safe to use. Hidden contacts (field-level need-to-know) are
 * explained rather than silently missing, so nobody concludes there are none.
 */
export function PersonContacts({ person }: { person: Person }): ReactElement {
  const { t } = useTranslation('people');
  return (
    <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }} data-testid="person-contacts">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('form.sections.contacts')}
        </Title>
        {person.contactsHidden || person.contacts === null ? (
          <Alert
            color="gray"
            variant="light"
            title={t('profile.contactsHidden')}
            data-testid="contacts-hidden"
          >
            {t('profile.contactsHiddenHint')}
          </Alert>
        ) : person.contacts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('profile.noContacts')}
          </Text>
        ) : (
          <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {person.contacts.map((c) => (
              <Stack key={`${c.kind}:${c.value}`} gap={2} component="li">
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {t(`contactKind.${c.kind}`)}
                  </Text>
                  <Text size="sm" style={{ wordBreak: 'break-word' }}>
                    {c.value}
                  </Text>
                  <Badge size="sm" tt="none" variant="filled" color={c.safe ? SUCCESS_GREEN : 'red.9'}>
                    {c.safe ? t('profile.safe') : t('profile.notSafe')}
                  </Badge>
                </Group>
                {c.hours && (
                  <Text size="xs" c="dimmed">
                    {t('profile.hours', { hours: c.hours })}
                  </Text>
                )}
              </Stack>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
