import type { FieldType } from './types.ts';

/**
 * The answers a reviewer may correct (review.correct.ts, ADR 0030): what an observer confirms on the
 * phone ("the turnout was 1,530, not 15,300"). Not files, signatures or recordings (evidence as the
 * observer made it), places (changed with "Change the place", which moves the report's region) or
 * repeat groups. Shared by the server's check and the web's correction dialog.
 */
export const CORRECTABLE: ReadonlySet<FieldType> = new Set<FieldType>([
  'text',
  'long_text',
  'number',
  'boolean',
  'single_choice',
  'multiple_choice',
  'date',
  'datetime',
]);
