import type { z } from 'zod';
import type { EligibilityRules } from '../../../core/schemas/cases.ts';
import type { Executor } from '../../platform/db/db.ts';

export type Rules = z.infer<typeof EligibilityRules>;
const KEY = 'legal.eligibility';

/**
 * Defaults until an administrator sets the organisation's own rules: detainees and torture victims are
 * always eligible (Bir Duino's mandate); the income figures are placeholders to be set by the admin,
 * not facts about Kyrgyz law, and the settings screen says so.
 */
export const DEFAULT_RULES: Rules = {
  incomePerPersonMax: 0,
  assetsMax: 0,
  alwaysEligible: ['detainee', 'torture'],
};

export async function loadRules(db: Executor): Promise<Rules> {
  const r = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  return r ? (JSON.parse(r.value) as Rules) : DEFAULT_RULES;
}

export async function saveRules(db: Executor, rules: Rules): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto('settings')
    .values({ key: KEY, value: JSON.stringify(rules), updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(rules), updated_at: now }))
    .execute();
}

export interface Means {
  householdIncome: number | null;
  householdSize: number | null;
  assets: number | null;
}
export type Basis = 'category' | 'income' | 'not_eligible' | 'override' | 'unknown';

/**
 * The rules' answer. A category (a vulnerability of the person or a problem code of the intake) in
 * `alwaysEligible` makes the person eligible whatever the means; otherwise income per household
 * member at or under the limit and assets at or under theirs. Missing means → unknown, never a guess.
 */
export function assess(
  rules: Rules,
  categories: readonly string[],
  means: Means,
): { eligible: boolean | null; basis: Basis } {
  if (categories.some((c) => rules.alwaysEligible.includes(c))) return { eligible: true, basis: 'category' };
  if (means.householdIncome === null || means.householdSize === null)
    return { eligible: null, basis: 'unknown' };
  const perPerson = means.householdIncome / means.householdSize;
  const assetsOk = means.assets === null || means.assets <= rules.assetsMax;
  return perPerson <= rules.incomePerPersonMax && assetsOk
    ? { eligible: true, basis: 'income' }
    : { eligible: false, basis: 'not_eligible' };
}
