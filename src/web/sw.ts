/**
 * The service worker of the observers' field app (issue #5), built by vite-plugin-pwa in injectManifest
 * mode. It is registered by the field app only, with scope /field: it precaches what the field app
 * needs (shell, its chunks, sign-in, Intl polyfills, fonts, icons — `fieldChunks` in vite.config.ts)
 * so /field opens with no connection, and answers /field* navigations with
 * the precached index.html. It never caches /api/*: answers carry personal data and must be fresh; the
 * field app keeps its own encrypted outbox in IndexedDB instead (docs/adr/0012-field-app-offline.md).
 */
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  matchPrecache,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

interface PrecacheEntry {
  url: string;
  revision: string | null;
}

interface ExtendableEventLike {
  waitUntil(promise: Promise<unknown>): void;
}

/** The parts of ServiceWorkerGlobalScope used here (the web tsconfig has the DOM lib, not WebWorker). */
interface ServiceWorkerScope {
  __WB_MANIFEST: (string | PrecacheEntry)[];
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(
    type: 'message',
    listener: (event: { data?: { type?: string }; ports: readonly MessagePort[] }) => void,
  ): void;
}

declare const self: ServiceWorkerScope;

// Named once: the build replaces this one occurrence with the list of files.
const manifest = self.__WB_MANIFEST;
precacheAndRoute(manifest);
cleanupOutdatedCaches();

// Whether every file of this build is in the precache: the field app asks before it tells the
// observer the phone is ready to work offline (features/field/worker.ts). A worker revived after a
// wipe is active with its cache gone, so "active" alone does not say it.
const urls = [...new Set(manifest.map((e) => (typeof e === 'string' ? e : e.url)))];
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'ukuk:precache-complete') return;
  const port = event.ports[0];
  void Promise.all(urls.map((u) => matchPrecache(u))).then(
    (found) => port?.postMessage(found.every(Boolean)),
    () => port?.postMessage(false),
  );
});

// A reload of /field/outbox with no connection gets the app shell; the client router does the rest.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    allowlist: [/^\/field(\/|$)/],
    denylist: [/^\/api\//],
  }),
);

// A new version takes over at once: the outbox lives in IndexedDB, not in the worker, so nothing is lost.
self.addEventListener('install', (event) => event.waitUntil(self.skipWaiting()));
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
