import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { clearSessionCookie, setSessionCookie } from '../../platform/http/cookies.ts';
import { Ok } from '../../../core/schemas/common.ts';
import { LoginReply, SetupBody, SetupStatus } from '../../../core/schemas/auth.ts';
import { AuditPage, AuditQuery, AuditVerify, Health, UnsealBody } from '../../../core/schemas/system.ts';
import { listAudit, verifyAuditChain } from '../audit/audit.service.ts';
import { runSetup, setupStatus } from '../setup/setup.service.ts';
import { sealSystem, unsealSystem } from './system.service.ts';

export const systemRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags: ['system'], response: { 200: Health } } },
    async () => ({
      status: 'ok' as const,
      database: ctx.dbh.kind,
      sealed: ctx.keyring.sealed,
      sealMode: ctx.keyring.sealMode,
    }),
  );

  app.get(
    '/api/setup/status',
    { config: { access: 'public' }, schema: { tags: ['setup'], response: { 200: SetupStatus } } },
    async () => setupStatus(ctx),
  );

  app.post(
    '/api/setup',
    {
      config: { access: 'public' },
      schema: { tags: ['setup'], body: SetupBody, response: { 200: LoginReply } },
    },
    async (req, reply) => {
      const r = await runSetup(ctx, req.body, req.headers['user-agent']);
      if (r.sessionToken) setSessionCookie(ctx, reply, r.sessionToken);
      return { next: 'totp_enroll' as const };
    },
  );

  app.post(
    '/api/system/seal',
    { config: { access: 'system.seal' }, schema: { tags: ['system'], response: { 200: Ok } } },
    async (req, reply) => {
      await sealSystem(ctx, req.actor);
      clearSessionCookie(ctx, reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/system/unseal',
    { config: { access: 'public' }, schema: { tags: ['system'], body: UnsealBody, response: { 200: Ok } } },
    async (req) => {
      await unsealSystem(ctx, req.body.passphrase, req.ip);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: AuditPage } },
    },
    async (req) => listAudit(ctx, req.actor, req.query),
  );
  app.post(
    '/api/audit/verify',
    { config: { access: 'audit.read' }, schema: { tags: ['audit'], response: { 200: AuditVerify } } },
    async (req) => verifyAuditChain(ctx, req.actor),
  );
};
