import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { Ok, Uuid } from '../../../core/schemas/common.ts';
import { RecoveryCodes } from '../../../core/schemas/auth.ts';
import * as S from '../../../core/schemas/users.ts';
import {
  changePassword,
  endMySession,
  getMe,
  mySessions,
  regenerateRecoveryCodes,
  updateMe,
} from './me.service.ts';

const tags = ['me'];

export const meRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/me',
    { config: { access: 'session' }, schema: { tags, response: { 200: S.MeOut } } },
    async (req) => getMe(ctx, req.actor),
  );
  app.patch(
    '/api/me',
    { config: { access: 'session' }, schema: { tags, body: S.MePatch, response: { 200: S.MeOut } } },
    async (req) => updateMe(ctx, req.actor, req.body),
  );
  app.post(
    '/api/me/password',
    { config: { access: 'session' }, schema: { tags, body: S.PasswordChange, response: { 200: Ok } } },
    async (req) => {
      await changePassword(ctx, req.actor, req.body.currentPassword, req.body.newPassword);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/me/recovery-codes',
    { config: { access: 'session' }, schema: { tags, response: { 200: RecoveryCodes } } },
    async (req) => ({
      recoveryCodes: await regenerateRecoveryCodes(ctx, req.actor),
    }),
  );
  app.get(
    '/api/me/sessions',
    { config: { access: 'session' }, schema: { tags, response: { 200: S.SessionList } } },
    async (req) => ({
      items: await mySessions(ctx, req.actor),
    }),
  );
  app.delete(
    '/api/me/sessions/:id',
    {
      config: { access: 'session' },
      schema: { tags, params: z.strictObject({ id: Uuid }), response: { 200: Ok } },
    },
    async (req) => {
      await endMySession(ctx, req.actor, req.params.id);
      return { ok: true as const };
    },
  );
};
