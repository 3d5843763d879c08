import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as S from '../../../core/schemas/documents.ts';
import type { AppContext } from '../../platform/context.ts';
import { attachmentDisposition } from '../../platform/files/names.ts';
import { acceptUploads, receiveUpload } from '../../platform/files/upload.ts';
import {
  listDocuments,
  listVersions,
  openDownload,
  uploadDocument,
  verifyDocument,
} from './documents.service.ts';
import './documents.files.ts';

const tags = ['documents'];
const read = { access: 'cases.read' } as const;

export const documentsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Multipart is accepted by this plugin's routes only; every other route keeps the JSON body limit.
  await acceptUploads(app);

  app.post(
    '/api/cases/:id/documents',
    {
      config: { access: 'cases.write' },
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        params: S.DocumentParams,
        response: { 201: S.UploadReply },
      },
    },
    async (req, reply) => {
      const r = await uploadDocument(ctx, req.actor, req.params.id, (sink) =>
        receiveUpload(req, sink, ['groupId']),
      );
      return reply.code(201).send(r);
    },
  );

  app.get(
    '/api/cases/:id/documents',
    { config: read, schema: { tags, params: S.DocumentParams, response: { 200: S.DocumentList } } },
    async (req) => ({ items: await listDocuments(ctx, req.actor, req.params.id) }),
  );

  app.get(
    '/api/cases/:id/documents/:docId/versions',
    { config: read, schema: { tags, params: S.DocumentItemParams, response: { 200: S.DocumentVersions } } },
    async (req) => ({ items: await listVersions(ctx, req.actor, req.params.id, req.params.docId) }),
  );

  app.get(
    '/api/cases/:id/documents/:docId/download',
    { config: read, schema: { tags, params: S.DocumentItemParams } },
    async (req, reply) => {
      const d = await openDownload(ctx, req.actor, req.params.id, req.params.docId);
      return reply
        .header('content-type', d.mime)
        .header('content-length', String(d.size))
        .header('content-disposition', attachmentDisposition(d.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(Readable.from(d.body));
    },
  );

  app.post(
    '/api/cases/:id/documents/:docId/verify',
    { config: read, schema: { tags, params: S.DocumentItemParams, response: { 200: S.VerifyReply } } },
    async (req) => verifyDocument(ctx, req.actor, req.params.id, req.params.docId),
  );
};
