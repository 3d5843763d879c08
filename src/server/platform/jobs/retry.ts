/** Delay before retry number `attempt` (1-based): exponential, capped, with jitter so retries spread out. */
export function retryDelay(
  attempt: number,
  backoff: { baseMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const nominal = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(nominal * (1 + 0.25 * random()));
}

/**
 * What is stored in `last_error` and logged: the error's name and code only. Messages are dropped
 * because they may quote personal data (a name in a validation message, a row in a database error).
 */
export function errorLabel(e: unknown): string {
  if (!(e instanceof Error)) return 'NonError';
  const clean = (s: string) => s.replace(/[^\w.:-]/g, '').slice(0, 64);
  const name = clean(e.name) || 'Error';
  const code: unknown = (e as { code?: unknown }).code;
  return typeof code === 'string' || typeof code === 'number' ? `${name}:${clean(String(code))}` : name;
}
