import { useRef, useState } from 'react';
import { documentsApi, type UploadReply } from './api';

export interface UploadState {
  /** The file being sent now, and how much of it has gone (0–1). */
  current: { name: string; progress: number } | null;
  done: { name: string; reply: UploadReply }[];
  failed: { name: string; error: unknown }[];
}

const IDLE: UploadState = { current: null, done: [], failed: [] };

/**
 * Upload files one after the other (several dropped at once, or one new version), reporting progress
 * and keeping each file's outcome so the person sees exactly which file failed and why.
 */
export function useUpload(caseId: string, onUploaded: () => Promise<void>) {
  const [state, setState] = useState<UploadState>(IDLE);
  const busy = useRef(false);

  async function start(files: File[], groupId?: string): Promise<void> {
    if (busy.current || files.length === 0) return;
    busy.current = true;
    const next: UploadState = { current: null, done: [], failed: [] };
    try {
      for (const file of files) {
        setState({ ...next, current: { name: file.name, progress: 0 } });
        try {
          const reply = await documentsApi.upload(caseId, file, groupId, (progress) =>
            setState({ ...next, current: { name: file.name, progress } }),
          );
          next.done = [...next.done, { name: reply.name, reply }];
        } catch (error) {
          next.failed = [...next.failed, { name: file.name, error }];
        }
      }
      setState({ ...next, current: null });
      if (next.done.length) await onUploaded();
    } finally {
      busy.current = false;
    }
  }

  return { state, start, busy: state.current !== null, reset: () => setState(IDLE) };
}
