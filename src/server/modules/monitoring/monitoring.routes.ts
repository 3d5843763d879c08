import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/context.ts';

/** Missions, sites, assignments, submissions, review and summaries (issue #5). */
export const monitoringRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async () => {};
