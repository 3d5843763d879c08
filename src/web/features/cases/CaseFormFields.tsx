import {
  Checkbox,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { REGION_CODES } from '../../../core/geo/regions';
import type { Case, CaseCreate, CasePatch, CaseStage } from './api';
import { CASE_STAGES } from './codes';
import { useGeoNames } from './labels';
import { useVocabLabels } from './queries';

/** Everything is a string or list in the form; empty means "not given" (nothing is pre-filled). */
export interface CaseFormValues {
  type: string;
  title: string;
  summary: string;
  problemCodes: string[];
  restricted: boolean;
  region: string;
  district: string;
  court: string;
  judge: string;
  docketNumber: string;
  stage: string;
  funders: string[];
}

export const EMPTY_CASE_FORM: CaseFormValues = {
  type: '',
  title: '',
  summary: '',
  problemCodes: [],
  restricted: false,
  region: '',
  district: '',
  court: '',
  judge: '',
  docketNumber: '',
  stage: '',
  funders: [],
};

/** The edit form starts from the case as it is. */
export function formFromCase(c: Case): CaseFormValues {
  return {
    type: c.type,
    title: c.title,
    summary: c.summary ?? '',
    problemCodes: c.problemCodes,
    restricted: c.restricted,
    region: c.region ?? '',
    district: c.district ?? '',
    court: c.court ?? '',
    judge: c.judge ?? '',
    docketNumber: c.docketNumber ?? '',
    stage: c.stage ?? '',
    funders: c.funders,
  };
}

const text = (s: string) => s.trim() || undefined;

/** Only what was filled in is sent. */
export function toCreate(v: CaseFormValues): CaseCreate {
  return {
    type: v.type,
    title: v.title.trim(),
    summary: text(v.summary),
    problemCodes: v.problemCodes.length ? v.problemCodes : undefined,
    restricted: v.restricted,
    region: text(v.region),
    district: text(v.district),
    court: text(v.court),
    judge: text(v.judge),
    docketNumber: text(v.docketNumber),
    stage: (text(v.stage) as CaseStage | undefined) ?? undefined,
    funders: v.funders.length ? v.funders : undefined,
  };
}

/** A cleared field is sent as null, so the server clears it too. */
export function toPatch(v: CaseFormValues): CasePatch {
  const orNull = (s: string) => s.trim() || null;
  return {
    type: v.type,
    title: v.title.trim(),
    summary: orNull(v.summary),
    problemCodes: v.problemCodes,
    restricted: v.restricted,
    region: orNull(v.region),
    district: orNull(v.district),
    court: orNull(v.court),
    judge: orNull(v.judge),
    docketNumber: orNull(v.docketNumber),
    stage: (orNull(v.stage) as CaseStage | null) ?? null,
    funders: v.funders,
  };
}

/** Client-side checks mirror the server's required fields; the server's messages win on submit. */
export function caseFormValidate(t: TFunction<'cases'>) {
  return {
    type: (v: string) => (v ? null : t('ui:common.validation.required')),
    title: (v: string) => (v.trim() ? null : t('ui:common.validation.required')),
  };
}

/** The fields of a case, shared by "new case" and "edit case". */
export function CaseFormFields({ form }: { form: UseFormReturnType<CaseFormValues> }): ReactElement {
  const { t } = useTranslation('cases');
  const geo = useGeoNames();
  const types = useVocabLabels('case_type');
  const problems = useVocabLabels('legal_problem');
  const region = form.values.region;
  const districts = geo.districtOptions(region);
  // A retired code already on the case stays selectable, so editing does not drop it silently.
  const active = (list: typeof types.terms, keep: string[]) =>
    list.filter((term) => term.active || keep.includes(term.code));

  return (
    <Stack gap="sm">
      <Select
        name="type"
        label={t('fields.type')}
        placeholder={t('form.choose')}
        required
        data={active(types.terms, [form.values.type]).map((term) => ({
          value: term.code,
          label: types.label(term.code),
        }))}
        comboboxProps={{ withinPortal: true }}
        data-testid="case-type"
        {...form.getInputProps('type')}
        value={form.values.type || null}
        onChange={(v: string | null) => form.setFieldValue('type', v ?? '')}
      />
      <TextInput
        name="title"
        label={t('fields.title')}
        required
        maxLength={200}
        {...form.getInputProps('title')}
      />
      <MultiSelect
        name="problemCodes"
        label={t('fields.problems')}
        placeholder={form.values.problemCodes.length ? undefined : t('form.chooseMany')}
        data={active(problems.terms, form.values.problemCodes).map((term) => ({
          value: term.code,
          label: problems.label(term.code),
        }))}
        searchable
        nothingFoundMessage={t('filters.nothingFound')}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('problemCodes')}
      />
      <Textarea
        name="summary"
        label={t('fields.summary')}
        autosize
        minRows={2}
        maxRows={8}
        {...form.getInputProps('summary')}
      />
      <Checkbox
        name="restricted"
        label={t('fields.restricted')}
        description={t('restricted.hint')}
        {...form.getInputProps('restricted', { type: 'checkbox' })}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          name="region"
          label={t('fields.region')}
          placeholder={t('form.choose')}
          data={REGION_CODES.map((r) => ({ value: r, label: geo.region(r) }))}
          clearable
          comboboxProps={{ withinPortal: true }}
          value={region || null}
          onChange={(v) => {
            form.setFieldValue('region', v ?? '');
            form.setFieldValue('district', '');
          }}
          error={form.errors.region}
        />
        <Select
          name="district"
          label={t('fields.district')}
          placeholder={districts.length ? t('form.choose') : t('form.noDistricts')}
          data={districts}
          disabled={districts.length === 0}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('district')}
          value={form.values.district || null}
          onChange={(v: string | null) => form.setFieldValue('district', v ?? '')}
        />
        <TextInput name="court" label={t('fields.court')} maxLength={200} {...form.getInputProps('court')} />
        <TextInput name="judge" label={t('fields.judge')} maxLength={200} {...form.getInputProps('judge')} />
        <TextInput
          name="docketNumber"
          label={t('fields.docketNumber')}
          maxLength={100}
          {...form.getInputProps('docketNumber')}
        />
        <Select
          name="stage"
          label={t('fields.stage')}
          placeholder={t('form.choose')}
          data={CASE_STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
          clearable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('stage')}
          value={form.values.stage || null}
          onChange={(v: string | null) => form.setFieldValue('stage', v ?? '')}
        />
      </SimpleGrid>
      <TagsInput
        name="funders"
        label={t('fields.funders')}
        description={t('form.fundersHint')}
        maxTags={10}
        {...form.getInputProps('funders')}
      />
    </Stack>
  );
}
