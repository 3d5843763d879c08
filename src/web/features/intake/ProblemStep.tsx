import { MultiSelect, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { intakeApi, type Intake } from './api';
import { useVocab } from './queries';
import { StepActions } from './StepActions';

/** Step 2: what the problem is, in the person's words, with problem codes and the kind of case. */
export function ProblemStep({
  intake,
  onSaved,
}: {
  intake: Intake;
  onSaved: (i: Intake) => void;
}): ReactElement {
  const { t } = useTranslation('intake');
  const problems = useVocab('legal_problem');
  const types = useVocab('case_type');
  const form = useForm({
    initialValues: {
      description: intake.description ?? '',
      problemCodes: intake.problemCodes,
      caseType: intake.caseType,
    },
    validate: {
      description: (v) => (v.trim() ? null : t('validation.required')),
      caseType: (v) => (v ? null : t('validation.required')),
    },
  });
  const save = useMutation({
    mutationFn: (v: typeof form.values) =>
      intakeApi.update(intake.id, {
        description: v.description.trim(),
        problemCodes: v.problemCodes,
        ...(v.caseType ? { caseType: v.caseType } : {}),
      }),
    onSuccess: onSaved,
    onError: (e) => form.setErrors(fieldErrors(e)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack>
        <Textarea
          label={t('problem.description')}
          description={t('problem.descriptionHint')}
          required
          autosize
          minRows={4}
          name="description"
          {...form.getInputProps('description')}
        />
        <MultiSelect
          label={t('problem.codes')}
          description={t('problem.codesHint')}
          placeholder={form.values.problemCodes.length ? undefined : t('problem.codesPlaceholder')}
          data={problems.options}
          searchable
          clearable
          hidePickedOptions
          nothingFoundMessage={t('problem.nothingFound')}
          data-testid="problem-codes"
          {...form.getInputProps('problemCodes')}
        />
        <Select
          label={t('problem.caseType')}
          placeholder={t('problem.caseTypePlaceholder')}
          data={types.options}
          required
          data-testid="case-type"
          {...form.getInputProps('caseType')}
        />
        <ErrorAlert error={problems.error ?? types.error} />
        <ErrorAlert error={save.error} />
        <StepActions loading={save.isPending} />
      </Stack>
    </form>
  );
}
