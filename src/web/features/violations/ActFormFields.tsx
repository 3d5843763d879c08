import { Fieldset, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { VocabMultiPicker, VocabPicker } from '../../components/VocabPicker';
import { DETAIL_KINDS, RIGHTS_SCHEMES } from './api';
import { DETAIL_FIELDS, type ActFormValues } from './actForm';
import { PartialDateInput } from './PartialDateInput';
import { PlaceFields } from './PlaceFields';

type Errors = Record<string, string | undefined>;

/** Arrest/detention, torture or killing: the add-on format's own fields. */
function DetailFields({
  value,
  onChange,
  errors,
}: {
  value: ActFormValues;
  onChange: (v: ActFormValues) => void;
  errors: Errors;
}): ReactElement {
  const { t } = useTranslation('violations');
  const kind = value.detailKind;
  return (
    <Fieldset legend={t('act.detailsTitle')} variant="unstyled">
      <Stack gap="sm">
        <Select
          label={t('act.detailKind')}
          description={t('act.detailKindHint')}
          placeholder={t('form.none')}
          data={DETAIL_KINDS.map((k) => ({ value: k, label: t(`detailKind.${k}`) }))}
          value={kind || null}
          onChange={(v) => onChange({ ...value, detailKind: v ?? '', details: {} })}
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid="act-detail-kind"
        />
        {kind && (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            {DETAIL_FIELDS[kind].map(([field, scheme]) => (
              <VocabPicker
                key={field}
                scheme={scheme}
                label={t(`details.${field}`)}
                value={value.details[field] ?? null}
                onChange={(v) =>
                  onChange({ ...value, details: { ...value.details, [field]: v ?? undefined } })
                }
                error={errors[`details.${field}`]}
              />
            ))}
            {kind === 'arrest' && (
              <PartialDateInput
                name="releasedOn"
                label={t('details.releasedOn')}
                value={value.releasedOn}
                onChange={(v) => onChange({ ...value, releasedOn: v })}
                error={errors['details.releasedOn']}
              />
            )}
          </SimpleGrid>
        )}
        {kind && (
          <Textarea
            label={t('details.notes')}
            autosize
            minRows={2}
            maxRows={6}
            value={value.detailNotes}
            onChange={(e) => onChange({ ...value, detailNotes: e.currentTarget.value })}
            error={errors['details.notes']}
          />
        )}
      </Stack>
    </Fieldset>
  );
}

/** The fields of an act other than its victim (chosen apart, from the registry). */
export function ActFormFields({
  value,
  onChange,
  errors,
}: {
  value: ActFormValues;
  onChange: (v: ActFormValues) => void;
  errors: Errors;
}): ReactElement {
  const { t } = useTranslation('violations');
  const set = <K extends keyof ActFormValues>(k: K, v: ActFormValues[K]) => onChange({ ...value, [k]: v });
  return (
    <Stack gap="md">
      <VocabPicker
        scheme="esf_types_of_acts"
        label={t('fields.actType')}
        value={value.actType || null}
        onChange={(v) => set('actType', v ?? '')}
        error={errors.actType}
        required
        data-testid="act-type"
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <PartialDateInput
          name="actStartDate"
          label={t('fields.startDate')}
          value={value.startDate}
          onChange={(v) => set('startDate', v)}
          error={errors.startDate}
        />
        <PartialDateInput
          name="actEndDate"
          label={t('fields.endDate')}
          value={value.endDate}
          onChange={(v) => set('endDate', v)}
          error={errors.endDate}
        />
      </SimpleGrid>
      <PlaceFields
        prefix="act-"
        value={value}
        onChange={(p) => onChange({ ...value, ...p })}
        errors={{ region: errors.region, district: errors.district, place: errors.place }}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <VocabPicker
          scheme="esf_types_of_locations"
          label={t('fields.locationType')}
          value={value.locationType || null}
          onChange={(v) => set('locationType', v ?? '')}
          error={errors.locationType}
        />
        <VocabPicker
          scheme="esf_status_as_victim"
          label={t('fields.statusAtEnd')}
          value={value.statusAtEnd || null}
          onChange={(v) => set('statusAtEnd', v ?? '')}
          error={errors.statusAtEnd}
        />
      </SimpleGrid>
      <VocabMultiPicker
        scheme="esf_methods_of_violence"
        label={t('fields.methods')}
        value={value.methods}
        onChange={(v) => set('methods', v)}
        error={errors.methods}
      />
      <Textarea
        name="consequences"
        label={t('fields.consequences')}
        autosize
        minRows={2}
        maxRows={8}
        value={value.consequences}
        onChange={(e) => set('consequences', e.currentTarget.value)}
        error={errors.consequences}
        data-testid="act-consequences"
      />
      <Fieldset legend={t('act.rightsTitle')} variant="unstyled">
        <Stack gap="sm">
          {RIGHTS_SCHEMES.map((scheme) => (
            <VocabMultiPicker
              key={scheme}
              scheme={scheme}
              label={t(`rightsScheme.${scheme}`)}
              value={value.rights[scheme]}
              onChange={(v) => set('rights', { ...value.rights, [scheme]: v })}
              error={errors.rights}
            />
          ))}
          <VocabMultiPicker
            scheme="local_legislation"
            label={t('fields.nationalLaw')}
            value={value.nationalLaw}
            onChange={(v) => set('nationalLaw', v)}
            error={errors.nationalLaw}
          />
          <VocabMultiPicker
            scheme="esf_international_instruments"
            label={t('fields.instruments')}
            value={value.instruments}
            onChange={(v) => set('instruments', v)}
            error={errors.instruments}
          />
        </Stack>
      </Fieldset>
      <DetailFields value={value} onChange={onChange} errors={errors} />
    </Stack>
  );
}
