import type { z } from 'zod';
import type { Locale } from '../../../core/roles.ts';
import type { Actor } from '../../platform/access/policy.ts';
import type { AppContext } from '../../platform/context.ts';
import { translationField } from './exports.translations.ts';
import { addHistory, withReview } from './review.service.ts';
import { loadSubmission, presentSubmission } from './submissions.read.ts';
import type * as S from './submissions.schemas.ts';

type View = z.infer<typeof S.SubmissionView>;

/**
 * A reviewer's translation of a report into one of the app's languages, the work of the "to translate"
 * queue (issue #5 item 4): reports arrive in Kyrgyz or Russian, and the analyst or the partner who
 * reads them may read neither. One translation per language, written or changed by any reviewer of the
 * report under the usual lock, encrypted under the report's own key (so shredded with it); the
 * reporter's answers stay as they were sent. Saving one switches "needs translation" off; an empty text
 * removes the translation. History and audit say which language, never the text.
 */
export async function translateSubmission(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  locale: Locale,
  text: string,
): Promise<View> {
  const body = text.trim();
  await withReview(ctx, actor, id, async (tx, audit, _row, key) => {
    const old = await tx
      .selectFrom('submission_translations')
      .select('body_enc')
      .where('submission_id', '=', id)
      .where('locale', '=', locale)
      .executeTakeFirst();
    const before = old ? key.decrypt(translationField(locale), old.body_enc) : '';
    if (before === body) return;
    const at = new Date().toISOString();
    if (body === '')
      await tx
        .deleteFrom('submission_translations')
        .where('submission_id', '=', id)
        .where('locale', '=', locale)
        .execute();
    else {
      const row = {
        submission_id: id,
        locale,
        body_enc: key.encrypt(translationField(locale), body),
        user_id: actor!.userId,
        at,
      };
      await tx
        .insertInto('submission_translations')
        .values(row)
        .onConflict((oc) =>
          oc
            .columns(['submission_id', 'locale'])
            .doUpdateSet({ body_enc: row.body_enc, user_id: row.user_id, at }),
        )
        .execute();
      await tx
        .updateTable('submissions')
        .set({ flag_translate: 0, updated_at: at })
        .where('id', '=', id)
        .execute();
    }
    await addHistory(tx, key, {
      submissionId: id,
      userId: actor!.userId,
      action: body === '' ? 'untranslate' : 'translate',
      from: null,
      to: null,
      refId: locale,
    });
    await audit({
      actorId: actor!.userId,
      action: 'monitoring.submission_translate',
      entityType: 'submission',
      entityId: id,
      details: { locale, removed: body === '' },
    });
  });
  return presentSubmission(ctx, actor, await loadSubmission(ctx, actor, id));
}
