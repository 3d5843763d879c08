import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/context.ts';

/** Form templates, versions, import/export (issue #5). */
export const formsRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async () => {};
