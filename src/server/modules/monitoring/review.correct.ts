import type { z } from 'zod';
import { isCritical, isVisible, labelIn, validateAnswers } from '../../../core/forms/index.ts';
import { CORRECTABLE } from '../../../core/forms/correctable.ts';
import type { FormField } from '../../../core/forms/types.ts';
import type { Locale } from '../../../core/roles.ts';
import type { Actor } from '../../platform/access/policy.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/db.ts';
import type { SubmissionsTable } from '../../platform/db/schema.monitoring.ts';
import { AppError } from '../../platform/errors.ts';
import { answerInvalid } from './answers.error.ts';
import { addHistory, withReview } from './review.service.ts';
import { CountBatch } from './submissions.counts.ts';
import { countedValues, publishedVersion, type CachedVersion } from './submissions.forms.ts';
import { loadSubmission, presentSubmission } from './submissions.read.ts';
import { countInput, VERIFIED_STATES } from './submissions.recount.ts';
import type * as S from './submissions.schemas.ts';

type View = z.infer<typeof S.SubmissionView>;
type Answers = Record<string, unknown>;
export type Change = { key: string; from: unknown; to: unknown };

/** A top-level question and whether it shows with these answers (its section's condition too). */
function questions(v: CachedVersion) {
  const out = new Map<string, { field: FormField; shows: (a: Answers) => boolean }>();
  for (const s of v.definition.sections)
    for (const f of s.fields)
      out.set(f.key, { field: f, shows: (a) => isVisible(s.visibleIf, a) && isVisible(f.visibleIf, a) });
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * A reviewer corrects some answers of a report, with the reason ("confirmed by phone with the
 * observer"). `changes` maps a question's key to its new answer, or null to remove it. The whole
 * result must keep its form version's rules, as a report arriving would (400 naming the field, in the
 * user's language); an answer whose question the correction hides may be removed whatever its type.
 * The history keeps each answer's before and after (encrypted under the report's key), so what the
 * observer sent stays readable; the dashboard's counters follow a counted report's new answers.
 */
export async function correctAnswers(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  input: { changes: Answers; reason: string },
  locale: Locale,
): Promise<View> {
  await withReview(ctx, actor, id, async (tx, audit, row, key) => {
    const v = await publishedVersion(tx, row.form_version_id);
    if (!v) throw new AppError('submissions.not_found');
    const before = JSON.parse(key.decrypt('answers', row.answers)) as Answers;
    const known = questions(v);
    const refuse = (k: string) => {
      const q = known.get(k);
      return new AppError('submissions.not_correctable', {
        params: { field: q ? labelIn(q.field.label, locale, k) : k },
        fields: [{ path: `changes.${k}`, code: 'invalid' }],
      });
    };
    // Only the form's own questions, before anything is applied (a key such as "__proto__" never is).
    for (const k of Object.keys(input.changes)) if (!known.has(k)) throw refuse(k);
    const after: Answers = { ...before };
    for (const [k, value] of Object.entries(input.changes)) {
      if (value === null) delete after[k];
      else after[k] = value;
    }
    for (const [k, value] of Object.entries(input.changes)) {
      const q = known.get(k)!;
      if (!CORRECTABLE.has(q.field.type) && !(value === null && !q.shows(after))) throw refuse(k);
    }
    const issues = validateAnswers(v.definition, after);
    if (issues.length) throw answerInvalid(v.definition, issues, locale, 'submissions.correction_invalid');
    const changes: Change[] = Object.keys(input.changes)
      .filter((k) => !same(before[k], after[k]))
      .map((k) => ({ key: k, from: before[k] ?? null, to: after[k] ?? null }));
    if (changes.length === 0) return;
    const wasCritical = row.critical === 1;
    const critical = isCritical(v.definition, after);
    await tx
      .updateTable('submissions')
      .set({
        answers: key.encrypt('answers', JSON.stringify(after)),
        critical: critical ? 1 : 0,
        corrected: [...new Set([...(row.corrected?.split(',') ?? []), ...changes.map((c) => c.key)])].join(
          ',',
        ),
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await recount(tx, row, v, { before, after, wasCritical, critical });
    await addHistory(tx, key, {
      submissionId: id,
      userId: actor!.userId,
      action: 'correct',
      from: null,
      to: null,
      reason: input.reason,
      refId: changes.map((c) => c.key).join(','),
      detail: JSON.stringify(changes),
    });
    await audit({
      actorId: actor!.userId,
      action: 'monitoring.submission_correct',
      entityType: 'submission',
      entityId: id,
      // Which questions, never the answers.
      details: { fields: changes.map((c) => c.key) },
    });
  });
  return presentSubmission(ctx, actor, await loadSubmission(ctx, actor, id));
}

/**
 * A counted report (an observer's, of a mission, not rejected: submissions.recount.ts) is counted out
 * with its old answers and in with the new ones, one batch per layer (a verified report also in the
 * verified layer, ADR 0035): unchanged counters net to nothing.
 */
async function recount(
  tx: Tx,
  row: SubmissionsTable,
  v: CachedVersion,
  c: { before: Answers; after: Answers; wasCritical: boolean; critical: boolean },
): Promise<void> {
  if (row.source !== 'observer' || !row.mission_id || row.status === 'rejected') return;
  const layers = VERIFIED_STATES.includes(row.status)
    ? (['received', 'verified'] as const)
    : (['received'] as const);
  for (const layer of layers) {
    const batch = new CountBatch(layer);
    batch.add({ ...countInput(row, countedValues(v, c.before)), critical: c.wasCritical }, -1);
    batch.add({ ...countInput(row, countedValues(v, c.after)), critical: c.critical }, 1);
    await batch.flush(tx);
  }
}
