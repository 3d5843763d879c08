import { Group, Radio, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { intakeApi, URGENCIES, type Intake, type Urgency } from './api';
import { StepActions } from './StepActions';

/** Step 3: how soon the person needs help. No level is chosen in advance. */
export function UrgencyStep({
  intake,
  onSaved,
  onBack,
}: {
  intake: Intake;
  onSaved: (i: Intake) => void;
  onBack: () => void;
}): ReactElement {
  const { t } = useTranslation('intake');
  const form = useForm<{ urgency: Urgency | '' }>({
    initialValues: { urgency: intake.urgency ?? '' },
    validate: { urgency: (v) => (v ? null : t('urgency.required')) },
  });
  const save = useMutation({
    mutationFn: (u: Urgency) => intakeApi.update(intake.id, { urgency: u }),
    onSuccess: onSaved,
  });
  return (
    <form
      onSubmit={form.onSubmit((v) => {
        if (v.urgency) save.mutate(v.urgency);
      })}
      noValidate
    >
      <Stack>
        <Radio.Group label={t('urgency.label')} required {...form.getInputProps('urgency')}>
          <Stack gap="xs" mt="xs">
            {URGENCIES.map((u) => (
              <Radio.Card key={u} value={u} p="sm" radius="md" data-testid={`urgency-${u}`}>
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator />
                  <Stack gap={0}>
                    <Text fw={600} size="sm">
                      {t(`urgencyLevel.${u}`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`urgencyHint.${u}`)}
                    </Text>
                  </Stack>
                </Group>
              </Radio.Card>
            ))}
          </Stack>
        </Radio.Group>
        <ErrorAlert error={save.error} />
        <StepActions onBack={onBack} loading={save.isPending} />
      </Stack>
    </form>
  );
}
