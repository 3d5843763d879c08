import type { TFunction } from 'i18next';

/** A file size in the language's words and number format: "512 байт", "1,4 МБ". */
export function formatSize(t: TFunction, number: (n: number) => string, bytes: number): string {
  if (bytes < 1024) return t('documents:size.bytes', { count: bytes, formatted: number(bytes) });
  if (bytes < 1024 * 1024)
    return t('documents:size.kb', { value: number(Math.round((bytes / 1024) * 10) / 10) });
  return t('documents:size.mb', { value: number(Math.round((bytes / 1024 / 1024) * 10) / 10) });
}
