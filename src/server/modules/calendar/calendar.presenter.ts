import type {
  CalendarItemOut,
  ConflictOut,
  HearingKind,
  HearingOut,
  NotificationOut,
} from '../../../core/schemas/calendar.ts';
import type { Envelope } from '../../platform/crypto/envelope.ts';
import { truthy, type HearingRow, type NotificationRow } from './calendar.repo.ts';

/** A hearing for the case's own tab: the note is decrypted here, for the case's readers only. */
export function presentHearing(
  env: Envelope,
  row: HearingRow & { conflict: unknown },
  names: Map<string, string>,
): HearingOut {
  const key = row.note_enc ? env.openRecordKey('hearings', row.id, row.dek) : null;
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind as HearingKind,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    court: row.court,
    room: row.room,
    note: key && row.note_enc ? key.decrypt('note', row.note_enc) : null,
    lawyerId: row.lawyer_id,
    lawyerName: names.get(row.lawyer_id) ?? '',
    cancelledAt: row.cancelled_at,
    conflict: truthy(row.conflict),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A calendar entry: an explicit list of diary fields, never the note or anything about the client. */
export function presentCalendarItem(
  row: HearingRow & { case_number: string; conflict: unknown },
  names: Map<string, string>,
): CalendarItemOut {
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.case_number,
    kind: row.kind as HearingKind,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    court: row.court,
    room: row.room,
    lawyerId: row.lawyer_id,
    lawyerName: names.get(row.lawyer_id) ?? '',
    conflict: truthy(row.conflict),
  };
}

/** A clashing hearing; which case it belongs to only when the caller may see that case. */
export function presentConflict(r: {
  id: string;
  case_id: string;
  case_number: string;
  starts_at: string;
  ends_at: string | null;
  visible: unknown;
}): ConflictOut {
  const visible = truthy(r.visible);
  return {
    id: visible ? r.id : null,
    caseId: visible ? r.case_id : null,
    caseNumber: visible ? r.case_number : null,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
  };
}

export function presentNotification(n: NotificationRow): NotificationOut {
  return {
    id: n.id,
    kind: n.kind,
    entityType: n.entity_type,
    entityId: n.entity_id,
    params: JSON.parse(n.params) as NotificationOut['params'],
    createdAt: n.created_at,
    readAt: n.read_at,
  };
}
