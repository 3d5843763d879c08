import { Select, Stack, TextInput } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField, L10n } from '../../../core/forms/types';
import { REGION_CODES } from '../../../core/geo/regions';
import { SimpleFieldInput, type QuestionLook } from '../../components/SimpleFieldInput';
import { useGeoNames, useLocale } from '../cases/labels';
import { pick } from './l10n';

/**
 * A person's own phone or computer, no account: roomier choices than a desk's. Text inputs stop at the
 * form's own limit (SimpleFieldInput), so a long paste is cut where the check would refuse it.
 */
const LOOK: QuestionLook = {
  itemSize: 'md',
  gap: 14,
  mt: 6,
  rows: { minRows: 4 },
  number: 'spinner',
  boolean: 'radios',
  pickOne: 'radios',
  emptyList: 'none',
};

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
  // In the reader's language, else any the form has: a form written without English still reads.
  const l = (x: L10n | undefined) => (x ? pick(x, lng) || undefined : undefined);
  const common = { label: l(f.label), description: l(f.hint), required: !!f.required, error };
  switch (f.type) {
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
      return (
        <SimpleFieldInput
          field={f}
          value={value}
          onChange={onChange}
          look={LOOK}
          wrapper={common}
          words={{ yes: t('public.yes'), no: t('public.no') }}
          optionLabel={(o) => pick(o.label, lng) || o.key}
        />
      );
  }
}
