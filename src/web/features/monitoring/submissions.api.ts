import { api, query } from '../../api/client';
import type { L10n } from '../../../core/forms/types';
import type { Locale } from '../../../core/roles';
import type { Flags, Queue, SubmissionStatus } from './api';
import { batches, eachBatch } from './review/batches';

/* Wire types and calls of submissions and their review (issue #5 items 3–4), split from api.ts. */

const enc = encodeURIComponent;
const s = (id: string) => `/api/monitoring/submissions/${enc(id)}`;
export interface SubmissionRow {
  id: string;
  missionId: string | null;
  siteId: string | null;
  siteName: string | null;
  formTitle: L10n | null;
  /** An incident report's first top-level choice ("What happened?"); null for checklists. */
  headline: L10n | null;
  formKind: string;
  source: 'observer' | 'public';
  lockedBy: string | null;
  lockedByMe: boolean;
  status: SubmissionStatus;
  critical: boolean;
  flags: Flags;
  region: string | null;
  receivedAt: string;
  /** The phone's time. */
  submittedAt: string;
  observerName: string | null;
  assigneeName: string | null;
  assignedToMe: boolean;
  /** Reports rejected as duplicates of this one: its corroboration. */
  copies: number;
}
export interface SubmissionFile {
  id: string;
  mime: string;
  size: number;
  name: string;
}
/** A report as a reviewer picks the original of a duplicate from (no answers). */
export interface SimilarReport {
  id: string;
  site: string | null;
  observer: string | null;
  source: 'observer' | 'public';
  status: SubmissionStatus;
  submittedAt: string;
  critical: boolean;
}
export interface Submission {
  id: string;
  clientId: string;
  missionId: string | null;
  siteId: string | null;
  site: { code: string; name: string } | null;
  /** Words the site by its mission's kind (court, institution…); null without a site. */
  missionKind: string | null;
  missionTitle: string | null;
  formVersionId: string;
  formId: string;
  formKind: string;
  violationEventId: string | null;
  caseId: string | null;
  observerId: string | null;
  observerName: string | null;
  source: 'observer' | 'public';
  status: SubmissionStatus;
  critical: boolean;
  flags: Flags;
  answers: Record<string, unknown>;
  /** The uploads the file/signature answers name. */
  files: SubmissionFile[];
  submittedAt: string;
  receivedAt: string;
  region: string | null;
  district: string | null;
  lock: { userId: string; name: string; until: string } | null;
  /** The reviewer the report was given to. */
  assignee: { id: string; name: string } | null;
  /** The report this one repeats (rejected as its duplicate); site and time null if not the reader's. */
  duplicateOf: { id: string; site: string | null; submittedAt: string | null } | null;
  /** The reports rejected as duplicates of this one: its corroboration. */
  duplicates: SimilarReport[];
  /** Where the reader may place a report without a site (empty: not theirs to place). */
  placeRegions: string[];
  /** Reviewers' translations of the report, one per language. */
  translations: { locale: Locale; text: string; userId: string; name: string; at: string }[];
  history: {
    at: string;
    userId: string | null;
    name: string | null;
    action: string;
    from: string | null;
    to: string | null;
    reason: string | null;
    refId: string | null;
    /** Whom an `assign`/`unassign` entry names. */
    refName: string | null;
    /** `correct`: each answer changed, before and after. */
    changes?: { key: string; from: unknown; to: unknown }[];
  }[];
  comments: { id: string; at: string; userId: string; name: string; body: string }[];
}
export type SubmissionsQuery = {
  missionId?: string;
  status?: SubmissionStatus;
  queue?: Queue;
  region?: string;
  siteId?: string;
  formKind?: 'checklist' | 'incident';
  critical?: '0' | '1';
  source?: 'observer' | 'public';
  /** `me`: the reports given to the asker. */
  assignee?: 'me';
  /** A pending request to erase a selection: the reports it names (for its approver). */
  erasing?: string;
  /** `outside`: the phone gave a time outside the mission (the dashboard leaves those off its chart). */
  clock?: 'outside';
  page?: number;
};

/** How many reports each review tab holds under the page's filters. */
export type QueueCounts = Record<'all' | 'mine' | 'critical' | Queue, number>;

/** Why a report of a batch was left as it was (the server's error code). */
export const SKIP_CODES = [
  'submissions.locked',
  'submissions.transition_invalid',
  'submissions.assignee_invalid',
  'submissions.not_found',
  'submissions.duplicate_self',
  'submissions.duplicate_other_mission',
  'submissions.duplicate_chain',
  'submissions.erase_not_rejected',
] as const;
export interface BulkResult {
  done: string[];
  skipped: { id: string; code: string }[];
  /** An erasure of the selection: done at once, or asked of a second administrator. */
  erase?: 'erased' | 'requested';
}

/** The most reports "select every match" takes (the server's cap). */
export const MATCHING_MAX = 1000;
export const submissionsApi = {
  list: (q: SubmissionsQuery) =>
    api.get<{ items: SubmissionRow[]; total: number }>(`/api/monitoring/submissions${query(q)}`),
  get: (id: string) => api.get<Submission>(s(id)),
  /** A plain link (cookies go with it): pictures and recordings load from it like evidence thumbnails. */
  fileUrl: (id: string, uploadId: string) => `${s(id)}/files/${enc(uploadId)}`,
  // Every review write answers the submission as it now is.
  lock: (id: string) => api.post<Submission>(`${s(id)}/lock`, {}),
  unlock: (id: string) => api.del<Submission>(`${s(id)}/lock`),
  transition: (id: string, to: SubmissionStatus, reason?: string) =>
    api.post<Submission>(`${s(id)}/transition`, reason ? { to, reason } : { to }),
  /** Reject several as copies of `original` (the original itself, if selected, is skipped). */
  markDuplicates: (ids: string[], original: string, reason?: string) =>
    eachBatch(ids, (part) =>
      api.post<BulkResult>('/api/monitoring/submissions/transition', {
        ids: part,
        to: 'rejected',
        duplicateOf: original,
        ...(reason ? { reason } : {}),
      }),
    ),
  /** Reject as the duplicate of `original`; the reason is optional then. */
  markDuplicate: (id: string, original: string, reason?: string) =>
    api.post<Submission>(`${s(id)}/transition`, {
      to: 'rejected',
      duplicateOf: original,
      ...(reason ? { reason } : {}),
    }),
  /** Correct answers (null removes one), with the reason the history keeps (review.correct.ts). */
  correct: (id: string, changes: Record<string, unknown>, reason: string) =>
    api.patch<Submission>(`${s(id)}/answers`, { changes, reason }),
  /** Write, change or (with an empty text) remove the report's translation into one language. */
  translate: (id: string, locale: Locale, text: string) =>
    api.put<Submission>(`${s(id)}/translations/${locale}`, { text }),
  /** Place a report without a site (a public report) in a region and, if known, a district. */
  place: (id: string, region: string, district: string | null) =>
    api.put<Submission>(`${s(id)}/place`, { region, district }),
  /** Reports that may be the same incident, nearest in time first. */
  similar: (id: string) => api.get<{ items: SimilarReport[] }>(`${s(id)}/similar`),
  /** One state for several reports; each is checked on its own, what cannot move comes back skipped. */
  transitionMany: (ids: string[], to: SubmissionStatus, reason?: string) =>
    eachBatch(ids, (part) =>
      api.post<BulkResult>(
        '/api/monitoring/submissions/transition',
        reason ? { ids: part, to, reason } : { ids: part, to },
      ),
    ),
  /** The ids a review filter matches (at most 1,000, newest first) and how many match in all. */
  matching: (q: Omit<SubmissionsQuery, 'page'>) =>
    api.get<{ ids: string[]; total: number }>(`/api/monitoring/submissions/matching${query(q)}`),
  /** How many reports each review tab holds under the filter (without the tab's own narrowing). */
  queues: (q: Omit<SubmissionsQuery, 'page' | 'queue' | 'critical' | 'assignee'>) =>
    api.get<QueueCounts>(`/api/monitoring/submissions/queues${query(q)}`),
  flags: (id: string, flags: Partial<Flags>) => api.patch<Submission>(`${s(id)}/flags`, flags),
  comment: (id: string, body: string) => api.post<Submission>(`${s(id)}/comments`, { body }),
  /** Give the report to a reviewer, or to nobody (null). */
  assign: (id: string, userId: string | null) => api.put<Submission>(`${s(id)}/assignee`, { userId }),
  /** Who may be given the report. */
  reviewers: (id: string) => api.get<{ items: { id: string; name: string }[] }>(`${s(id)}/reviewers`),
  /** Give several reports to one reviewer (or to nobody); each is checked on its own. */
  assignMany: (ids: string[], userId: string | null) =>
    eachBatch(ids, (part) =>
      api.post<BulkResult>('/api/monitoring/submissions/assign', { ids: part, userId }),
    ),
  /** Who may be given a selection, and how many of its reports each may take (summed over batches). */
  reviewersOfMany: async (ids: string[]) => {
    const people = new Map<string, { id: string; name: string; count: number }>();
    for (const part of batches(ids)) {
      const r = await api.post<{ items: { id: string; name: string; count: number }[] }>(
        '/api/monitoring/submissions/reviewers',
        { ids: part },
      );
      for (const p of r.items) {
        const had = people.get(p.id);
        people.set(p.id, had ? { ...had, count: had.count + p.count } : p);
      }
    }
    return { items: [...people.values()] };
  },
  toViolation: (id: string, body: { restricted: boolean }) =>
    api.post<{ eventId: string; actCreated: boolean }>(`${s(id)}/to-violation`, body),
  toCase: (id: string, body: { type: string; restricted: boolean }) =>
    api.post<{ caseId: string }>(`${s(id)}/to-case`, body),
  /** Erased at once, or `requested` of a second administrator (review.erase.ts on the server). */
  erase: (id: string) => api.post<{ status: 'erased' | 'requested' }>(`${s(id)}/erase`, {}),
  /**
   * Erase the rejected reports of a selection under one decision (review.erase-many.ts): sent whole, not
   * in batches, so that one approval covers all of it.
   */
  eraseMany: async (ids: string[]): Promise<BulkResult> => {
    const r = await api.post<BulkResult & { status: 'erased' | 'requested' }>(
      '/api/monitoring/submissions/erase',
      { ids },
    );
    return { done: r.done, skipped: r.skipped, erase: r.status };
  },
};
