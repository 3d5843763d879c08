import type { FastifyInstance } from 'fastify';
import { scheduleEntryCounts } from '../../src/server/modules/monitoring/counts.entries.job.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/platform/config.ts';
import type { AppContext } from '../../src/server/platform/context.ts';
import { createLogger } from '../../src/server/platform/logger.ts';
import { closeContext, createContext } from '../../src/server/runtime.ts';
import { Client } from './client.ts';
import { createPgDatabase, tempDir, type Backend } from './db.ts';
import { totpFreshAsync } from './totp.ts';
import fs from 'node:fs';

export interface TestApp {
  backend: Backend;
  ctx: AppContext;
  app: FastifyInstance;
  url: string;
  used: Set<string>;
  client(): Client;
  close(): Promise<void>;
}

/**
 * The real app, listening on a loopback port, over a fresh SQLite folder or PostgreSQL database.
 * `log` receives every line the app logs at `info` (otherwise logging is off, or UKUK_TEST_LOG).
 */
export async function startTestApp(
  backend: Backend,
  env: Record<string, string> = {},
  log?: (line: string) => void,
): Promise<TestApp> {
  const dataDir = tempDir();
  const pg = backend === 'postgres' ? await createPgDatabase() : undefined;
  const config = loadConfig({
    UKUK_DATA_DIR: dataDir,
    DATABASE_URL: pg?.url,
    UKUK_WEB_DIR: `${dataDir}/no-web`,
    ...env,
  });
  const logger = log
    ? createLogger('info', { write: log })
    : createLogger(process.env.UKUK_TEST_LOG ?? 'silent');
  const ctx = await createContext(config, logger);
  // As the server does at start (main.ts): with no report stored, the one-off count of older reports'
  // entries has nothing to do and is marked done, so the dashboard shows entries (ADR 0038).
  await scheduleEntryCounts(ctx);
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return {
    backend,
    ctx,
    app,
    url,
    used: new Set(),
    client: () => new Client(url),
    async close() {
      await app.close();
      await closeContext(ctx);
      if (pg) await pg.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  totpSecret: string;
  role: string;
  client: Client;
}

export const ADMIN_PASSWORD = 'Kök-Jar tоо 2026 ашуу!';

/** First-run setup through the API, with forced 2FA enrolment, exactly as a person does it. */
export async function setupAdmin(t: TestApp, locale = 'ky'): Promise<TestUser> {
  const c = t.client();
  const email = 'aigul.admin@example.org';
  const r = await c.post('/api/setup', {
    orgName: 'Бир Дүйнө',
    defaultLocale: locale,
    adminName: 'Айгүл Админ',
    adminEmail: email,
    adminPassword: ADMIN_PASSWORD,
  });
  if (r.status !== 200) throw new Error(`setup failed: ${r.status} ${JSON.stringify(r.body)}`);
  const totpSecret = await enroll(t, c);
  const me = await c.get<{ id: string }>('/api/me');
  return { id: me.body.id, email, password: ADMIN_PASSWORD, totpSecret, role: 'admin', client: c };
}

async function enroll(t: TestApp, c: Client): Promise<string> {
  const info = await c.get<{ secret: string }>('/api/auth/totp/enroll');
  if (info.status !== 200) throw new Error(`enroll info failed: ${info.status} ${JSON.stringify(info.body)}`);
  const done = await c.post('/api/auth/totp/enroll', { code: await totpFreshAsync(info.body.secret) });
  if (done.status !== 200) throw new Error(`enroll failed: ${done.status} ${JSON.stringify(done.body)}`);
  return info.body.secret;
}

/** A user's API session re-authenticated (through the API; see Client.reauthed). */
export async function reauthed(u: TestUser): Promise<void> {
  await u.client.reauthed(u.password, u.totpSecret);
}

/**
 * Ends a user's re-authentication as its 10 minutes running out would: for tests of a refusal
 * after a set-up that re-authenticated the same session.
 */
export async function expireReauth(t: TestApp, u: TestUser): Promise<void> {
  await t.ctx.db.updateTable('sessions').set({ reauth_until: null }).where('user_id', '=', u.id).execute();
  u.client.reauthedAt = 0;
}

let counter = 0;
/** Invite a user as admin, accept the invitation and enrol 2FA in a fresh client. */
export async function addUser(t: TestApp, admin: TestUser, role: string): Promise<TestUser> {
  counter += 1;
  const email = `${role}${counter}@example.org`;
  const inv = await admin.client.post<{ id: string; inviteUrl: string }>('/api/users', {
    email,
    name: `Test ${role}`,
    role,
    locale: 'ru',
  });
  if (inv.status !== 200) throw new Error(`invite failed: ${inv.status} ${JSON.stringify(inv.body)}`);
  const c = t.client();
  const password = `Сырсөз-${role}-узун-2026`;
  const token = inv.body.inviteUrl.split('/').pop()!;
  const acc = await c.post(`/api/invite/${token}`, { name: `Test ${role}`, password });
  if (acc.status !== 200) throw new Error(`accept failed: ${acc.status} ${JSON.stringify(acc.body)}`);
  const totpSecret = await enroll(t, c);
  return { id: inv.body.id, email, password, totpSecret, role, client: c };
}
