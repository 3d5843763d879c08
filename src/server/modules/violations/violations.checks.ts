import { isDistrictOf, isRegionCode } from '../../../core/geo/regions.ts';
import { partialDatesInWrongOrder } from '../../../core/partial-date.ts';
import type { Actor } from '../../platform/access/policy.ts';
import type { Executor } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { peopleRepo } from '../people/people.repo.ts';
import { requireCode, requireCodes } from '../vocab/vocab.service.ts';

/** Input checks shared by events, acts and their parts; each names the field it refuses. */

export type Precision = 'year' | 'month' | 'day';

/** How much of a partial date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) is known. */
export function precisionOf(date: string | null | undefined): Precision | null {
  if (!date) return null;
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

/**
 * "Dates in the wrong order": the end's last possible day before the start's first (an event in 2024
 * may end in 2024-03; one in 2024-05 cannot end in 2023). The web forms use the same rule.
 */
export function checkDateOrder(
  start: string | null | undefined,
  end: string | null | undefined,
  path = 'endDate',
) {
  if (partialDatesInWrongOrder(start, end))
    throw new AppError('violation.dates_order', { fields: [{ path, code: 'dates_order' }] });
}

/** A partial date must also be a real day (zod checks the shape, not 2026-02-30). */
export function checkRealDate(date: string | null | undefined, path: string) {
  if (!date || date.length < 10) return;
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date)
    throw new AppError('validation.failed', { fields: [{ path, code: 'invalid_value' }] });
}

export function checkPlace(region: string | null | undefined, district: string | null | undefined) {
  if (region && !isRegionCode(region))
    throw new AppError('geo.unknown_region', { fields: [{ path: 'region', code: 'invalid_value' }] });
  if (district && (!region || !isDistrictOf(region, district)))
    throw new AppError('geo.unknown_region', { fields: [{ path: 'district', code: 'invalid_value' }] });
}

/** An optional vocabulary code: checked when given; `old` may stay even if since retired. */
export async function optCode(
  db: Executor,
  scheme: string,
  code: string | null | undefined,
  path: string,
  old?: string | null,
) {
  if (code) await requireCode(db, scheme, code, path, old ? [old] : []);
}

/** Languages come from the HURIDOCS list or the local one (Kyrgyz, Russian, Uzbek...). */
export async function languageCode(db: Executor, code: string | null | undefined, path: string) {
  if (!code) return;
  try {
    await requireCode(db, 'esf_languages', code, path);
  } catch {
    await requireCode(db, 'local_languages', code, path);
  }
}

export { requireCodes };

/**
 * A person referenced by a violation record must exist, not be merged away, and be visible to the
 * actor; otherwise `violation.person_not_found`, the same answer for missing and hidden people.
 */
export async function requirePerson(db: Executor, actor: Actor, personId: string, path: string) {
  const p = await peopleRepo.byId(db, personId);
  if (!p || p.merged_into || !(await peopleRepo.canSee(db, actor, personId)))
    throw new AppError('violation.person_not_found', { fields: [{ path, code: 'not_found' }] });
}
