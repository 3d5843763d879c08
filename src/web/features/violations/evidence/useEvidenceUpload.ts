import { useRef, useState } from 'react';
import { evidenceApi, type EvidenceOwner, type UploadFields } from './api';

export interface UploadState {
  /** The file being sent now, and how much of it has gone (0–1). */
  current: { name: string; progress: number } | null;
  done: string[];
  failed: { name: string; error: unknown }[];
}

const IDLE: UploadState = { current: null, done: [], failed: [] };

/**
 * Sends files one after the other with the same act and description, keeping each file's outcome so
 * the person sees exactly which file was refused and why (too large, not what its name says).
 */
export function useEvidenceUpload(owner: EvidenceOwner, onUploaded: () => Promise<void>) {
  const [state, setState] = useState<UploadState>(IDLE);
  const busy = useRef(false);

  async function start(files: File[], fields: UploadFields): Promise<boolean> {
    if (busy.current || files.length === 0) return false;
    busy.current = true;
    const next: UploadState = { current: null, done: [], failed: [] };
    try {
      for (const file of files) {
        setState({ ...next, current: { name: file.name, progress: 0 } });
        try {
          await evidenceApi.upload(owner, file, fields, (progress) =>
            setState({ ...next, current: { name: file.name, progress } }),
          );
          next.done = [...next.done, file.name];
        } catch (error) {
          next.failed = [...next.failed, { name: file.name, error }];
        }
      }
      setState({ ...next, current: null });
      if (next.done.length) await onUploaded();
      return next.failed.length === 0;
    } finally {
      busy.current = false;
    }
  }

  return { state, start, busy: state.current !== null };
}
