import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout's root, found by walking up to its package.json. A fixed "../../.." would be wrong in
 * one of the two ways the server runs: from its sources (tsx, tests) or compiled into one file
 * (dist-server/ukuk.mjs, `npm start`), where every module shares the bundle's location.
 */
function findRoot(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

export const APP_ROOT = findRoot();

/** A path inside the checkout, e.g. `appPath('reference', 'huridocs')`. */
export const appPath = (...parts: string[]): string => path.join(APP_ROOT, ...parts);
