import type { z } from 'zod';
import { api, query } from '../../api/client';
import type * as S from '../../../core/schemas/calendar';

export type Hearing = z.infer<typeof S.Hearing>;
export type HearingInput = z.infer<typeof S.HearingCreate>;
export type HearingPatch = z.infer<typeof S.HearingPatch>;
export type HearingSaved = z.infer<typeof S.HearingSaved>;
export type Conflict = z.infer<typeof S.Conflict>;
export type CalendarItem = z.infer<typeof S.CalendarItem>;
export type CalendarReply = z.infer<typeof S.CalendarReply>;
export type CalendarScope = z.infer<typeof S.FeedBody>['scope'];
export type FeedStatus = z.infer<typeof S.FeedStatus>;
export type FeedCreated = z.infer<typeof S.FeedCreated>;
export type Notification = z.infer<typeof S.Notification>;
export type NotificationList = z.infer<typeof S.NotificationList>;

export interface CalendarParams {
  from: string;
  to: string;
  scope: CalendarScope;
  lawyer?: string | undefined;
}

/** Hearings, calendars, the feed link and notifications; types come from the core schemas. */
export const calendarApi = {
  calendar: (p: CalendarParams) =>
    api.get<CalendarReply>(
      `/api/calendar${query({ from: p.from, to: p.to, scope: p.scope, lawyer: p.lawyer })}`,
    ),
  caseHearings: (caseId: string) => api.get<{ items: Hearing[] }>(`/api/cases/${caseId}/hearings`),
  create: (caseId: string, input: HearingInput) =>
    api.post<HearingSaved>(`/api/cases/${caseId}/hearings`, input),
  update: (id: string, patch: HearingPatch) => api.patch<HearingSaved>(`/api/hearings/${id}`, patch),
  cancel: (id: string) => api.post<{ ok: true }>(`/api/hearings/${id}/cancel`),
  feed: () => api.get<FeedStatus>('/api/calendar/feed'),
  createFeed: (scope: CalendarScope) => api.post<FeedCreated>('/api/calendar/feed', { scope }),
  revokeFeed: () => api.del<{ ok: true }>('/api/calendar/feed'),
  notifications: () => api.get<NotificationList>('/api/notifications'),
  read: (id: string) => api.post<{ ok: true }>(`/api/notifications/${id}/read`),
  readAll: () => api.post<{ count: number }>('/api/notifications/read-all'),
};
