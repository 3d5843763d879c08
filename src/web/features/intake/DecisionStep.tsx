import { Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { DECISIONS, intakeApi, type DecisionInput, type Intake } from './api';
import { AcceptFields, ReasonFields, type DecisionValues } from './DecisionFields';
import { StepActions } from './StepActions';

function toBody(v: DecisionValues): DecisionInput {
  if (v.decision === 'accept') {
    return {
      decision: 'accept',
      title: v.title.trim(),
      ...(v.leadUserId ? { leadUserId: v.leadUserId } : {}),
      ...(v.restricted ? { restricted: true } : {}),
    };
  }
  return {
    decision: v.decision === 'refer' ? 'refer' : 'reject',
    reason: v.reason.trim(),
    ...(v.decision === 'refer' ? { referredTo: v.referredTo.trim() } : {}),
  };
}

/** Step 6: accept (opens a case), refer or reject. Nothing is chosen in advance. */
export function DecisionStep({
  intake,
  onDecided,
  onBack,
}: {
  intake: Intake;
  onDecided: (i: Intake) => void;
  onBack: () => void;
}): ReactElement {
  const { t } = useTranslation('intake');
  const form = useForm<DecisionValues>({
    initialValues: {
      decision: '',
      leadUserId: null,
      title: '',
      restricted: false,
      referredTo: '',
      reason: '',
    },
    validate: {
      decision: (v) => (v ? null : t('decision.required')),
      title: (v, values) => (values.decision === 'accept' && !v.trim() ? t('validation.required') : null),
      referredTo: (v, values) => (values.decision === 'refer' && !v.trim() ? t('validation.required') : null),
      reason: (v, values) => (values.decision !== 'accept' && !v.trim() ? t('validation.required') : null),
    },
  });
  const decide = useMutation({
    mutationFn: (v: DecisionValues) => intakeApi.decide(intake.id, toBody(v)),
    onSuccess: onDecided,
    onError: (e) => form.setErrors(fieldErrors(e)),
  });
  const d = form.values.decision;
  return (
    <form onSubmit={form.onSubmit((v) => decide.mutate(v))} noValidate>
      <Stack>
        {intake.conflicts?.some((c) => c.conflict) && (
          <Text size="sm" c="red.9" fw={600} data-testid="decision-conflict-reminder">
            {t('decision.conflictReminder')}
          </Text>
        )}
        <Radio.Group label={t('decision.label')} required {...form.getInputProps('decision')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" mt="xs">
            {DECISIONS.map((x) => (
              <Radio.Card key={x} value={x} p="sm" radius="md" data-testid={`decision-${x}`}>
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator />
                  <Stack gap={2}>
                    <Text fw={600} size="sm">
                      {t(`decisionKind.${x}`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`decisionHint.${x}`)}
                    </Text>
                  </Stack>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>
        {d === 'accept' && <AcceptFields form={form} />}
        {(d === 'refer' || d === 'reject') && <ReasonFields form={form} refer={d === 'refer'} />}
        <ErrorAlert error={decide.error} />
        <StepActions onBack={onBack} loading={decide.isPending} submitLabel={t('decision.submit')} />
      </Stack>
    </form>
  );
}
