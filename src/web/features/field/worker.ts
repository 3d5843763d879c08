/**
 * Registers the field app's service worker (src/web/sw.ts, built to /sw.js) with scope /field, so
 * only the field app is served offline; the rest of the app never goes through it.
 *
 * A wipe (outbox.ts `wipeDevice`) deletes the caches and unregisters the worker, but a registration
 * unregistered while a page is still open lives on until that page closes, and registering the same
 * script again revives it as it is: active, with its precache gone and no install to refill it, so
 * the next offline start failed ("This site can't be reached"). When a registration is there without
 * its precache, the worker is registered under a new address instead, which installs it afresh.
 */
export function registerFieldWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  void (async () => {
    const existing = await navigator.serviceWorker.getRegistration('/field');
    const cached = 'caches' in globalThis && (await precached()) > 0;
    const url = existing && !cached ? `/sw.js?fresh=${Date.now()}` : '/sw.js';
    await navigator.serviceWorker.register(url, { scope: '/field' });
  })().catch((e: unknown) => console.error(e));
}

/** How many files the worker's precache holds (a revived worker's fetches may open it empty). */
async function precached(): Promise<number> {
  let n = 0;
  for (const name of await caches.keys())
    if (name.includes('precache')) n += (await (await caches.open(name)).keys()).length;
  return n;
}
