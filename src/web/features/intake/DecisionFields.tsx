import { Select, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAssignableUsers } from './queries';

export interface DecisionValues {
  decision: string;
  leadUserId: string | null;
  title: string;
  restricted: boolean;
  referredTo: string;
  reason: string;
}

/** Accept: who leads the new case, its title and whether it is restricted. */
export function AcceptFields({ form }: { form: UseFormReturnType<DecisionValues> }): ReactElement {
  const { t } = useTranslation('intake');
  const { t: tu } = useTranslation();
  const users = useAssignableUsers();
  return (
    <Stack gap="sm">
      <Select
        label={t('decision.lead')}
        description={t('decision.leadHint')}
        placeholder={t('decision.leadPlaceholder')}
        data={(users.data?.items ?? []).map((u) => ({
          value: u.id,
          label: `${u.name} (${tu(`roles.${u.role}`, { defaultValue: u.role })})`,
        }))}
        searchable
        clearable
        data-testid="decision-lead"
        {...form.getInputProps('leadUserId')}
      />
      <ErrorAlert error={users.error} />
      <TextInput
        label={t('decision.caseTitle')}
        description={t('decision.caseTitleHint')}
        required
        name="caseTitle"
        {...form.getInputProps('title')}
      />
      <Switch
        label={t('decision.restricted')}
        description={t('decision.restrictedHint')}
        {...form.getInputProps('restricted', { type: 'checkbox' })}
      />
    </Stack>
  );
}

/** Refer: to whom, and why. Reject: why. */
export function ReasonFields({
  form,
  refer,
}: {
  form: UseFormReturnType<DecisionValues>;
  refer: boolean;
}): ReactElement {
  const { t } = useTranslation('intake');
  return (
    <Stack gap="sm">
      {refer && (
        <TextInput
          label={t('decision.referredTo')}
          description={t('decision.referredToHint')}
          required
          name="referredTo"
          {...form.getInputProps('referredTo')}
        />
      )}
      <Textarea
        label={refer ? t('decision.referReason') : t('decision.rejectReason')}
        required
        autosize
        minRows={3}
        name="decisionReason"
        {...form.getInputProps('reason')}
      />
    </Stack>
  );
}
