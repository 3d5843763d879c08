import { sql } from 'kysely';
import type { z } from 'zod';
import { answerChecks, isCritical, validateAnswers } from '../../../core/forms/index.ts';
import { uuidv7 } from '../../../core/ids.ts';
import type { Locale } from '../../../core/roles.ts';
import { requireCap, type Actor } from '../../platform/access/policy.ts';
import { envelope, inTx, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { prepared } from '../../platform/db/prepared.ts';
import type { SubmissionsTable } from '../../platform/db/schema.monitoring.ts';
import { AppError } from '../../platform/errors.ts';
import { answerInvalid } from './answers.error.ts';
import { COLUMNS, storeShared } from './submissions.batch.ts';
import { placeFor } from './submissions.place.ts';
import { countedValues, publishedVersion, uploadIdsOf, type CachedVersion } from './submissions.forms.ts';
import type * as S from './submissions.schemas.ts';

type Create = z.infer<typeof S.SubmissionCreate>;

/** A file/signature answer must name a complete upload of the same user (or, public, none at all). */
async function checkUploads(
  db: Executor,
  v: CachedVersion,
  answers: Record<string, unknown>,
  userId: string | null,
  locale: Locale,
) {
  const refs = uploadIdsOf(v, answers);
  if (refs.length === 0) return;
  const ids = [...new Set(refs.map((r) => r.id))];
  const found = userId
    ? await db
        .selectFrom('uploads')
        .select(['id', 'mime'])
        .where('id', 'in', ids)
        .where('user_id', '=', userId)
        .where('complete', '=', 1)
        .execute()
    : [];
  const mime = new Map(found.map((r) => [r.id, r.mime ?? '']));
  const label = (f: (typeof refs)[number]['field']) => f.label?.[locale] || f.label?.en || f.key;
  const bad = refs.find((r) => !mime.has(r.id));
  if (bad)
    throw new AppError('submissions.upload_invalid', {
      params: { field: label(bad.field) },
      details: [{ path: bad.field.key, code: 'upload' }],
    });
  // A photo question takes a photo (its type read from the file's content at upload, never its name):
  // the phone's picker only suggests it, and a reviewer opening "the photo" should not get a document.
  const wrong = refs.find((r) => !fitsAccept(r.field.accept, mime.get(r.id)!));
  if (wrong)
    throw new AppError('submissions.upload_kind', {
      params: { field: label(wrong.field) },
      details: [{ path: wrong.field.key, code: 'upload_kind' }],
    });
}

/** Whether a file of this (sniffed) type answers a question asking for `accept`. */
function fitsAccept(accept: string | undefined, mime: string): boolean {
  if (accept === 'photo') return mime.startsWith('image/');
  if (accept === 'video') return mime.startsWith('video/');
  // A browser's own recording is WebM or MP4 whatever it holds, and both are typed as video.
  if (accept === 'audio') return mime.startsWith('audio/') || mime === 'video/webm' || mime === 'video/mp4';
  return true;
}

function replayOf(row: Pick<SubmissionsTable, 'id' | 'observer_id' | 'source'>, actor: Actor) {
  if (row.source === 'observer' && row.observer_id === actor.userId) return { id: row.id, created: false };
  throw new AppError('submissions.client_id_taken');
}

const clientIdQuery = prepared('submissions.by_client_id', (db, p) =>
  db.selectFrom('submissions').select(['id', 'observer_id', 'source']).where('client_id', '=', p(0)),
);
const erasedQuery = prepared('submissions.erased_by_client_id', (db, p) =>
  db
    .selectFrom('erased_submissions')
    .select(['submission_id as id', 'observer_id', sql<string>`'observer'`.as('source')])
    .where('client_id', '=', p(0)),
);
/** The report a clientId was stored as, or was before it was erased (a resend stores nothing then). */
const byClientId = async (db: Executor, clientId: string) =>
  (await clientIdQuery(db, [clientId]))[0] ?? (await erasedQuery(db, [clientId]))[0];

/**
 * Store an observer's submission once per clientId (issue #5: a retry, replay or double tap stores
 * once). The fast path answers a replay from the unique index; two identical requests racing both
 * reach the insert, where `on conflict do nothing` lets exactly one win and the other answers the
 * winner's id. One transaction: the row, the dashboard counters and the audit entry (shared with
 * submissions arriving at the same moment: submissions.batch.ts).
 */
export async function submit(
  ctx: AppContext,
  actor: Actor | null,
  input: Create,
  locale: Locale,
): Promise<{ id: string; created: boolean }> {
  requireCap(actor, 'monitoring.submit');
  // A replay is answered with the stored id even if the form or the assignment changed since; it is
  // looked for only when something refuses, since the insert below stores a clientId once anyway.
  const replay = async (refusal: AppError) => {
    const seen = await byClientId(ctx.db, input.clientId);
    if (seen) return replayOf(seen, actor);
    throw refusal;
  };
  const v = await publishedVersion(ctx.db, input.formVersionId);
  const place = v ? await placeFor(ctx, actor, input.siteId, input.formVersionId) : null;
  if (!v || !place) return replay(new AppError('submissions.not_assigned'));
  const issues = validateAnswers(v.definition, input.answers);
  if (issues.length) return replay(answerInvalid(v.definition, issues, locale));
  try {
    await checkUploads(ctx.db, v, input.answers, actor.userId, locale);
  } catch (e) {
    if (e instanceof AppError) return replay(e);
    throw e;
  }
  const critical = isCritical(v.definition, input.answers);
  // Answers that do not add up (a checking rule, compare.ts) were confirmed on the phone: stored, and
  // put in front of a reviewer.
  const unusual = answerChecks(v.definition, input.answers).length > 0;
  const id = uuidv7();
  const row = newRow(ctx, id, v, input.answers, {
    client_id: input.clientId,
    source: 'observer',
    mission_id: place.missionId,
    site_id: input.siteId,
    observer_id: actor.userId,
    region: place.region,
    district: place.district,
    critical: critical ? 1 : 0,
    flag_verify: unusual ? 1 : 0,
    flag_urgent: critical ? 1 : 0,
    // Placed by its site (ADR 0027).
    flag_geolocate: 0,
    submitted_at: new Date(input.submittedAt).toISOString(),
  });
  const stored = await storeShared(ctx, {
    id,
    values: COLUMNS.map((c) => row[c]),
    count: {
      missionId: place.missionId,
      siteId: input.siteId,
      formId: v.formId,
      kind: v.kind,
      region: place.region,
      critical,
      submittedAt: row.submitted_at,
      values: countedValues(v, input.answers),
    },
    audit: {
      actorId: actor.userId,
      action: 'monitoring.submission_create',
      entityType: 'submission',
      entityId: id,
      details: { mission: place.missionId, site: input.siteId, critical },
    },
  });
  if (stored) return { id, created: true };
  const winner = await byClientId(ctx.db, input.clientId);
  if (!winner) throw new AppError('internal');
  return replayOf(winner, actor);
}

type Fixed = Pick<
  SubmissionsTable,
  | 'client_id'
  | 'source'
  | 'mission_id'
  | 'site_id'
  | 'observer_id'
  | 'region'
  | 'district'
  | 'critical'
  | 'flag_verify'
  | 'flag_urgent'
  | 'flag_geolocate'
  | 'submitted_at'
>;

function newRow(
  ctx: AppContext,
  id: string,
  v: CachedVersion,
  answers: Record<string, unknown>,
  f: Fixed,
): SubmissionsTable {
  const { key, wrapped } = envelope(ctx).newRecordKey('submissions', id);
  const now = new Date().toISOString();
  return {
    id,
    ...f,
    form_id: v.formId,
    form_version_id: v.id,
    form_kind: v.kind,
    status: 'received',
    flag_translate: 0,
    received_at: now,
    answers: key.encrypt('answers', JSON.stringify(answers)),
    dek: wrapped,
    locked_by: null,
    locked_until: null,
    violation_event_id: null,
    case_id: null,
    updated_at: now,
    assigned_to: null,
    duplicate_of: null,
    corrected: null,
  };
}

/**
 * Store an anonymous public report (helper F's public form): no observer, no mission, flagged "to
 * verify", status received. The caller has validated the answers against the version already; they
 * are validated again here so that nothing unchecked is ever stored.
 */
export async function storePublicReport(
  ctx: AppContext,
  input: { formVersionId: string; answers: Record<string, unknown>; region?: string; district?: string },
): Promise<void> {
  const v = await publishedVersion(ctx.db, input.formVersionId);
  if (!v) throw new AppError('not_found');
  const issues = validateAnswers(v.definition, input.answers);
  if (issues.length) throw answerInvalid(v.definition, issues, 'en');
  await checkUploads(ctx.db, v, input.answers, null, 'en');
  const id = uuidv7();
  const critical = isCritical(v.definition, input.answers);
  await inTx(ctx, async (tx, audit) => {
    await tx
      .insertInto('submissions')
      .values(
        newRow(ctx, id, v, input.answers, {
          client_id: uuidv7(),
          source: 'public',
          mission_id: null,
          site_id: null,
          observer_id: null,
          region: input.region ?? null,
          district: input.district ?? null,
          critical: critical ? 1 : 0,
          flag_verify: 1,
          flag_urgent: critical ? 1 : 0,
          // A report that says nowhere where it happened waits in the "to geolocate" queue (ADR 0027).
          flag_geolocate: input.region ? 0 : 1,
          submitted_at: new Date().toISOString(),
        }),
      )
      .execute();
    await audit({
      actorId: null,
      action: 'monitoring.public_report',
      entityType: 'submission',
      entityId: id,
      details: { critical },
    });
  });
}
