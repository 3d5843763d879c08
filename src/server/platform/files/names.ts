/** Longest stored file name, in characters (the extension is kept when a name is cut). */
export const MAX_NAME_CHARS = 180;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A file name safe to store, show and offer for download: the last path segment only (no traversal),
 * NFC, without control or format characters (bidi overrides such as U+202E can disguise `exe.pdf` as
 * `fdp.exe`), without characters that are reserved in file systems, trimmed and length-limited.
 * Never empty: `fallback` (e.g. `file`) stands in for a name with nothing left.
 */
export function sanitizeFileName(raw: string, fallback = 'file'): string {
  let name = raw.normalize('NFC');
  name = name.split(/[/\\]/).pop() ?? '';
  name = name
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/gu, ' ')
    .trim()
    // No hidden files and no names made of dots (`.`, `..`); no trailing dots (Windows drops them).
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  name = limitLength(name);
  return name || fallback;
}

function limitLength(name: string): string {
  const chars = [...name];
  if (chars.length <= MAX_NAME_CHARS) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 11 ? name.slice(dot) : '';
  const stem = [...name.slice(0, name.length - ext.length)].slice(0, MAX_NAME_CHARS - ext.length);
  return stem.join('').trimEnd() + ext;
}

/** Give a name the extension its content was recognised as, when it had none. */
export function withExtension(name: string, ext: string): string {
  return /\.[A-Za-z0-9]{1,10}$/.test(name) ? name : `${name}.${ext}`;
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback and the exact name as RFC 5987 `filename*`,
 * so that Cyrillic names survive and nothing in the name can break out of the header.
 */
export function attachmentDisposition(name: string): string {
  return disposition('attachment', name);
}

/** The same for a file the browser may show itself (a photo or a recording opened in a tab). */
export function inlineDisposition(name: string): string {
  return disposition('inline', name);
}

function disposition(type: 'attachment' | 'inline', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_') || 'file';
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
