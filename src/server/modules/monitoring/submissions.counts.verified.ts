import type { Executor } from '../../platform/db/db.ts';
import type { CountBatch } from './submissions.counts.ts';

// Keys sort the rows: PostgreSQL takes the counters' row locks in one order on every node.
const sorted = <T>(m: Map<string, T>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

/**
 * Writes a batch of the `verified` layer: what verified and published reports add to the counters
 * (ADR 0035). Only a review's change of state or a correction makes such a batch, a report or a few at
 * a time, so plain statements do (the prepared multi-row ones are for the election-day stream). The
 * counter rows exist already, written when the reports arrived; a missing one is made at zero for
 * everything else, and a report's arrival then adds to it as usual.
 */
export async function flushVerified(tx: Executor, b: CountBatch): Promise<void> {
  for (const [, t] of sorted(b.region)) {
    if (!t.incidents && !t.critical) continue;
    await tx
      .insertInto('mon_count_region')
      .values({
        mission_id: t.m,
        region: t.region,
        received: 0,
        submissions: 0,
        incidents: 0,
        critical: 0,
        verified_incidents: t.incidents,
        verified_critical: t.critical,
      })
      .onConflict((oc) =>
        oc.columns(['mission_id', 'region']).doUpdateSet((eb) => ({
          verified_incidents: eb(
            'mon_count_region.verified_incidents',
            '+',
            eb.ref('excluded.verified_incidents'),
          ),
          verified_critical: eb(
            'mon_count_region.verified_critical',
            '+',
            eb.ref('excluded.verified_critical'),
          ),
        })),
      )
      .execute();
  }
  for (const [, t] of sorted(b.hour))
    await tx
      .insertInto('mon_count_hour')
      .values({
        mission_id: t.m,
        region: t.region,
        hour: t.hour,
        incidents: 0,
        critical: 0,
        verified_incidents: t.incidents,
        verified_critical: t.critical,
      })
      .onConflict((oc) =>
        oc.columns(['mission_id', 'region', 'hour']).doUpdateSet((eb) => ({
          verified_incidents: eb(
            'mon_count_hour.verified_incidents',
            '+',
            eb.ref('excluded.verified_incidents'),
          ),
          verified_critical: eb(
            'mon_count_hour.verified_critical',
            '+',
            eb.ref('excluded.verified_critical'),
          ),
        })),
      )
      .execute();
  for (const [, g] of sorted(b.answer))
    for (const [, t] of sorted(g.n))
      await tx
        .insertInto('mon_count_answer')
        .values({
          mission_id: g.m,
          region: g.region,
          form_id: g.f,
          field: t.field,
          value: t.value,
          n: 0,
          verified: t.n,
        })
        .onConflict((oc) =>
          oc.columns(['mission_id', 'region', 'form_id', 'field', 'value']).doUpdateSet((eb) => ({
            verified: eb('mon_count_answer.verified', '+', eb.ref('excluded.verified')),
          })),
        )
        .execute();
}
