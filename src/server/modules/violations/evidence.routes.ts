import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as S from '../../../core/schemas/evidence.ts';
import type { AppContext } from '../../platform/context.ts';
import { attachmentDisposition } from '../../platform/files/names.ts';
import { acceptUploads, receiveUpload } from '../../platform/files/upload.ts';
import {
  getCustody,
  getEvidence,
  listEventEvidence,
  listPersonEvidence,
  openDownload,
  openThumbnail,
  uploadToEvent,
  uploadToPerson,
} from './evidence.service.ts';
import { verifyAll, verifyOne } from './evidence.verify.ts';
import './evidence.files.ts';

const tags = ['evidence'];
const read = { access: 'violations.read' } as const;
const UPLOAD_FIELDS = ['actId', 'personId', 'description'] as const;
/** Room for a description of DESCRIPTION_MAX characters of up to 4 UTF-8 bytes each. */
const FIELD_BYTES = S.DESCRIPTION_MAX * 4 + 100;
/** Files are handed out as opaque attachments, never rendered by the browser in our origin. */
const FILE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; sandbox",
};

/** Evidence of violations (issue #4, item 3): uploads, lists, thumbnails, downloads, custody, verification. */
export const evidenceRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Multipart is accepted by this plugin's routes only; every other route keeps the JSON body limit.
  await acceptUploads(app);

  app.post(
    '/api/violations/events/:id/evidence',
    {
      config: { access: 'violations.write' },
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        params: S.EvidenceParams,
        response: { 201: S.Evidence },
      },
    },
    async (req, reply) => {
      const r = await uploadToEvent(ctx, req.actor, req.params.id, (sink) =>
        receiveUpload(req, sink, UPLOAD_FIELDS, FIELD_BYTES),
      );
      return reply.code(201).send(r);
    },
  );

  app.post(
    '/api/people/:id/evidence',
    {
      config: { access: 'people.write' },
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        params: S.EvidenceParams,
        response: { 201: S.Evidence },
      },
    },
    async (req, reply) => {
      const r = await uploadToPerson(ctx, req.actor, req.params.id, (sink) =>
        receiveUpload(req, sink, ['description'], FIELD_BYTES),
      );
      return reply.code(201).send(r);
    },
  );

  app.get(
    '/api/violations/events/:id/evidence',
    { config: read, schema: { tags, params: S.EvidenceParams, response: { 200: S.EvidenceList } } },
    async (req) => ({ items: await listEventEvidence(ctx, req.actor, req.params.id) }),
  );

  app.get(
    '/api/people/:id/evidence',
    { config: read, schema: { tags, params: S.EvidenceParams, response: { 200: S.EvidenceList } } },
    async (req) => ({ items: await listPersonEvidence(ctx, req.actor, req.params.id) }),
  );

  app.get(
    '/api/violations/evidence/:id',
    { config: read, schema: { tags, params: S.EvidenceParams, response: { 200: S.Evidence } } },
    async (req) => getEvidence(ctx, req.actor, req.params.id),
  );

  app.get(
    '/api/violations/evidence/:id/download',
    { config: read, schema: { tags, params: S.EvidenceParams } },
    async (req, reply) => {
      const d = await openDownload(ctx, req.actor, req.params.id);
      return reply
        .headers(FILE_HEADERS)
        .header('content-type', d.mime)
        .header('content-length', String(d.size))
        .header('content-disposition', attachmentDisposition(d.name))
        .send(Readable.from(d.body));
    },
  );

  app.get(
    '/api/violations/evidence/:id/thumbnail',
    { config: read, schema: { tags, params: S.EvidenceParams } },
    async (req, reply) => {
      const t = await openThumbnail(ctx, req.actor, req.params.id);
      return reply.headers(FILE_HEADERS).header('content-type', t.mime).send(t.body);
    },
  );

  app.get(
    '/api/violations/evidence/:id/custody',
    { config: read, schema: { tags, params: S.EvidenceParams, response: { 200: S.CustodyList } } },
    async (req) => ({ items: await getCustody(ctx, req.actor, req.params.id) }),
  );

  app.post(
    '/api/violations/evidence/:id/verify',
    { config: read, schema: { tags, params: S.EvidenceParams, response: { 200: S.EvidenceVerifyReply } } },
    async (req) => verifyOne(ctx, req.actor, req.params.id),
  );

  app.post(
    '/api/violations/evidence/verify',
    { config: read, schema: { tags, response: { 200: S.EvidenceVerifyAllReply } } },
    async (req) => verifyAll(ctx, req.actor),
  );
};
