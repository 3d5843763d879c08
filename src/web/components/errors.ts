import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

/**
 * Turns any thrown value into a sentence for the user: the catalog's translation of the API
 * error code first, then the server's own (already translated) message, then a generic line.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const fallback = error.message || t('common.errors.unknown');
    const params = { ...error.params, defaultValue: fallback, seconds: error.retryAfterSeconds ?? 0 };
    const text = t(`errors:${error.code}`, params);
    if (error.code === 'auth.rate_limited' && error.retryAfterSeconds) {
      return `${text} ${t('common.errors.retryAfter', { count: error.retryAfterSeconds })}`;
    }
    return text;
  }
  if (error instanceof TypeError) {
    return t('common.errors.network');
  }
  return t('common.errors.unknown');
}

/** Field messages from a validation error, keyed by field path, for Mantine's `form.setErrors`. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) {
    return {};
  }
  return Object.fromEntries(error.fields.map((f) => [f.path, f.message]));
}
