import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { randomToken } from '../../platform/auth/tokens.ts';
import type { AppContext } from '../../platform/context.ts';
import { clearSessionCookie, setCsrfCookie, setSessionCookie } from '../../platform/http/cookies.ts';
import { cookieNames } from '../../platform/http/request-context.ts';
import * as S from '../../../core/schemas/auth.ts';
import { Ok } from '../../../core/schemas/common.ts';
import { acceptInvite, getInvite, logout, logoutEverywhere } from '../me/me.service.ts';
import { completeEnrollment, completeTotp, enrollmentInfo, login, reauthenticate } from './auth.service.ts';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const client = (req: { ip: string; headers: Record<string, unknown> }) => ({
    ip: req.ip,
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : undefined,
  });

  app.get(
    '/api/auth/csrf',
    { config: { access: 'public' }, schema: { tags, response: { 200: S.CsrfReply } } },
    async (req, reply) => {
      const existing = req.cookies[cookieNames(ctx.config.https).csrf];
      const token = existing && existing.length >= 32 ? existing : randomToken();
      setCsrfCookie(ctx, reply, token);
      return { token };
    },
  );

  app.post(
    '/api/auth/login',
    { config: { access: 'public' }, schema: { tags, body: S.LoginBody, response: { 200: S.LoginReply } } },
    async (req, reply) => {
      const r = await login(ctx, req.body.email, req.body.password, client(req));
      setSessionCookie(ctx, reply, r.token);
      return r.next === 'totp' ? { next: r.next, passkey: r.passkey } : { next: r.next };
    },
  );

  app.post(
    '/api/auth/totp',
    { config: { access: 'pending' }, schema: { tags, body: S.TotpBody, response: { 200: Ok } } },
    async (req, reply) => {
      const token = await completeTotp(ctx, req.session, req.body, client(req));
      setSessionCookie(ctx, reply, token);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/totp/enroll',
    { config: { access: 'pending' }, schema: { tags, response: { 200: S.EnrollInfo } } },
    async (req) => enrollmentInfo(ctx, req.session),
  );

  app.post(
    '/api/auth/totp/enroll',
    {
      config: { access: 'pending' },
      schema: { tags, body: S.EnrollBody, response: { 200: S.RecoveryCodes } },
    },
    async (req, reply) => {
      const r = await completeEnrollment(ctx, req.session, req.body.code, client(req));
      setSessionCookie(ctx, reply, r.token);
      return { recoveryCodes: r.recoveryCodes };
    },
  );

  app.post(
    '/api/auth/reauth',
    { config: { access: 'session' }, schema: { tags, body: S.ReauthBody, response: { 200: S.ReauthReply } } },
    async (req) => ({
      ok: true as const,
      until: await reauthenticate(ctx, req.actor, req.body.password, req.body.code),
    }),
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'public' }, schema: { tags, response: { 200: Ok } } },
    async (req, reply) => {
      await logout(ctx, req.session);
      clearSessionCookie(ctx, reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/logout-all',
    { config: { access: 'session' }, schema: { tags, response: { 200: Ok } } },
    async (req, reply) => {
      await logoutEverywhere(ctx, req.actor);
      clearSessionCookie(ctx, reply);
      return { ok: true as const };
    },
  );

  const InviteParams = z.strictObject({ token: z.string().min(20).max(100) });
  app.get(
    '/api/invite/:token',
    { config: { access: 'public' }, schema: { tags, params: InviteParams, response: { 200: S.InviteInfo } } },
    async (req) => getInvite(ctx, req.params.token),
  );
  app.post(
    '/api/invite/:token',
    {
      config: { access: 'public' },
      schema: { tags, params: InviteParams, body: S.InviteAcceptBody, response: { 200: S.LoginReply } },
    },
    async (req, reply) => {
      const token = await acceptInvite(
        ctx,
        req.params.token,
        req.body.name,
        req.body.password,
        client(req).userAgent,
      );
      setSessionCookie(ctx, reply, token);
      return { next: 'totp_enroll' as const };
    },
  );
};
