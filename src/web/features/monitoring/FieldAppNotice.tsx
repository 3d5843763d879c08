import { Alert, Button, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * For observers on the staff pages: their work is in the field app (/field, outside this app's shell,
 * so a full page load), which works with no connection. A mission's dashboard is the reviewers'.
 */
export function FieldAppNotice(): ReactElement {
  const { t } = useTranslation('monitoring');
  return (
    <Alert color="blue" title={t('fieldApp.title')} mb="md" data-testid="field-app-notice">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('fieldApp.body')}</Text>
        <Button component="a" href="/field" data-testid="open-field-app">
          {t('fieldApp.button')}
        </Button>
      </Stack>
    </Alert>
  );
}
