import { Alert, Button, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The server answered 401: the session ended (the browser was closed, the idle time passed). The
 * reports stay on the phone and sending waits for a new login, so the observer is told so wherever
 * they look for their reports, with the way back: on the outbox a "send now" that did nothing, with
 * the hint gone, read as a broken app.
 */
export function SessionEnded(): ReactElement {
  const { t } = useTranslation('field');
  const navigate = useNavigate();
  return (
    <Alert color="orange" title={t('home.session_title')} data-testid="field-session-ended">
      <Stack gap="xs">
        <Text size="sm">{t('home.session_body')}</Text>
        <Button
          onClick={() => void navigate({ to: '/login', search: { redirect: '/field' } })}
          data-testid="field-session-login"
        >
          {t('login.button')}
        </Button>
      </Stack>
    </Alert>
  );
}
