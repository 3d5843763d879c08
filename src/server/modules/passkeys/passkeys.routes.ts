import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { setSessionCookie } from '../../platform/http/cookies.ts';
import { Ok, Uuid } from '../../../core/schemas/common.ts';
import { CredentialJson, PasskeyList, PasskeyRegisterBody } from '../../../core/schemas/passkeys.ts';
import {
  finishLogin,
  finishRegistration,
  listPasskeys,
  loginOptions,
  registrationOptions,
  removePasskey,
  type RelyingParty,
} from './passkeys.service.ts';

const tags = ['passkeys'];
// Options are WebAuthn's own JSON shapes (defined by the standard and @simplewebauthn); passed through.
const Options = z.record(z.string(), z.unknown());

export const passkeysRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const rp = (req: FastifyRequest): RelyingParty => {
    const url = new URL(ctx.config.publicUrl ?? `${req.protocol}://${req.host}`);
    return { rpID: url.hostname, origin: url.origin };
  };

  app.get(
    '/api/me/passkeys',
    { config: { access: 'session' }, schema: { tags, response: { 200: PasskeyList } } },
    async (req) => ({
      items: await listPasskeys(ctx, req.actor),
    }),
  );
  app.post(
    '/api/me/passkeys/options',
    { config: { access: 'session' }, schema: { tags, response: { 200: Options } } },
    async (req) => ({
      ...(await registrationOptions(ctx, req.actor, rp(req))),
    }),
  );
  app.post(
    '/api/me/passkeys',
    {
      config: { access: 'session' },
      schema: { tags, body: PasskeyRegisterBody, response: { 200: z.object({ id: z.string() }) } },
    },
    async (req) =>
      finishRegistration(
        ctx,
        req.actor,
        rp(req),
        req.body.name,
        req.body.credential as unknown as RegistrationResponseJSON,
      ),
  );
  app.delete(
    '/api/me/passkeys/:id',
    {
      config: { access: 'session' },
      schema: { tags, params: z.strictObject({ id: Uuid }), response: { 200: Ok } },
    },
    async (req) => {
      await removePasskey(ctx, req.actor, req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/passkey/options',
    { config: { access: 'pending' }, schema: { tags, response: { 200: Options } } },
    async (req) => ({
      ...(await loginOptions(ctx, req.session, rp(req))),
    }),
  );
  app.post(
    '/api/auth/passkey',
    {
      config: { access: 'pending' },
      schema: { tags, body: z.strictObject({ credential: CredentialJson }), response: { 200: Ok } },
    },
    async (req, reply) => {
      const ua = typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : undefined;
      const token = await finishLogin(
        ctx,
        req.session,
        rp(req),
        req.body.credential as unknown as AuthenticationResponseJSON,
        ua,
      );
      setSessionCookie(ctx, reply, token);
      return { ok: true as const };
    },
  );
};
