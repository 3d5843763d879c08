import { DESCRIPTION_MAX } from '../../../../core/evidence-limits';

/** The server schema's own limit (not its zod schema, which would put zod in this bundle). */
export { DESCRIPTION_MAX };

/** A chosen file waiting for its own description before it is sent. */
export interface UploadRow {
  key: string;
  file: File;
  description: string;
}

let lastKey = 0;

/**
 * Rows for newly chosen files, each prefilled with the shared description. Keys come from a counter:
 * two files may share a name, and `crypto.randomUUID` is missing outside secure contexts (plain HTTP
 * on an office network).
 */
export function newRows(files: readonly File[], shared: string): UploadRow[] {
  return files.map((file) => ({ key: `row-${++lastKey}`, file, description: shared }));
}

/**
 * The length the server's schema checks: it trims the text and counts code points (an emoji is one),
 * and the browser sends every line break of a multipart text field as CR LF, so a description with
 * many lines is longer there than in the textarea.
 */
export function descriptionLength(text: string): number {
  return Array.from(text.trim().replace(/\r?\n/g, '\r\n')).length;
}

export function isTooLong(text: string): boolean {
  return descriptionLength(text) > DESCRIPTION_MAX;
}

/** The rows whose description the server would refuse; nothing may be sent while there are any. */
export function invalidRows(rows: readonly UploadRow[]): UploadRow[] {
  return rows.filter((r) => isTooLong(r.description));
}

/**
 * Whether a choice of files is sent at once, as before per-file descriptions: one file, nothing else
 * waiting, and a description the server accepts. Anything else is listed for a description per file.
 */
export function sendAtOnce(files: readonly File[], waiting: number, shared: string): boolean {
  return files.length === 1 && waiting === 0 && !isTooLong(shared);
}
