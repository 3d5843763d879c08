import { useEffect, useRef } from 'react';
import type { Answers } from '../../../core/forms/types';
import type { FieldDb } from './db';
import { dropDraft, keepDraft } from './drafts';

/**
 * Keeps a new report's answers as a draft on the device while they are typed (drafts.ts), a moment
 * after the last change. `flush` writes at once (before leaving the form); `discard` drops the draft
 * for good (the report was saved, or the observer starts over) and stops any write still pending.
 */
export function useDraft(opts: {
  db: FieldDb;
  enabled: boolean;
  where: { formVersionId: string; siteId: string };
  clientId: string;
  answers: Answers;
  /** The answers the form opened with: nothing typed yet, nothing to keep. */
  initial: Answers;
}): { flush: () => Promise<void>; discard: (opts?: { reopen?: boolean }) => Promise<void> } {
  const { db, enabled, where, clientId, answers, initial } = opts;
  const closed = useRef(false);
  const timer = useRef<number | undefined>(undefined);
  const changed = enabled && answers !== initial;
  const write = async () => {
    window.clearTimeout(timer.current);
    if (changed && !closed.current) await keepDraft(db, where, clientId, answers);
  };
  useEffect(() => {
    if (!changed) return;
    timer.current = window.setTimeout(() => void write(), 600);
    return () => window.clearTimeout(timer.current);
    // `write` reads the same answers this effect runs for.
  }, [answers, changed]);
  return {
    flush: write,
    // Closed for good once the report is saved; `reopen` (starting over) keeps drafting what comes next.
    discard: async ({ reopen = false } = {}) => {
      closed.current = true;
      window.clearTimeout(timer.current);
      if (enabled) await dropDraft(db, where);
      if (reopen) closed.current = false;
    },
  };
}
