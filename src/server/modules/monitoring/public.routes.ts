import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/context.ts';

/** The anonymous public incident form (issue #5). */
export const publicReportRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async () => {};
