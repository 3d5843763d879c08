import fs from 'node:fs';
import path from 'node:path';
import { createHash, type Hash } from 'node:crypto';
import { BackupError } from './format.ts';

/** Size of the file pieces written into a backup (one record each). */
export const FILE_PIECE = 256 * 1024;

/** The folder of uploaded files inside the data folder. */
export function filesDir(dataDir: string): string {
  return path.join(dataDir, 'files');
}

/**
 * Regular files under `root`, recursively, as relative paths with `/`, in a stable order. Symbolic links
 * and special files are skipped: a backup must never pull in data from outside the data folder.
 */
export async function* walkFiles(root: string, rel = ''): AsyncGenerator<string> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(path.join(root, rel), { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' && rel === '') return;
    throw e;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) yield* walkFiles(root, r);
    else if (e.isFile()) yield r;
  }
}

/**
 * The absolute target of a restored file, refusing anything that could land outside `root` (absolute
 * paths, `..`, empty segments). The file is authenticated, so this is defence in depth.
 */
export function safeTarget(root: string, rel: string): string {
  const parts = rel.split('/');
  if (!rel || parts.some((p) => !p || p === '.' || p === '..' || p.includes('\\') || p.includes('\0'))) {
    throw new BackupError(`The backup file is damaged (bad file name ${JSON.stringify(rel)}).`);
  }
  const target = path.join(root, ...parts);
  if (!target.startsWith(root + path.sep))
    throw new BackupError(`The backup file is damaged (bad file name ${JSON.stringify(rel)}).`);
  return target;
}

/** A restored file being written (or, in the verification pass, only hashed). */
export class FileSink {
  private readonly hash: Hash = createHash('sha256');
  private size = 0;

  private constructor(private readonly fh: fs.promises.FileHandle | null) {}

  /** Open the target (never overwriting), or hash only when `target` is null. */
  static async open(target: string | null): Promise<FileSink> {
    if (!target) return new FileSink(null);
    await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    return new FileSink(await fs.promises.open(target, 'wx', 0o600));
  }

  async write(b: Buffer): Promise<void> {
    this.hash.update(b);
    this.size += b.length;
    if (this.fh) await this.fh.write(b);
  }

  /** Close and check size and SHA-256 against what the backup recorded. */
  async finish(expected: { size: number; sha256: string }, rel: string): Promise<void> {
    if (this.fh) {
      await this.fh.sync();
      await this.fh.close();
    }
    if (this.size !== expected.size || this.hash.digest('hex') !== expected.sha256) {
      throw new BackupError(`The backup file is damaged (file ${rel} does not match its checksum).`);
    }
  }

  async abort(): Promise<void> {
    await this.fh?.close().catch(() => undefined);
  }
}
