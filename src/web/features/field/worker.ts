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
    // An install under way, or a whole offline copy: nothing to do (the browser itself checks for a
    // newer worker on navigation). Registering again under another address at every start of the app
    // began a new install each time, and a reload offline during one of them never ended.
    if (existing && (existing.installing || existing.waiting)) return;
    if (existing?.active && (await precacheComplete(existing.active))) return;
    const url = existing ? `/sw.js?fresh=${Date.now()}` : '/sw.js';
    await navigator.serviceWorker.register(url, { scope: '/field' });
  })().catch((e: unknown) => console.error(e));
}

export type OfflineState = 'ready' | 'preparing' | 'unsupported';

/**
 * Whether this phone could open the field app with no connection now: the worker is active, nothing
 * newer is installing, and its precache holds every file of the build.
 * An observer who goes into a station straight after logging in must know whether that is safe: a
 * worker still fetching its files when the connection goes leaves an app that will not open.
 */
export async function offlineState(): Promise<OfflineState> {
  if (!('serviceWorker' in navigator) || !('caches' in globalThis)) return 'unsupported';
  const reg = await navigator.serviceWorker.getRegistration('/field');
  const active = reg?.active;
  // Not whether this page is controlled: after a login the app is reached from /login, outside the
  // worker's scope, and stays uncontrolled until reloaded, yet a reload or a new start is served.
  if (!reg || !active || active.state !== 'activated' || reg.installing || reg.waiting) return 'preparing';
  return (await precacheComplete(active)) ? 'ready' : 'preparing';
}

/** Whether the worker finds every file of its build in its precache (src/web/sw.ts answers). */
function precacheComplete(worker: ServiceWorker): Promise<boolean> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(false), 3000);
    channel.port1.onmessage = (e: MessageEvent<unknown>) => {
      clearTimeout(timer);
      resolve(e.data === true);
    };
    worker.postMessage({ type: 'ukuk:precache-complete' }, [channel.port2]);
  });
}
