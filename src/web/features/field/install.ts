import { useSyncExternalStore } from 'react';

/** Chromium's install offer (not in the DOM typings): shown by `prompt()`, once. */
interface InstallOffer extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

let offer: InstallOffer | null = null;
let listening = false;
const subscribers = new Set<() => void>();
const changed = () => subscribers.forEach((s) => s());

/**
 * Keeps the browser's offer to install the field app, so the home screen can make it with a button.
 * Android's own offer is a small bar that most observers dismiss or never see; a phone with the app on
 * its home screen opens it like any other app, with no address to type and no tab to lose.
 */
export function listenForInstall(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  window.addEventListener('beforeinstallprompt', (e) => {
    e.preventDefault(); // The button below makes the offer, when the observer wants it.
    offer = e as InstallOffer;
    changed();
  });
  window.addEventListener('appinstalled', () => {
    offer = null;
    changed();
  });
}

/** Shows the browser's install dialog; the offer is gone afterwards, whatever the answer. */
export async function install(): Promise<void> {
  const o = offer;
  if (!o) return;
  offer = null;
  changed();
  await o.prompt();
  await o.userChoice.catch(() => undefined);
}

/** Whether an install can be offered now (the browser offered it and the app is not installed). */
export function useCanInstall(): boolean {
  return useSyncExternalStore(
    (cb) => {
      subscribers.add(cb);
      return () => subscribers.delete(cb);
    },
    () => offer !== null,
    () => false,
  );
}
