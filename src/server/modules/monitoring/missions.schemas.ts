import { z } from 'zod';
import { Uuid } from '../../../core/schemas/common.ts';
import { MAX_VISITS } from '../../../core/visits.ts';
import { L10nSchema } from './submissions.schemas.ts';

/** Missions, sites, coordinators and observers (the contract in briefs; issue #5 item 2). */
export const MISSION_KINDS = ['election', 'detention', 'trial', 'assembly'] as const;
export const MISSION_STATUSES = ['draft', 'active', 'closed'] as const;
export const SITE_KINDS = ['polling_station', 'detention', 'court', 'assembly', 'other'] as const;
/** Reporting status of a site: waiting = someone was sent and a checklist is still missing. */
export const SITE_STATUSES = ['waiting', 'complete', 'unstaffed'] as const;
const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
// Mission and site texts are stored in clear (public information): no control characters (PostgreSQL
// refuses NUL in text, and nobody means to type them; C1 ones such as U+009B start terminal escapes);
// a description may have line breaks.
/* eslint-disable no-control-regex -- the point of these two patterns is to refuse control characters */
const ONE_LINE = /^[^\u0000-\u001f\u007f-\u009f]*$/;
const MULTI_LINE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$/;
/* eslint-enable no-control-regex */
const Line = (max: number) => z.string().trim().max(max).regex(ONE_LINE);
export const Lines = (max: number) => z.string().trim().max(max).regex(MULTI_LINE);
const Region = z.string().regex(/^KG-[A-Z]{1,2}$/);
const District = z.string().regex(/^\d{1,12}$/);

export const MissionCreate = z.strictObject({
  kind: z.enum(MISSION_KINDS),
  title: Line(200).min(1),
  startsOn: DateOnly.optional(),
  endsOn: DateOnly.optional(),
  description: Lines(5000).optional(),
});
export const MissionPatch = z.strictObject({
  title: Line(200).min(1).optional(),
  description: Lines(5000).nullable().optional(),
  status: z.enum(MISSION_STATUSES).optional(),
  startsOn: DateOnly.nullable().optional(),
  endsOn: DateOnly.nullable().optional(),
  public: z.boolean().optional(),
  /** What the public page counts: every report not rejected, or verified ones only (ADR 0035). */
  publicCounts: z.enum(['received', 'verified']).optional(),
  /** Its coordinators triage the public reports of their regions (an administrator's choice). */
  publicReports: z.boolean().optional(),
  /** Its observers' phones must be locked with a PIN (turned off by an administrator only). */
  fieldPin: z.boolean().optional(),
});
export const MissionSummaryItem = z.object({
  id: Uuid,
  kind: z.enum(MISSION_KINDS),
  title: z.string(),
  status: z.enum(MISSION_STATUSES),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  public: z.boolean(),
  sites: z.number(),
  received: z.number(),
});
export const MissionList = z.object({ items: z.array(MissionSummaryItem) });
export const Mission = MissionSummaryItem.extend({
  description: z.string().nullable(),
  publicCounts: z.enum(['received', 'verified']),
  publicReports: z.boolean(),
  fieldPin: z.boolean(),
  /** What the caller may do here: `all` (whole mission), `regions` or `observer`. */
  scope: z.enum(['all', 'regions', 'observer']),
  regions: z.array(z.string()),
  forms: z.array(
    z.object({
      formId: Uuid,
      formVersionId: Uuid,
      title: L10nSchema,
      kind: z.string(),
      /** Its repeat groups (a visit's interviews): an export may have a row per entry of one. */
      groups: z.array(z.object({ key: z.string(), label: L10nSchema })),
    }),
  ),
  coordinators: z.array(
    z.object({ userId: Uuid, name: z.string(), region: z.string().nullable(), appointed: z.boolean() }),
  ),
  /**
   * Whether the caller's export with names waits for another administrator's approval; false only for
   * the sole active administrator, whose export runs at once (export-approval.ts).
   */
  namedExportApproval: z.boolean(),
});
export const MissionForms = z.strictObject({ formVersionIds: z.array(Uuid).max(20) });
export const MissionCoordinators = z.strictObject({
  coordinators: z.array(z.strictObject({ userId: Uuid, region: Region.nullable() })).max(200),
});
/** People who may coordinate a mission (active coordinators and administrators): a pick list of names. */
export const CoordinatorCandidates = z.object({ items: z.array(z.object({ id: Uuid, name: z.string() })) });

export const SiteCreate = z.strictObject({
  code: Line(40).min(1),
  name: Line(200).min(1),
  kind: z.enum(SITE_KINDS).optional(),
  region: Region,
  district: District.nullable().optional(),
  place: Line(200).nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lon: z.number().min(-180).max(180).nullable().optional(),
  /** Planned visits during the mission (ADR 0037); 1 when not given. */
  visits: z.number().int().min(1).max(MAX_VISITS).optional(),
});
export const SitePatch = SiteCreate.partial();
export const Site = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  region: z.string(),
  district: z.string().nullable(),
  place: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  observers: z.array(z.object({ userId: Uuid, name: z.string() })),
  /** Planned visits: each expects every checklist form of the mission once (ADR 0037). */
  visits: z.number(),
  /**
   * Checklists of the mission received from the site: per checklist form, as many as the planned visits
   * at most (on election day a second observer's copy does not count).
   */
  received: z.number(),
  /** Checklists expected: checklist forms × visits where someone was sent; else what came. */
  expected: z.number(),
  /** Reports of any kind from the site, rejected ones too (reviewers only; null for an observer). */
  reports: z.number().nullable(),
  /** When the site's latest report arrived (reviewers only). */
  lastReportAt: z.string().nullable(),
});
export const SitesQuery = z.strictObject({
  region: Region.optional(),
  status: z.enum(SITE_STATUSES).optional(),
  q: Line(100).optional(),
  /** `quiet`: staffed sites first, the one whose last report is oldest (or who sent none) first. */
  sort: z.enum(['code', 'quiet']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});
export const SiteList = z.object({ items: z.array(Site), total: z.number(), page: z.number() });
export const SitesImport = z.strictObject({ csv: z.string().min(1).max(2_000_000) });
/** `assigned`: sites whose observers the file set (lines with e-mails in the observers column). */
export const SitesImported = z.object({
  created: z.number(),
  updated: z.number(),
  assigned: z.number(),
  /** Lines that may be one site twice (same name in one district): imported, and pointed out. */
  sameName: z.array(z.object({ name: z.string(), lines: z.array(z.number()) })),
  /** New lines named like a site the mission already has in that district (its code): pointed out. */
  sameAsSite: z.array(z.object({ line: z.number(), name: z.string(), code: z.string() })),
});
export const SiteObservers = z.strictObject({ userIds: z.array(Uuid).max(50) });
/** `invited`: the account is not set up yet; it may be placed on a site but not coordinate. */
export const Observers = z.object({
  items: z.array(z.object({ id: Uuid, name: z.string(), role: z.string(), invited: z.boolean() })),
});
/**
 * How to reach the observers of one site (reviewers of its region; each look-up is audited).
 * `phones`: `not_appointed` when no administrator stands behind the caller's grant, so no number shows.
 */
export const SiteContacts = z.object({
  /** `staff`: an account that can do more than observe; its number goes to administrators only. */
  items: z.array(
    z.object({ userId: Uuid, name: z.string(), phone: z.string().nullable(), staff: z.boolean() }),
  ),
  phones: z.enum(['shown', 'not_appointed']),
});
