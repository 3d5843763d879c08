/**
 * Registers the field app's service worker (src/web/sw.ts, built to /sw.js) with scope /field, so
 * only the field app is served offline; the rest of the app never goes through it.
 */
export function registerFieldWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/field' }).catch((e: unknown) => console.error(e));
}
