import type { IntegrityProblem } from '../../platform/files/store.ts';
import { requireCap, type Actor } from '../../platform/access/policy.ts';
import { envelope, inTx, type AppContext } from '../../platform/context.ts';
import { recordCustodyTx } from './evidence.custody.ts';
import { CONTENT_FIELD, evidenceKey } from './evidence.presenter.ts';
import { evidenceRepo, type EvidenceRow } from './evidence.repo.ts';
import { fileStore, loadItem } from './evidence.service.ts';

/**
 * Integrity of evidence originals: decrypt, re-hash and compare with the SHA-256 taken at upload. Each
 * check is recorded on the item (`verified_at`, `verify_result`), in its custody log and in the audit
 * log. A problem is reported and logged by item id, never by name. Three entry points: the button on
 * one item, "verify everything I may see" (administrators: everything), and `ukuk evidence verify`.
 */
const PAGE = 200;

export interface VerifyAllReport {
  checked: number;
  ok: number;
  bad: { id: string; eventId: string | null; problem: IntegrityProblem }[];
  checkedAt: string;
}

async function check(ctx: AppContext, row: EvidenceRow) {
  return fileStore(ctx).verify(evidenceKey(envelope(ctx), row), CONTENT_FIELD, row.storage_key, row);
}

/** Verify one item the actor may see. */
export async function verifyOne(ctx: AppContext, actor: Actor | null, id: string) {
  const row = await loadItem(ctx, actor, id);
  const r = await check(ctx, row);
  const checkedAt = new Date().toISOString();
  const result = r.ok ? 'ok' : r.problem;
  await inTx(ctx, async (tx, audit) => {
    await evidenceRepo.setVerified(tx, [row.id], checkedAt, result);
    await recordCustodyTx(tx, audit, actor!.userId, [row], 'verify', result);
  });
  if (!r.ok) ctx.log.error({ evidenceId: row.id, problem: r.problem }, 'evidence file failed verification');
  return {
    id: row.id,
    ok: r.ok,
    problem: r.ok ? null : r.problem,
    expectedSha256: row.sha256,
    actualSha256: r.sha256,
    checkedAt,
  };
}

/**
 * Verify every item `scope` may see (null: every item, for administrators and the command line),
 * a page at a time; each page's results are recorded in one transaction with one audit entry.
 */
async function verifyPages(ctx: AppContext, actorId: string | null, scope: Actor | null, log = true) {
  const report: VerifyAllReport = { checked: 0, ok: 0, bad: [], checkedAt: new Date().toISOString() };
  let after: string | null = null;
  for (;;) {
    const rows = await evidenceRepo.pageVisible(ctx.db, scope, after, PAGE);
    const results = new Map<string, EvidenceRow[]>();
    for (const row of rows) {
      const r = await check(ctx, row);
      const result = r.ok ? 'ok' : r.problem;
      results.set(result, [...(results.get(result) ?? []), row]);
      report.checked += 1;
      if (r.ok) report.ok += 1;
      else {
        report.bad.push({ id: row.id, eventId: row.event_id, problem: r.problem });
        if (log)
          ctx.log.error({ evidenceId: row.id, problem: r.problem }, 'evidence file failed verification');
      }
    }
    const at = new Date().toISOString();
    await inTx(ctx, async (tx, audit) => {
      for (const [result, items] of results) {
        await evidenceRepo.setVerified(
          tx,
          items.map((i) => i.id),
          at,
          result,
        );
        await recordCustodyTx(tx, audit, actorId, items, 'verify', result, {
          entityType: 'vio_evidence',
          details: { items: items.length, result, via: actorId ? 'api' : 'cli' },
        });
      }
    });
    if (rows.length < PAGE) return report;
    after = rows[rows.length - 1]!.id;
  }
}

/** "Verify all": everything the actor may see; administrators verify every item. */
export async function verifyAll(ctx: AppContext, actor: Actor | null): Promise<VerifyAllReport> {
  requireCap(actor, 'violations.read');
  return verifyPages(ctx, actor.userId, actor.role === 'admin' ? null : actor);
}

/** `ukuk evidence verify`: every item, recorded as done by the system (no user); it prints its own report. */
export async function verifyEverything(ctx: AppContext): Promise<VerifyAllReport> {
  return verifyPages(ctx, null, null, false);
}
