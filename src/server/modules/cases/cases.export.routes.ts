import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LOCALES } from '../../../core/roles.ts';
import { CasesQuery, StatsQuery } from '../../../core/schemas/cases.ts';
import type { AppContext } from '../../platform/context.ts';
import { attachmentDisposition } from '../../platform/files/names.ts';
import { exportCases, exportStats } from './cases.export.ts';
import type { Download } from './cases.export.format.ts';
import { statsReport } from './cases.report.ts';

const tags = ['cases'];
const Format = z.enum(['csv', 'xlsx']).default('csv');

export const StatsExportQuery = StatsQuery.extend({ format: Format });
export const CasesExportQuery = CasesQuery.omit({ page: true }).extend({
  format: Format,
  /** `0` asks for titles and names: administrators only. */
  redacted: z.enum(['1', '0']).default('1'),
});
export const ReportQuery = StatsQuery.extend({ lang: z.enum(LOCALES).optional() });

function download(reply: FastifyReply, d: Download) {
  return reply
    .header('content-type', d.contentType)
    .header('content-disposition', attachmentDisposition(d.filename))
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(d.body);
}

/** Downloads of the legal-aid module: statistics (CSV, XLSX, PDF report) and the case list. */
export const casesExportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/cases/stats/export',
    { config: { access: 'reports.read' }, schema: { tags, querystring: StatsExportQuery } },
    async (req, reply) => download(reply, await exportStats(ctx, req.actor, req.query, req.locale)),
  );
  app.get(
    '/api/cases/stats/report.pdf',
    { config: { access: 'reports.read' }, schema: { tags, querystring: ReportQuery } },
    async (req, reply) =>
      download(reply, await statsReport(ctx, req.actor, req.query.year, req.query.lang ?? req.locale)),
  );
  app.get(
    '/api/cases/export',
    { config: { access: 'cases.read' }, schema: { tags, querystring: CasesExportQuery } },
    async (req, reply) => {
      const { redacted, mine, ...rest } = req.query;
      const q = { ...rest, redacted: redacted !== '0', mine: mine === '1' };
      return download(reply, await exportCases(ctx, req.actor, q, req.locale));
    },
  );
};
