import type { ExpressionBuilder } from 'kysely';
import type { Executor } from '../../platform/db/db.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { SITE_STATUSES } from './missions.schemas.ts';

/**
 * A site's reporting status, one rule for the dashboard, the sites list and its filter: checklists are
 * expected only where an observer was sent (or where one came all the same); a checklist counts once
 * per checklist form of the mission, so a correction does not count twice and a form taken off the
 * mission no longer counts.
 */
export type SitesEb = ExpressionBuilder<Database & { s: Database['sites'] }, 's'>;

/** The site has at least one observer assigned (an index probe per site, no join fan-out). */
export const hasObserver = (eb: SitesEb) =>
  eb.exists(eb.selectFrom('site_observers as o').select('o.site_id').whereRef('o.site_id', '=', 's.id'));

/** How many of the grouped sites have an observer (an aggregate over `s`). */
export const staffedCount = (eb: SitesEb) =>
  eb.fn.count<number>(eb.case().when(hasObserver(eb)).then(1).end());

const checklistForms = (eb: SitesEb) =>
  eb
    .selectFrom('mission_forms as mf')
    .select('mf.form_id')
    .whereRef('mf.mission_id', '=', 's.mission_id')
    .where('mf.form_kind', '=', 'checklist');

/** Checklists received from the site (a correlated count over the site's few counter rows). */
export const receivedCount = (eb: SitesEb) =>
  eb
    .selectFrom('mon_count_site_form as c')
    .select((e) => e.fn.countAll<number>().as('n'))
    .whereRef('c.site_id', '=', 's.id')
    .whereRef('c.mission_id', '=', 's.mission_id')
    // A pair whose checklists were all rejected stays as a row with n = 0 (submissions.recount.ts).
    .where('c.n', '>', 0)
    .where('c.form_id', 'in', checklistForms(eb));

/** The ids of a mission's checklist forms, as a subquery (the counter pairs that count as received). */
export const checklistFormIds = (db: Executor, missionId: string) =>
  db
    .selectFrom('mission_forms')
    .select('form_id')
    .where('mission_id', '=', missionId)
    .where('form_kind', '=', 'checklist');

/** How many checklist forms the mission has: what each staffed site is expected to send. */
export async function checklistCount(db: Executor, missionId: string): Promise<number> {
  const r = await db
    .selectFrom('mission_forms')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('mission_id', '=', missionId)
    .where('form_kind', '=', 'checklist')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The condition of a status filter, given the mission's number of checklist forms. */
export function statusIs(status: (typeof SITE_STATUSES)[number], checklists: number) {
  return (eb: SitesEb) => {
    switch (status) {
      case 'unstaffed':
        return eb.not(hasObserver(eb));
      case 'waiting':
        return checklists === 0
          ? eb.lit(false)
          : eb.and([hasObserver(eb), eb(receivedCount(eb), '<', checklists)]);
      case 'complete':
        return checklists === 0 ? eb.lit(false) : eb(receivedCount(eb), '>=', checklists);
    }
  };
}

/** Expected checklists of one site (the summary's rule, per site). */
export const expectedAt = (checklists: number, staffed: boolean, received: number) =>
  staffed || received > 0 ? checklists : 0;
