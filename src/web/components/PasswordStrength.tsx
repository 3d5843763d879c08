import { Progress, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH, passwordStrength, type Strength } from './passwordStrength';

const LEVEL: Record<Strength, { value: number; color: string }> = {
  tooShort: { value: 10, color: 'red.8' },
  weak: { value: 25, color: 'red.8' },
  fair: { value: 50, color: 'orange.8' },
  good: { value: 75, color: 'teal.8' },
  strong: { value: 100, color: 'green.8' },
};

/** Live strength hint under a new-password field. */
export function PasswordStrength({ password, id }: { password: string; id?: string }): ReactElement {
  const { t } = useTranslation();
  const strength = passwordStrength(password);
  const missing = MIN_PASSWORD_LENGTH - [...password].length;
  const level = LEVEL[strength];
  const label =
    strength === 'tooShort'
      ? t('password.strength.tooShort', { count: missing })
      : t('password.strength.label', { level: t(`password.strength.${strength}`) });
  return (
    <Stack gap={4} id={id} aria-live="polite">
      <Progress
        value={password ? level.value : 0}
        color={level.color}
        size="sm"
        aria-label={t('password.strength.meter')}
      />
      <Text size="sm" c="dimmed">
        {password ? label : t('password.strength.hint', { count: MIN_PASSWORD_LENGTH })}
      </Text>
    </Stack>
  );
}
