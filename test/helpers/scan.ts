import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface ScanReport {
  scanned: string[];
  hits: { where: string; marker: string }[];
}

/** Every file under a folder, with its path (none when the folder does not exist). */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : e.isFile() ? [p] : [];
  });
}

/** Every encoding a marker could be stored in by mistake: UTF-8, UTF-16LE, base64 of the UTF-8. */
function needles(marker: string): Buffer[] {
  return [
    Buffer.from(marker, 'utf8'),
    Buffer.from(marker, 'utf16le'),
    Buffer.from(Buffer.from(marker).toString('base64').slice(0, 16)),
  ];
}

/**
 * Look for planted marker strings in every file of a data folder (database, WAL, key, uploads,
 * backups), in extra text blobs (logs), and in a PostgreSQL dump when a URL is given.
 */
export function scanForMarkers(opts: {
  dataDir?: string;
  databaseUrl?: string;
  texts?: Record<string, string>;
  markers: string[];
}): ScanReport {
  const sources: [string, Buffer][] = [];
  for (const f of filesUnder(opts.dataDir ?? '')) sources.push([f, fs.readFileSync(f)]);
  for (const [name, text] of Object.entries(opts.texts ?? {})) sources.push([name, Buffer.from(text)]);
  if (opts.databaseUrl) {
    sources.push([
      'pg_dump',
      execFileSync('pg_dump', ['--no-owner', '--dbname', opts.databaseUrl], { maxBuffer: 512 * 1024 * 1024 }),
    ]);
  }
  const hits: ScanReport['hits'] = [];
  for (const [where, buf] of sources) {
    for (const marker of opts.markers)
      if (needles(marker).some((n) => buf.includes(n))) hits.push({ where, marker });
  }
  return { scanned: sources.map(([w, b]) => `${w} (${b.length} bytes)`), hits };
}
