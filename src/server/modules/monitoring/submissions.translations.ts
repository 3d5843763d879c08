import type { RecordKey } from '../../platform/crypto/envelope.ts';
import type { Executor } from '../../platform/db/db.ts';

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
    text: key.decrypt(`translation:${r.locale}`, r.body_enc),
    userId: r.user_id,
    at: r.at,
  }));
}
