import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { messageRoutes } from './messages.routes.ts';
import { missionRoutes } from './missions.routes.ts';
import { reviewRoutes } from './review.routes.ts';
import { submissionRoutes } from './submissions.routes.ts';
import { summaryRoutes } from './summary.routes.ts';
import { uploadRoutes } from './uploads.routes.ts';

/** Missions, sites, assignments, submissions, uploads, review and summaries (issue #5). */
export const monitoringRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(missionRoutes, { ctx });
  await app.register(messageRoutes, { ctx });
  await app.register(submissionRoutes, { ctx });
  await app.register(reviewRoutes, { ctx });
  await app.register(uploadRoutes, { ctx });
  await app.register(summaryRoutes, { ctx });
};
