import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERRORS, type ErrorCode, type FieldIssue } from '../errors.ts';
import { fieldLabel, tr } from '../i18n.ts';

interface ZodIssueLike {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

/** Map one zod issue to a stable field code with the parameters its message needs. */
function toFieldIssues(v: ZodIssueLike, context: string | undefined): FieldIssue[] {
  const base = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const path = base || (context === 'body' ? '' : (context ?? ''));
  const p = v.params;
  switch (v.keyword) {
    case 'invalid_type':
      return [{ path, code: /received undefined/.test(v.message) ? 'required' : 'invalid_type' }];
    case 'too_small':
      return [
        {
          path,
          code: p.origin === 'string' ? 'too_short' : 'invalid_value',
          params: { count: Number(p.minimum) },
        },
      ];
    case 'too_big':
      return [
        {
          path,
          code: p.origin === 'string' ? 'too_long' : 'invalid_value',
          params: { count: Number(p.maximum) },
        },
      ];
    case 'invalid_format':
      return [{ path, code: 'invalid_format' }];
    case 'invalid_value':
      return [{ path, code: 'invalid_value' }];
    case 'unrecognized_keys':
      return ((p.keys as string[]) ?? []).map((k) => ({
        path: path ? `${path}.${k}` : k,
        code: 'unknown_field',
      }));
    default:
      return [{ path, code: 'invalid' }];
  }
}

function fieldMessage(req: FastifyRequest, f: FieldIssue): string {
  const field = fieldLabel(req.locale, f.path);
  const key = `errors:field.${f.code === 'too_common' ? 'invalid' : f.code}`;
  return tr(req.locale, key, { field, ...(f.params ?? {}) });
}

export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  extra: AppError['extra'] = {},
) {
  const fields = (extra.fields ?? []).map((f) => ({
    path: f.path,
    code: f.code,
    message: fieldMessage(req, f),
  }));
  if (extra.retryAfterSeconds) void reply.header('retry-after', String(extra.retryAfterSeconds));
  return reply.status(ERRORS[code]).send({
    error: {
      code,
      message: tr(req.locale, `errors:${code}`, extra.params ?? {}),
      // The message's values (a limit, who holds a lock): a client that words the message in another
      // language, or later (the field app's outbox), needs them. They are in the message already.
      ...(extra.params ? { params: extra.params } : {}),
      ...(fields.length ? { fields } : {}),
      ...(extra.details !== undefined ? { details: extra.details } : {}),
      ...(extra.retryAfterSeconds ? { retryAfterSeconds: extra.retryAfterSeconds } : {}),
    },
  });
}

const STORAGE_FULL = new Set(['SQLITE_FULL', 'ENOSPC', '53100', 'SQLITE_IOERR_WRITE']);

/** One error handler: known errors keep their code; everything else is a logged, generic 500. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return sendError(req, reply, err.code, err.extra);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.flatMap((v) => toFieldIssues(v as ZodIssueLike, err.validationContext));
      return sendError(req, reply, 'validation.failed', { fields });
    }
    if (
      err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      err instanceof SyntaxError
    ) {
      return sendError(req, reply, 'validation.malformed_json');
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(req, reply, 'validation.body_too_large');
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return sendError(req, reply, 'validation.unsupported_media_type');
    if (err.statusCode === 400 && typeof err.code === 'string' && err.code.startsWith('FST_ERR_CTP')) {
      return sendError(req, reply, 'validation.malformed_json');
    }
    if (STORAGE_FULL.has(String(err.code))) {
      req.log.error({ code: err.code }, 'storage full');
      return sendError(req, reply, 'system.storage_full');
    }
    // Messages of database errors can quote the values they reject: log the kind and frames only.
    const frames = (err.stack ?? '').split('\n').slice(1, 8).join('\n');
    req.log.error({ errName: err.name, errCode: err.code, frames }, 'unhandled error');
    return sendError(req, reply, 'internal');
  });
}
