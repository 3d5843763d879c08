import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FIELD_KEY_RE } from '../../../core/forms/limits.ts';
import type { AppContext } from '../../platform/context.ts';
import { attachmentDisposition } from '../../platform/files/names.ts';
import { registerExportJobs } from './exports.job.ts';
import { exportDownload, exportStatus, requestExport } from './exports.service.ts';

const tags = ['monitoring'];
const IdParams = z.object({ id: z.string().min(1).max(64) });
const JobParams = z.object({ jobId: z.string().min(1).max(64) });
const ExportBody = z.object({
  format: z.enum(['csv', 'xlsx', 'geojson']),
  /** `false` asks for free text, places, GPS and observer names: re-auth and four-eyes approval. */
  redacted: z.boolean().default(true),
  /** One row per entry of this repeat group (its key) instead of one per report: CSV and XLSX. */
  entries: z.string().regex(FIELD_KEY_RE).optional(),
});
const ExportStatus = z.object({
  /** `expired`: the file was deleted by the monitoring cleanup after UKUK_EXPORT_KEEP_DAYS. */
  status: z.enum(['queued', 'running', 'done', 'failed', 'expired']),
  progress: z.number(),
  rows: z.number().int(),
  total: z.number().int(),
  format: z.string(),
  redacted: z.boolean(),
  /** The repeat group whose entries are the rows; null = one row per report. */
  entries: z.string().nullable(),
  /** How long a finished file is kept (UKUK_EXPORT_KEEP_DAYS). */
  keepDays: z.number().int(),
  /** When a finished file will be deleted (at the cleanup's next hourly run after it); null until done. */
  expiresAt: z.string().nullable(),
});

/** Streamed CSV/XLSX/GeoJSON exports of submissions through the job worker (issue #5). */
export const monitoringExportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerExportJobs(ctx);
  app.post(
    '/api/monitoring/missions/:id/exports',
    {
      config: { access: 'monitoring.review' },
      schema: {
        tags,
        params: IdParams,
        body: ExportBody,
        response: { 202: z.object({ jobId: z.string() }) },
      },
    },
    async (req, reply) =>
      reply.code(202).send(await requestExport(ctx, req.actor, req.params.id, req.body, req.locale)),
  );
  app.get(
    '/api/monitoring/exports/:jobId',
    {
      config: { access: 'monitoring.review' },
      schema: { tags, params: JobParams, response: { 200: ExportStatus } },
    },
    async (req, reply) =>
      reply.header('cache-control', 'no-store').send(await exportStatus(ctx, req.actor, req.params.jobId)),
  );
  app.get(
    '/api/monitoring/exports/:jobId/download',
    { config: { access: 'monitoring.review' }, schema: { tags, params: JobParams } },
    async (req, reply) => {
      const d = await exportDownload(ctx, req.actor, req.params.jobId);
      return reply
        .header('content-type', d.contentType)
        .header('content-disposition', attachmentDisposition(d.filename))
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(d.body);
    },
  );
};
