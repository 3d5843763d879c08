import { createHmac } from 'node:crypto';
import type { FormDefinition } from '../../../core/forms/types.ts';
import type { Locale } from '../../../core/roles.ts';
import { envelope, type AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import {
  type Challenge,
  checkChallenge,
  hit,
  issueChallenge,
  markOnce,
  spamSettings,
  sweepExpired,
} from './public.antispam.ts';
import { publicFormVersion, validatePublicAnswers } from './public.form.ts';
import { storePublicReport } from './submissions.service.ts';
import { rateNetwork } from '../../platform/http/network.ts';

/**
 * The anonymous public incident form (issue #5 item 6). A reporter must never learn whether others
 * reported the same thing, and a bot must learn nothing about what stopped it: every plausible report
 * gets the same `202 {received:true}`, whether it was stored, a duplicate, a honeypot hit, too fast,
 * a replay or over a rate limit. Only requests that no honest browser sends (bad schema, a forged,
 * expired or unsolved challenge) and answers that break the form's rules get a 400.
 */
const CHALLENGE_KEY = 'ukuk public report challenge v1';
const RATE_KEY = 'ukuk public report rate v1';
const DUP_KEY = 'ukuk public report fingerprint v1';
const DUP_MS = 24 * 3_600_000;

export interface PublicReportBody {
  formVersionId: string;
  answers: Record<string, unknown>;
  challenge: string;
  nonce: string;
  /** The honeypot: hidden from people, filled by bots. */
  website?: string;
}

/** `GET /api/public/reports/form`: the current public form and a fresh challenge. */
export async function getPublicForm(ctx: AppContext): Promise<{
  formVersionId: string;
  definition: FormDefinition;
  challenge: { token: string; bits: number };
}> {
  const form = await publicFormVersion(ctx);
  if (!form) throw new AppError('public_report.form_unavailable');
  const key = envelope(ctx).deriveKey(CHALLENGE_KEY);
  return {
    formVersionId: form.id,
    definition: form.definition,
    challenge: issueChallenge(key, spamSettings().powBits),
  };
}

/** Key order must not make two identical reports look different. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/** Region and district of the first location answer, for the review queue's region filter. */
function placeOf(def: FormDefinition, answers: Record<string, unknown>) {
  for (const s of def.sections)
    for (const f of s.fields) {
      const a = answers[f.key] as { region?: unknown; district?: unknown } | undefined;
      if (f.type === 'location' && a && typeof a.region === 'string')
        return { region: a.region, district: typeof a.district === 'string' ? a.district : undefined };
    }
  return {};
}

/** What became of a well-formed report; never told to the reporter (see `receivePublicReport`). */
export type PublicOutcome = 'stored' | 'honeypot' | 'too_fast' | 'replay' | 'rate_limited' | 'duplicate';

/**
 * When the answer leaves: `sleepUntil` is replaced in tests to see that every outcome waits for the
 * same deadline, which is the whole point.
 */
export interface PublicTiming {
  sleepUntil(deadline: number): Promise<void>;
}
export const realTiming: PublicTiming = {
  sleepUntil: (deadline) =>
    new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())).unref()),
};

/**
 * `POST /api/public/reports`. Returns normally for every outcome a reporter must not tell apart;
 * throws `AppError` (400) only for requests no honest browser sends and answers against the form.
 *
 * Timing: a stored report costs an encryption and a transaction more than a dropped one (a duplicate
 * of someone else's report, a rate limit), so a reporter timing the answer could learn that others
 * reported the same thing. Every outcome therefore answers at the same moment: `answerMs` after the
 * request arrived, whatever was done meanwhile. Padding rather than doing fake work keeps a flood of
 * dropped reports cheap; the deadline is set well above a store's cost on a busy node (only a node
 * slower than that could still show a difference, and only while it is that slow).
 */
export async function receivePublicReport(
  ctx: AppContext,
  body: PublicReportBody,
  ip: string,
  locale: Locale,
  now = Date.now(),
  timing: PublicTiming = realTiming,
): Promise<PublicOutcome> {
  const env = envelope(ctx);
  const s = spamSettings();
  const c = checkChallenge(env.deriveKey(CHALLENGE_KEY), body.challenge, body.nonce, s, now);
  if (typeof c === 'string') throw new AppError(`public_report.${c}`);
  const form = await publicFormVersion(ctx, body.formVersionId);
  if (!form) throw new AppError('public_report.form_unavailable');
  // Answers are checked before the challenge is used up, so a person can correct and send again.
  validatePublicAnswers(form.definition, body.answers, locale);
  // From here on every outcome answers the same, at the same time.
  const outcome = await decide(ctx, body, form, c, ip, now);
  if (outcome === 'stored')
    await storePublicReport(ctx, {
      formVersionId: form.id,
      answers: body.answers,
      ...placeOf(form.definition, body.answers),
    });
  await timing.sleepUntil(now + s.answerMs);
  return outcome;
}

/** The spam and duplicate checks, in order; the first that drops the report names the outcome. */
async function decide(
  ctx: AppContext,
  body: PublicReportBody,
  form: { id: string },
  c: Challenge,
  ip: string,
  now: number,
): Promise<PublicOutcome> {
  const env = envelope(ctx);
  const s = spamSettings();
  if (Math.random() < 0.02) await sweepExpired(ctx.db, now);
  if (body.website) return 'honeypot';
  if (now - c.issuedAt < s.minFillMs) return 'too_fast'; // faster than a person can read the form
  if (!(await markOnce(ctx.db, `c:${c.id}`, c.issuedAt + s.ttlMs))) return 'replay';
  const rate = env.deriveKey(RATE_KEY);
  if (!(await hit(ctx.db, rate, `ip\u0000${rateNetwork(ip)}`, 3_600_000, s.perIpHour, now)))
    return 'rate_limited';
  if (!(await hit(ctx.db, rate, 'global', 60_000, s.globalMinute, now))) return 'rate_limited';
  const fp = createHmac('sha256', env.deriveKey(DUP_KEY))
    .update(`${form.id}\u0000${canonical(body.answers)}`)
    .digest('base64url');
  if (!(await markOnce(ctx.db, `d:${fp}`, now + DUP_MS))) return 'duplicate'; // the same report again
  return 'stored';
}
