/**
 * A logout the server has not heard of yet. The session cookie is HttpOnly: only the server can end
 * it, so a field observer who logs out or wipes the phone with no connection leaves a session that
 * the next person holding the phone would walk into. The device remembers that it owes the server a
 * logout (a flag, nothing about the person) and pays it before anything else the moment it can: at the
 * app's start and whenever the connection comes back.
 */
const KEY = 'ukuk.logoutPending';
const TIMEOUT_MS = 8000;

export function markLogoutPending(): void {
  try {
    localStorage.setItem(KEY, '1');
  } catch {
    // Storage refused (private mode): nothing more this page can do.
  }
}

export function logoutPending(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

let running: Promise<boolean> | null = null;

/**
 * Ends the owed session on the server. True when nothing is owed any more; false while the server
 * cannot be reached.
 */
export function settlePendingLogout(): Promise<boolean> {
  if (!logoutPending()) return Promise.resolve(true);
  running ??= (async () => {
    try {
      const csrf = await fetch('/api/auth/csrf', {
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { Accept: 'application/json' },
        // The app's start waits for this: a connection that hangs must not keep it from opening.
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!csrf.ok) return false;
      const { token } = (await csrf.json()) as { token: string };
      const res = await fetch('/api/auth/logout', {
        method: 'POST',
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRF-Token': token },
        body: '{}',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      // The server answers 200 also when the session had ended meanwhile: either way nothing is owed.
      return res.ok ? clear() : false;
    } catch {
      return false;
    } finally {
      running = null;
    }
  })();
  return running;
}

function clear(): true {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // See markLogoutPending.
  }
  return true;
}

/** Settle at start (awaited: nothing may use the old session first) and each time the device is back online. */
export async function settleAtStart(): Promise<void> {
  window.addEventListener('online', () => void settlePendingLogout());
  await settlePendingLogout();
}
