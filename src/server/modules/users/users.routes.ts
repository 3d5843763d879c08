import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { Ok, Uuid } from '../../../core/schemas/common.ts';
import * as S from '../../../core/schemas/users.ts';
import { importUsers } from './users.importer.ts';
import { inviteUrlOf, presentInvited, presentUser } from './users.presenter.ts';
import {
  endUserSessions,
  inviteUser,
  listUsers,
  reinviteUser,
  resetUserTotp,
  updateUser,
} from './users.service.ts';

const tags = ['users'];
const IdParams = z.strictObject({ id: Uuid });

export const usersRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/users',
    { config: { access: 'users.manage' }, schema: { tags, response: { 200: S.UserList } } },
    async (req) => ({
      items: (await listUsers(ctx, req.actor)).map(presentUser),
    }),
  );

  app.post(
    '/api/users',
    {
      config: { access: 'users.manage' },
      schema: { tags, body: S.InviteBody, response: { 200: S.InviteReply } },
    },
    async (req) => {
      const r = await inviteUser(ctx, req.actor, req.body);
      return {
        id: r.id,
        inviteUrl: inviteUrlOf(r.inviteToken ?? ''),
        pendingApprovalId: r.pendingApprovalId,
      };
    },
  );

  app.post(
    '/api/users/import',
    {
      config: { access: 'users.manage' },
      schema: { tags, body: S.UsersImportBody, response: { 200: S.UsersImportReply } },
    },
    async (req) => ({ items: (await importUsers(ctx, req.actor, req.body.csv)).map(presentInvited) }),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: 'users.manage' },
      schema: { tags, params: IdParams, body: S.UserPatch, response: { 200: S.UserPatchReply } },
    },
    async (req) => {
      const r = await updateUser(ctx, req.actor, req.params.id, req.body);
      return { ...presentUser(r.user), pendingApprovalId: r.pendingApprovalId };
    },
  );

  app.post(
    '/api/users/:id/reset-2fa',
    { config: { access: 'users.manage' }, schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await resetUserTotp(ctx, req.actor, req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/users/:id/end-sessions',
    { config: { access: 'users.manage' }, schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await endUserSessions(ctx, req.actor, req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/users/:id/invite',
    {
      config: { access: 'users.manage' },
      schema: { tags, params: IdParams, response: { 200: z.object({ inviteUrl: z.string() }) } },
    },
    async (req) => ({
      inviteUrl: inviteUrlOf(await reinviteUser(ctx, req.actor, req.params.id)),
    }),
  );
};
