import { z } from 'zod';
import { Uuid } from '../../../core/schemas/common.ts';

/** Request and response shapes of submissions and review (the contract in briefs; issue #5 API). */
export const L10nSchema = z.object({ ky: z.string(), ru: z.string(), en: z.string() });
export const IsoDateTime = z.iso.datetime({ offset: true });

export const SubmissionCreate = z.strictObject({
  clientId: Uuid,
  formVersionId: Uuid,
  siteId: Uuid,
  answers: z.record(z.string().max(64), z.unknown()),
  submittedAt: IsoDateTime,
});

export const SUBMISSION_STATUSES = ['received', 'in_review', 'verified', 'published', 'rejected'] as const;
export const QUEUES = ['translate', 'geolocate', 'verify', 'urgent'] as const;

export const Flags = z.object({
  translate: z.boolean(),
  geolocate: z.boolean(),
  verify: z.boolean(),
  urgent: z.boolean(),
});

/** A report as a reviewer picks it as the original of a duplicate (review.duplicates.ts). */
export const SimilarReport = z.object({
  id: Uuid,
  site: z.string().nullable(),
  observer: z.string().nullable(),
  source: z.enum(['observer', 'public']),
  status: z.enum(SUBMISSION_STATUSES),
  submittedAt: z.string(),
  critical: z.boolean(),
});

export const SubmissionView = z.object({
  id: Uuid,
  clientId: z.string(),
  missionId: Uuid.nullable(),
  siteId: Uuid.nullable(),
  /** The site as the reviewer knows it (code and name); null for a public report. */
  site: z.object({ code: z.string(), name: z.string() }).nullable(),
  /** The kind of the report's mission, which words the site (court, institution…); null without a mission. */
  missionKind: z.string().nullable(),
  missionTitle: z.string().nullable(),
  formVersionId: Uuid,
  formId: Uuid,
  formKind: z.string(),
  observerId: Uuid.nullable(),
  observerName: z.string().nullable(),
  source: z.enum(['observer', 'public']),
  status: z.enum(SUBMISSION_STATUSES),
  critical: z.boolean(),
  flags: Flags,
  answers: z.record(z.string(), z.unknown()),
  /** The uploads the file/signature answers name: what the review page needs to show them. */
  files: z.array(z.object({ id: Uuid, mime: z.string(), size: z.number(), name: z.string() })),
  submittedAt: z.string(),
  receivedAt: z.string(),
  region: z.string().nullable(),
  district: z.string().nullable(),
  violationEventId: Uuid.nullable(),
  caseId: Uuid.nullable(),
  lock: z.object({ userId: Uuid, name: z.string(), until: z.string() }).nullable(),
  /** The reviewer the report was given to. */
  assignee: z.object({ id: Uuid, name: z.string() }).nullable(),
  /** The report this one repeats (rejected as its duplicate); `site`/`submittedAt` null if not the reader's to see. */
  duplicateOf: z
    .object({ id: Uuid, site: z.string().nullable(), submittedAt: z.string().nullable() })
    .nullable(),
  /** The reports rejected as duplicates of this one, those the reader may see: its corroboration. */
  duplicates: z.array(SimilarReport),
  /** The regions this reader may place the report in (a report without a site; review.place.ts). */
  placeRegions: z.array(z.string()),
  /** Reviewers' translations of the report, by language (review.translate.ts); none for observers. */
  translations: z.array(
    z.object({ locale: z.string(), text: z.string(), userId: Uuid, name: z.string(), at: z.string() }),
  ),
  history: z.array(
    z.object({
      at: z.string(),
      userId: Uuid.nullable(),
      name: z.string().nullable(),
      action: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      reason: z.string().nullable(),
      refId: z.string().nullable(),
      /** Whom an `assign`/`unassign` entry names. */
      refName: z.string().nullable(),
      /** `correct`: each answer changed, before and after (review.correct.ts). */
      changes: z.array(z.object({ key: z.string(), from: z.unknown(), to: z.unknown() })).optional(),
    }),
  ),
  comments: z.array(z.object({ id: Uuid, at: z.string(), userId: Uuid, name: z.string(), body: z.string() })),
});

export const SubmissionsQuery = z.strictObject({
  missionId: Uuid.optional(),
  status: z.enum(SUBMISSION_STATUSES).optional(),
  queue: z.enum(QUEUES).optional(),
  region: z
    .string()
    .regex(/^KG-[A-Z]{1,2}$/)
    .optional(),
  siteId: Uuid.optional(),
  formKind: z.enum(['checklist', 'incident']).optional(),
  critical: z.enum(['0', '1']).optional(),
  source: z.enum(['observer', 'public']).optional(),
  /** `me`: the reports given to the asker (the "Mine" queue). */
  assignee: z.literal('me').optional(),
  /** A pending request to erase a selection (review.erase-many.ts): the reports it names. */
  erasing: Uuid.optional(),
  /**
   * `outside`: the phone gave a time outside the mission, which the dashboard's chart leaves out
   * (submissions.clock.ts), so a reviewer can check those reports.
   */
  clock: z.literal('outside').optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

export const SubmissionList = z.object({
  items: z.array(
    z.object({
      id: Uuid,
      missionId: Uuid.nullable(),
      siteId: Uuid.nullable(),
      siteName: z.string().nullable(),
      formTitle: L10nSchema.nullable(),
      /** An incident report's first top-level choice ("What happened?"), named in every language. */
      headline: L10nSchema.nullable(),
      formKind: z.string(),
      status: z.enum(SUBMISSION_STATUSES),
      critical: z.boolean(),
      flags: Flags,
      region: z.string().nullable(),
      receivedAt: z.string(),
      /** The phone's time (offline reports keep the time they were made; a wrong clock shows here). */
      submittedAt: z.string(),
      observerName: z.string().nullable(),
      source: z.enum(['observer', 'public']),
      lockedBy: z.string().nullable(),
      lockedByMe: z.boolean(),
      assigneeName: z.string().nullable(),
      assignedToMe: z.boolean(),
      /** Reports rejected as duplicates of this one (that the reader sees). */
      copies: z.number(),
    }),
  ),
  total: z.number(),
  page: z.number(),
});

export const Transition = z.strictObject({
  to: z.enum(SUBMISSION_STATUSES),
  reason: z.string().trim().max(2000).optional(),
  /** With `to: 'rejected'`: the report this one repeats (review.duplicates.ts); no reason needed then. */
  duplicateOf: Uuid.optional(),
});
/** One state for a page of reports at once (the review queue's page is 50), or copies of one report. */
export const BulkTransition = Transition.extend({ ids: z.array(Uuid).min(1).max(100) });
export const BulkTransitionResult = z.object({
  done: z.array(Uuid),
  skipped: z.array(z.object({ id: Uuid, code: z.string() })),
});
export const FlagsPatch = z.strictObject({
  translate: z.boolean().optional(),
  geolocate: z.boolean().optional(),
  verify: z.boolean().optional(),
  urgent: z.boolean().optional(),
});
export const AssignBody = z.strictObject({ userId: Uuid.nullable() });
/** A reviewer's correction (review.correct.ts): new answers by question key, null to remove one. */
export const CorrectBody = z.strictObject({
  changes: z
    .record(z.string().max(64), z.unknown())
    .refine((c) => Object.keys(c).length > 0 && Object.keys(c).length <= 200, { message: 'invalid' }),
  reason: z.string().trim().min(1).max(2000),
});
/** A reviewer's translation of a report into one language; empty removes it (review.translate.ts). */
export const TranslationBody = z.strictObject({ text: z.string().max(20_000) });
/** A reviewer's placing of a report without a site (review.place.ts): codes, checked there. */
export const PlaceBody = z.strictObject({
  region: z.string().max(16),
  district: z.string().max(32).nullable().optional(),
});
export const Reviewers = z.object({ items: z.array(z.object({ id: Uuid, name: z.string() })) });
export const BulkAssign = z.strictObject({ ids: z.array(Uuid).min(1).max(100), userId: Uuid.nullable() });
export const BulkIds = z.strictObject({ ids: z.array(Uuid).min(1).max(100) });
/** The most reports one "select every match" takes (ten batches of 100). */
export const MATCHING_MAX = 1000;
/** Erasing a selection: up to every report a filter matches ("select all matching"), under one decision. */
export const EraseMany = z.strictObject({ ids: z.array(Uuid).min(1).max(MATCHING_MAX) });
export const EraseManyResult = BulkTransitionResult.extend({ status: z.enum(['erased', 'requested']) });
export const MatchingQuery = SubmissionsQuery.omit({ page: true });
/** The review list's filter without the queue it narrows to: the tabs count each queue under it. */
export const QueueCountsQuery = SubmissionsQuery.omit({
  page: true,
  queue: true,
  critical: true,
  assignee: true,
});
/** How many reports each review tab lists under the filter (the number beside the tab). */
export const QueueCounts = z.object({
  all: z.number(),
  mine: z.number(),
  translate: z.number(),
  geolocate: z.number(),
  verify: z.number(),
  urgent: z.number(),
  critical: z.number(),
});
/** The ids a review filter matches, newest first as the list shows them, and how many match in all. */
export const Matching = z.object({ ids: z.array(Uuid).max(MATCHING_MAX), total: z.number() });
/** Who may be given a selection, and how many of its reports each may take. */
export const BulkReviewers = z.object({
  items: z.array(z.object({ id: Uuid, name: z.string(), count: z.number() })),
});
export const CommentCreate = z.strictObject({ body: z.string().trim().min(1).max(10_000) });

export const Assignment = z.object({
  missionId: Uuid,
  siteId: Uuid,
  formVersionId: Uuid,
  formId: Uuid,
  formKind: z.string(),
  missionTitle: z.string(),
  missionKind: z.string(),
  siteCode: z.string(),
  siteName: z.string(),
  region: z.string(),
  district: z.string().nullable(),
  place: z.string().nullable(),
  /** Planned visits to the site (ADR 0037; trial missions: hearings), shown to the observer. */
  visits: z.number(),
  /** The mission requires the phone to be locked with a PIN before a report is filled in. */
  fieldPin: z.boolean(),
});
