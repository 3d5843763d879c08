import { Box, Group, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

const STEPS = ['org', 'admin', 'totp'] as const;

/** A compact "step 2 of 3" indicator that, unlike a stepper, never wraps on a phone. */
export function SetupSteps({ active }: { active: number }): ReactElement {
  const { t } = useTranslation();
  const label = t(`setup.steps.${STEPS[active] ?? 'org'}`);
  return (
    <Box>
      <Group gap={6} grow aria-hidden="true">
        {STEPS.map((s, i) => (
          <Box key={s} h={6} bg={i <= active ? 'ukuk.8' : 'gray.3'} style={{ borderRadius: 3 }} />
        ))}
      </Group>
      <Text size="sm" mt={8} c="dimmed">
        {t('setup.stepOf', { current: active + 1, total: STEPS.length, label })}
      </Text>
    </Box>
  );
}
