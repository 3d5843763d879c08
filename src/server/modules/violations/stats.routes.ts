import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../core/schemas/common.ts';
import { Created } from '../../../core/schemas/people.ts';
import * as S from '../../../core/schemas/violation-stats.ts';
import type { AppContext } from '../../platform/context.ts';
import { attachmentDisposition } from '../../platform/files/names.ts';
import { exportActs } from './export.service.ts';
import {
  changePublication,
  createPublication,
  getPublication,
  listPublications,
  publicDataset,
  publicList,
} from './publish.service.ts';
import { getViolationStats } from './stats.service.ts';

const tags = ['violations'];
const IdParams = z.strictObject({ id: Uuid });
const drafts = { access: 'violations.read' } as const;
const admin = { access: 'settings.manage' } as const;
const PublicList = z.object({
  items: z.array(z.object({ id: Uuid, title: z.string(), publishedAt: z.string() })),
});

/**
 * Statistics, exports and publications of violation records (issue #4 items 5–6). Statistics and
 * exports need `violations.read` (the services count and list only the events the actor may see);
 * publications are drafted by readers of reports and published by administrators; the public
 * endpoints answer published datasets only, to anyone.
 */
export const violationStatsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/violations/stats',
    {
      config: { access: 'violations.read' },
      schema: { tags, querystring: S.StatsQuery, response: { 200: S.ViolationStats } },
    },
    async (req) => getViolationStats(ctx, req.actor, req.query, req.locale),
  );
  app.post(
    '/api/violations/export',
    { config: { access: 'violations.read' }, schema: { tags, body: S.ExportBody } },
    async (req, reply) => {
      const d = await exportActs(ctx, req.actor, req.body, req.locale);
      return reply
        .header('content-type', d.contentType)
        .header('content-disposition', attachmentDisposition(d.filename))
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(d.body);
    },
  );

  app.get(
    '/api/violations/publications',
    { config: drafts, schema: { tags, response: { 200: S.PublicationList } } },
    async (req) => listPublications(ctx, req.actor),
  );
  app.post(
    '/api/violations/publications',
    { config: drafts, schema: { tags, body: S.PublicationCreate, response: { 201: Created } } },
    async (req, reply) =>
      reply.code(201).send({ id: await createPublication(ctx, req.actor, req.body, req.locale) }),
  );
  app.get(
    '/api/violations/publications/:id',
    { config: drafts, schema: { tags, params: IdParams, response: { 200: S.Publication } } },
    async (req) => getPublication(ctx, req.actor, req.params.id),
  );
  app.post(
    '/api/violations/publications/:id/publish',
    { config: admin, schema: { tags, params: IdParams, response: { 200: S.Publication } } },
    async (req) => changePublication(ctx, req.actor, req.params.id, 'published'),
  );
  app.post(
    '/api/violations/publications/:id/withdraw',
    { config: admin, schema: { tags, params: IdParams, response: { 200: S.Publication } } },
    async (req) => changePublication(ctx, req.actor, req.params.id, 'withdrawn'),
  );

  // The public site reads these without logging in: aggregates already suppressed, nothing else.
  app.get(
    '/api/public/violations',
    { config: { access: 'public' }, schema: { tags, response: { 200: PublicList } } },
    async (_req, reply) => reply.header('cache-control', 'no-store').send(await publicList(ctx)),
  );
  app.get(
    '/api/public/violations/:id',
    { config: { access: 'public' }, schema: { tags, params: IdParams, response: { 200: S.PublicDataset } } },
    async (req, reply) =>
      reply.header('cache-control', 'no-store').send(await publicDataset(ctx, req.params.id)),
  );
};
