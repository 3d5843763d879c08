import { Checkbox, NumberInput, Radio, Select, Stack, Textarea, TextInput } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField, L10n } from '../../../core/forms/types';
import { REGION_CODES } from '../../../core/geo/regions';
import { answerInputValue, zonedIsoFromInput } from '../../../core/zoned-time';
import { DayInput } from '../../components/DayInput';
import { useGeoNames, useLocale } from '../cases/labels';

type Loc = { region?: string; district?: string; place?: string };

/**
 * One question of the public incident form (PublicReportPage): the simple field types a person can
 * answer without an account. Uploads, signatures and repeat groups are not offered there.
 */
export function PublicFieldInput({
  f,
  value,
  onChange,
  error,
}: {
  f: FormField;
  value: unknown;
  onChange: (v: unknown) => void;
  error?: string;
}): ReactElement | null {
  const { t } = useTranslation('monitoring');
  const lng = useLocale();
  const geo = useGeoNames();
  const l = (x: L10n | undefined) => (x ? x[lng] || x.en : undefined);
  const common = { label: l(f.label), description: l(f.hint), required: !!f.required, error };
  switch (f.type) {
    case 'text':
      return (
        <TextInput
          {...common}
          value={(value as string) ?? ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          maxLength={f.constraint?.maxLength ?? 2000}
        />
      );
    case 'long_text':
      return (
        <Textarea
          {...common}
          autosize
          minRows={4}
          value={(value as string) ?? ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          maxLength={f.constraint?.maxLength ?? 20000}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          value={(value as number) ?? ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
        />
      );
    case 'date':
      return (
        <DayInput
          {...common}
          value={(value as string) ?? ''}
          onChange={(e) => onChange(e.currentTarget.value || undefined)}
        />
      );
    case 'datetime':
      return (
        <DayInput
          withTime
          {...common}
          // The time a person types is Bishkek time, whatever zone their phone is set to.
          value={answerInputValue(value)}
          onChange={(e) => onChange(zonedIsoFromInput(e.currentTarget.value) ?? undefined)}
        />
      );
    case 'boolean':
      return (
        <Radio.Group
          {...common}
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          onChange={(v) => onChange(v === 'yes')}
        >
          <Stack gap={14} mt={6}>
            <Radio size="md" value="yes" label={t('public.yes')} />
            <Radio size="md" value="no" label={t('public.no')} />
          </Stack>
        </Radio.Group>
      );
    case 'single_choice':
      return (
        <Radio.Group {...common} value={(value as string) ?? ''} onChange={(v) => onChange(v)}>
          <Stack gap={14} mt={6}>
            {(f.options ?? []).map((o) => (
              <Radio size="md" key={o.key} value={o.key} label={l(o.label)} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multiple_choice':
      return (
        <Checkbox.Group
          {...common}
          value={(value as string[]) ?? []}
          onChange={(v) => onChange(v.length ? v : undefined)}
        >
          <Stack gap={14} mt={6}>
            {(f.options ?? []).map((o) => (
              <Checkbox size="md" key={o.key} value={o.key} label={l(o.label)} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'location': {
      const v = (value as Loc | undefined) ?? {};
      const districts = geo.districtOptions(v.region);
      const set = (patch: Loc) => {
        const next = { ...v, ...patch };
        Object.keys(next).forEach((k) => !next[k as keyof Loc] && delete next[k as keyof Loc]);
        onChange(next.region ? next : undefined);
      };
      return (
        <Stack gap="xs">
          <Select
            {...common}
            placeholder={t('public.region')}
            data-testid={`${f.key}-region`}
            data={REGION_CODES.map((r) => ({ value: r, label: geo.region(r) }))}
            value={v.region ?? null}
            onChange={(r) => set({ region: r ?? undefined, district: undefined })}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            aria-label={t('public.district')}
            placeholder={t('public.district')}
            data={districts}
            disabled={districts.length === 0}
            value={v.district ?? null}
            onChange={(d) => set({ district: d ?? undefined })}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            aria-label={t('public.place')}
            placeholder={t('public.place')}
            value={v.place ?? ''}
            onChange={(e) => set({ place: e.currentTarget.value })}
            maxLength={300}
          />
        </Stack>
      );
    }
    default:
      return null;
  }
}
