import type { RecordKey } from '../../platform/crypto/envelope.ts';
import type { Executor } from '../../platform/db/db.ts';
import { translationField, type RowTranslations } from './exports.translations.ts';

/** A report's translations as its page shows them (reviewers only), by language. */
export async function translationsOf(
  db: Executor,
  id: string,
  key: RecordKey,
): Promise<{ locale: string; text: string; userId: string; at: string }[]> {
  const rows = await db
    .selectFrom('submission_translations')
    .selectAll()
    .where('submission_id', '=', id)
    .orderBy('locale')
    .execute();
  return rows.map((r) => ({
    locale: r.locale,
    text: key.decrypt(translationField(r.locale), r.body_enc),
    userId: r.user_id,
    at: r.at,
  }));
}

/**
 * The sealed translations of an export page's rows, in row order (`ids` ascending, as the page was
 * read): one range read on the table's key instead of a thousand ids, the few rows of other missions
 * in that range skipped here.
 */
export async function sealedTranslations(db: Executor, ids: readonly string[]): Promise<RowTranslations[]> {
  const out: RowTranslations[] = ids.map(() => null);
  if (ids.length === 0) return out;
  const at = new Map(ids.map((id, i) => [id, i]));
  const rows = await db
    .selectFrom('submission_translations')
    .select(['submission_id', 'locale', 'body_enc'])
    .where('submission_id', '>=', ids[0]!)
    .where('submission_id', '<=', ids[ids.length - 1]!)
    .execute();
  for (const r of rows) {
    const i = at.get(r.submission_id);
    if (i !== undefined) (out[i] ??= {})[r.locale] = r.body_enc;
  }
  return out;
}
