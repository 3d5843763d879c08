import { Radio, Stack } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mission } from '../api';
import { useL10n } from '../l10n';

/** A repeat group of the mission's forms, as the export offers it. */
export interface ExportGroup {
  key: string;
  label: string;
  form: string;
}

/**
 * The repeat groups of the mission's forms, each key once: the export takes the entries of every form
 * with a group of that key, so the option names all those forms.
 */
export function useExportGroups(mission: Mission): ExportGroup[] {
  const l10n = useL10n();
  const seen = new Map<string, ExportGroup>();
  for (const f of mission.forms)
    for (const g of f.groups) {
      const had = seen.get(g.key);
      if (had) had.form = `${had.form}, ${l10n(f.title)}`;
      else seen.set(g.key, { key: g.key, label: l10n(g.label), form: l10n(f.title) });
    }
  return [...seen.values()];
}

/**
 * One row per report, or per entry of a repeat group (a detention visit's interviews, an election
 * checklist's incidents): the analyst counts interviews, not visits. Shown only where a form has a
 * group, and not for GeoJSON (a feature is a place; a visit's interviews share its one place).
 */
export function ExportRows({
  groups,
  value,
  onChange,
}: {
  groups: ExportGroup[];
  value: string | null;
  onChange: (group: string | null) => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  return (
    // Radios: an option names the group and its forms, and a select cut that part off on a phone.
    <Radio.Group
      label={t('exports.rowsLabel')}
      description={value ? t('exports.rowsHint') : undefined}
      value={value ?? ''}
      onChange={(v) => onChange(v || null)}
      data-testid="export-rows"
    >
      <Stack gap={6} mt={6}>
        <Radio value="" label={t('exports.rowsReports')} />
        {groups.map((g) => (
          <Radio
            key={g.key}
            value={g.key}
            label={t('exports.rowsEntries', { group: g.label, form: g.form })}
            data-testid={`export-rows-${g.key}`}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}
