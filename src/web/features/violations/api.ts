import type { z } from 'zod';
import { api, query } from '../../api/client';
import type { Created } from '../../../core/schemas/people';
import type * as S from '../../../core/schemas/violations';

// Wire types come from the shared zod schemas (type-only: zod stays out of the web bundle).
export type Event = z.infer<typeof S.Event>;
export type EventCreate = z.infer<typeof S.EventCreate>;
export type EventPatch = z.infer<typeof S.EventPatch>;
export type EventSummary = z.infer<typeof S.EventSummary>;
export type EventList = z.infer<typeof S.EventList>;
export type EventsQuery = z.infer<typeof S.EventsQuery>;
export type Act = z.infer<typeof S.Act>;
export type ActCreate = z.infer<typeof S.ActCreate>;
export type ActPatch = z.infer<typeof S.ActPatch>;
export type ActDetails = z.infer<typeof S.ActDetails>;
export type DetailKind = ActDetails['kind'];
export type RightsScheme = Act['rights'][number]['scheme'];
export type Involvement = z.infer<typeof S.Involvement>;
export type InvolvementCreate = z.infer<typeof S.InvolvementCreate>;
export type Information = z.infer<typeof S.Information>;
export type InformationCreate = z.infer<typeof S.InformationCreate>;
export type Intervention = z.infer<typeof S.Intervention>;
export type InterventionCreate = z.infer<typeof S.InterventionCreate>;
export type ChainLink = z.infer<typeof S.ChainLink>;
export type ChainCreate = z.infer<typeof S.ChainCreate>;
export type EventMember = z.infer<typeof S.EventMember>;
export type EventMemberBody = z.infer<typeof S.EventMemberBody>;
export type MemberRole = EventMember['role'];
export type PersonRef = z.infer<typeof S.PersonRef>;
type Id = z.infer<typeof Created>;

export interface AssignableUser {
  id: string;
  name: string;
  role: string;
}

/** Plain copies of the schema's code lists (the schema module itself pulls in zod). */
export const MEMBER_ROLES = ['lead', 'member', 'grant'] as const satisfies readonly MemberRole[];
export const DETAIL_KINDS = ['arrest', 'torture', 'killing'] as const satisfies readonly DetailKind[];
export const RIGHTS_SCHEMES = [
  'kg_constitution',
  'intl_rights',
  'esf_rights_typology',
] as const satisfies readonly RightsScheme[];

const e = (id: string) => `/api/violations/events/${encodeURIComponent(id)}`;
const part = (kind: string, id: string) => `/api/violations/${kind}/${encodeURIComponent(id)}`;

/** Violation records on the HURIDOCS Events model (see /api/docs). */
export const violationsApi = {
  list: (q: EventsQuery) => api.get<EventList>(`/api/violations/events${query(q)}`),
  get: (id: string) => api.get<Event>(e(id)),
  create: (body: EventCreate) => api.post<Id>('/api/violations/events', body),
  update: (id: string, body: EventPatch) => api.patch<Event>(e(id), body),
  addAct: (eventId: string, body: ActCreate) => api.post<Id>(`${e(eventId)}/acts`, body),
  updateAct: (actId: string, body: ActPatch) => api.patch<Event>(part('acts', actId), body),
  deleteAct: (actId: string) => api.del<Event>(part('acts', actId)),
  addInvolvement: (actId: string, body: InvolvementCreate) =>
    api.post<Id>(`${part('acts', actId)}/involvements`, body),
  deleteInvolvement: (id: string) => api.del<Event>(part('involvements', id)),
  addInformation: (eventId: string, body: InformationCreate) =>
    api.post<Id>(`${e(eventId)}/information`, body),
  deleteInformation: (id: string) => api.del<Event>(part('information', id)),
  addIntervention: (eventId: string, body: InterventionCreate) =>
    api.post<Id>(`${e(eventId)}/interventions`, body),
  deleteIntervention: (id: string) => api.del<Event>(part('interventions', id)),
  addChain: (eventId: string, body: ChainCreate) => api.post<Id>(`${e(eventId)}/chain`, body),
  deleteChain: (id: string) => api.del<Event>(part('chain', id)),
  putMember: (eventId: string, body: EventMemberBody) => api.put<Event>(`${e(eventId)}/members`, body),
  /** Everyone who may be made a member (active users whose role reads violation records). */
  assignableUsers: () => api.get<{ items: AssignableUser[] }>('/api/violations/assignable-users'),
  /** Link an act to a legal case (the case's team decides: it needs edit rights on the case). */
  linkCase: (actId: string, caseId: string) => api.post<Event>(`${part('acts', actId)}/cases`, { caseId }),
  unlinkCase: (actId: string, caseId: string) =>
    api.del<Event>(`${part('acts', actId)}/cases/${encodeURIComponent(caseId)}`),
  removeMember: (eventId: string, userId: string) =>
    api.del<Event | { left: true }>(`${e(eventId)}/members/${encodeURIComponent(userId)}`),
};
