import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError, sendOnLeave } from '../../../api/client';
import { submissionsApi, type Submission } from '../api';
import { monitoringKeys } from '../queries';

/** A lock lasts 10 minutes on the server; it is refreshed well before that while the page is open. */
const REFRESH_MS = 4 * 60_000;

/**
 * Takes the review lock when a reviewer opens a submission, keeps it fresh, and gives it back on
 * leaving. When someone else holds it the server answers 409 with their name: the page then shows
 * "<name> is editing" and its buttons wait.
 */
export function useReviewLock(id: string, enabled: boolean): { refused: unknown; retry: () => void } {
  const qc = useQueryClient();
  const [refused, setRefused] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const held = useRef(false);
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    const take = async () => {
      try {
        const s = await submissionsApi.lock(id);
        if (!alive) return;
        held.current = true;
        setRefused(null);
        qc.setQueryData<Submission>(monitoringKeys.submission(id), s);
      } catch (e) {
        if (!alive) return;
        held.current = false;
        setRefused(e);
        if (e instanceof ApiError && e.code === 'submissions.locked')
          void qc.invalidateQueries({ queryKey: monitoringKeys.submission(id) });
      }
    };
    void take();
    const timer = setInterval(() => void take(), REFRESH_MS);
    // Closing the tab unmounts nothing: without this the lock stayed for its full ten minutes while
    // the message to other reviewers promised "until they close the page".
    const leave = () => {
      if (!held.current) return;
      held.current = false;
      sendOnLeave('DELETE', `/api/monitoring/submissions/${encodeURIComponent(id)}/lock`);
    };
    // A page restored from the browser's back/forward cache takes the lock again.
    const back = (e: PageTransitionEvent) => {
      if (e.persisted && alive) void take();
    };
    window.addEventListener('pagehide', leave);
    window.addEventListener('pageshow', back);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      window.removeEventListener('pageshow', back);
      if (held.current) {
        held.current = false;
        void submissionsApi.unlock(id).catch(() => undefined);
      }
    };
  }, [id, enabled, attempt, qc]);
  return { refused, retry: () => setAttempt((n) => n + 1) };
}
