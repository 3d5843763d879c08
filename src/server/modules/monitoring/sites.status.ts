import type { ExpressionBuilder } from 'kysely';
import type { Executor } from '../../platform/db/db.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { SITE_STATUSES } from './missions.schemas.ts';

/**
 * A site's reporting status, one rule for the dashboard, the sites list and its filter: checklists are
 * expected only where an observer was sent (or where one came all the same); checklists count per
 * checklist form of the mission up to the site's planned visits (one on election day), so on election
 * day a resent checklist does not count twice, and a form taken off the mission no longer counts. Two
 * observers filing one visit count as two visits: reviewers mark the copy (ADR 0026, 0037).
 */
export type SitesEb = ExpressionBuilder<Database & { s: Database['sites'] }, 's'>;

/** The site has at least one observer assigned (an index probe per site, no join fan-out). */
export const hasObserver = (eb: SitesEb) =>
  eb.exists(eb.selectFrom('site_observers as o').select('o.site_id').whereRef('o.site_id', '=', 's.id'));

/** How many of the grouped sites have an observer (an aggregate over `s`). */
export const staffedCount = (eb: SitesEb) =>
  eb.fn.count<number>(eb.case().when(hasObserver(eb)).then(1).end());

/** Planned visits of the grouped sites that have an observer: what they owe per checklist form. */
export const staffedVisits = (eb: SitesEb) =>
  eb.fn.coalesce(
    eb.fn.sum<number>(eb.case().when(hasObserver(eb)).then(eb.ref('s.visits')).else(0).end()),
    eb.lit(0),
  );

type PairsEb = ExpressionBuilder<
  Database & { s: Database['sites']; c: Database['mon_count_site_form'] },
  's' | 'c'
>;

/**
 * Checklists of one site × form pair that count: as many as the site's planned visits at most (ADR
 * 0037). A second observer's copy on election day, or a fifth visit where four were planned, is a
 * report all the same (the review list has it) but stands for no visit still to be made.
 */
const pairCounted = (eb: PairsEb) =>
  eb.case().when('c.n', '<', eb.ref('s.visits')).then(eb.ref('c.n')).else(eb.ref('s.visits')).end();

/** Counted checklists of the grouped pairs (an aggregate over `receivedPairs`). */
export const countedSum = (eb: PairsEb) => eb.fn.coalesce(eb.fn.sum<number>(pairCounted(eb)), eb.lit(0));

/** Counted checklists of the grouped pairs whose site has nobody assigned. */
export const unstaffedCounted = (eb: PairsEb) =>
  eb.fn.coalesce(
    eb.fn.sum<number>(
      eb
        .case()
        .when(eb.not(hasObserver(eb)))
        .then(pairCounted(eb))
        .else(0)
        .end(),
    ),
    eb.lit(0),
  );

const checklistForms = (eb: SitesEb) =>
  eb
    .selectFrom('mission_forms as mf')
    .select('mf.form_id')
    .whereRef('mf.mission_id', '=', 's.mission_id')
    .where('mf.form_kind', '=', 'checklist');

/** Checklists counted at the site (a correlated sum over the site's few counter rows). */
export const receivedCount = (eb: SitesEb) =>
  eb
    .selectFrom('mon_count_site_form as c')
    .select((e) => countedSum(e).as('n'))
    .whereRef('c.site_id', '=', 's.id')
    .whereRef('c.mission_id', '=', 's.mission_id')
    // A pair whose checklists were all rejected stays as a row with n = 0 (submissions.recount.ts).
    .where('c.n', '>', 0)
    .where('c.form_id', 'in', checklistForms(eb));

/**
 * The received site × checklist-form pairs of the missions' current checklist forms, joined to their
 * sites; callers select and group what they count (by region, by district, by mission). The dashboard,
 * its district map and the missions list all count received checklists this way, so their figures
 * agree, also after a form is taken off a mission. O(sites × forms) counter rows, no submissions.
 */
export const receivedPairs = (db: Executor, missionIds: string[]) =>
  db
    .selectFrom('mon_count_site_form as c')
    .innerJoin('sites as s', 's.id', 'c.site_id')
    .where('c.mission_id', 'in', missionIds)
    // A pair whose checklists were all rejected stays as a row with n = 0 (submissions.recount.ts).
    .where('c.n', '>', 0)
    .where('c.form_id', 'in', (eb) =>
      eb
        .selectFrom('mission_forms as mf')
        .select('mf.form_id')
        .whereRef('mf.mission_id', '=', 'c.mission_id')
        .where('mf.form_kind', '=', 'checklist'),
    );

/** How many checklist forms the mission has: what each staffed site is expected to send at each visit. */
export async function checklistCount(db: Executor, missionId: string): Promise<number> {
  const r = await db
    .selectFrom('mission_forms')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('mission_id', '=', missionId)
    .where('form_kind', '=', 'checklist')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Checklists a site owes in all: every checklist form at every planned visit. */
const owed = (eb: SitesEb, checklists: number) => eb(eb.val(checklists), '*', eb.ref('s.visits'));

/** The condition of a status filter, given the mission's number of checklist forms. */
export function statusIs(status: (typeof SITE_STATUSES)[number], checklists: number) {
  return (eb: SitesEb) => {
    switch (status) {
      case 'unstaffed':
        return eb.not(hasObserver(eb));
      case 'waiting':
        return checklists === 0
          ? eb.lit(false)
          : eb.and([hasObserver(eb), eb(receivedCount(eb), '<', owed(eb, checklists))]);
      case 'complete':
        return checklists === 0 ? eb.lit(false) : eb(receivedCount(eb), '>=', owed(eb, checklists));
    }
  };
}

/**
 * Expected checklists of one site, the summary's rule per site: every form at every planned visit where
 * an observer was sent; where nobody was, what came (a mobile team's visit), so that the site's figure,
 * its region's and the district map's agree.
 */
export const expectedAt = (checklists: number, visits: number, staffed: boolean, received: number) =>
  staffed ? checklists * visits : received;
