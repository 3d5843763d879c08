import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { runCli } from '../helpers/cli.ts';
import { Client } from '../helpers/client.ts';
import { createPgDatabase, tempDir, type Backend } from '../helpers/db.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import type { Account } from './legal-setup.ts';

const PASSWORD = 'who did what to whom 2026';

export interface VioWorld {
  server: RunningServer;
  /** Two documenters; neither is a member of the other's events unless a test makes them one. */
  documenters: [Account, Account];
  api(who: Account): Promise<Client>;
  stop(): Promise<void>;
}

/**
 * An organisation made with the `ukuk` command (setup + two documenters), then the real server over
 * it, so the browser tests spend their TOTP windows on the screens under test.
 */
export async function violationsWorld(backend: Backend): Promise<VioWorld> {
  const dir = tempDir('ukuk-vio-');
  const pwFile = path.join(dir, 'pw');
  fs.writeFileSync(pwFile, `${PASSWORD}\n`);
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
  await cli([
    'setup',
    '--org',
    'Bir Duino Test',
    '--admin-email',
    'aigerim@example.org',
    '--admin-name',
    'Aigerim Admin',
    '--admin-password-file',
    pwFile,
    '--locale',
    'en',
  ]);
  const documenter = async (email: string, name: string): Promise<Account> => {
    const r = await cli([
      'user',
      'add',
      '--email',
      email,
      '--name',
      name,
      '--role',
      'documenter',
      '--password-file',
      pwFile,
      '--locale',
      'en',
    ]);
    return { email, name, password: PASSWORD, secret: r.totpSecret };
  };
  const documenters: [Account, Account] = [
    await documenter('asel@example.org', 'Asel Documenter'),
    await documenter('timur@example.org', 'Timur Documenter'),
  ];
  const server = await startServer({ backend, dataDir: env.UKUK_DATA_DIR, databaseUrl });
  return {
    server,
    documenters,
    async api(who) {
      const c = new Client(server.url);
      await c.login(who.email, who.password, who.secret);
      return c;
    },
    async stop() {
      await server.stop();
      await dropPg?.();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Picks a term in a vocabulary picker by typing and clicking the option with exactly that label. */
export async function pickTerm(page: Page, input: Locator, label: string): Promise<void> {
  await input.click();
  await input.fill(label);
  await page
    .getByRole('option')
    .filter({ has: page.getByText(label, { exact: true }) })
    .first()
    .click();
}
