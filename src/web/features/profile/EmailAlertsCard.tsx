import { Alert, Card, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CRITICAL_EMAIL_QUIET_MINUTES } from '../../../core/alerts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { authApi, type EmailAlerts, type Me } from '../auth/api';
import { authKeys } from '../auth/queries';

/** The alerts this person can receive at all: reminders come with case work, critical alerts with review. */
function kindsOf(me: Me): (keyof EmailAlerts)[] {
  const kinds: (keyof EmailAlerts)[] = [];
  if (me.capabilities.includes('cases.read')) kinds.push('reminders');
  if (me.capabilities.includes('monitoring.review')) kinds.push('critical', 'assigned');
  return kinds;
}

/**
 * Which alerts also come by e-mail. A switch saves at once (nothing else on the card to submit); the
 * bell keeps every alert whatever is chosen here, which the card says, so that turning e-mail off
 * never reads as "stop telling me".
 */
export function EmailAlertsCard({ me }: { me: Me }): ReactElement | null {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (patch: Partial<EmailAlerts>) => authApi.updateMe({ emailAlerts: patch }),
    onSuccess: (updated) => queryClient.setQueryData(authKeys.me, updated),
  });
  const kinds = kindsOf(me);
  if (!kinds.length) return null;
  const hints: Record<keyof EmailAlerts, string> = {
    reminders: t('profile.emailAlerts.remindersHint'),
    critical: t('profile.emailAlerts.criticalHint', { count: CRITICAL_EMAIL_QUIET_MINUTES }),
    assigned: t('profile.emailAlerts.assignedHint'),
  };
  return (
    <Card withBorder radius="md" padding="lg" data-testid="email-alerts">
      <Stack>
        <Title order={2} size="h4">
          {t('profile.emailAlerts.title')}
        </Title>
        <Text size="sm">{t('profile.emailAlerts.description', { email: me.email })}</Text>
        {!me.org.mail && (
          <Alert color="yellow" variant="light" data-testid="email-off">
            {t('profile.emailAlerts.noMail')}
          </Alert>
        )}
        {kinds.map((kind) => (
          <Switch
            key={kind}
            data-testid={`email-${kind}`}
            checked={
              save.isPending && save.variables[kind] !== undefined
                ? save.variables[kind]
                : me.emailAlerts[kind]
            }
            onChange={(e) => save.mutate({ [kind]: e.currentTarget.checked })}
            disabled={save.isPending}
            label={t(`profile.emailAlerts.${kind}`)}
            description={hints[kind]}
          />
        ))}
        <ErrorAlert error={save.error} />
        {save.isSuccess && (
          <Text size="sm" role="status">
            {t('common.saved')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
