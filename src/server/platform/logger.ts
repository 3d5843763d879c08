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

/**
 * Tokens travel in some paths (invites, calendar feeds) and searches carry names in the query string
 * (`/api/people?q=…`): keep both out of the logs. Query parameter names stay, their values do not.
 */
export function redactUrl(url: string): string {
  const [pathPart = '', query] = url.split('?', 2) as [string, string | undefined];
  const p = pathPart
    .replace(/\/api\/invite\/[^/]+/, '/api/invite/[Redacted]')
    .replace(/\/api\/calendar\/feed\/[^/]+/, '/api/calendar/feed/[Redacted]');
  if (query === undefined) return p;
  const names = query.split('&').map((kv) => `${kv.split('=')[0] ?? ''}=…`);
  return `${p}?${names.join('&')}`;
}
