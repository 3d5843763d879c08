import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/context.ts';

/** Streamed CSV/XLSX/GeoJSON exports of submissions through the job worker (issue #5). */
export const monitoringExportRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async () => {};
