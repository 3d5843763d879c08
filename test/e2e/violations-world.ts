import type { Locator, Page } from 'playwright-core';
import type { Client } from '../helpers/client.ts';
import type { Backend } from '../helpers/db.ts';
import type { RunningServer } from '../helpers/server.ts';
import { staffWorld, type Account } from './legal-setup.ts';

const PASSWORD = 'who did what to whom 2026';

export interface VioWorld {
  server: RunningServer;
  admin: Account;
  /** Two documenters; neither is a member of the other's events unless a test makes them one. */
  documenters: [Account, Account];
  api(who: Account): Promise<Client>;
  stop(): Promise<void>;
}

/** An organisation with two documenters (made by the CLI), then the real server over it. */
export async function violationsWorld(backend: Backend): Promise<VioWorld> {
  const w = await staffWorld(
    backend,
    'documenter',
    [
      ['asel@example.org', 'Asel Documenter'],
      ['timur@example.org', 'Timur Documenter'],
    ],
    PASSWORD,
  );
  return { ...w, documenters: w.staff };
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
