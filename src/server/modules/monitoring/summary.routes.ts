import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Uuid } from '../../../core/schemas/common.ts';
import type { AppContext } from '../../platform/context.ts';
import { registerEntryCounts } from './counts.entries.job.ts';
import { registerIncidentCounts } from './counts.incidents.job.ts';
import { registerVerifiedCounts } from './counts.verified.job.ts';
import * as S from './summary.schemas.ts';
import { publicSummary } from './summary.public.ts';
import { missionSummary, sitesStatus } from './summary.service.ts';

const tags = ['monitoring'];
const review = { access: 'monitoring.review' } as const;
const IdParams = z.strictObject({ id: Uuid });

/** The live dashboard (reviewers) and its public, suppressed version (anyone, public missions only). */
export const summaryRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Incident answers counted before the counters took them in (once per installation).
  registerIncidentCounts(ctx);
  registerEntryCounts(ctx);
  // Reports verified before the counters kept a verified layer (ADR 0035; once per installation).
  registerVerifiedCounts(ctx);
  app.get(
    '/api/monitoring/missions/:id/summary',
    {
      config: review,
      schema: {
        tags,
        params: IdParams,
        querystring: z.strictObject({ counts: z.enum(['received', 'verified']).optional() }),
        response: { 200: S.MissionSummary },
      },
    },
    async (req) => missionSummary(ctx, req.actor, req.params.id, req.query.counts),
  );
  app.get(
    '/api/monitoring/missions/:id/sites-status',
    {
      config: review,
      schema: {
        tags,
        params: IdParams,
        querystring: z.strictObject({
          region: z
            .string()
            .regex(/^KG-[A-Z]{1,2}$/)
            .optional(),
        }),
        response: { 200: S.SitesStatus },
      },
    },
    async (req) => sitesStatus(ctx, req.actor, req.params.id, req.query.region),
  );
  app.get(
    '/api/public/monitoring/missions/:id/summary',
    { config: { access: 'public' }, schema: { tags, params: IdParams, response: { 200: S.PublicSummary } } },
    async (req) => publicSummary(ctx, req.params.id),
  );
};
