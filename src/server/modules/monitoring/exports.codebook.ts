import type { Cell } from '../../../core/csv.ts';
import type { FormDefinition, FormField } from '../../../core/forms/types.ts';
import type { Locale } from '../../../core/roles.ts';
import { tr } from '../../platform/i18n.ts';
import { ENTRY_KEY, type PlanColumn } from './exports.types.ts';
import { repeatGroups, type ExportPlan } from './exports.rows.ts';

/**
 * The XLSX export's second sheet: what each question column is. The data sheet's question headers are
 * the fields' keys ("opened_late"), which stay the same across form versions and languages, so that
 * formulas, scripts and earlier files keep working; an analyst reading the file needs the question
 * itself, its section and the answers it offers, in the reader's language. One row per question
 * column, in the data sheet's order (the KoBo and SPSS habit of a separate codebook), then one per
 * translation column of an export with names.
 */
export interface Codebook {
  name: string;
  rows: Cell[][];
}

/** Words for a location's parts and a repeat group's count: "Where (district)". */
const PART: Partial<Record<PlanColumn['kind'], string>> = {
  'loc.region': 'region',
  'loc.district': 'district',
  'loc.place': 'place',
  'loc.lat': 'lat',
  'loc.lon': 'lon',
  count: 'count',
};

export function codebook(
  defs: FormDefinition[],
  plan: Pick<ExportPlan, 'columns' | 'translations'> & { entries?: string | null },
  locale: Locale,
): Codebook {
  const t = (k: string) => tr(locale, `errors:mon_export.codebook.${k}`);
  const word = (l: Partial<Record<Locale, string>> | undefined, fallback: string) =>
    l?.[locale] || l?.en || l?.ru || l?.ky || fallback;
  // The first version that has the key words it, as the data sheet's columns are planned (newest first).
  const fields = new Map<string, { f: FormField; section: string }>();
  // Rows per entry (exports.rows.ts `planEntries`): the group's questions first, under "Section › Group".
  let entrySection: string | null = null;
  for (const g of plan.entries ? repeatGroups(defs, plan.entries) : []) {
    entrySection ??= `${word(g.section.title, g.section.key)} › ${word(g.field.label, g.field.key)}`;
    for (const f of g.field.fields ?? [])
      if (!fields.has(f.key)) fields.set(f.key, { f, section: entrySection });
  }
  for (const def of defs)
    for (const s of def.sections)
      for (const f of s.fields)
        if (!fields.has(f.key)) fields.set(f.key, { f, section: word(s.title, s.key) });
  const rows: Cell[][] = [[t('column'), t('section'), t('question'), t('answers')]];
  for (const c of plan.columns) {
    if (c.key === ENTRY_KEY) {
      rows.push([c.name, entrySection, t('entry'), null]);
      continue;
    }
    const found = fields.get(c.key);
    if (!found) continue;
    const part = PART[c.kind];
    const question = word(found.f.label, c.key);
    const answers = (found.f.options ?? []).map((o) => `${o.key} = ${word(o.label, o.key)}`).join('; ');
    rows.push([
      c.name,
      found.section,
      part ? `${question} (${t(part)})` : question,
      c.kind === 'bool'
        ? `${tr(locale, 'errors:mon_export.yes')} / ${tr(locale, 'errors:mon_export.no')}`
        : answers || null,
    ]);
  }
  // After the questions, as in the data sheet: what a reviewer wrote, not what the reporter answered.
  for (const c of plan.translations) rows.push([c.name, null, t('translation'), null]);
  return { name: t('sheet'), rows };
}
