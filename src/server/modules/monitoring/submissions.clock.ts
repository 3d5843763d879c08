import { sql, type Expression, type SqlBool } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { chartWindow } from './summary.service.ts';

const HOUR_MS = 3_600_000;

/**
 * The review list's filter `clock=outside`: reports of a mission whose phone gave a time the
 * dashboard's chart leaves out (`overTimeOutside`: before the mission was set up or starts, less two
 * days, or after the coming hour; `chartWindow`), so the dashboard's "3 incidents are not on the
 * chart: check them in the reports" can list them. Compared by hour as the chart counts them
 * (`YYYY-MM-DDTHH`, UTC): stored times are ISO strings in UTC, so the text order is the time order.
 */
export async function outsideMissionTime(
  ctx: AppContext,
  missionId: string | undefined,
  now = Date.now(),
): Promise<Expression<SqlBool>> {
  const missions = await ctx.db
    .selectFrom('missions')
    .select(['id', 'created_at', 'starts_on'])
    .$if(!!missionId, (q) => q.where('id', '=', missionId!))
    .execute();
  const [, to] = chartWindow(undefined, now);
  // The first hour after the chart's last: `submitted_at` from it on lies ahead of the chart.
  const after = new Date(Date.parse(`${to}:00:00Z`) + HOUR_MS).toISOString().slice(0, 13);
  // Before the chart: per mission, since each starts its own.
  const before = missions.map(
    (m) => sql`(s.mission_id = ${m.id} and s.submitted_at < ${chartWindow(m, now)[0]})`,
  );
  return sql<SqlBool>`(s.mission_id is not null and (s.submitted_at >= ${after}${
    before.length ? sql` or ${sql.join(before, sql` or `)}` : sql``
  }))`;
}
