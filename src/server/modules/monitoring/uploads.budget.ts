import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * Most unfinished uploads one person may hold at once. The field app sends one file at a time and
 * resumes it under the same client id, so even a phone that lost many uploads midway stays far below.
 */
export const MAX_OPEN_UPLOADS = 20;
const DAY_MS = 86_400_000;

/**
 * Refuse a new upload that would let one account fill the server's disk (the attacker's review of
 * stop 27: only the abandon cleanup bounded it). Checked when an upload is announced, with its size:
 * at most MAX_OPEN_UPLOADS unfinished, and at most `UKUK_UPLOAD_DAILY_MB` announced in any 24 hours.
 * 429, so the field app keeps the report and tries again later; nothing is written.
 * Two announcements at the same instant may both pass: the limits are about volume, not exact counts.
 */
export async function checkUploadBudget(
  ctx: AppContext,
  userId: string,
  size: number,
  now = Date.now(),
): Promise<void> {
  const since = new Date(now - DAY_MS).toISOString();
  const row = await ctx.db
    .selectFrom('uploads')
    .select([
      sql<number | string>`coalesce(sum(case when complete = 0 then 1 else 0 end), 0)`.as('open'),
      sql<number | string>`coalesce(sum(case when created_at > ${since} then size else 0 end), 0)`.as(
        'bytes',
      ),
    ])
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('complete', '=', 0), eb('created_at', '>', since)]))
    .executeTakeFirstOrThrow();
  if (Number(row.open) >= MAX_OPEN_UPLOADS) {
    throw new AppError('uploads.too_many_open', { params: { max: MAX_OPEN_UPLOADS } });
  }
  const budget = ctx.config.uploadDailyBytes;
  if (Number(row.bytes) + size > budget) {
    throw new AppError('uploads.daily_limit', { params: { mb: Math.floor(budget / (1024 * 1024)) } });
  }
}
