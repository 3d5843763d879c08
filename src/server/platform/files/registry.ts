import type { AppContext } from '../context.ts';
import type { RecordKey } from '../crypto/envelope.ts';
import { FileStore, type IntegrityProblem } from './store.ts';

/** One stored file as its owning record knows it: enough to decrypt it and check its hash. */
export interface OwnedFile {
  /** The owning table (e.g. `case_documents`). */
  owner: string;
  recordId: string;
  storageKey: string;
  field: string;
  sha256: string;
  size: number;
  key: () => RecordKey;
}

/** A module whose records own stored files lists them here, so one command can verify them all. */
export interface FileOwner {
  name: string;
  list(ctx: AppContext): AsyncIterable<OwnedFile>;
}

const owners = new Map<string, FileOwner>();

export function registerFileOwner(owner: FileOwner): void {
  owners.set(owner.name, owner);
}

export interface VerifyAllReport {
  checked: number;
  bad: { owner: string; recordId: string; problem: IntegrityProblem }[];
  /** Files on disk that no record refers to (e.g. left by a crash between writing and committing). */
  orphans: string[];
}

/** Re-hash every stored file of every registered owner (evidence integrity: SECURITY.md). */
export async function verifyAllFiles(
  ctx: AppContext,
  onFile?: (f: OwnedFile, ok: boolean) => void,
): Promise<VerifyAllReport> {
  const store = new FileStore(ctx.config.dataDir);
  const report: VerifyAllReport = { checked: 0, bad: [], orphans: [] };
  const referenced = new Set<string>();
  for (const owner of owners.values()) {
    for await (const f of owner.list(ctx)) {
      referenced.add(f.storageKey);
      const r = await store.verify(f.key(), f.field, f.storageKey, f);
      report.checked += 1;
      if (!r.ok) report.bad.push({ owner: f.owner, recordId: f.recordId, problem: r.problem });
      onFile?.(f, r.ok);
    }
  }
  report.orphans = (await store.listKeys()).filter((k) => !referenced.has(k));
  return report;
}
