import { z } from 'zod';
import { Uuid } from '../../../core/schemas/common.ts';
import { L10nSchema } from './submissions.schemas.ts';

/** Dashboard shapes: `Summary` for reviewers; `PublicSummary` withholds small counts as `null`. */
const summaryOf = <C extends z.ZodType>(Count: C) =>
  z.object({
    missionId: Uuid,
    /**
     * What incidents and answers count: every report not rejected, or verified and published reports
     * only (ADR 0035; the public page as the mission's settings say, the dashboard as asked).
     */
    counts: z.enum(['received', 'verified']),
    /** Checklists expected: checklist forms × sites with at least one observer assigned. */
    expected: Count,
    received: Count,
    byRegion: z.array(z.object({ region: z.string(), expected: Count, received: Count })),
    incidents: z.object({ total: Count, critical: Count }),
    overTime: z.array(z.object({ hour: z.string(), n: Count, critical: Count })),
    answers: z.array(
      z.object({
        formId: Uuid,
        /** A checklist's question, or an incident report's (counted once per report). */
        kind: z.enum(['checklist', 'incident']),
        /** The question's key; `group.child` for a repeat group's question, counted once per entry. */
        field: z.string(),
        label: L10nSchema,
        /** The repeat group whose entries are counted ("Interviews"); absent for a report's own question. */
        group: z
          .object({
            key: z.string(),
            label: L10nSchema,
            /** Its entries (interviews), and the reports that have any (visits), under the same filter. */
            entries: Count,
            reports: Count,
          })
          .optional(),
        total: Count,
        counts: z.array(z.object({ value: z.string(), label: L10nSchema, n: Count })),
      }),
    ),
  });
/** Reviewers also see the sites no observer was assigned to (`unstaffed`), in total and by region. */
export const Summary = summaryOf(z.number()).extend({
  unstaffed: z.number(),
  /** Incidents whose phone time lies outside the mission's time (a reset clock): not in `overTime`. */
  overTimeOutside: z.number(),
  byRegion: z.array(
    z.object({ region: z.string(), expected: z.number(), received: z.number(), unstaffed: z.number() }),
  ),
});
/** The reviewers' dashboard: the summary and the district map's figures (summary.districts.ts). */
export const MissionSummary = Summary.extend({
  byDistrict: z.array(z.object({ area: z.string(), expected: z.number(), received: z.number() })),
  /** Sites with no district from the list: not on the district map. */
  unplaced: z.number(),
  /** Verified figures asked for while reports verified before migration 0042 are still being counted. */
  verifiedPending: z.boolean(),
});
/**
 * Where observers are missing is not published: it would point out the unwatched stations. The
 * mission's title, kind and dates head the public page.
 */
export const PublicSummary = summaryOf(z.number().nullable()).extend({
  /** How `overTime` is grouped (core/timeline.ts): by hour, or by Bishkek day or week from Monday. */
  overTimeStep: z.enum(['hour', 'day', 'week']),
  /**
   * When the answers shown were published: they are replaced only once some count has moved by five
   * or more, so that no one report can be read from a change (ADR 0039). Coverage and incidents are live.
   */
  answersAsOf: z.string(),
  mission: z.object({
    title: z.string(),
    kind: z.string(),
    status: z.string(),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
  }),
});
export const SitesStatus = z.object({
  items: z.array(
    z.object({
      siteId: Uuid,
      code: z.string(),
      name: z.string(),
      region: z.string(),
      district: z.string().nullable(),
      lat: z.number().nullable(),
      lon: z.number().nullable(),
      expected: z.number(),
      received: z.number(),
    }),
  ),
});
