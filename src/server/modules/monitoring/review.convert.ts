import type { FlatField } from '../../../core/forms/index.ts';
import type { Locale } from '../../../core/roles.ts';
import { requireCap, type Actor } from '../../platform/access/policy.ts';
import { envelope, inTx, type AppContext } from '../../platform/context.ts';
import type { AuditEntry } from '../../platform/audit/audit.ts';
import type { Tx } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { tr } from '../../platform/i18n.ts';
import { loadCase } from '../cases/cases.access.ts';
import { createCaseTx } from '../cases/cases.service.ts';
import { addLinkTx } from '../cases/cases.team.ts';
import { attachPreparedTx, prepareEvidence, type PreparedEvidence } from '../violations/evidence.import.ts';
import { createEventTx } from '../violations/violations.service.ts';
import { addHistory, loadForReview, lockedError } from './review.service.ts';
import { filesForCopy } from './submissions.files.ts';
import { describeAnswers, eventDay, firstChoice, recordPlace } from './review.convert.text.ts';
import { liveLock } from './submissions.read.ts';
import { translationsOf } from './submissions.translations.ts';
import { publishedVersion, uploadIdsOf } from './submissions.forms.ts';

const FROM_REPORT: Record<Locale, string> = {
  ky: 'Мониторинг билдирүүсүнөн',
  ru: 'Из отчёта мониторинга',
  en: 'From a monitoring report',
};

/**
 * The new record's text: the answers, then the reviewers' translations of them (ADR 0028), the reader's
 * language first — the translating was done so that the report could be read and used, and the record
 * is where it is used next.
 */
function recordText(src: Source, locale: Locale, max: number): string {
  const parts = [describeAnswers(src.v, src.answers, locale)];
  const order = (l: string) => (l === locale ? 0 : 1);
  for (const t of [...src.translations].sort((a, b) => order(a.locale) - order(b.locale)))
    parts.push(`${tr(locale, `errors:mon_export.column.translation_${t.locale}`)}:\n${t.text}`);
  return parts
    .filter((p) => p !== '')
    .join('\n\n')
    .slice(0, max);
}

async function source(ctx: AppContext, actor: Actor | null, id: string) {
  const row = await loadForReview(ctx, actor, id);
  const lock = liveLock(row);
  if (lock && lock.userId !== actor!.userId) throw await lockedError(ctx, lock.userId);
  const v = await publishedVersion(ctx.db, row.form_version_id);
  const key = envelope(ctx).openRecordKey('submissions', id, row.dek);
  const answers = JSON.parse(key.decrypt('answers', row.answers)) as Record<string, unknown>;
  const site = row.site_id
    ? await ctx.db
        .selectFrom('sites')
        .select(['name', 'place'])
        .where('id', '=', row.site_id)
        .executeTakeFirst()
    : undefined;
  const translations = await translationsOf(ctx.db, id, key);
  return { row, v: v!, key, answers, site, translations };
}

type Source = Awaited<ReturnType<typeof source>>;

type Link = 'violation_event_id' | 'case_id';

/**
 * Create the record and link the submission to it in one transaction (with its history and audit), so
 * a failure anywhere leaves neither an unlinked record nor a half-made link. The submission row is
 * read again inside the transaction (locked on PostgreSQL; SQLite runs one writer at a time), so a
 * double click or two reviewers at once get the record the first one made instead of a second one.
 */
async function convertOnce(
  ctx: AppContext,
  actor: Actor,
  src: Source,
  link: Link,
  action: 'to_violation' | 'to_case',
  /** `now`: both links as read under the lock (the other record may have been made meanwhile). */
  create: (
    tx: Tx,
    audit: (e: AuditEntry) => Promise<void>,
    now: Record<Link, string | null>,
  ) => Promise<string>,
): Promise<string> {
  const { row, key } = src;
  return inTx(ctx, async (tx, audit) => {
    const now = await tx
      .selectFrom('submissions')
      .select(['violation_event_id', 'case_id'])
      .where('id', '=', row.id)
      .$if(ctx.dbh.kind === 'postgres', (q) => q.forUpdate())
      .executeTakeFirstOrThrow();
    const existing = now[link];
    if (existing) return existing;
    const refId = await create(tx, audit, now);
    const set = link === 'case_id' ? { case_id: refId } : { violation_event_id: refId };
    const u = await tx
      .updateTable('submissions')
      .set(set)
      .where('id', '=', row.id)
      .where(link, 'is', null)
      .executeTakeFirst();
    // Cannot happen under the row lock; refusing keeps a second record from ever committing.
    if (Number(u.numUpdatedRows) !== 1) throw new Error('submission link changed under its lock');
    await addHistory(tx, key, {
      submissionId: row.id,
      userId: actor.userId,
      action,
      from: row.status,
      to: row.status,
      refId,
    });
    await audit({
      actorId: actor.userId,
      action: `monitoring.submission_${action}`,
      entityType: 'submission',
      entityId: row.id,
      details: link === 'case_id' ? { case: refId } : { event: refId },
    });
    return refId;
  });
}

/**
 * The case and the violation record made from one report name each other (a case link), so that the
 * lawyer finds the documenter's record and the documenter the case. Only where this reviewer may edit
 * the case and see the record (the other was perhaps made by someone else, and restricted): otherwise
 * the two stay apart, as they would if linked by hand, and the conversion itself goes on.
 */
async function linkCaseToEvent(
  ctx: AppContext,
  tx: Tx,
  audit: (e: AuditEntry) => Promise<void>,
  actor: Actor,
  caseId: string,
  eventId: string,
): Promise<void> {
  try {
    // Inside the transaction: a refusal here is no attempt to reach beyond one's rights, not audited.
    await loadCase(ctx, actor, caseId, 'edit', tx);
    await addLinkTx(tx, audit, actor, caseId, { kind: 'violation_event', targetId: eventId });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
  }
}

/** "Obstruction of observers — Station № 2001 — 2026-12-06": what happened (an incident's first choice), where, when. */
const defaultTitle = (src: Source, locale: Locale) =>
  [
    src.row.form_kind === 'incident' ? firstChoice(src.v, src.answers, locale) : null,
    src.site?.name ?? (src.v.title[locale] || src.v.title.en),
    eventDay(src.v, src.answers, src.row.submitted_at, src.row.received_at),
  ]
    .filter(Boolean)
    .join(' — ');

/**
 * An incident becomes a violation record (issue #5 item 4). The event is made through the violations
 * module's own service (its checks, numbering, need-to-know and audit) inside this transaction. An act
 * needs a victim from the people registry and a form answer never names one, so only the event is
 * made; the answer says so (`actCreated: false`) and the documenter adds acts there. Asking twice
 * answers the same event. Restricted to its members (the reviewer who made it) unless asked otherwise:
 * an incident report may tell of torture and name the people it happened to.
 */
export async function toViolation(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  locale: Locale,
  input: { restricted?: boolean | undefined } = {},
) {
  requireCap(actor, 'violations.write');
  const src = await source(ctx, actor, id);
  const { row, site } = src;
  if (row.violation_event_id) return { eventId: row.violation_event_id, actCreated: false };
  const evidence = await copyFiles(ctx, src, locale);
  let attached = false;
  try {
    const eventId = await convertOnce(
      ctx,
      actor,
      src,
      'violation_event_id',
      'to_violation',
      async (tx, audit, now) => {
        const made = await createEventTx(ctx, tx, audit, actor, {
          title: defaultTitle(src, locale).slice(0, 300),
          description: recordText(src, locale, 50_000) || undefined,
          startDate: eventDay(src.v, src.answers, row.submitted_at, row.received_at),
          ...recordPlace(src.v, src.answers, row, site?.place),
          restricted: input.restricted ?? true,
        });
        await attachPreparedTx(ctx, tx, audit, actor, made, evidence);
        attached = true;
        if (now.case_id) await linkCaseToEvent(ctx, tx, audit, actor, now.case_id, made);
        return made;
      },
    );
    // Someone else's click made the event first: its evidence came with it, these copies are not needed.
    if (!attached) await evidence.discard();
    return { eventId, actCreated: false };
  } catch (e) {
    await evidence.discard();
    throw e;
  }
}

/**
 * The report's photos, recordings and files, copied as evidence of the new event (re-encrypted under
 * the evidence's own keys, checked against the fingerprint they arrived with); the custody log says
 * which report each came from.
 */
async function copyFiles(ctx: AppContext, src: Source, locale: Locale): Promise<PreparedEvidence> {
  const fields = new Map<string, FlatField>();
  // A photo named twice (a field and a repeat entry) is described by where it is named first.
  for (const r of uploadIdsOf(src.v, src.answers)) if (!fields.has(r.id)) fields.set(r.id, r.field);
  const files = await filesForCopy(ctx, src.row, src.answers);
  return prepareEvidence(
    ctx,
    files.map((f) => {
      const field = fields.get(f.id);
      const label = field?.label ? field.label[locale] || field.label.en : (field?.key ?? '');
      return {
        name: f.name,
        mime: f.mime,
        sha256: f.sha256,
        description: `${FROM_REPORT[locale]}: ${label}`.slice(0, 2000),
        origin: `submission:${src.row.id}`,
        body: f.body,
      };
    }),
  );
}

/** A case file has a region and district, not a place. */
const regionOnly = ({ place: _place, ...rest }: ReturnType<typeof recordPlace>) => rest;

/** An incident becomes a legal case file (through the cases module's service); asking twice answers the same. */
export async function toCase(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  locale: Locale,
  input: { type?: string | undefined; title?: string | undefined; restricted?: boolean | undefined },
) {
  requireCap(actor, 'cases.write');
  const src = await source(ctx, actor, id);
  const { row } = src;
  if (row.case_id) return { caseId: row.case_id };
  const caseId = await convertOnce(ctx, actor, src, 'case_id', 'to_case', async (tx, audit, now) => {
    const made = await createCaseTx(
      ctx,
      tx,
      audit,
      actor,
      {
        type: input.type ?? 'administrative',
        title: (input.title || defaultTitle(src, locale)).slice(0, 200),
        // Restricted unless asked otherwise: an incident report names the people it happened to.
        restricted: input.restricted ?? true,
        summary: recordText(src, locale, 10_000) || undefined,
        ...regionOnly(recordPlace(src.v, src.answers, row, null)),
      },
      null,
    );
    if (now.violation_event_id) await linkCaseToEvent(ctx, tx, audit, actor, made, now.violation_event_id);
    return made;
  });
  return { caseId };
}
