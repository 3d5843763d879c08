import type { Locator, Page } from 'playwright-core';
import { hasHorizontalScroll, type Tab } from './browser.ts';

const problemsOf = new WeakMap<Page, string[]>();

/** Lets `see` name the console errors of this tab when a wait fails ("Something went wrong" says little). */
export function track(tab: Tab): Tab {
  // A copy of the console errors plus the refused requests by address (the console omits it).
  const seen: string[] = [];
  problemsOf.set(tab.page, seen);
  tab.page.on('console', (m) => {
    if (m.type() === 'error') seen.push(m.text());
  });
  tab.page.on('pageerror', (e) => seen.push(String(e)));
  tab.page.on('response', (r) => {
    if (r.status() >= 400) seen.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return tab;
}

/** Waits for a locator; on a timeout the error also says what the page showed instead, and why. */
export async function see(page: Page, locator: Locator): Promise<void> {
  try {
    await locator.waitFor();
  } catch (e) {
    const shown = await page
      .locator('main')
      .innerText()
      .catch(() => '');
    const errors = (problemsOf.get(page) ?? []).slice(-8).join('\n');
    throw new Error(`${String(e)}\nThe page showed: ${shown.slice(0, 2000)}\nConsole errors: ${errors}`);
  }
}

/**
 * Screenshot for a person to look at (/tmp/mon-<name>.png). Returns what is wrong with the screen: a
 * phone-width page that scrolls sideways, or a translation key on screen (`forms:kind.x`, a missing
 * string).
 */
export async function shot(page: Page, name: string): Promise<string[]> {
  await page.screenshot({ path: `/tmp/mon-${name}.png`, fullPage: true });
  const wrong: string[] = [];
  const width = page.viewportSize()?.width ?? 0;
  if (width <= 400 && (await hasHorizontalScroll(page))) {
    // Name the elements sticking out of the page (not those inside a scrolling or clipping box).
    const out = await page.evaluate(() => {
      // No named inner functions: the test's transpiler would wrap them in a helper the page lacks.
      const w = document.documentElement.clientWidth;
      const found: string[] = [];
      for (const e of document.querySelectorAll('body *')) {
        if (e.getBoundingClientRect().right <= w + 1) continue;
        let inBox = false;
        for (let p = e.parentElement; p && p !== document.body; p = p.parentElement)
          if (getComputedStyle(p).overflowX !== 'visible') inBox = true;
        if (!inBox && found.length < 5)
          found.push(`${e.tagName}[${e.getAttribute('data-testid') ?? ''}].${e.getAttribute('class') ?? ''}`);
      }
      return found;
    });
    wrong.push(`${name} scrolls sideways: ${out.join(' | ')}`);
  }
  const text = await page.locator('main').innerText();
  if (/\b(monitoring|forms|ui|errors):[a-z]/.test(text)) wrong.push(`${name} shows a translation key`);
  return wrong;
}
