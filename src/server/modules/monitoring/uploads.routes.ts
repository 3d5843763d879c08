import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../core/schemas/common.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { registerMonitoringCleanup } from './cleanup.job.ts';
import { createUpload, MAX_PIECE, putPiece, uploadStatus } from './uploads.service.ts';
import { registerUploadThumbnails } from './uploads.thumbs.ts';

const tags = ['monitoring'];
const submitAccess = { access: 'monitoring.submit' } as const;
const IdParams = z.strictObject({ id: Uuid });
const UploadCreate = z.strictObject({
  clientId: Uuid,
  size: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/),
  name: z.string().trim().max(180).optional(),
});
const Received = z.object({ id: Uuid, received: z.number() });

/** Resumable uploads of photos, audio and signatures from the field app. */
export const uploadRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Abandoned uploads (and old export files) are removed by this node's job worker, like exports';
  // photos' thumbnails are made there too.
  registerMonitoringCleanup(ctx);
  registerUploadThumbnails(ctx);
  // Pieces come as raw bytes; only in this plugin (encapsulated), at most 1 MB each.
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: MAX_PIECE },
    (_req, body, done) => done(null, body),
  );
  app.post(
    '/api/monitoring/uploads',
    {
      config: submitAccess,
      schema: { tags, body: UploadCreate, response: { 200: Received, 201: Received } },
    },
    async (req, reply) => {
      const r = await createUpload(ctx, req.actor, req.body);
      return reply.code(r.created ? 201 : 200).send({ id: r.id, received: r.received });
    },
  );
  app.put(
    '/api/monitoring/uploads/:id',
    {
      config: submitAccess,
      bodyLimit: MAX_PIECE,
      schema: {
        tags,
        params: IdParams,
        querystring: z.strictObject({ offset: z.coerce.number().int().min(0) }),
        response: { 200: z.object({ received: z.number(), complete: z.boolean() }) },
      },
    },
    async (req) => {
      const body = req.body;
      if (body !== undefined && !Buffer.isBuffer(body))
        throw new AppError('validation.unsupported_media_type');
      return putPiece(ctx, req.actor, req.params.id, req.query.offset, body ?? Buffer.alloc(0));
    },
  );
  app.get(
    '/api/monitoring/uploads/:id',
    {
      config: submitAccess,
      schema: {
        tags,
        params: IdParams,
        response: { 200: z.object({ received: z.number(), size: z.number(), complete: z.boolean() }) },
      },
    },
    async (req) => uploadStatus(ctx, req.actor, req.params.id),
  );
};
