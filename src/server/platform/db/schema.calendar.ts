/** Row types of the calendar tables (migration 0006): hearings, notifications and calendar feeds. */

export interface HearingsTable {
  id: string;
  case_id: string;
  dek: string;
  kind: string;
  starts_at: string;
  ends_at: string | null;
  court: string | null;
  room: string | null;
  note_enc: string | null;
  lawyer_id: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  cancelled_at: string | null;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  entity_type: string;
  entity_id: string;
  params: string;
  created_at: string;
  read_at: string | null;
}

export interface CalendarFeedsTable {
  id: string;
  user_id: string;
  token_hash: string;
  scope: string;
  created_at: string;
  revoked_at: string | null;
}
