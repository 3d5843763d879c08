import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/db.ts';
import type {
  VioChainTable,
  VioInformationTable,
  VioInterventionsTable,
  VioInvolvementsTable,
} from '../../platform/db/schema.violations.ts';

export type PartTable = 'vio_involvements' | 'vio_information' | 'vio_interventions' | 'vio_chain';

/** Queries of the parts around acts; the rules, access checks and audit are in `parts.service.ts`. */
export const partsRepo = {
  async insertInvolvement(db: Executor, row: Insertable<VioInvolvementsTable>) {
    await db.insertInto('vio_involvements').values(row).execute();
  },
  async insertInformation(db: Executor, row: Insertable<VioInformationTable>) {
    await db.insertInto('vio_information').values(row).execute();
  },
  async insertIntervention(db: Executor, row: Insertable<VioInterventionsTable>) {
    await db.insertInto('vio_interventions').values(row).execute();
  },
  /** A link of the chain of events; the same link (from, to, type) again changes nothing. */
  async insertChain(db: Executor, row: Insertable<VioChainTable>) {
    await db
      .insertInto('vio_chain')
      .values(row)
      .onConflict((oc) => oc.columns(['from_event_id', 'to_event_id', 'type']).doNothing())
      .execute();
  },

  /** The event a part belongs to (undefined when the part does not exist). */
  async eventOfPart(db: Executor, table: PartTable, id: string): Promise<string | undefined> {
    if (table === 'vio_involvements') {
      const r = await db
        .selectFrom('vio_involvements as i')
        .innerJoin('vio_acts as a', 'a.id', 'i.act_id')
        .select('a.event_id')
        .where('i.id', '=', id)
        .executeTakeFirst();
      return r?.event_id;
    }
    if (table === 'vio_chain') {
      const r = await db
        .selectFrom('vio_chain')
        .select('from_event_id')
        .where('id', '=', id)
        .executeTakeFirst();
      return r?.from_event_id;
    }
    const r = await db.selectFrom(table).select('event_id').where('id', '=', id).executeTakeFirst();
    return r?.event_id;
  },

  async deletePart(db: Executor, table: PartTable, id: string) {
    await db.deleteFrom(table).where('id', '=', id).execute();
  },
};
