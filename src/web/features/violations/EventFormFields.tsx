import { Checkbox, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { VocabPicker } from '../../components/VocabPicker';
import type { EventFormValues } from './eventForm';
import { PartialDateInput } from './PartialDateInput';
import { PlaceFields } from './PlaceFields';

type Errors = Partial<Record<string, string | null | undefined>>;

/** The fields of an event, shared by the guided entry flow and "edit event". Nothing is pre-filled. */
export function EventFormFields({
  value,
  onChange,
  errors,
  canRestrict,
}: {
  value: EventFormValues;
  onChange: (v: EventFormValues) => void;
  errors: Errors;
  /** Only an event's lead (or whoever creates it) decides who may see it. */
  canRestrict: boolean;
}): ReactElement {
  const { t } = useTranslation('violations');
  const set = <K extends keyof EventFormValues>(k: K, v: EventFormValues[K]) =>
    onChange({ ...value, [k]: v });
  return (
    <Stack gap="sm">
      <TextInput
        name="title"
        label={t('fields.title')}
        description={t('form.titleHint')}
        required
        maxLength={300}
        value={value.title}
        onChange={(e) => set('title', e.currentTarget.value)}
        error={errors.title ?? undefined}
        data-testid="event-title"
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <PartialDateInput
          name="startDate"
          label={t('fields.startDate')}
          value={value.startDate}
          onChange={(v) => set('startDate', v)}
          error={errors.startDate}
        />
        <PartialDateInput
          name="endDate"
          label={t('fields.endDate')}
          value={value.endDate}
          onChange={(v) => set('endDate', v)}
          error={errors.endDate}
        />
      </SimpleGrid>
      <PlaceFields
        prefix=""
        value={value}
        onChange={(p) => onChange({ ...value, ...p })}
        errors={{ region: errors.region, district: errors.district, place: errors.place }}
      />
      <VocabPicker
        scheme="esf_violation_status"
        label={t('fields.violationStatus')}
        value={value.violationStatus || null}
        onChange={(v) => set('violationStatus', v ?? '')}
        error={errors.violationStatus ?? undefined}
      />
      <Textarea
        name="description"
        label={t('fields.description')}
        description={t('form.descriptionHint')}
        autosize
        minRows={3}
        maxRows={12}
        value={value.description}
        onChange={(e) => set('description', e.currentTarget.value)}
        error={errors.description ?? undefined}
        data-testid="event-description"
      />
      {canRestrict && (
        <Checkbox
          name="restricted"
          label={t('fields.restricted')}
          description={t('restricted.hint')}
          checked={value.restricted}
          onChange={(e) => set('restricted', e.currentTarget.checked)}
          data-testid="event-restricted"
        />
      )}
    </Stack>
  );
}
