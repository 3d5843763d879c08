import type { z } from 'zod';
import { api, query } from '../../api/client';
import type * as S from '../../../core/schemas/cases';
import type { Created, PeopleList, MatchBody, MatchReply } from '../../../core/schemas/people';

/** Wire types come from the shared zod schemas (the single source of truth). */
export type Case = z.infer<typeof S.Case>;
export type CaseSummary = z.infer<typeof S.CaseSummary>;
export type CaseList = z.infer<typeof S.CaseList>;
export type CaseCreate = z.infer<typeof S.CaseCreate>;
export type CasePatch = z.infer<typeof S.CasePatch>;
export type CasesQuery = z.infer<typeof S.CasesQuery>;
export type MemberBody = z.infer<typeof S.MemberBody>;
export type CasePersonBody = z.infer<typeof S.CasePersonBody>;
export type CloseBody = z.infer<typeof S.CloseBody>;
export type Note = z.infer<typeof S.Note>;
export type Task = z.infer<typeof S.Task>;
export type TaskBody = z.infer<typeof S.TaskBody>;
export type TimeEntry = z.infer<typeof S.TimeEntry>;
export type TimeBody = z.infer<typeof S.TimeBody>;
export type TimelineEntry = z.infer<typeof S.TimelineEntry>;
export type VocabReply = z.infer<typeof S.VocabReply>;
export type VocabTerm = z.infer<typeof S.VocabTerm>;
export type Stats = z.infer<typeof S.Stats>;
export type PersonMatch = z.infer<typeof MatchReply>['matches'][number];
export type PersonSummary = z.infer<typeof PeopleList>['items'][number];

export type CaseStatus = Case['status'];
export type CaseStage = NonNullable<Case['stage']>;
export type MemberRole = Case['team'][number]['role'];
export type CasePersonRole = Case['people'][number]['role'];
export type TimeActivity = TimeEntry['activity'];
export type VocabScheme = 'case_type' | 'legal_problem' | 'closing_code';

/** Someone who may be put on a case team or granted read access. */
export interface AssignableUser {
  id: string;
  name: string;
  role: string;
}

type Id = z.infer<typeof Created>;
const c = (id: string) => `/api/cases/${encodeURIComponent(id)}`;

/** Legal-aid case endpoints (see /api/docs). */
export const casesApi = {
  list: (q: CasesQuery) => api.get<CaseList>(`/api/cases${query(q)}`),
  get: (id: string) => api.get<Case>(c(id)),
  create: (body: CaseCreate) => api.post<Id>('/api/cases', body),
  update: (id: string, body: CasePatch) => api.patch<Case>(c(id), body),
  close: (id: string, body: CloseBody) => api.post<Case>(`${c(id)}/close`, body),
  reopen: (id: string, reason: string) => api.post<Case>(`${c(id)}/reopen`, { reason }),
  addMember: (id: string, body: MemberBody) => api.post<Case>(`${c(id)}/members`, body),
  removeMember: (id: string, userId: string) => api.del<Case>(`${c(id)}/members/${userId}`),
  addLink: (id: string, body: z.infer<typeof S.LinkBody>) => api.post<Case>(`${c(id)}/links`, body),
  removeLink: (id: string, kind: string, targetId: string) =>
    api.del<Case>(`${c(id)}/links/${kind}/${targetId}`),
  addPerson: (id: string, body: CasePersonBody) => api.post<Case>(`${c(id)}/people`, body),
  removePerson: (id: string, linkId: string) => api.del<Case>(`${c(id)}/people/${linkId}`),
  notes: (id: string) => api.get<{ items: Note[] }>(`${c(id)}/notes`),
  addNote: (id: string, body: string) => api.post<Id>(`${c(id)}/notes`, { body }),
  tasks: (id: string) => api.get<{ items: Task[] }>(`${c(id)}/tasks`),
  addTask: (id: string, body: TaskBody) => api.post<Id>(`${c(id)}/tasks`, body),
  setTaskDone: (id: string, taskId: string, done: boolean) =>
    api.patch<Task>(`${c(id)}/tasks/${taskId}`, { done }),
  time: (id: string) => api.get<{ items: TimeEntry[]; totalMinutes: number }>(`${c(id)}/time`),
  addTime: (id: string, body: TimeBody) => api.post<Id>(`${c(id)}/time`, body),
  timeline: (id: string) => api.get<{ items: TimelineEntry[] }>(`${c(id)}/timeline`),
  assignableUsers: () => api.get<{ items: AssignableUser[] }>('/api/cases/assignable-users'),
  vocab: (scheme: VocabScheme) => api.get<VocabReply>(`/api/vocab/${scheme}`),
};

/** The shared people registry, as far as a case screen needs it (search and conflict-aware match). */
export const peopleApi = {
  search: (q: string) => api.get<{ items: PersonSummary[] }>(`/api/people${query({ q })}`),
  match: (body: z.infer<typeof MatchBody>) => api.post<z.infer<typeof MatchReply>>('/api/people/match', body),
};
