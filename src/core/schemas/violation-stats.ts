import { z } from 'zod';
import { IsoTime, Uuid } from './common.ts';
import { EventsQuery } from './violations.ts';

/**
 * Statistics, exports and publications of violation records (issue #4 items 5 and 6). Every figure
 * says what it counts (`unit`): events, acts or victims — the three give different numbers for the
 * same records (one event with an arrest and a torture act against one person is 1 event, 2 acts,
 * 1 victim), and a figure without its unit misleads.
 */
export const STATS_UNITS = ['events', 'acts', 'victims'] as const;
export const STATS_BY = [
  'actType',
  'right',
  'perpetratorType',
  'region',
  'district',
  'period',
  'sex',
  'ageGroup',
  'vulnerability',
] as const;
export type StatsUnit = (typeof STATS_UNITS)[number];
export type StatsBy = (typeof STATS_BY)[number];
/** Breakdowns by an attribute of the victim count victims, whatever `unit` asks. */
export const VICTIM_ONLY_BY: readonly StatsBy[] = ['sex', 'ageGroup', 'vulnerability'];

const byList = new RegExp(`^(${STATS_BY.join('|')})(,(${STATS_BY.join('|')})){0,8}$`);

/** The filters of the event list (same names, same meaning), without paging. */
export const StatsFilters = EventsQuery.omit({ page: true });
export const StatsQuery = StatsFilters.extend({
  /** Comma-separated breakdowns, e.g. `actType,region`. */
  by: z.string().regex(byList).optional(),
  /** What the breakdowns of acts, rights, perpetrators, places and periods count (default per breakdown). */
  unit: z.enum(STATS_UNITS).optional(),
  /** Roll act types up to this level of the HURIDOCS hierarchy (1 = the broadest headings). */
  level: z.coerce.number().int().min(1).max(6).optional(),
  /** Period breakdown by year (default) or by month. */
  period: z.enum(['year', 'month']).optional(),
});

export const StatsRow = z.object({ code: z.string(), count: z.number() });
export const StatsBreakdown = z.object({
  unit: z.enum(STATS_UNITS),
  /** `true` when one record can appear in several rows (an act with two rights): rows may add up to more. */
  overlapping: z.boolean(),
  rows: z.array(StatsRow),
});

export const ViolationStats = z.object({
  /** Events under the filters. */
  events: z.number(),
  /** Acts under the filters (with an act-type or perpetrator-type filter: the matching acts only). */
  acts: z.number(),
  /** Distinct individual victims of those acts; merged duplicates count once; groups are apart. */
  victims: z.number(),
  /** Distinct perpetrator records (a person, a unit or "unknown") involved in those acts. */
  perpetrators: z.number(),
  /** Groups recorded as victims (people records of kind `group`): never added to `victims`. */
  groupVictims: z.number(),
  /** Sum of the stated sizes of those groups; groups without a size are not in it. */
  groupVictimsSize: z.number(),
  groupVictimsWithoutSize: z.number(),
  /** Whether restricted events the actor may not see are counted (never, in this answer). */
  includesRestricted: z.boolean(),
  /** The text search gives at most 100 best events: `true` when the figures may miss further matches. */
  searchCapped: z.boolean(),
  /** What the date filter and the period breakdown use. */
  dateBasis: z.literal('event_start'),
  /** The definition of every unit, in the reader's language. */
  units: z.object({
    events: z.string(),
    acts: z.string(),
    victims: z.string(),
    perpetrators: z.string(),
    groupVictims: z.string(),
  }),
  by: z.partialRecord(z.enum(STATS_BY), StatsBreakdown),
});

export const ExportBody = z.strictObject({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  filters: StatsFilters.default({}),
  /** `false` asks for names and titles: needs a fresh re-authentication, and is audited as such. */
  redacted: z.boolean().default(true),
});

export const PUBLICATION_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export const PublicationCreate = z.strictObject({
  title: z.string().trim().min(1).max(200),
  filters: StatsFilters.omit({ q: true, mine: true }).default({}),
  breakdowns: z.array(z.enum(STATS_BY)).min(1).max(STATS_BY.length),
  unit: z.enum(STATS_UNITS).optional(),
  level: z.number().int().min(1).max(6).optional(),
  period: z.enum(['year', 'month']).optional(),
  /** Cells counting 1 to threshold−1 are suppressed. */
  threshold: z.number().int().min(3).max(100).default(5),
  /** Count restricted events too (administrators only, audited); off by default. */
  includeRestricted: z.boolean().default(false),
});

/** A published figure: `null` when suppressed (a small count, or one that would reveal a small count). */
const Cell = z.object({ code: z.string(), count: z.number().nullable() });
export const PublicDataset = z.object({
  title: z.string(),
  generatedAt: IsoTime,
  threshold: z.number(),
  filters: z.record(z.string(), z.string()),
  totals: z.object({
    events: z.number().nullable(),
    acts: z.number().nullable(),
    victims: z.number().nullable(),
    groupVictims: z.number().nullable(),
  }),
  tables: z.array(
    z.object({
      by: z.enum(STATS_BY),
      unit: z.enum(STATS_UNITS),
      overlapping: z.boolean(),
      rows: z.array(Cell),
    }),
  ),
  /** How many cells were withheld, and the rule (translated for the reader of the draft). */
  suppressedCells: z.number(),
});

export const Publication = z.object({
  id: Uuid,
  status: z.enum(PUBLICATION_STATUSES),
  title: z.string(),
  threshold: z.number(),
  includesRestricted: z.boolean(),
  createdAt: IsoTime,
  publishedAt: IsoTime.nullable(),
  withdrawnAt: IsoTime.nullable(),
  dataset: PublicDataset,
});
export const PublicationList = z.object({
  items: z.array(Publication.omit({ dataset: true })),
});

export type ViolationStatsT = z.infer<typeof ViolationStats>;
export type PublicDatasetT = z.infer<typeof PublicDataset>;
