import { z } from 'zod';
import { isCalendarDate } from '../zoned-time.ts';
import { IsoTime, Uuid } from './common.ts';

/** Hearings and deadlines, calendars, reminders and the private iCalendar feed (issue #3, item 6). */

export const HEARING_KINDS = ['hearing', 'deadline'] as const;
export type HearingKind = (typeof HEARING_KINDS)[number];
export const CALENDAR_SCOPES = ['me', 'org'] as const;
export type CalendarScope = (typeof CALENDAR_SCOPES)[number];
/** The longest range one calendar request may cover (a month view with its spill-over weeks fits). */
export const MAX_RANGE_DAYS = 100;

/** An instant with an explicit offset (`Z` or `+06:00`); stored as UTC. Years 2000–2099. */
export const Instant = z
  .string()
  .max(40)
  .regex(/^20\d\d-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,6})?)?(Z|[+-]\d\d:\d\d)$/)
  .refine((s) => !Number.isNaN(Date.parse(s)) && isCalendarDate(s.slice(0, 10)));
/** A calendar day YYYY-MM-DD (in Asia/Bishkek where it stands for a range). */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isCalendarDate);

const Court = z.string().trim().max(200);
const Room = z.string().trim().max(50);
const Note = z.string().trim().max(5000);

export const HearingCreate = z.strictObject({
  kind: z.enum(HEARING_KINDS),
  startsAt: Instant,
  /** A hearing's end (default: one hour after the start); a deadline has none. */
  endsAt: Instant.optional(),
  court: Court.optional(),
  room: Room.optional(),
  note: Note.optional(),
  /** The team member attending (default: the creator). */
  lawyerId: Uuid.optional(),
});
export const HearingPatch = z.strictObject({
  kind: z.enum(HEARING_KINDS).optional(),
  startsAt: Instant.optional(),
  endsAt: Instant.nullable().optional(),
  court: Court.nullable().optional(),
  room: Room.nullable().optional(),
  note: Note.nullable().optional(),
  lawyerId: Uuid.optional(),
});

/** Another hearing of the same lawyer at the same time; case details only when the caller may see it. */
export const Conflict = z.object({
  id: Uuid.nullable(),
  caseId: Uuid.nullable(),
  caseNumber: z.string().nullable(),
  startsAt: IsoTime,
  endsAt: IsoTime.nullable(),
});
export const HearingSaved = z.object({ id: Uuid, conflicts: z.array(Conflict) });

export const Hearing = z.object({
  id: Uuid,
  caseId: Uuid,
  kind: z.enum(HEARING_KINDS),
  startsAt: IsoTime,
  endsAt: IsoTime.nullable(),
  court: z.string().nullable(),
  room: z.string().nullable(),
  note: z.string().nullable(),
  lawyerId: Uuid,
  lawyerName: z.string(),
  cancelledAt: IsoTime.nullable(),
  conflict: z.boolean(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export const HearingList = z.object({ items: z.array(Hearing) });

export const CalendarQuery = z.strictObject({
  from: Day,
  to: Day,
  scope: z.enum(CALENDAR_SCOPES).optional(),
  lawyer: Uuid.optional(),
});
/** One entry of a calendar: no case title, client or note, only what a diary shows. */
export const CalendarItem = z.object({
  id: Uuid,
  caseId: Uuid,
  caseNumber: z.string(),
  kind: z.enum(HEARING_KINDS),
  startsAt: IsoTime,
  endsAt: IsoTime.nullable(),
  court: z.string().nullable(),
  room: z.string().nullable(),
  lawyerId: Uuid,
  lawyerName: z.string(),
  conflict: z.boolean(),
});
export const CalendarReply = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  items: z.array(CalendarItem),
  /** Lawyers with hearings on cases the caller may see, for the filter. */
  lawyers: z.array(z.object({ id: Uuid, name: z.string() })),
});

export const FeedBody = z.strictObject({ scope: z.enum(CALENDAR_SCOPES) });
export const FeedCreated = z.object({ url: z.string(), scope: z.enum(CALENDAR_SCOPES), createdAt: IsoTime });
export const FeedStatus = z.object({
  feed: z.object({ scope: z.enum(CALENDAR_SCOPES), createdAt: IsoTime }).nullable(),
});
export const FeedToken = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{32,100}$/) });

export const NOTIFICATION_KINDS = ['hearing.reminder'] as const;
export const Notification = z.object({
  id: Uuid,
  kind: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  createdAt: IsoTime,
  readAt: IsoTime.nullable(),
});
export const NotificationList = z.object({ items: z.array(Notification), unread: z.number() });

export type HearingOut = z.infer<typeof Hearing>;
export type CalendarItemOut = z.infer<typeof CalendarItem>;
export type CalendarReplyOut = z.infer<typeof CalendarReply>;
export type ConflictOut = z.infer<typeof Conflict>;
export type NotificationOut = z.infer<typeof Notification>;
export type HearingCreateIn = z.infer<typeof HearingCreate>;
export type HearingPatchIn = z.infer<typeof HearingPatch>;
