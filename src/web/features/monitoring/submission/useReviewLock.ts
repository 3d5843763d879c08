import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ApiError, sendOnLeave } from '../../../api/client';
import { submissionsApi, type Submission } from '../api';
import { monitoringKeys } from '../queries';

/** A lock lasts 10 minutes on the server; it is refreshed well before that while the reviewer works. */
const REFRESH_MS = 4 * 60_000;
/**
 * With no key, tap, click or wheel turn for this long (a tab left open overnight, a reviewer gone to the
 * polling station) the lock is given back: otherwise one forgotten tab would keep a report from every
 * other reviewer for as long as it stays open.
 */
export const IDLE_MS = 5 * 60_000;
const TICK_MS = 30_000;
/**
 * What the person does, not what the page does: `scroll` also fires for a page that moves by itself
 * (a smooth scroll finishing, content growing above), and would keep a lock for nobody.
 */
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Takes the review lock when a reviewer opens a submission, keeps it fresh while they work, gives it
 * back when they have been away for `IDLE_MS` (`away`; it is taken again at their next move) and on
 * leaving. When someone else holds it the server answers 409 with their name: the page then shows
 * "<name> is editing" and its buttons wait.
 */
export function useReviewLock(
  id: string,
  enabled: boolean,
): { refused: unknown; retry: () => void; away: boolean } {
  const qc = useQueryClient();
  const [refused, setRefused] = useState<unknown>(null);
  const [away, setAway] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const held = useRef(false);
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    let lastActive = Date.now();
    let lastTry = 0;
    let resting = false;
    const show = (s: Submission) => qc.setQueryData<Submission>(monitoringKeys.submission(id), s);
    const take = async () => {
      lastTry = Date.now();
      try {
        const s = await submissionsApi.lock(id);
        if (!alive) return;
        held.current = true;
        setRefused(null);
        show(s);
      } catch (e) {
        if (!alive) return;
        held.current = false;
        setRefused(e);
        if (e instanceof ApiError && e.code === 'submissions.locked')
          void qc.invalidateQueries({ queryKey: monitoringKeys.submission(id) });
      }
    };
    const rest = async () => {
      resting = true;
      setAway(true);
      if (!held.current) return;
      held.current = false;
      const s = await submissionsApi.unlock(id).catch(() => null);
      if (alive && s) show(s);
    };
    const tick = () => {
      if (resting) return;
      if (Date.now() - lastActive >= IDLE_MS) void rest();
      else if (Date.now() - lastTry >= REFRESH_MS) void take();
    };
    const active = () => {
      if (document.visibilityState !== 'visible') return;
      lastActive = Date.now();
      if (!resting) return;
      resting = false;
      setAway(false);
      void take();
    };
    void take();
    const timer = setInterval(tick, TICK_MS);
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
    for (const ev of ACTIVITY) document.addEventListener(ev, active, { capture: true, passive: true });
    document.addEventListener('visibilitychange', active);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      window.removeEventListener('pageshow', back);
      for (const ev of ACTIVITY) document.removeEventListener(ev, active, { capture: true });
      document.removeEventListener('visibilitychange', active);
      setAway(false);
      if (held.current) {
        held.current = false;
        void submissionsApi.unlock(id).catch(() => undefined);
      }
    };
  }, [id, enabled, attempt, qc]);
  return { refused, retry: () => setAttempt((n) => n + 1), away };
}
