import type { Executor } from '../../platform/db/db.ts';
import { preparedRows } from '../../platform/db/prepared.ts';
import { flushVerified } from './submissions.counts.verified.ts';
import type {
  MonCountAnswerTable,
  MonCountHourTable,
  MonCountRegionTable,
  MonCountSiteFormTable,
} from '../../platform/db/schema.monitoring.ts';

export interface CountInput {
  missionId: string;
  siteId: string | null;
  formId: string;
  kind: 'checklist' | 'incident';
  region: string | null;
  critical: boolean;
  submittedAt: string;
  /** `[field, value]` pairs of the report's counted answers (`countedValues`): checklists and incidents. */
  values: [string, string][];
}

// Keys start with their most varying part, so the sort (a fixed order for PostgreSQL's row locks)
// compares few characters.
const byKey = <T>(m: Map<string, T>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const bump = <T>(m: Map<string, T>, key: string, make: () => T, add: (t: T) => void) => {
  let t = m.get(key);
  if (!t) m.set(key, (t = make()));
  add(t);
};
// Each counter table's upsert, compiled once per statement size (`preparedRows`): Kysely compiling
// a new upsert of every batch's row count cost more than SQLite took to run it. Rows go in key order.
const upsertSiteForm = preparedRows(
  'counts.site_form',
  ['mission_id', 'site_id', 'form_id', 'n'],
  (db, rows) =>
    db
      .insertInto('mon_count_site_form')
      .values(rows as unknown as MonCountSiteFormTable[])
      .onConflict((oc) =>
        oc
          .columns(['mission_id', 'site_id', 'form_id'])
          .doUpdateSet((eb) => ({ n: eb('mon_count_site_form.n', '+', eb.ref('excluded.n')) })),
      )
      .returning(['mission_id', 'site_id', 'form_id', 'n']),
);
const upsertRegion = preparedRows(
  'counts.region',
  ['mission_id', 'region', 'received', 'submissions', 'incidents', 'critical'],
  (db, rows) =>
    db
      .insertInto('mon_count_region')
      .values(rows as unknown as MonCountRegionTable[])
      .onConflict((oc) =>
        oc.columns(['mission_id', 'region']).doUpdateSet((eb) => ({
          received: eb('mon_count_region.received', '+', eb.ref('excluded.received')),
          submissions: eb('mon_count_region.submissions', '+', eb.ref('excluded.submissions')),
          incidents: eb('mon_count_region.incidents', '+', eb.ref('excluded.incidents')),
          critical: eb('mon_count_region.critical', '+', eb.ref('excluded.critical')),
        })),
      ),
);
const upsertHour = preparedRows(
  'counts.hour',
  ['mission_id', 'region', 'hour', 'incidents', 'critical'],
  (db, rows) =>
    db
      .insertInto('mon_count_hour')
      .values(rows as unknown as MonCountHourTable[])
      .onConflict((oc) =>
        oc.columns(['mission_id', 'region', 'hour']).doUpdateSet((eb) => ({
          incidents: eb('mon_count_hour.incidents', '+', eb.ref('excluded.incidents')),
          critical: eb('mon_count_hour.critical', '+', eb.ref('excluded.critical')),
        })),
      ),
);
const upsertAnswer = preparedRows(
  'counts.answer',
  ['mission_id', 'region', 'form_id', 'field', 'value', 'n'],
  (db, rows) =>
    db
      .insertInto('mon_count_answer')
      .values(rows as unknown as MonCountAnswerTable[])
      .onConflict((oc) =>
        oc
          .columns(['mission_id', 'region', 'form_id', 'field', 'value'])
          .doUpdateSet((eb) => ({ n: eb('mon_count_answer.n', '+', eb.ref('excluded.n')) })),
      ),
);

/**
 * The dashboard counters of one or more submissions, kept in the transaction that stores them (ADR
 * 0009's pattern for case statistics). A group commit (submissions.batch.ts) adds every submission
 * of the batch and writes each counter once with the batch's total, so the cost per submission falls
 * as load rises. Counter rows are written in key order, so two PostgreSQL nodes updating the same
 * counters cannot deadlock. `received` counts distinct site × checklist pairs (a second checklist
 * from the same site is a correction, not a new station); since 2026-12-07 the screens count those
 * pairs from `mon_count_site_form` for the mission's current forms (sites.status.ts `receivedPairs`),
 * and the region total stays as a record of every pair ever received.
 *
 * A batch of the `verified` layer counts the same figures into the columns of verified and published
 * reports only (ADR 0035), when a report enters or leaves those states (submissions.recount.ts).
 */
export class CountBatch {
  constructor(readonly layer: 'received' | 'verified' = 'received') {}

  private readonly siteForm = new Map<
    string,
    { m: string; s: string; f: string; region: string; n: number }
  >();
  readonly region = new Map<
    string,
    { m: string; region: string; submissions: number; incidents: number; critical: number }
  >();
  readonly hour = new Map<
    string,
    { m: string; region: string; hour: string; incidents: number; critical: number }
  >();
  // By (region, form, mission), then by field and value: one short key per answer, not a long one.
  readonly answer = new Map<
    string,
    { m: string; region: string; f: string; n: Map<string, { field: string; value: string; n: number }> }
  >();

  /** Count a submission in (`sign` 1), or out again (-1: it was rejected; submissions.recount.ts). */
  add(c: CountInput, sign: 1 | -1 = 1): void {
    const region = c.region ?? '';
    const m = c.missionId;
    const incident = c.kind === 'incident' ? sign : 0;
    // The dashboard shows "incidents (of which critical)": a checklist flagged critical (say, a
    // station that never opened) is in the critical review queue, not among the incidents.
    const critical = c.critical && incident ? sign : 0;
    if (this.layer === 'received' && c.kind === 'checklist' && c.siteId) {
      const s = c.siteId;
      bump(
        this.siteForm,
        `${s}\u0001${c.formId}\u0001${m}`,
        () => ({ m, s, f: c.formId, region, n: 0 }),
        (t) => (t.n += sign),
      );
    }
    bump(
      this.region,
      `${region}\u0001${m}`,
      () => ({ m, region, submissions: 0, incidents: 0, critical: 0 }),
      (t) => {
        t.submissions += sign;
        t.incidents += incident;
        t.critical += critical;
      },
    );
    if (incident) {
      // Incidents over time by the hour the observer reported it (UTC), not by when it reached us.
      const hour = `${new Date(c.submittedAt).toISOString().slice(0, 13)}:00`;
      bump(
        this.hour,
        `${hour}\u0001${region}\u0001${m}`,
        () => ({ m, region, hour, incidents: 0, critical: 0 }),
        (t) => {
          t.incidents += incident;
          t.critical += critical;
        },
      );
    }
    if (c.values.length) {
      const outer = `${region}\u0001${c.formId}\u0001${m}`;
      let group = this.answer.get(outer);
      if (!group) this.answer.set(outer, (group = { m, region, f: c.formId, n: new Map() }));
      // A pair comes once per report, or once per entry of a repeat group (countedValues): summed here.
      for (const [field, value] of c.values) {
        const k = `${field}\u0001${value}`;
        const e = group.n.get(k);
        if (e) e.n += sign;
        else group.n.set(k, { field, value, n: sign });
      }
    }
  }

  async flush(tx: Executor): Promise<void> {
    if (this.layer === 'verified') return flushVerified(tx, this);
    const received = new Map<string, number>();
    // A busy batch has a pair per site; rows come back in any order.
    const pairs = byKey(this.siteForm).map(([, t]) => [t.m, t.s, t.f, t.n]);
    for (const r of await upsertSiteForm(tx, pairs)) {
      const t = this.siteForm.get(`${r.site_id}\u0001${r.form_id}\u0001${r.mission_id}`)!;
      // A pair counts as received while its count is above zero: it arrives when this batch took it
      // from zero, and leaves when a rejection takes it back to zero.
      const after = Number(r.n);
      const change = (after > 0 ? 1 : 0) - (after - t.n > 0 ? 1 : 0);
      if (change !== 0)
        received.set(`${t.region}\u0001${t.m}`, (received.get(`${t.region}\u0001${t.m}`) ?? 0) + change);
    }
    await upsertRegion(
      tx,
      byKey(this.region).map(([key, t]) => [
        t.m,
        t.region,
        received.get(key) ?? 0,
        t.submissions,
        t.incidents,
        t.critical,
      ]),
    );
    await upsertHour(
      tx,
      byKey(this.hour).map(([, t]) => [t.m, t.region, t.hour, t.incidents, t.critical]),
    );
    await upsertAnswer(
      tx,
      byKey(this.answer).flatMap(([, g]) =>
        byKey(g.n).map(([, t]) => [g.m, g.region, g.f, t.field, t.value, t.n]),
      ),
    );
  }
}

/** The counters of one submission, written now. */
export async function bumpCounts(tx: Executor, c: CountInput): Promise<void> {
  const b = new CountBatch();
  b.add(c);
  await b.flush(tx);
}
