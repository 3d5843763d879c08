import pino, { type Logger } from 'pino';

/**
 * Structured logs that never carry secrets or personal data: cookies, authorisation and CSRF headers,
 * and any field named like personal data are redacted wherever they appear. Bodies are never logged.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
          '*.password',
          '*.passphrase',
          '*.email',
          '*.name',
          '*.token',
          '*.code',
          '*.recoveryCode',
          '*.totpSecret',
        ],
        censor: '[Redacted]',
      },
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({
          method: req.method,
          url: redactUrl(req.url),
          id: req.id,
        }),
      },
    },
    destination,
  );
}

/** Invite tokens travel in the path; keep them out of the logs. */
function redactUrl(url: string): string {
  return url.replace(/\/api\/invite\/[^/?]+/, '/api/invite/[Redacted]');
}
