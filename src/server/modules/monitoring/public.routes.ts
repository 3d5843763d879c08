import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { getPublicForm, receivePublicReport } from './public.service.ts';

const tags = ['monitoring-public'];
/** A report is a few answers; anything larger is not a person typing. */
export const PUBLIC_BODY_LIMIT = 64 * 1024;

const PublicFormReply = z.object({
  formVersionId: z.string(),
  definition: z.record(z.string(), z.unknown()),
  challenge: z.object({ token: z.string(), bits: z.number().int() }),
});
const PublicReportBody = z.object({
  formVersionId: z.string().min(1).max(64),
  answers: z.record(z.string().max(64), z.unknown()),
  challenge: z.string().min(1).max(300),
  nonce: z.string().min(1).max(32),
  website: z.string().max(500).optional(),
});

/** The anonymous public incident form (issue #5 item 6): no login, no session, same answer for all. */
export const publicReportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/public/reports/form',
    { config: { access: 'public' }, schema: { tags, response: { 200: PublicFormReply } } },
    async (_req, reply) => {
      const form = await getPublicForm(ctx);
      // The definition is the form's published JSON, passed through as it is.
      const definition = form.definition as unknown as Record<string, unknown>;
      return reply.header('cache-control', 'no-store').send({ ...form, definition });
    },
  );
  app.post(
    '/api/public/reports',
    {
      bodyLimit: PUBLIC_BODY_LIMIT,
      config: { access: 'public' },
      schema: { tags, body: PublicReportBody, response: { 202: z.object({ received: z.literal(true) }) } },
    },
    async (req, reply) => {
      // What became of the report stays here: the answer and its timing are the same for all.
      await receivePublicReport(ctx, req.body, req.ip, req.locale);
      return reply
        .code(202)
        .header('cache-control', 'no-store')
        .send({ received: true as const });
    },
  );
};
