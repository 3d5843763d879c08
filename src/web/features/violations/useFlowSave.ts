import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { fieldErrors } from '../../components/errors';
import { violationsApi } from './api';
import { actBody, involvementBody, NO_PROGRESS, type FlowState, type SaveProgress } from './entryFlow';
import { toEventCreate } from './eventForm';
import { toInformation } from './InformationModal';

/**
 * Saves the flow through the API in order: the event, its acts, who did each, the sources. Progress
 * is kept (in memory) so a retry after a failure continues where it stopped and never creates the
 * event twice. A refused event (nothing saved yet) comes back as field errors for the first step.
 */
export function useFlowSave(
  onDone: (eventId: string) => void,
  onEventRefused: (errors: Record<string, string>) => void,
) {
  const queryClient = useQueryClient();
  const progressRef = useRef<SaveProgress>(NO_PROGRESS);
  const [progress, setProgressState] = useState<SaveProgress>(NO_PROGRESS);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const set = (p: SaveProgress) => {
    progressRef.current = p;
    setProgressState(p);
  };

  const run = async (state: FlowState) => {
    setSaving(true);
    setError(null);
    let p = progressRef.current;
    try {
      if (!p.eventId) {
        try {
          const { id } = await violationsApi.create(toEventCreate(state.event));
          p = { ...p, eventId: id };
          set(p);
        } catch (e) {
          if (e instanceof ApiError && e.status === 400 && e.fields.length) {
            onEventRefused(fieldErrors(e));
            return;
          }
          throw e;
        }
      }
      const eventId = p.eventId as string;
      for (const a of state.acts) {
        if (p.acts[a.key]) continue;
        const { id } = await violationsApi.addAct(eventId, actBody(a));
        p = { ...p, acts: { ...p.acts, [a.key]: id } };
        set(p);
      }
      for (const perp of state.perps) {
        const actId = p.acts[perp.actKey];
        if (!actId || p.perps.includes(perp.key)) continue;
        await violationsApi.addInvolvement(actId, involvementBody(perp));
        p = { ...p, perps: [...p.perps, perp.key] };
        set(p);
      }
      for (const s of state.sources) {
        if (p.sources.includes(s.key)) continue;
        await violationsApi.addInformation(eventId, toInformation(s));
        p = { ...p, sources: [...p.sources, s.key] };
        set(p);
      }
      await queryClient.invalidateQueries({ queryKey: ['violations'] });
      onDone(eventId);
    } catch (e) {
      setError(e);
      await queryClient.invalidateQueries({ queryKey: ['violations', 'list'] });
    } finally {
      setSaving(false);
    }
  };
  return { run, progress, error, saving, started: progress.eventId !== null || error !== null };
}
