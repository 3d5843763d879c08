// Build the web app when dist/ is missing or older than its sources (used by `npm start` and `npm test`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

export function ensureWebBuilt({ force = false } = {}) {
  const index = path.join(root, 'dist', 'index.html');
  const sources = Math.max(
    newest(path.join(root, 'src', 'web')),
    newest(path.join(root, 'src', 'core')),
    fs.statSync(path.join(root, 'index.html')).mtimeMs,
    fs.statSync(path.join(root, 'vite.config.ts')).mtimeMs,
  );
  if (!force && fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  console.log('Building the web app…');
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}
