/**
 * Every error the API can answer, in one place: HTTP status + stable machine code. The code is the key
 * of the translated message in `errors.json`, so the web app and the server speak the same words.
 */
export const ERRORS = {
  internal: 500,
  not_found: 404,
  route_not_found: 404,
  'validation.failed': 400,
  'validation.malformed_json': 400,
  'validation.body_too_large': 413,
  'validation.unsupported_media_type': 415,
  'auth.unauthenticated': 401,
  'auth.invalid_credentials': 401,
  'auth.reauth_invalid': 401,
  'auth.rate_limited': 429,
  'auth.totp_invalid': 401,
  'auth.totp_required': 401,
  'auth.enrollment_required': 401,
  'auth.reauth_required': 401,
  'auth.csrf_invalid': 403,
  'auth.forbidden': 403,
  'auth.password_too_common': 400,
  'auth.password_same': 400,
  'auth.account_disabled': 401,
  'auth.passkey_invalid': 401,
  'setup.already_done': 409,
  'invite.not_found': 404,
  'user.not_found': 404,
  'user.email_taken': 409,
  'user.last_admin': 409,
  'user.self_change': 409,
  'user.import_invalid': 400,
  'session.not_found': 404,
  'approval.not_found': 404,
  'approval.own_request': 409,
  'system.sealed': 503,
  'system.unseal_failed': 401,
  'system.not_sealed': 409,
  'system.keyfile_mode': 409,
  'system.storage_full': 503,
  'person.not_found': 404,
  'person.merged': 409,
  'person.merge_self': 409,
  'case.not_found': 404,
  'case.closed': 409,
  'case.not_closed': 409,
  'case.lead_required': 409,
  'case.member_invalid': 400,
  'vocab.unknown_code': 400,
  'vocab.not_found': 404,
  'vocab.term_not_found': 404,
  'vocab.duplicate_code': 409,
  'vocab.parent_required': 400,
  'intake.not_found': 404,
  'intake.decided': 409,
  'intake.incomplete': 409,
  'geo.unknown_region': 400,
  'task.not_found': 404,
  'hearing.not_found': 404,
  'hearing.cancelled': 409,
  'notification.not_found': 404,
  'calendar.range_invalid': 400,
  'calendar.feed_not_found': 404,
  'file.missing': 400,
  'file.empty': 400,
  'file.too_large': 413,
  'file.type_not_allowed': 400,
  'file.type_mismatch': 400,
  'file.malformed': 400,
  'file.integrity_failed': 500,
  'document.not_found': 404,
  'violation.not_found': 404,
  'violation.publication_not_found': 404,
  'violation.publication_state': 409,
  'export.approval_requested': 409,
  'public_report.challenge_invalid': 400,
  'public_report.challenge_expired': 400,
  'public_report.proof_invalid': 400,
  'public_report.form_unavailable': 404,
  'mon_export.not_found': 404,
  'mon_export.not_ready': 409,
  'mon_export.expired': 410,
  'evidence.not_found': 404,
  'evidence.no_thumbnail': 404,
  'evidence.act_invalid': 400,
  'violation.person_not_found': 404,
  'violation.dates_order': 400,
  'violation.chain_self': 400,
  'violation.lead_required': 409,
  'violation.member_invalid': 400,
  'forms.not_found': 404,
  'forms.definition_invalid': 400,
  'forms.published_immutable': 409,
  'forms.archived': 409,
  'forms.import_invalid': 400,
  'forms.not_template': 409,
  'forms.draft_exists': 409,
  'forms.public_admin': 403,
  'missions.not_found': 404,
  'missions.form_not_published': 400,
  'missions.coordinator_invalid': 400,
  'missions.dates_order': 400,
  'missions.public_reports_admin': 403,
  'missions.field_pin_admin': 403,
  'sites.not_found': 404,
  'sites.code_taken': 409,
  'sites.point_half': 400,
  'sites.import_invalid': 400,
  'sites.observer_invalid': 400,
  'sites.has_submissions': 409,
  'sites.region_not_yours': 403,
  'submissions.not_found': 404,
  'submissions.client_id_taken': 409,
  'submissions.answer_invalid': 400,
  'submissions.not_assigned': 403,
  'submissions.locked': 409,
  'submissions.transition_invalid': 409,
  'submissions.reason_required': 400,
  'submissions.duplicate_not_found': 400,
  'submissions.duplicate_self': 400,
  'submissions.duplicate_chain': 400,
  'submissions.duplicate_other_mission': 400,
  'submissions.duplicate_not_rejected': 400,
  'submissions.assignee_invalid': 400,
  'submissions.place_region': 400,
  'submissions.place_district': 400,
  'submissions.place_not_yours': 400,
  'submissions.place_has_site': 409,
  'submissions.erase_not_rejected': 409,
  'submissions.correction_invalid': 400,
  'submissions.not_correctable': 400,
  'submissions.upload_invalid': 400,
  'uploads.not_found': 404,
  'uploads.offset_mismatch': 409,
  'uploads.too_large': 413,
  'uploads.integrity_failed': 400,
  'uploads.too_many_open': 429,
  'uploads.daily_limit': 429,
} as const;

export type ErrorCode = keyof typeof ERRORS;

export interface FieldIssue {
  path: string;
  code: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly extra: {
      fields?: FieldIssue[];
      retryAfterSeconds?: number;
      /** Values for the message (e.g. the field's label, who holds a lock). */
      params?: Record<string, string | number>;
      /** Machine-readable particulars the client may act on (issue lists, a received offset). */
      details?: unknown;
    } = {},
  ) {
    super(code);
    this.status = ERRORS[code];
  }
}

/** Shorthand used by services: a denied record and a missing record answer the same. */
export const notFound = (code: ErrorCode = 'not_found') => new AppError(code);
