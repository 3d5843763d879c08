import { i18n } from '../i18n';

/** One field-level message from the server's validation errors. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * One particular of a refused request, from the error body's `details` list: a form-definition path
 * (`sections.0.fields.2.options`), a submission's field, or a CSV line and column.
 */
export interface ErrorDetail {
  code: string;
  path?: string;
  line?: number;
  field?: string;
  /** Values for the detail's own message (an answer's limit, the question it is compared with). */
  params?: ErrorParams;
}

/** Values the server filled into its message (who holds a lock, which field was wrong). */
export type ErrorParams = Readonly<Record<string, string | number>>;

/** An API answer that was not 2xx, carrying the server's stable error code. */
export class ApiError extends Error {
  /** Every problem the server listed; empty when it sent none (or sent an object, not a list). */
  readonly details: readonly ErrorDetail[];
  readonly params: ErrorParams;

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly retryAfterSeconds?: number,
    extra: { details?: readonly ErrorDetail[]; params?: ErrorParams } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.details = extra.details ?? [];
    this.params = extra.params ?? {};
  }
}

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

// The body is whatever came over the wire (or a proxy's page): keep only well-formed entries, so a
// screen can trust the types without checking again.
function detailsOf(raw: unknown): ErrorDetail[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObject).flatMap((d) =>
    typeof d.code === 'string'
      ? [
          {
            code: d.code,
            ...(typeof d.path === 'string' ? { path: d.path } : {}),
            ...(typeof d.line === 'number' ? { line: d.line } : {}),
            ...(typeof d.field === 'string' ? { field: d.field } : {}),
            ...(isObject(d.params) ? { params: paramsOf(d.params) } : {}),
          },
        ]
      : [],
  );
}

function paramsOf(raw: unknown): ErrorParams {
  if (!isObject(raw)) return {};
  return Object.fromEntries(
    Object.entries(raw).filter((e): e is [string, string | number] =>
      ['string', 'number'].includes(typeof e[1]),
    ),
  );
}

function fieldsOf(raw: unknown): FieldError[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter(isObject)
    .filter((f) => typeof f.path === 'string' && typeof f.message === 'string')
    .map((f) => ({ path: f.path as string, message: f.message as string }));
}

/**
 * The server's error body — `{"error":{code, message, fields?, details?, params?, retryAfterSeconds?}}`
 * (platform/http/error-handler.ts) — as an ApiError. Exported for senders that cannot use `api`
 * (uploads with progress, the field app's outbox) so every screen reads refusals the same way.
 */
export function apiErrorOf(
  status: number,
  body: unknown,
  statusText = '',
  retryAfterHeader?: number,
): ApiError {
  const root = isObject(body) ? body : {};
  const e = isObject(root.error) ? root.error : {};
  const retry = [e.retryAfterSeconds, root.retryAfterSeconds, retryAfterHeader].find(
    (v): v is number => typeof v === 'number' && v > 0,
  );
  return new ApiError(
    status,
    typeof e.code === 'string' ? e.code : `http.${status}`,
    typeof e.message === 'string' ? e.message : statusText,
    fieldsOf(e.fields),
    retry,
    { details: detailsOf(e.details), params: paramsOf(e.params) },
  );
}

export type ApiEvent = 'sealed' | 'unauthenticated';
type Listener = (event: ApiEvent) => void;
type ReauthHandler = () => Promise<boolean>;

const listeners = new Set<Listener>();
let reauthHandler: ReauthHandler | null = null;
let csrfToken: Promise<string> | null = null;
/** The token once fetched, for a request sent as the page goes away (no time to fetch one then). */
let knownCsrf: string | null = null;

/** Subscribes to app-wide conditions discovered by any request (sealed system, lost session). */
export function onApiEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Registers the UI that asks for password + code when the server demands re-authentication. */
export function setReauthHandler(handler: ReauthHandler | null): void {
  reauthHandler = handler;
}

/** Forgets the CSRF token; call after login and logout, when the session changes. */
export function resetCsrf(): void {
  csrfToken = null;
  knownCsrf = null;
}

async function fetchCsrf(): Promise<string> {
  const res = await fetch('/api/auth/csrf', {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  });
  if (!res.ok) {
    throw await toError(res);
  }
  const body = (await res.json()) as { token: string };
  knownCsrf = body.token;
  return body.token;
}

/**
 * A request that outlives the page (`keepalive`), for what a tab gives back as it closes, such as a
 * review lock. Sent only when this page has a CSRF token already; its answer is never read.
 */
export function sendOnLeave(method: 'DELETE' | 'POST', path: string): void {
  if (!knownCsrf) return;
  void fetch(path, {
    method,
    keepalive: true,
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-CSRF-Token': knownCsrf },
  }).catch(() => undefined);
}

function getCsrf(): Promise<string> {
  csrfToken ??= fetchCsrf().catch((e: unknown) => {
    csrfToken = null;
    throw e;
  });
  return csrfToken;
}

async function toError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (proxy error page, network cut): fall through to a generic code.
  }
  return apiErrorOf(res.status, body, res.statusText, numberHeader(res, 'Retry-After'));
}

function numberHeader(res: Response, name: string): number | undefined {
  const v = Number(res.headers.get(name));
  return Number.isFinite(v) && v > 0 ? v : undefined;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function send(method: string, path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language,
    // The server words its answers in this language before the profile's: right after a switch the
    // profile may not be saved yet, and a text fetched then stayed in the old language.
    'X-Ukuk-Locale': i18n.language,
  };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (UNSAFE.has(method)) {
    headers['X-CSRF-Token'] = await getCsrf();
  }
  return fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

interface Attempt {
  csrfRetried: boolean;
  reauthed: boolean;
}

async function request<T>(method: string, path: string, body: unknown, attempt: Attempt): Promise<T> {
  const res = await send(method, path, body);
  if (res.ok) {
    return (res.status === 204 ? undefined : await res.json()) as T;
  }
  const err = await toError(res);
  if (err.code === 'auth.csrf_invalid' && !attempt.csrfRetried) {
    resetCsrf();
    return request(method, path, body, { ...attempt, csrfRetried: true });
  }
  if (err.code === 'auth.reauth_required' && !attempt.reauthed && reauthHandler) {
    if (await reauthHandler()) {
      return request(method, path, body, { ...attempt, reauthed: true });
    }
  }
  if (err.code === 'system.sealed') {
    listeners.forEach((l) => l('sealed'));
  } else if (err.code === 'auth.unauthenticated') {
    listeners.forEach((l) => l('unauthenticated'));
  }
  throw err;
}

/** A file answered by the server (exports): its bytes and the name the server suggested. */
export interface Downloaded {
  blob: Blob;
  filename: string;
}

function filenameOf(res: Response): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // A malformed name falls back to the plain one.
    }
  }
  return /filename="([^"]+)"/i.exec(cd)?.[1] ?? 'download';
}

/**
 * Downloads a file through the same rules as JSON calls: a request that needs a fresh password + 2FA
 * opens the re-auth prompt and is retried once (a plain link cannot do that).
 */
async function download(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  reauthed = false,
): Promise<Downloaded> {
  const res = await send(method, path, body);
  if (res.ok) return { blob: await res.blob(), filename: filenameOf(res) };
  const err = await toError(res);
  if (err.code === 'auth.reauth_required' && !reauthed && reauthHandler && (await reauthHandler())) {
    return download(method, path, body, true);
  }
  throw err;
}

/** Typed JSON client for /api: CSRF, re-auth and retry rules live here and nowhere else. */
export const api = {
  get: <T>(path: string) => request<T>('GET', path, undefined, { csrfRetried: false, reauthed: false }),
  post: <T>(path: string, body: unknown = {}) =>
    request<T>('POST', path, body, { csrfRetried: false, reauthed: false }),
  patch: <T>(path: string, body: unknown) =>
    request<T>('PATCH', path, body, { csrfRetried: false, reauthed: false }),
  put: <T>(path: string, body: unknown) =>
    request<T>('PUT', path, body, { csrfRetried: false, reauthed: false }),
  download: (path: string, body?: unknown) => download(body === undefined ? 'GET' : 'POST', path, body),
  del: <T>(path: string) => request<T>('DELETE', path, undefined, { csrfRetried: false, reauthed: false }),
};

/** Builds a query string from the non-empty values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') {
      q.set(k, String(v));
    }
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
