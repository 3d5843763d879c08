import { createContext, useContext } from 'react';
import type { Locale } from '../../i18n';
import type { FieldDb } from './db';
import type { FieldUser } from './session';

export interface FieldState {
  db: FieldDb;
  user: FieldUser;
  lang: Locale;
  online: boolean;
  /** The server answered 401: reports wait until the observer logs in again. */
  needsLogin: boolean;
  syncing: boolean;
  /** Sends what waits; `force` ignores the backoff ("send now", back online, just saved). */
  sync: (force: boolean) => Promise<void>;
  download: () => Promise<boolean>;
  go: (path: string) => void;
  /** Locks the app behind its PIN now (pin.ts); the lock screen replaces every screen. */
  lock: () => void;
}

export const FieldContext = createContext<FieldState | null>(null);

export function useField(): FieldState {
  const s = useContext(FieldContext);
  if (!s) throw new Error('useField outside FieldApp');
  return s;
}
