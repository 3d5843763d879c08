import { Button, Group, Paper, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { intakeApi, type Intake } from './api';

/** Overriding the rules' answer: a decision and a reason, both required, both recorded. */
export function OverrideForm({
  intake,
  onSaved,
}: {
  intake: Intake;
  onSaved: (i: Intake) => void;
}): ReactElement {
  const { t } = useTranslation('intake');
  const overridden = intake.eligibilityBasis === 'override';
  const form = useForm<{ eligible: string; reason: string }>({
    initialValues: { eligible: '', reason: '' },
    validate: {
      eligible: (v) => (v ? null : t('validation.required')),
      reason: (v) => (v.trim() ? null : t('eligibility.override.reasonRequired')),
    },
  });
  const save = useMutation({
    mutationFn: (override: { eligible: boolean; reason: string } | null) =>
      intakeApi.update(intake.id, { override }),
    onSuccess: (i) => {
      form.reset();
      onSaved(i);
    },
    onError: (e) =>
      form.setErrors(
        Object.fromEntries(Object.entries(fieldErrors(e)).map(([k, v]) => [k.replace(/^override\./, ''), v])),
      ),
  });
  if (overridden) {
    return (
      <Group>
        <Button
          variant="default"
          onClick={() => save.mutate(null)}
          loading={save.isPending}
          data-testid="override-remove"
        >
          {t('eligibility.override.remove')}
        </Button>
        <ErrorAlert error={save.error} />
      </Group>
    );
  }
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="override-title">
      <form
        onSubmit={form.onSubmit((v) =>
          save.mutate({ eligible: v.eligible === 'yes', reason: v.reason.trim() }),
        )}
        noValidate
      >
        <Stack gap="sm">
          <Text fw={600} id="override-title">
            {t('eligibility.override.title')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('eligibility.override.hint')}
          </Text>
          <Radio.Group
            label={t('eligibility.override.decision')}
            required
            {...form.getInputProps('eligible')}
          >
            <Group mt={6}>
              <Radio value="yes" label={t('eligibility.override.eligible')} data-testid="override-yes" />
              <Radio value="no" label={t('eligibility.override.notEligible')} data-testid="override-no" />
            </Group>
          </Radio.Group>
          <Textarea
            label={t('eligibility.override.reason')}
            required
            autosize
            minRows={2}
            name="overrideReason"
            {...form.getInputProps('reason')}
          />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button type="submit" variant="default" loading={save.isPending} data-testid="override-save">
              {t('eligibility.override.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
