import { totpFreshAsync } from './totp.ts';

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A browser-like HTTP client for integration tests: keeps cookies, fetches the CSRF token and sends
 * it on state-changing requests, exactly as the web app does. No shortcut around login exists.
 */
export class Client {
  private cookies = new Map<string, string>();
  csrf: string | null = null;
  locale: string | undefined;
  /** When this session last re-authenticated (ms); 0 when it has not, or a test expired it. */
  reauthedAt = 0;

  constructor(public baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  /** The same browser reaching another app node behind a load balancer: same cookies, same token. */
  at(baseUrl: string): Client {
    const c = new Client(baseUrl);
    c.cookies = new Map(this.cookies);
    c.csrf = this.csrf;
    c.locale = this.locale;
    return c;
  }

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const unsafe = !['GET', 'HEAD'].includes(method);
    if (unsafe && this.csrf === null) await this.fetchCsrf();
    const headers: Record<string, string> = { ...extra };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (unsafe && this.csrf && !('x-csrf-token' in extra)) headers['x-csrf-token'] = this.csrf;
    if (this.locale) headers['accept-language'] = this.locale;
    let payload: string | undefined;
    if (body !== undefined) {
      headers['content-type'] = headers['content-type'] ?? 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body: payload, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      if (!value || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON (HTML pages) */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  async fetchCsrf(): Promise<string> {
    this.csrf = '';
    const r = await this.request<{ token: string }>('GET', '/api/auth/csrf');
    this.csrf = r.body.token;
    return this.csrf;
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body ?? {});
  }
  put<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body);
  }
  delete<T = Record<string, unknown>>(path: string) {
    return this.request<T>('DELETE', path);
  }

  /** Full login: password, then a fresh TOTP code. Throws with the server's answer on failure. */
  async login(email: string, password: string, totpSecret: string, _used?: Set<string>): Promise<void> {
    const a = await this.post<{ next: string }>('/api/auth/login', { email, password });
    if (a.status !== 200 || a.body.next !== 'totp')
      throw new Error(`login failed: ${a.status} ${JSON.stringify(a.body)}`);
    const b = await this.post('/api/auth/totp', { code: await totpFreshAsync(totpSecret) });
    if (b.status !== 200) throw new Error(`totp failed: ${b.status} ${JSON.stringify(b.body)}`);
  }

  async reauth(password: string, totpSecret: string, _used?: Set<string>): Promise<void> {
    const r = await this.post('/api/auth/reauth', { password, code: await totpFreshAsync(totpSecret) });
    if (r.status !== 200) throw new Error(`reauth failed: ${r.status} ${JSON.stringify(r.body)}`);
    this.reauthedAt = Date.now();
  }

  /**
   * Re-authenticates unless this session did within the last 8 minutes (the server holds one for 10):
   * set-up steps that are role changes or bulk actions (appointing coordinators, importing sites).
   */
  async reauthed(password: string, totpSecret: string): Promise<void> {
    if (Date.now() - this.reauthedAt < 8 * 60_000) return;
    await this.reauth(password, totpSecret);
  }
}
