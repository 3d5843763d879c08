/**
 * The field app's own HTTP calls. Not the shared api client: the outbox needs the raw status (201 vs
 * 200, 401, 409 with a body) and must never throw the app-wide "session lost" event while offline.
 */
import { i18n } from '../../i18n';
import type { Reply, Transport } from './sync';

let csrf: string | null = null;

async function csrfToken(): Promise<string> {
  if (csrf) return csrf;
  const res = await fetch('/api/auth/csrf', {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  });
  if (!res.ok) throw Object.assign(new Error('csrf'), { status: res.status });
  csrf = ((await res.json()) as { token: string }).token;
  return csrf;
}

/** Forget the token when the session changes. */
export function resetFieldCsrf(): void {
  csrf = null;
}

async function call(
  method: string,
  path: string,
  body?: unknown,
  raw?: Uint8Array,
  retried = false,
): Promise<Reply> {
  try {
    // The server answers in the language the observer sees here, not their profile's (which the
    // office app follows): a refusal must be readable on the phone that shows it.
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': i18n.language,
      'X-Ukuk-Locale': i18n.language,
    };
    if (method !== 'GET') headers['X-CSRF-Token'] = await csrfToken();
    if (raw) headers['Content-Type'] = 'application/octet-stream';
    else if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: raw ? (raw as Uint8Array<ArrayBuffer>) : body === undefined ? undefined : JSON.stringify(body),
    });
    let parsed: unknown = null;
    try {
      parsed = res.status === 204 ? null : await res.json();
    } catch {
      // A proxy's HTML error page: the status says enough.
    }
    const code = (parsed as { error?: { code?: string } } | null)?.error?.code;
    if (code === 'auth.csrf_invalid' && !retried) {
      csrf = null;
      return call(method, path, body, raw, true);
    }
    return { status: res.status, body: parsed };
  } catch (e) {
    const status = (e as { status?: number }).status;
    return { status: typeof status === 'number' ? status : 0, body: null };
  }
}

export const fieldHttp: Transport & {
  get(path: string): Promise<Reply>;
  post(path: string, body?: unknown): Promise<Reply>;
  patch(path: string, body: unknown): Promise<Reply>;
} = {
  get: (path) => call('GET', path),
  post: (path, body = {}) => call('POST', path, body),
  patch: (path, body) => call('PATCH', path, body),
  submit: (body) => call('POST', '/api/monitoring/submissions', body),
  uploadStart: (body) => call('POST', '/api/monitoring/uploads', body),
  uploadChunk: (id, offset, chunk) =>
    call('PUT', `/api/monitoring/uploads/${encodeURIComponent(id)}?offset=${offset}`, undefined, chunk),
};
