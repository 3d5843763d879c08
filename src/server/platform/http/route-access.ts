import type { FastifyInstance } from 'fastify';
import { CAPABILITIES, can, type Capability } from '../access/policy.ts';
import { sendError } from './error-handler.ts';

/**
 * Who may call a route at all, declared on every API route as `config: { access }`:
 * - `public`: anyone (login, health, public forms);
 * - `pending`: a session past the password step but not yet the second factor;
 * - `session`: any logged-in user (their own profile);
 * - a capability: logged-in users whose role has it.
 * Services check again and add need-to-know per record; this gate answers before validation, so a
 * caller without access learns nothing from validation errors either.
 */
export type RouteAccess = 'public' | 'pending' | 'session' | Capability;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export function installRouteAccess(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (!url.startsWith('/api/') || route.method === 'HEAD') return;
    const access = route.config?.access;
    // A route without an access decision must not start: deny by default starts at the route table.
    if (!access || !(['public', 'pending', 'session', ...CAPABILITIES] as string[]).includes(access)) {
      throw new Error(`route ${String(route.method)} ${url} has no valid access rule`);
    }
  });

  app.addHook('preValidation', async (req, reply) => {
    const access = req.routeOptions.config.access;
    if (!access || access === 'public') return;
    if (access === 'pending') {
      if (!req.session || req.session.stage === 'full') return sendError(req, reply, 'auth.unauthenticated');
      return;
    }
    if (!req.actor) return sendError(req, reply, 'auth.unauthenticated');
    if (access !== 'session' && !can(req.actor, access)) return sendError(req, reply, 'auth.forbidden');
  });
}
