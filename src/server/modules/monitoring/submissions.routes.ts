import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { Uuid } from '../../../core/schemas/common.ts';
import type { AppContext } from '../../platform/context.ts';
import { attachmentDisposition, inlineDisposition } from '../../platform/files/names.ts';
import { parseRange, sliceBytes } from '../../platform/files/range.ts';
import { registerCriticalAlerts } from './alerts.job.ts';
import { listAssignments } from './missions.assignments.ts';
import { openSubmissionFile } from './submissions.files.ts';
import { listSubmissions } from './submissions.list.ts';
import { getSubmission } from './submissions.read.ts';
import * as S from './submissions.schemas.ts';
import { submit } from './submissions.service.ts';

const tags = ['monitoring'];
const submitAccess = { access: 'monitoring.submit' } as const;
const IdParams = z.strictObject({ id: Uuid });
const Created = z.object({ id: Uuid });
const FileParams = z.strictObject({ id: Uuid, uploadId: Uuid });
/** `thumb`: a photo's small copy without its metadata, for the review page. */
const FileQuery = z.strictObject({ variant: z.enum(['original', 'thumb']).optional() });
/**
 * An observer's file is shown by the browser at most as a picture or a recording: never as a page of
 * our origin (sandboxed, nothing loads), never re-guessed, never kept in a cache.
 */
const FILE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'private, no-store',
  'content-security-policy': "default-src 'none'; img-src 'self'; media-src 'self'; sandbox",
};

/** What the field app talks to: assignments, submissions (idempotent by clientId) and reading them back. */
export const submissionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  registerCriticalAlerts(ctx);
  app.get(
    '/api/monitoring/assignments',
    { config: submitAccess, schema: { tags, response: { 200: z.array(S.Assignment) } } },
    async (req) => listAssignments(ctx, req.actor),
  );
  app.post(
    '/api/monitoring/submissions',
    {
      config: submitAccess,
      schema: { tags, body: S.SubmissionCreate, response: { 200: Created, 201: Created } },
    },
    async (req, reply) => {
      const r = await submit(ctx, req.actor, req.body, req.locale);
      return reply.code(r.created ? 201 : 200).send({ id: r.id });
    },
  );
  app.get(
    '/api/monitoring/submissions',
    {
      config: submitAccess,
      schema: { tags, querystring: S.SubmissionsQuery, response: { 200: S.SubmissionList } },
    },
    async (req) => listSubmissions(ctx, req.actor, req.query),
  );
  app.get(
    '/api/monitoring/submissions/:id',
    { config: submitAccess, schema: { tags, params: IdParams, response: { 200: S.SubmissionView } } },
    async (req) => getSubmission(ctx, req.actor, req.params.id),
  );
  app.get(
    '/api/monitoring/submissions/:id/files/:uploadId',
    { config: submitAccess, schema: { tags, params: FileParams, querystring: FileQuery } },
    async (req, reply) => {
      const f = await openSubmissionFile(
        ctx,
        req.actor,
        req.params.id,
        req.params.uploadId,
        req.query.variant,
      );
      reply
        .headers(FILE_HEADERS)
        .header('accept-ranges', 'bytes')
        .header('content-type', f.mime)
        .header('content-disposition', (f.inline ? inlineDisposition : attachmentDisposition)(f.name));
      // Recordings are played by seeking: the browser asks for the part it needs (each ask audited).
      const range = parseRange(req.headers.range, f.size);
      // The body is a generator not yet started: no file was opened, nothing to close.
      if (range === 'unsatisfiable') {
        return reply.code(416).header('content-range', `bytes */${f.size}`).send();
      }
      if (range === 'whole') {
        return reply.header('content-length', String(f.size)).send(Readable.from(f.body));
      }
      return reply
        .code(206)
        .header('content-range', `bytes ${range.start}-${range.end}/${f.size}`)
        .header('content-length', String(range.end - range.start + 1))
        .send(Readable.from(sliceBytes(f.body, range)));
    },
  );
};
