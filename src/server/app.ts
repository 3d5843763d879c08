import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from './platform/context.ts';
import { installErrorHandler } from './platform/http/error-handler.ts';
import { installOpenApi } from './platform/http/openapi.ts';
import { installRequestContext } from './platform/http/request-context.ts';
import { RequestLog } from './platform/http/request-log.ts';
import { installRouteAccess } from './platform/http/route-access.ts';
import { installSecurityHeaders } from './platform/http/security.ts';
import { installStatic } from './platform/http/static.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { meRoutes } from './modules/me/me.routes.ts';
import { systemRoutes } from './modules/system/system.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { passkeysRoutes } from './modules/passkeys/passkeys.routes.ts';
import { approvalsRoutes } from './modules/approvals/approvals.routes.ts';
import { documentsRoutes } from './modules/documents/documents.routes.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { peopleRoutes } from './modules/people/people.routes.ts';
import { casesRoutes } from './modules/cases/cases.routes.ts';
import { casesExportRoutes } from './modules/cases/cases.export.routes.ts';
import { vocabRoutes } from './modules/vocab/vocab.routes.ts';
import { intakeRoutes } from './modules/intake/intake.routes.ts';
import { violationsRoutes } from './modules/violations/violations.routes.ts';
import { violationStatsRoutes } from './modules/violations/stats.routes.ts';
import { evidenceRoutes } from './modules/violations/evidence.routes.ts';
import { formsRoutes } from './modules/monitoring/forms.routes.ts';
import { monitoringRoutes } from './modules/monitoring/monitoring.routes.ts';
import { publicReportRoutes } from './modules/monitoring/public.routes.ts';
import { monitoringExportRoutes } from './modules/monitoring/exports.routes.ts';

/** Build the HTTP app over a ready context. Tests build the very same app. */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  // Typed as Fastify's logger so plugins see the default logger type, not pino's richer one.
  const logger: FastifyBaseLogger = ctx.log;
  const app = Fastify({
    loggerInstance: logger,
    logController: new RequestLog(ctx.log),
    bodyLimit: 1024 * 1024,
    // One hop: the address the reverse proxy in front saw (the last it appended to X-Forwarded-For).
    // `true` would trust every hop and take the first, which the client writes itself: a forged header
    // would then pick the key of every per-address limit (login throttling, public reports).
    trustProxy: ctx.config.trustProxy ? (_address: string, hop: number) => hop < 1 : false,
    // Request ids are random, not counters, so logs from several nodes do not collide.
    genReqId: () => crypto.randomUUID(),
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  // Shutting down must not wait out a browser's keep-alive connection (72 s): Fastify's default
  // "close idle connections" is not applied to a plain server (fastify#7044), and after a streamed
  // file the connection goes idle only once close() has begun. Sweep idle ones until the server closed;
  // requests still running finish first.
  app.addHook('preClose', (done) => {
    const sweep = setInterval(() => app.server.closeIdleConnections(), 50).unref();
    app.server.once('close', () => clearInterval(sweep));
    app.server.closeIdleConnections();
    done();
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  await app.register(cookie);
  installSecurityHeaders(app, ctx.config.https);
  installRequestContext(app, ctx);
  installRouteAccess(app);
  await installOpenApi(app);
  await app.register(systemRoutes, { ctx });
  await app.register(authRoutes, { ctx });
  await app.register(meRoutes, { ctx });
  await app.register(usersRoutes, { ctx });
  await app.register(passkeysRoutes, { ctx });
  await app.register(approvalsRoutes, { ctx });
  await app.register(documentsRoutes, { ctx });
  await app.register(calendarRoutes, { ctx });
  await app.register(peopleRoutes, { ctx });
  await app.register(casesRoutes, { ctx });
  await app.register(casesExportRoutes, { ctx });
  await app.register(vocabRoutes, { ctx });
  await app.register(intakeRoutes, { ctx });
  await app.register(violationsRoutes, { ctx });
  await app.register(violationStatsRoutes, { ctx });
  await app.register(evidenceRoutes, { ctx });
  await app.register(formsRoutes, { ctx });
  await app.register(monitoringRoutes, { ctx });
  await app.register(publicReportRoutes, { ctx });
  await app.register(monitoringExportRoutes, { ctx });
  await installStatic(app, ctx.config.webDir);
  return app;
}
