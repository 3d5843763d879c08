/**
 * The service worker of the observers' field app (issue #5), built by vite-plugin-pwa in injectManifest
 * mode. It is registered by the field app only, with scope /field: it precaches what the field app
 * needs (shell, its chunks, sign-in, Intl polyfills, fonts, icons — `fieldChunks` in vite.config.ts)
 * so /field opens with no connection, and answers /field* navigations with
 * the precached index.html. It never caches /api/*: answers carry personal data and must be fresh; the
 * field app keeps its own encrypted outbox in IndexedDB instead (docs/adr/0012-field-app-offline.md).
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
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
}

declare const self: ServiceWorkerScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

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
