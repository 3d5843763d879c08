import type { z } from 'zod';
import { REGIONS } from '../../../core/geo/regions.ts';
import { columnStart, groupColumns } from '../../../core/timeline.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { suppressTable, suppressTotal } from '../violations/publish.suppress.ts';
import type * as S from './summary.schemas.ts';
import { steppedAnswers } from './summary.public.answers.ts';
import { buildSummary } from './summary.service.ts';

type PublicSummary = z.infer<typeof S.PublicSummary>;
type Figures = Omit<PublicSummary, 'mission'>;

/** Public figures below this are withheld (the same rule as published violation statistics). */
export const PUBLIC_THRESHOLD = 5;

/**
 * How long a node reuses a mission's public figures. The results page is anonymous and may be linked
 * from the news on election night: a visit then costs one indexed read (is the mission still
 * public?) instead of a dashboard build, and visits that arrive together share one build. The page
 * itself refreshes once a minute, so a few seconds of age is never seen.
 */
export const PUBLIC_FIGURES_TTL_MS = 10_000;
const MAX_CACHED = 100;
const cached = new WeakMap<AppContext, Map<string, { at: number; figures: Promise<Figures> }>>();

function figuresOf(ctx: AppContext, id: string, verifiedOnly: boolean): Promise<Figures> {
  let byMission = cached.get(ctx);
  if (!byMission) {
    byMission = new Map<string, { at: number; figures: Promise<Figures> }>();
    cached.set(ctx, byMission);
  }
  const now = Date.now();
  // Keyed by what is counted too: switching to verified figures shows them at the next visit.
  const key = `${id}:${verifiedOnly ? 'verified' : 'received'}`;
  const hit = byMission.get(key);
  if (hit && now - hit.at < PUBLIC_FIGURES_TTL_MS) return hit.figures;
  if (byMission.size >= MAX_CACHED) byMission.clear();
  const figures = suppressed(ctx, id, verifiedOnly);
  byMission.set(key, { at: now, figures });
  // A failed build is not kept: the next visit tries again.
  figures.catch(() => {
    if (byMission.get(key)?.figures === figures) byMission.delete(key);
  });
  return figures;
}

/**
 * The anonymous public dashboard of a mission that was made public: aggregates only; answer and
 * incident counts from 1 to 4 are withheld (with secondary suppression inside each table).
 */
export async function publicSummary(ctx: AppContext, id: string): Promise<PublicSummary> {
  const m = await ctx.db
    .selectFrom('missions')
    .select(['public', 'status', 'title', 'kind', 'starts_on', 'ends_on', 'public_counts'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!m || m.public !== 1 || m.status === 'draft') throw new AppError('missions.not_found');
  // Checked at every visit, never cached: unpublishing takes the page down at once.
  return {
    ...(await figuresOf(ctx, id, m.public_counts === 'verified')),
    mission: { title: m.title, kind: m.kind, status: m.status, startsOn: m.starts_on, endsOn: m.ends_on },
  };
}

/** The dashboard as the public sees it: no staffing, small counts withheld (by region too). */
async function suppressed(ctx: AppContext, id: string, verifiedOnly: boolean): Promise<Figures> {
  // Staffing (`unstaffed`) stays internal: it would tell anyone which regions go unwatched.
  const {
    unstaffed: _unstaffed,
    overTimeOutside: _outside,
    ...s
  } = await buildSummary(ctx, id, { kind: 'all' }, { verifiedOnly });
  const t = PUBLIC_THRESHOLD;
  // Grouped by hour, day or week first (core/timeline.ts), then withheld: over months of detention
  // visits almost every hour holds a few incidents, and withheld hour by hour nothing would show.
  // Only the grouped rows are sent, never the hours beside them, which could be subtracted.
  const grouped = groupColumns(s.overTime);
  const { step } = grouped;
  // Each column sent as the instant it starts (Bishkek midnight for a day or a week).
  const columns = grouped.columns.map((c) => ({ ...c, hour: columnStart(c.key, step) }));
  const hours = suppressTable(
    columns.map((h) => ({ code: h.hour, count: h.n })),
    t,
  );
  // Critical incidents of each column, withheld where the column's count is, and suppressed among
  // themselves: the published total minus the shown columns must not give a withheld one away.
  const critical = suppressTable(
    columns.map((h) => ({ code: h.hour, count: h.critical })),
    t,
    { withheld: hours.map((h) => h.count === null) },
  );
  // Every region of the country is listed, and a region's expected count is withheld when it is 0 as
  // well as when it is small: leaving a region out, or showing its 0, would tell anyone where nobody
  // was sent to watch. Received counts are withheld like every other public count, and so is a 0: a
  // region that sent nothing stood out on the map as the only one with a figure, beside withheld ones.
  const all = REGIONS.map(
    (g) => s.byRegion.find((r) => r.region === g.code) ?? { region: g.code, expected: 0, received: 0 },
  );
  const expected = suppressTable(
    all.map((r) => ({ code: r.region, count: r.expected })),
    t,
    { hideZero: true },
  );
  const received = suppressTable(
    all.map((r) => ({ code: r.region, count: r.received })),
    t,
    { hideZero: true },
  );
  // Checklists' answers only: an incident form may ask about the people involved ("was anyone
  // detained"), which the organisation publishes, if at all, through a violation record it reviewed.
  // So are a repeat group's entries (a detention visit's interviews are people; ADR 0038). They move
  // in steps of at least `t` reports, so that no one report can be read from a change (ADR 0039).
  const stepped = await steppedAnswers(
    ctx,
    id,
    s.counts,
    s.answers.filter((a) => a.kind === 'checklist' && !a.group && !a.field.includes('.')),
    t,
  );
  return {
    ...s,
    // The headline too: "2 checklists expected" beside withheld regions would give them away.
    expected: suppressTotal(s.expected, t),
    received: suppressTotal(s.received, t),
    byRegion: all.map((r, i) => ({
      region: r.region,
      expected: expected[i]!.count,
      received: received[i]!.count,
    })),
    incidents: {
      total: suppressTotal(s.incidents.total, t),
      critical: suppressTotal(s.incidents.critical, t),
    },
    overTime: columns.map((h, i) => ({
      hour: h.hour,
      n: hours[i]!.count,
      critical: hours[i]!.count === null ? null : critical[i]!.count,
    })),
    overTimeStep: step,
    answers: stepped.answers.map((a) => {
      const cells = suppressTable(
        a.counts.map((c) => ({ code: c.value, count: c.n })),
        t,
      );
      return {
        ...a,
        total: suppressTotal(a.total, t),
        counts: a.counts.map((c, i) => ({ ...c, n: cells[i]!.count })),
      };
    }),
    answersAsOf: stepped.asOf,
  };
}
