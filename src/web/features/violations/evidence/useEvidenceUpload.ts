import { useRef, useState } from 'react';
import { evidenceApi, type EvidenceOwner } from './api';

export interface UploadState {
  /** The file being sent now, and how much of it has gone (0–1). */
  current: { name: string; progress: number } | null;
  done: string[];
  failed: { name: string; error: unknown }[];
}

/** One file and its own description (the chain-of-custody record says what each item shows). */
export interface UploadItem {
  file: File;
  description?: string;
}

const IDLE: UploadState = { current: null, done: [], failed: [] };

/**
 * Sends files one after the other, each with its own description and the batch's act, keeping each
 * file's outcome so the person sees exactly which file was refused and why (too large, not what its
 * name says). Resolves to the items that were refused, or null when a batch was already running.
 */
export function useEvidenceUpload(owner: EvidenceOwner, onUploaded: () => Promise<void>) {
  const [state, setState] = useState<UploadState>(IDLE);
  const busy = useRef(false);

  async function start<T extends UploadItem>(items: T[], actId?: string): Promise<T[] | null> {
    if (busy.current || items.length === 0) return null;
    busy.current = true;
    const next: UploadState = { current: null, done: [], failed: [] };
    const refused: T[] = [];
    try {
      for (const item of items) {
        const { name } = item.file;
        setState({ ...next, current: { name, progress: 0 } });
        try {
          const fields = { actId, description: item.description?.trim() || undefined };
          await evidenceApi.upload(owner, item.file, fields, (progress) =>
            setState({ ...next, current: { name, progress } }),
          );
          next.done = [...next.done, name];
        } catch (error) {
          next.failed = [...next.failed, { name, error }];
          refused.push(item);
        }
      }
      setState({ ...next, current: null });
      if (next.done.length) await onUploaded();
      return refused;
    } finally {
      busy.current = false;
    }
  }

  return { state, start, busy: state.current !== null };
}
