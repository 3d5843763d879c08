import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { missionRoutes } from './missions.routes.ts';
import { submissionRoutes } from './submissions.routes.ts';

/** Missions, sites, assignments, submissions and review and summaries (issue #5). */
export const monitoringRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(missionRoutes, { ctx });
  await app.register(submissionRoutes, { ctx });
};
