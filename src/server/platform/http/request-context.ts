import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isLocale, pickLocale, type Locale } from '../../../core/i18n/index.ts';
import type { Role } from '../../../core/roles.ts';
import type { Actor } from '../access/policy.ts';
import { findSession, type SessionRow } from '../auth/sessions.ts';
import { safeEqual } from '../auth/tokens.ts';
import type { AppContext } from '../context.ts';
import { sendError } from './error-handler.ts';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    session: SessionRow | null;
    actor: Actor | null;
  }
}

export function cookieNames(https: boolean) {
  // __Host- cookies are bound to this exact origin and must be Secure; plain names on http://localhost.
  return https
    ? { session: '__Host-ukuk_session', csrf: '__Host-ukuk_csrf' }
    : { session: 'ukuk_session', csrf: 'ukuk_csrf' };
}

export function cookieOptions(https: boolean) {
  return { httpOnly: true, sameSite: 'strict' as const, secure: https, path: '/' };
}

// Routes that must answer while sealed (to report it or to unseal) or that are public reads.
const OPEN_WHILE_SEALED = new Set([
  '/api/health',
  '/api/auth/csrf',
  '/api/system/unseal',
  '/api/setup/status',
  '/api/openapi.json',
  '/api/docs',
]);
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Per request: the language, the sealed gate, CSRF for state-changing requests, and the session. The
 * session is looked up in the database on every request, so a revoked session is dead on every node.
 */
export function installRequestContext(app: FastifyInstance, ctx: AppContext): void {
  const names = cookieNames(ctx.config.https);
  app.decorateRequest('locale', 'en');
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const chosen = req.headers['x-ukuk-locale'];
    req.locale = isLocale(chosen) ? chosen : pickLocale(req.headers['accept-language'], 'en');
    const path = req.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/')) return;
    if (ctx.keyring.sealed && !OPEN_WHILE_SEALED.has(path)) return sendError(req, reply, 'system.sealed');
    if (UNSAFE.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      const cookie = req.cookies[names.csrf];
      if (typeof header !== 'string' || !cookie || !safeEqual(header, cookie)) {
        return sendError(req, reply, 'auth.csrf_invalid');
      }
    }
    const token = req.cookies[names.session];
    if (!token || ctx.keyring.sealed || !ctx.keyring.initialized) return;
    const session = await findSession(ctx.db, token, {
      idleMs: ctx.config.sessionIdleMs,
      absoluteMs: ctx.config.sessionAbsoluteMs,
    });
    if (!session) return;
    req.session = session;
    if (session.stage !== 'full') return;
    const user = session.user;
    if (user.status !== 'active') return;
    req.actor = {
      userId: session.userId,
      role: user.role as Role,
      sessionId: session.id,
      reauthUntil: session.reauthUntil,
    };
    if (!isLocale(chosen) && isLocale(user.locale)) req.locale = user.locale;
  });
}
