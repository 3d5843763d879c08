import { Box, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { StepProgress } from '../../components/StepProgress';
import { STEPS, type Step } from './steps';

/**
 * The stage indicator. On a wide screen every stage is a button (answered stages and the first open
 * one can be revisited); on a phone, "Step 3 of 6: Urgency" and a progress bar.
 */
export function IntakeStepper({
  active,
  done,
  reachable,
  onSelect,
}: {
  active: number;
  done: Record<Step, boolean>;
  /** The furthest stage the user may open. */
  reachable: number;
  onSelect: (i: number) => void;
}): ReactElement {
  const { t } = useTranslation('intake');
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const current = STEPS[active] ?? 'who';
  if (phone) {
    return (
      <Box mb="md">
        <StepProgress
          active={active}
          total={STEPS.length}
          label={t('steps.progress', { n: active + 1, total: STEPS.length, step: t(`steps.${current}`) })}
          showLabel
          testId="intake-stepper"
        />
      </Box>
    );
  }
  return (
    <Stepper active={active} onStepClick={onSelect} size="sm" mb="lg" data-testid="intake-stepper">
      {STEPS.map((s, i) => (
        <Stepper.Step
          key={s}
          label={t(`steps.${s}`)}
          allowStepSelect={i <= reachable && i !== active}
          completedIcon={done[s] ? undefined : <Text size="xs">{i + 1}</Text>}
          data-testid={`step-${s}`}
        />
      ))}
    </Stepper>
  );
}
