import type { FlatField, FormField } from '../../../core/forms/index.ts';
import { zonedDay } from '../../../core/zoned-time.ts';
import type { Locale } from '../../../core/roles.ts';
import { requireCap, type Actor } from '../../platform/access/policy.ts';
import { envelope, inTx, type AppContext } from '../../platform/context.ts';
import { createCase } from '../cases/cases.service.ts';
import { createEvent } from '../violations/violations.service.ts';
import { addHistory, loadForReview, lockedError } from './review.service.ts';
import { liveLock } from './submissions.read.ts';
import { publishedVersion, type CachedVersion } from './submissions.forms.ts';

const YES: Record<Locale, [string, string]> = { ky: ['ооба', 'жок'], ru: ['да', 'нет'], en: ['yes', 'no'] };

function optionLabel(def: CachedVersion['definition'], key: string, value: string, locale: Locale): string {
  const find = (fields: FormField[]): FormField | undefined => {
    for (const f of fields) {
      if (f.key === key) return f;
      const inner = f.fields ? find(f.fields) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  const f = def.sections.map((s) => find(s.fields)).find(Boolean);
  const o = f?.options?.find((x) => x.key === value);
  return o ? o.label[locale] || o.label.en || value : value;
}

/** The answers as "label: value" lines in the reviewer's language, for the new record's description. */
export function describeAnswers(v: CachedVersion, answers: Record<string, unknown>, locale: Locale): string {
  const lines: string[] = [];
  const show = (f: FlatField, a: unknown): string => {
    if (typeof a === 'boolean') return YES[locale][a ? 0 : 1];
    if (f.type === 'single_choice' && typeof a === 'string')
      return optionLabel(v.definition, f.key, a, locale);
    if (Array.isArray(a) && f.type === 'multiple_choice')
      return a.map((x) => optionLabel(v.definition, f.key, String(x), locale)).join(', ');
    if (a && typeof a === 'object') return JSON.stringify(a);
    return String(a);
  };
  for (const f of v.flat) {
    if (f.parent || f.type === 'file' || f.type === 'signature') continue;
    const a = answers[f.key];
    if (a === undefined || a === null || a === '') continue;
    const label = f.label ? f.label[locale] || f.label.en : f.key;
    lines.push(`${label}: ${show(f, a)}`);
  }
  return lines.join('\n').slice(0, 50_000);
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
  return { row, v: v!, key, answers, site };
}

/**
 * An incident becomes a violation record (issue #5 item 4). The event is made through the violations
 * module's own service (its checks, numbering, need-to-know and audit). An act needs a victim from the
 * people registry and a form answer never names one, so only the event is made; the answer says so
 * (`actCreated: false`) and the documenter adds acts there. Asking twice answers the same event.
 */
export async function toViolation(ctx: AppContext, actor: Actor | null, id: string, locale: Locale) {
  requireCap(actor, 'violations.write');
  const { row, v, key, answers, site } = await source(ctx, actor, id);
  if (row.violation_event_id) return { eventId: row.violation_event_id, actCreated: false };
  const title = `${site?.name ?? (v.title[locale] || v.title.en)} — ${row.submitted_at.slice(0, 10)}`.slice(
    0,
    300,
  );
  const eventId = await createEvent(ctx, actor, {
    title,
    description: describeAnswers(v, answers, locale) || undefined,
    startDate: zonedDay(Date.parse(row.submitted_at)),
    ...(row.region ? { region: row.region } : {}),
    ...(row.region && row.district ? { district: row.district } : {}),
    ...(site?.place ? { place: site.place.slice(0, 300) } : {}),
  });
  await inTx(ctx, async (tx, audit) => {
    await tx.updateTable('submissions').set({ violation_event_id: eventId }).where('id', '=', id).execute();
    await addHistory(tx, key, {
      submissionId: id,
      userId: actor.userId,
      action: 'to_violation',
      from: row.status,
      to: row.status,
      refId: eventId,
    });
    await audit({
      actorId: actor.userId,
      action: 'monitoring.submission_to_violation',
      entityType: 'submission',
      entityId: id,
      details: { event: eventId },
    });
  });
  return { eventId, actCreated: false };
}

/** An incident becomes a legal case file (through the cases module's service); asking twice answers the same. */
export async function toCase(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  locale: Locale,
  input: { type?: string | undefined; title?: string | undefined },
) {
  requireCap(actor, 'cases.write');
  const { row, v, key, answers, site } = await source(ctx, actor, id);
  if (row.case_id) return { caseId: row.case_id };
  const caseId = await createCase(ctx, actor, {
    type: input.type ?? 'administrative',
    title: (
      input.title || `${site?.name ?? (v.title[locale] || v.title.en)} — ${row.submitted_at.slice(0, 10)}`
    ).slice(0, 200),
    summary: describeAnswers(v, answers, locale).slice(0, 10_000) || undefined,
    ...(row.region ? { region: row.region } : {}),
    ...(row.region && row.district ? { district: row.district } : {}),
  });
  await inTx(ctx, async (tx, audit) => {
    await tx.updateTable('submissions').set({ case_id: caseId }).where('id', '=', id).execute();
    await addHistory(tx, key, {
      submissionId: id,
      userId: actor.userId,
      action: 'to_case',
      from: row.status,
      to: row.status,
      refId: caseId,
    });
    await audit({
      actorId: actor.userId,
      action: 'monitoring.submission_to_case',
      entityType: 'submission',
      entityId: id,
      details: { case: caseId },
    });
  });
  return { caseId };
}
