import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

interface OpenApiDoc {
  paths?: Record<string, Record<string, { tags?: string[] }>>;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** OpenAPI from the zod schemas, and a plain docs page (no scripts, so it lives under the strict CSP). */
export async function installOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: { info: { title: 'Ukuk API', version: '0.1.0' }, components: { securitySchemes: {} } },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  app.get('/api/docs', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    const doc = app.swagger() as OpenApiDoc;
    const rows = Object.entries(doc.paths ?? {}).flatMap(([p, ops]) =>
      Object.entries(ops).map(
        ([m, op]) =>
          `<tr><td>${esc(m.toUpperCase())}</td><td><code>${esc(p)}</code></td><td>${esc((op.tags ?? []).join(', '))}</td></tr>`,
      ),
    );
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ukuk API</title></head><body><h1>Ukuk API</h1><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>. State-changing requests need the <code>X-CSRF-Token</code> header from <code>GET /api/auth/csrf</code>.</p><table border="1" cellpadding="4"><thead><tr><th>Method</th><th>Path</th><th>Tags</th></tr></thead><tbody>${rows.join('')}</tbody></table></body></html>`;
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
