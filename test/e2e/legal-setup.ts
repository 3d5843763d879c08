import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { Client } from '../helpers/client.ts';
import { createPgDatabase, tempDir, type Backend } from '../helpers/db.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';

const PASSWORD = 'a case file is a promise 2026';

export interface Account {
  email: string;
  name: string;
  password: string;
  secret: string;
}

export interface LegalWorld {
  server: RunningServer;
  admin: Account;
  /** Two lawyers; neither is on the other's cases unless a test puts them there. */
  lawyers: [Account, Account];
  /** A logged-in API client for an account (real login: password + TOTP). */
  api(who: Account): Promise<Client>;
  stop(): Promise<void>;
}

/** An organisation with an administrator and two staff accounts of one role, and its server. */
export interface StaffWorld {
  server: RunningServer;
  admin: Account;
  staff: [Account, Account];
  /** A logged-in API client for an account (real login: password + TOTP). */
  api(who: Account): Promise<Client>;
  stop(): Promise<void>;
}

/** One account to make: its role, e-mail and display name. */
export interface Person {
  role: string;
  email: string;
  name: string;
}

/** An organisation with an administrator and staff of any roles (in the order asked), and its server. */
export interface RolesWorld {
  server: RunningServer;
  admin: Account;
  people: Account[];
  /** A logged-in API client for an account (real login: password + TOTP). */
  api(who: Account): Promise<Client>;
  stop(): Promise<void>;
}

/**
 * An organisation made with the `ukuk` command (setup + users, as an administrator would), then the
 * real server over it. Accounts are made by the CLI so the browser tests spend their TOTP windows on
 * the screens under test, not on enrolment.
 */
export async function staffWorldRoles(
  backend: Backend,
  people: Person[],
  opts: { password?: string; env?: Record<string, string> } = {},
): Promise<RolesWorld> {
  const password = opts.password ?? PASSWORD;
  const dir = tempDir(`ukuk-${[...new Set(people.map((p) => p.role))].join('-')}-`);
  const pwFile = path.join(dir, 'pw');
  fs.writeFileSync(pwFile, `${password}\n`);
  let databaseUrl: string | undefined;
  let dropPg: (() => Promise<void>) | undefined;
  if (backend === 'postgres') {
    const pg = await createPgDatabase();
    databaseUrl = pg.url;
    dropPg = () => pg.drop();
  }
  const env = { UKUK_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: databaseUrl };
  const cli = async (args: string[]) => {
    const r = await runCli([...args, '--json'], env);
    assert.equal(r.code, 0, r.stderr);
    return JSON.parse(r.stdout) as { totpSecret: string };
  };
  const admin = { email: 'aigerim@example.org', name: 'Aigerim Admin', password };
  const setup = await cli([
    'setup',
    '--org',
    'Bir Duino Test',
    '--admin-email',
    admin.email,
    '--admin-name',
    admin.name,
    '--admin-password-file',
    pwFile,
    '--locale',
    'en',
  ]);
  const accounts: Account[] = [];
  // One at a time: each `user add` is a process that opens the same database.
  for (const { role, email, name } of people) {
    const r = await cli([
      'user',
      'add',
      '--email',
      email,
      '--name',
      name,
      '--role',
      role,
      '--password-file',
      pwFile,
      '--locale',
      'en',
    ]);
    accounts.push({ email, name, password, secret: r.totpSecret });
  }
  const server = await startServer({ backend, dataDir: env.UKUK_DATA_DIR, databaseUrl, env: opts.env });
  // One API session per account, reused while it still answers: a second real login of the same
  // account within 30 s has to wait for a fresh TOTP step (replays are refused), which made tests slow.
  const sessions = new Map<string, Client>();
  return {
    server,
    admin: { ...admin, secret: setup.totpSecret },
    people: accounts,
    async api(who) {
      const kept = sessions.get(who.email);
      if (kept && (await kept.get('/api/me')).status === 200) return kept;
      const c = new Client(server.url);
      await c.login(who.email, who.password, who.secret);
      sessions.set(who.email, c);
      return c;
    },
    async stop() {
      await server.stop();
      await dropPg?.();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An organisation with an administrator and two staff accounts of one role (see staffWorldRoles). */
export async function staffWorld(
  backend: Backend,
  role: string,
  people: [[string, string], [string, string]],
  password = PASSWORD,
): Promise<StaffWorld> {
  const w = await staffWorldRoles(
    backend,
    people.map(([email, name]) => ({ role, email, name })),
    { password },
  );
  const { people: made, ...rest } = w;
  return { ...rest, staff: [made[0]!, made[1]!] };
}

/** Two lawyers; neither is on the other's cases unless a test puts them there. */
export async function legalWorld(backend: Backend): Promise<LegalWorld> {
  const w = await staffWorld(backend, 'lawyer', [
    ['nurlan@example.org', 'Nurlan Lawyer'],
    ['gulnara@example.org', 'Gulnara Lawyer'],
  ]);
  return { ...w, lawyers: w.staff };
}
