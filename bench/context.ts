// A migrated app context over a fresh SQLite folder or PostgreSQL database, with a key, for the
// benchmarks that call services directly (no HTTP); `close` removes everything it made.
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { loadConfig, type Config } from '../src/server/platform/config.ts';
import { createLogger } from '../src/server/platform/logger.ts';
import { closeContext, createContext } from '../src/server/runtime.ts';
import { createPgDatabase, tempDir, type Backend } from '../test/helpers/db.ts';

/**
 * A `logLevel` other than silent logs as the server does to stdout (pino's default: asynchronous
 * writes, lines gathered while one is under way), into a file in the bench's folder, so the cost of
 * the log lines is part of the figures.
 */
export async function openBenchContext(
  backend: Backend,
  name: string,
  logLevel: Config['logLevel'] = 'silent',
) {
  const dataDir = tempDir(`ukuk-bench-${name}-`);
  const pg = backend === 'postgres' ? await createPgDatabase() : undefined;
  const config = loadConfig({
    UKUK_DATA_DIR: dataDir,
    DATABASE_URL: pg?.url,
    UKUK_WEB_DIR: path.join(dataDir, 'no-web'),
    UKUK_JOBS: '0',
    UKUK_LOG_LEVEL: logLevel,
  });
  const log =
    logLevel === 'silent'
      ? createLogger('silent')
      : createLogger(logLevel, pino.destination({ dest: path.join(dataDir, 'server.log'), sync: false }));
  const ctx = await createContext(config, log);
  await ctx.db.transaction().execute((tx) => ctx.keyring.create(tx, 'keyfile'));
  return {
    ctx,
    close: async () => {
      await closeContext(ctx);
      if (pg) await pg.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
