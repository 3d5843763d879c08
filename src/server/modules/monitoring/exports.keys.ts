import { RecordKey, type Envelope } from '../../platform/crypto/envelope.ts';
import { KEY_BYTES, type RawRow } from './exports.types.ts';
import { openTranslations, type RowTranslations } from './exports.translations.ts';

/**
 * On the main thread: unwrap the page's data keys into one buffer (transferred to the worker with the
 * page) and drop the wrapped keys from the rows, which need not cross to the worker. The first `open`
 * rows have their answers (and translations) decrypted here instead (when the workers are behind, this
 * thread would only wait for them); their key slots stay zero, so their keys never leave this thread.
 */
export function pageKeys(
  env: Envelope,
  rows: RawRow[],
  open = 0,
  translations?: RowTranslations[],
): Uint8Array {
  const keys = new Uint8Array(new ArrayBuffer(rows.length * KEY_BYTES));
  const one = Buffer.alloc(KEY_BYTES);
  rows.forEach((r, i) => {
    if (i < open) {
      env.unwrapInto('submissions', r[0], r[12], one, 0);
      try {
        const key = new RecordKey(one, 'submissions', r[0]);
        r[11] = key.decrypt('answers', r[11]);
        if (translations) translations[i] = openTranslations(translations[i], key);
      } finally {
        one.fill(0);
      }
    } else env.unwrapInto('submissions', r[0], r[12], keys, i * KEY_BYTES);
    r[12] = '';
  });
  return keys;
}
