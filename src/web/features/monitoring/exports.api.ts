import { api } from '../../api/client';

/* Wire types and calls of a mission's exports (issue #5 item 7), split from api.ts. */

export type ExportFormat = 'csv' | 'xlsx' | 'geojson';
export const EXPORT_FORMATS = ['csv', 'xlsx', 'geojson'] as const satisfies readonly ExportFormat[];
/** `expired`: the monitoring cleanup deleted the file (after UKUK_EXPORT_KEEP_DAYS). */
export type ExportState = 'queued' | 'running' | 'done' | 'failed' | 'expired';
export interface ExportStatus {
  status: ExportState;
  /** 0..1; 1 only when done. */
  progress: number;
  rows: number;
  total: number;
  format: ExportFormat;
  redacted: boolean;
  /** The repeat group whose entries are the rows; null = a row per report. */
  entries: string | null;
  /** How long a finished file is kept. */
  keepDays: number;
  /** When a finished file is deleted; null until done. */
  expiresAt: string | null;
}

const enc = encodeURIComponent;

/** Exports of a mission's submissions, made by the job worker; only the requester sees them. */
export const exportsApi = {
  /** Re-auth always; `redacted: false` also needs four-eyes (409 `export.approval_requested`). */
  start: (missionId: string, body: { format: ExportFormat; redacted: boolean; entries?: string }) =>
    api.post<{ jobId: string }>(`/api/monitoring/missions/${enc(missionId)}/exports`, body),
  status: (jobId: string) => api.get<ExportStatus>(`/api/monitoring/exports/${enc(jobId)}`),
  download: (jobId: string) => api.download(`/api/monitoring/exports/${enc(jobId)}/download`),
};
