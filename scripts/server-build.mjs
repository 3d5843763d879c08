// Compile the server (src/server, src/core, src/cli) into one JavaScript file, dist-server/ukuk.mjs,
// which `npm start` and the tests' real server processes run. Running the TypeScript through tsx
// instead cost about 55 MB more per process (a loader thread and its compiler caches) and a slower
// start. Packages stay outside the bundle (node_modules), so native modules load as usual.
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
export const SERVER_BUNDLE = path.join(root, 'dist-server', 'ukuk.mjs');

/**
 * Node's flags for the server process (`npm start`, the tests' servers, the benchmarks that host
 * one). A young generation of up to 32 MB a half instead of V8's 16: a request's objects (its
 * body, the parsed answers, the batch it waits in) live for tens of milliseconds, so with the
 * default most of them were still alive at a scavenge and were copied, on the main thread and on
 * V8's helper threads. Election day on 2 cores, three alternating runs: 2,316-2,921 submissions/s
 * with the default, 2,613-3,372/s with 32 MB; the whole process's CPU per submission 462-599 µs
 * against 397-530 µs. Under load the server keeps up to about 64 MB more young objects.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'];
const SOURCES = ['src/server', 'src/core', 'src/cli', 'package-lock.json', 'scripts/server-build.mjs'];

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const e of fs.readdirSync(p)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

/**
 * Bundle `entry` (a module path from the root, or source text with `contents`) into `outfile`,
 * written whole and then renamed, so a process starting meanwhile never runs half a file.
 */
export function bundle({ entry, contents, outfile }) {
  const tmp = `${outfile}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  buildSync({
    ...(contents
      ? { stdin: { contents, resolveDir: root, sourcefile: 'entry.ts', loader: 'ts' } }
      : { entryPoints: [path.join(root, entry)] }),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Error and class names appear in logs and in a few `instanceof`-free checks by name.
    keepNames: true,
    outfile: tmp,
    logLevel: 'warning',
  });
  fs.renameSync(tmp, outfile);
  return outfile;
}

/** Build dist-server/ukuk.mjs when it is missing or older than any of its sources. */
export function ensureServerBuilt({ force = false } = {}) {
  const sources = Math.max(...SOURCES.map((s) => newest(path.join(root, s))));
  if (!force && fs.existsSync(SERVER_BUNDLE) && fs.statSync(SERVER_BUNDLE).mtimeMs >= sources)
    return SERVER_BUNDLE;
  return bundle({
    contents:
      "import { main } from './src/cli/main.ts';\nprocess.exitCode = await main(process.argv.slice(2));\n",
    outfile: SERVER_BUNDLE,
  });
}

// `node scripts/server-build.mjs [--force]` builds the server; `--entry <file> --out <file>` bundles
// another entry the same way (the export benchmark's child process). Prints the output's path.
if (process.argv[1] === import.meta.filename) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const entry = arg('--entry');
  const out = arg('--out');
  console.log(
    entry && out
      ? bundle({ entry, outfile: path.resolve(root, out) })
      : ensureServerBuilt({ force: process.argv.includes('--force') }),
  );
}
