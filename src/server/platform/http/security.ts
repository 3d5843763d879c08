import type { FastifyInstance } from 'fastify';

/**
 * The security headers of every answer, computed once. They were set by @fastify/helmet, which
 * rebuilt them on every request (about a tenth of the CPU of a small API request under load); the
 * set is the one it produced, checked by test/integration/auth.test.ts and https-mode.test.ts.
 */
export function securityHeaders(https: boolean): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    // Mantine sets element styles at run time; styles cannot run code, scripts stay strict.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join(';');
  return {
    'content-security-policy': csp,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    ...(https ? { 'strict-transport-security': 'max-age=63072000; includeSubDomains' } : {}),
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'SAMEORIGIN',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    'permissions-policy': 'camera=(self), microphone=(self), geolocation=(self), interest-cohort=()',
  };
}

/**
 * Security headers on every answer: a strict CSP (no inline script, no third-party origin), no
 * framing, no referrer, and no caching of API answers (they may carry personal data). Set when the
 * request arrives, so a route can still narrow them (evidence and documents downloads sandbox
 * themselves).
 */
export function installSecurityHeaders(app: FastifyInstance, https: boolean): void {
  const all = securityHeaders(https);
  const api = { ...all, 'cache-control': 'no-store' };
  app.addHook('onRequest', (req, reply, done) => {
    void reply.headers(req.url.startsWith('/api/') ? api : all);
    done();
  });
}
