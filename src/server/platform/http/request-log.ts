import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { redactUrl } from '../logger.ts';

/**
 * One access line per request, written when it ends: id, method, path (tokens and query values
 * redacted), status and time. Fastify's default writes two (one as a request starts) through the
 * redacting logger, whose wildcard paths (`*.name`, `*.email`…) are checked on every line: at `info`,
 * production's default, that cost 45 µs of the server's main thread per request, 15% of a submission,
 * on election day (ADR 0014). The access line is built here from plain values only, so it goes through
 * a child without redaction; everything else a request logs keeps the redacting logger. The start of a
 * request is still there at `debug`, to trace one that never ends.
 */
export class RequestLog extends LogController {
  private readonly access: Logger;

  constructor(log: Logger) {
    super();
    this.access = log.child({}, { redact: [] });
  }

  override incomingRequest(request: FastifyRequest): void {
    if (!this.isLogDisabled(request)) request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    if (error) {
      reply.log.error({ res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
      return;
    }
    this.access.info(
      {
        reqId: request.id,
        method: request.method,
        url: redactUrl(request.url),
        statusCode: reply.statusCode,
        responseTime: reply.elapsedTime,
      },
      'request completed',
    );
  }
}
