import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { sendError } from './error-handler.ts';

/** Serve the built web app; unknown non-API paths get index.html so the client router can take over. */
export async function installStatic(app: FastifyInstance, webDir: string): Promise<void> {
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn({ webDir }, 'web app not built: run `npm run build`');
    app.setNotFoundHandler((req, reply) => sendError(req, reply, 'route_not_found'));
    return;
  }
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: false,
    setHeaders: (res, file) => {
      // Vite puts a content hash in asset names, so they can be cached for ever; index.html never.
      void res.header(
        'cache-control',
        file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  // Kept in memory, but read again when the file changes: after `npm run build` on a running server the
  // old page named asset files that were gone, and the app stayed blank until a restart. A stat per page
  // load is cheap (API calls never come here); new asset files are found by the branch below.
  let html = fs.readFileSync(index);
  let stamp = fs.statSync(index).mtimeMs;
  const page = () => {
    const now = fs.statSync(index, { throwIfNoEntry: false })?.mtimeMs;
    if (now !== undefined && now !== stamp) {
      html = fs.readFileSync(index);
      stamp = now;
    }
    return html;
  };
  app.setNotFoundHandler((req, reply) => {
    const p = req.url.split('?')[0] ?? '';
    if (p.startsWith('/api/') || req.method !== 'GET') return sendError(req, reply, 'route_not_found');
    if (path.extname(p)) {
      const file = path.join(webDir, path.normalize(p).replace(/^(\.\.[/\\])+/, ''));
      if (file.startsWith(webDir) && fs.existsSync(file) && fs.statSync(file).isFile())
        return reply.sendFile(path.relative(webDir, file));
      return sendError(req, reply, 'route_not_found');
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page());
  });
}
