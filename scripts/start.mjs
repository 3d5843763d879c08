// `npm start`: build the web app and the server if needed, then run `ukuk serve` compiled
// (SQLite in ./data unless DATABASE_URL is set).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { SERVER_NODE_FLAGS, ensureServerBuilt } from './server-build.mjs';
import { ensureWebBuilt } from './web-build.mjs';

const root = path.resolve(import.meta.dirname, '..');
ensureWebBuilt();
const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ensureServerBuilt(), 'serve'], {
  stdio: 'inherit',
  cwd: root,
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
