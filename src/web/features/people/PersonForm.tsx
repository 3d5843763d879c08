import { Button, Checkbox, Group, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { peopleApi, VULNERABILITIES, type CasePersonRole, type Match, type Person } from './api';
import { ContactsSection, IdNumbersSection } from './ContactsSection';
import { DuplicateCheck } from './DuplicateCheck';
import { IdentitySection } from './IdentitySection';
import { useCodeOptions } from './labels';
import { NamesSection } from './NamesSection';
import {
  emptyValues,
  formErrorPaths,
  fromPerson,
  toCreateBody,
  toPatchBody,
  type PersonFormValues,
} from './personForm';
import { PlaceSection } from './PlaceSection';
import { useInvalidatePeople } from './queries';
import { FormSection } from './FormSection';

const DATE_BY_PRECISION = { year: /^\d{4}$/, month: /^\d{4}-\d{2}$/, date: /^\d{4}-\d{2}-\d{2}$/ };

function useValidate() {
  const { t } = useTranslation('people');
  return {
    names: {
      full: (_v: string, values: PersonFormValues, path: string) =>
        path === 'names.0.full' && !values.names.some((n) => n.full.trim()) ? t('form.nameRequired') : null,
    },
    birthDate: (v: string, values: PersonFormValues) =>
      values.birthPrecision && v && !DATE_BY_PRECISION[values.birthPrecision].test(v)
        ? t('form.birthInvalid')
        : null,
  };
}

/**
 * Create or edit a person. Nothing is pre-filled. While a name is typed, people with similar names
 * are shown (the duplicate check); server validation errors land on their fields.
 */
export function PersonForm({
  person,
  initialName = '',
  forRole,
  matchAction,
  submitLabel,
  onSaved,
  onCancel,
}: {
  person?: Person;
  initialName?: string;
  forRole?: CasePersonRole;
  matchAction?: (m: Match) => ReactNode;
  submitLabel?: string;
  onSaved: (id: string) => void;
  onCancel?: () => void;
}): ReactElement {
  const { t } = useTranslation('people');
  const invalidate = useInvalidatePeople();
  const initial = useMemo(
    () => (person ? fromPerson(person) : emptyValues(initialName)),
    [person, initialName],
  );
  const form = useForm<PersonFormValues>({ initialValues: initial, validate: useValidate() });
  const [active, setActive] = useState(0);
  const vulnerabilities = useCodeOptions('vulnerability', VULNERABILITIES);
  const save = useMutation({
    mutationFn: async (v: PersonFormValues) =>
      person
        ? (await peopleApi.update(person.id, toPatchBody(v, initial))).id
        : (await peopleApi.create(toCreateBody(v))).id,
    onSuccess: async (id) => {
      await invalidate();
      onSaved(id);
    },
    onError: (e) => form.setErrors(formErrorPaths(fieldErrors(e))),
  });
  const activeName = form.values.names[active]?.full ?? form.values.names[0]?.full ?? '';

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="person-form">
      <Stack gap="md">
        <NamesSection form={form} onActive={setActive} />
        <DuplicateCheck
          name={activeName}
          idNumber={form.values.idNumbers.find((i) => i.number.trim())?.number}
          excludeId={person?.id}
          forRole={forRole}
          action={matchAction}
        />
        <IdentitySection form={form} />
        <PlaceSection form={form} />
        <IdNumbersSection form={form} />
        {!person?.contactsHidden && <ContactsSection form={form} />}
        <FormSection legend={t('form.sections.vulnerabilities')}>
          <Checkbox.Group
            {...form.getInputProps('vulnerabilities')}
            aria-label={t('form.sections.vulnerabilities')}
          >
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs">
              {vulnerabilities.map((o) => (
                <Checkbox key={o.value} value={o.value} label={o.label} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        </FormSection>
        <Textarea
          label={t('form.notes')}
          description={t('form.notesHint')}
          autosize
          minRows={3}
          {...form.getInputProps('notes')}
        />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('form.cancel')}
            </Button>
          )}
          <Button type="submit" loading={save.isPending} data-testid="person-save">
            {submitLabel ?? (person ? t('form.save') : t('form.create'))}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
