import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { ApprovalList } from '../../../core/schemas/approvals.ts';
import { Ok, Uuid } from '../../../core/schemas/common.ts';
import { approve, listPendingApprovals, reject } from './approvals.service.ts';

const tags = ['approvals'];
const IdParams = z.strictObject({ id: Uuid });

export const approvalsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/approvals',
    { config: { access: 'users.manage' }, schema: { tags, response: { 200: ApprovalList } } },
    async (req) => ({
      items: await listPendingApprovals(ctx, req.actor),
    }),
  );
  app.post(
    '/api/approvals/:id/approve',
    { config: { access: 'users.manage' }, schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await approve(ctx, req.actor, req.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/approvals/:id/reject',
    { config: { access: 'users.manage' }, schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await reject(ctx, req.actor, req.params.id);
      return { ok: true as const };
    },
  );
};
