import { api, query } from '../../api/client';
import type { PublicSummary, Summary, SummaryCounts } from './summary.api';
import type { FieldType, FormDefinition, FormKind, L10n } from '../../../core/forms/types';

/* Wire types of the monitoring API (issue #5, /work/briefs/monitoring-contract.md). Written by hand
   from the contract: the route schemas live with the server modules and pull zod in. */

// The exports' wire types and calls live beside (exports.api.ts); re-exported for existing imports.
export * from './exports.api';
// Likewise the dashboard's figures (summary.api.ts).
export * from './summary.api';
// And submissions with their review (submissions.api.ts).
export * from './submissions.api';
// And the coordinators' messages to observers (messages.api.ts).
export * from './messages.api';

export type VersionStatus = 'draft' | 'published';
export type MissionKind = 'election' | 'detention' | 'trial' | 'assembly';
export type MissionStatus = 'draft' | 'active' | 'closed';
export type SubmissionStatus = 'received' | 'in_review' | 'verified' | 'published' | 'rejected';
export type Queue = 'translate' | 'geolocate' | 'verify' | 'urgent';
export type Flags = Record<Queue, boolean>;

export const MISSION_KINDS = [
  'election',
  'detention',
  'trial',
  'assembly',
] as const satisfies readonly MissionKind[];
export const MISSION_STATUSES = ['draft', 'active', 'closed'] as const satisfies readonly MissionStatus[];
export const SUBMISSION_STATUSES = [
  'received',
  'in_review',
  'verified',
  'published',
  'rejected',
] as const satisfies readonly SubmissionStatus[];
export const QUEUES = ['translate', 'geolocate', 'verify', 'urgent'] as const satisfies readonly Queue[];

/** The key of the shipped public incident form: anyone on the internet fills in its published version. */
export const PUBLIC_FORM_KEY = 'public_incident';

export interface FormSummary {
  id: string;
  /** The shipped template's key (`public_incident`…); null for a form made here. */
  key: string | null;
  kind: FormKind;
  title: L10n;
  origin: 'template' | 'custom';
  archived: boolean;
  latestVersion: { id: string; version: number; status: VersionStatus };
  publishedVersionId: string | null;
  /** The shipped template differs from this form and was neither taken nor turned down. */
  templateUpdate: boolean;
  /** This user may change it: the public report form is changed by administrators only. */
  editable: boolean;
  updatedAt: string;
}
export interface FormDetail {
  id: string;
  key: string | null;
  kind: FormKind;
  title: L10n;
  origin: 'template' | 'custom';
  archived: boolean;
  versions: {
    id: string;
    version: number;
    status: VersionStatus;
    publishedAt: string | null;
    publishedBy: string | null;
  }[];
  draft: { id: string; version: number; definition: FormDefinition } | null;
  published: { id: string; version: number; definition: FormDefinition } | null;
  templateUpdate: boolean;
  editable: boolean;
}
export interface FormExport {
  format: 'ukuk-form';
  formatVersion: 1;
  definition: FormDefinition;
}
export interface FormVersion {
  id: string;
  formId: string;
  version: number;
  status: VersionStatus;
  kind: FormKind;
  fields: {
    key: string;
    type: FieldType;
    required: boolean;
    options: string[];
    parent?: string;
    section: string;
  }[];
  definition: FormDefinition;
}

export interface MissionSummary {
  id: string;
  kind: MissionKind;
  title: string;
  status: MissionStatus;
  startsOn: string | null;
  endsOn: string | null;
  public: boolean;
  sites: number;
  received: number;
}
export interface Mission extends MissionSummary {
  description: string | null;
  /** What the public page counts: every report not rejected, or verified ones only. */
  publicCounts: SummaryCounts;
  /** Its coordinators review the public reports of their regions (set by an administrator). */
  publicReports: boolean;
  /** Observers' phones must be locked with a PIN before a report is filled in. */
  fieldPin: boolean;
  /** What the caller may do here: the whole mission, some regions, or (observer) their sites. */
  scope: 'all' | 'regions' | 'observer';
  regions: string[];
  /** `groups`: the form's repeat groups (an export may have a row per entry of one). */
  forms: {
    formId: string;
    formVersionId: string;
    title: L10n;
    kind: string;
    groups: { key: string; label: L10n }[];
  }[];
  /** `appointed`: an administrator stands behind the grant; only then does it show phone numbers. */
  coordinators: { userId: string; name: string; region: string | null; appointed: boolean }[];
  /** An export with names waits for another administrator (false: the caller is the sole admin). */
  namedExportApproval: boolean;
}
export interface MissionCreate {
  kind: MissionKind;
  title: string;
  startsOn?: string;
  endsOn?: string;
  description?: string;
}
export interface MissionPatch {
  title?: string;
  description?: string | null;
  status?: MissionStatus;
  startsOn?: string | null;
  endsOn?: string | null;
  public?: boolean;
  publicCounts?: SummaryCounts;
  publicReports?: boolean;
  fieldPin?: boolean;
}
export interface Person {
  userId: string;
  name: string;
}
export interface Site {
  id: string;
  code: string;
  name: string;
  kind: string;
  region: string;
  district: string | null;
  place: string | null;
  lat: number | null;
  lon: number | null;
  observers: Person[];
  /** Planned visits (hearings of a trial): each expects every checklist form once (ADR 0037). */
  visits: number;
  /** Checklists received from the site (at most one a form a visit), and expected there (0 where nobody was sent). */
  received: number;
  expected: number;
  /** Reports of any kind from the site and when the last arrived (null for an observer). */
  reports: number | null;
  lastReportAt: string | null;
}
/** An observer of a site and how to reach them (null: no number given, or the account is disabled). */
export interface Contact extends Person {
  phone: string | null;
  /** A staff member's account (it can do more than observe): its number goes to administrators only. */
  staff: boolean;
}
export const SITE_STATUSES = ['waiting', 'complete', 'unstaffed'] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];
// A type, not an interface: the query-string helper takes a record.
export type SitesFilter = {
  region?: string;
  status?: SiteStatus;
};
/** `quiet`: staffed sites first, the one silent longest first (reviewers). */
export const SITE_SORTS = ['code', 'quiet'] as const;
export type SiteSort = (typeof SITE_SORTS)[number];
export interface SiteCreate {
  code: string;
  name: string;
  region: string;
  district?: string;
  place?: string;
  lat?: number;
  lon?: number;
  visits?: number;
}
/** A change of a site: a cleared district, place or point is sent as null. */
export interface SitePatch {
  code?: string;
  name?: string;
  region?: string;
  district?: string | null;
  place?: string | null;
  lat?: number | null;
  lon?: number | null;
  visits?: number;
}
type Id = { id: string };

const enc = encodeURIComponent;
const f = (id: string) => `/api/monitoring/forms/${enc(id)}`;
const m = (id: string) => `/api/monitoring/missions/${enc(id)}`;

export const formsApi = {
  list: (archived = false) =>
    api.get<{ items: FormSummary[] }>(`/api/monitoring/forms${archived ? '?archived=1' : ''}`),
  get: (id: string) => api.get<FormDetail>(f(id)),
  create: (definition: FormDefinition) =>
    api.post<{ id: string; versionId: string }>('/api/monitoring/forms', { definition }),
  saveDraft: (id: string, definition: FormDefinition) =>
    api.put<{ versionId: string; version: number }>(`${f(id)}/draft`, { definition }),
  publish: (id: string) => api.post<{ versionId: string; version: number }>(`${f(id)}/publish`, {}),
  exportOne: (id: string) => api.download(`${f(id)}/export`),
  loadTemplate: (id: string, replaceDraft: boolean) =>
    api.post<{ versionId: string; version: number }>(`${f(id)}/template/load`, { replaceDraft }),
  dismissTemplate: (id: string) => api.post<unknown>(`${f(id)}/template/dismiss`, {}),
  importOne: (body: FormExport) =>
    api.post<{ id: string; versionId: string }>('/api/monitoring/forms/import', body),
  archive: (id: string) => api.post<unknown>(`${f(id)}/archive`, {}),
  unarchive: (id: string) => api.post<unknown>(`${f(id)}/unarchive`, {}),
  version: (id: string) => api.get<FormVersion>(`/api/monitoring/form-versions/${enc(id)}`),
};

export const missionsApi = {
  list: () => api.get<{ items: MissionSummary[] }>('/api/monitoring/missions'),
  get: (id: string) => api.get<Mission>(m(id)),
  create: (body: MissionCreate) => api.post<Id>('/api/monitoring/missions', body),
  update: (id: string, body: MissionPatch) => api.patch<unknown>(m(id), body),
  setForms: (id: string, formVersionIds: string[]) => api.put<unknown>(`${m(id)}/forms`, { formVersionIds }),
  setCoordinators: (id: string, coordinators: { userId: string; region: string | null }[]) =>
    api.put<unknown>(`${m(id)}/coordinators`, { coordinators }),
  sites: (id: string, q: SitesFilter & { q?: string; sort?: SiteSort; page?: number }) =>
    api.get<{ items: Site[]; total: number }>(`${m(id)}/sites${query(q)}`),
  addSite: (id: string, body: SiteCreate) => api.post<Id>(`${m(id)}/sites`, body),
  /** The sites as a CSV in the import's columns (re-authentication first; audited). */
  exportSites: (id: string) => api.download(`${m(id)}/sites.csv`),
  importSites: (id: string, csv: string) =>
    api.post<{
      created: number;
      updated: number;
      assigned: number;
      sameName: { name: string; lines: number[] }[];
      sameAsSite: { line: number; name: string; code: string }[];
    }>(`${m(id)}/sites/import`, { csv }),
  updateSite: (siteId: string, body: SitePatch) =>
    api.patch<Site>(`/api/monitoring/sites/${enc(siteId)}`, body),
  deleteSite: (siteId: string) => api.del<unknown>(`/api/monitoring/sites/${enc(siteId)}`),
  setObservers: (siteId: string, userIds: string[]) =>
    api.put<unknown>(`/api/monitoring/sites/${enc(siteId)}/observers`, { userIds }),
  /** Phone numbers of the site's observers; each look-up is written to the audit log. */
  siteContacts: (siteId: string) =>
    api.get<{ items: Contact[]; phones: 'shown' | 'not_appointed' }>(
      `/api/monitoring/sites/${enc(siteId)}/contacts`,
    ),
  /** Who may be placed on a site; `invited` have not set up their account yet (not for coordinating). */
  observers: () =>
    api.get<{ items: { id: string; name: string; role: string; invited: boolean }[] }>(
      '/api/monitoring/observers',
    ),
  /** Who may coordinate a mission: active coordinators and administrators. */
  coordinatorCandidates: () =>
    api.get<{ items: { id: string; name: string }[] }>('/api/monitoring/coordinators'),
  summary: (id: string, counts: SummaryCounts = 'received') =>
    api.get<Summary>(`${m(id)}/summary${counts === 'verified' ? '?counts=verified' : ''}`),
  /** Anyone, no session: the aggregates of a mission its administrators made public. */
  publicSummary: (id: string) => api.get<PublicSummary>(`/api/public/monitoring/missions/${enc(id)}/summary`),
};
