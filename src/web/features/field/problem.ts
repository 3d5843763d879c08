import type { TFunction } from 'i18next';
import { issueMessageKey } from '../../../core/forms/answers.ts';
import type { AnswerIssue, FormDefinition } from '../../../core/forms/types';
import type { Locale } from '../../i18n';
import { fieldAt } from './answers';
import type { ServerProblem } from './db';
import { loc } from './live';

const CODES = new Set<string>([
  'required',
  'type',
  'option',
  'hidden',
  'unknown',
  'min',
  'max',
  'integer',
  'max_length',
  'min_items',
  'max_items',
]);

/**
 * What to tell the observer about a refusal, in the app's language: one line per field the server
 * named, worded here from its code and the form's own label, else the server's own message (which
 * the server writes in the language on screen: the field app sends it with each request).
 */
export function problemLines(
  problem: ServerProblem,
  def: FormDefinition | undefined,
  lang: Locale,
  t: TFunction,
): string[] {
  const lines = (problem.details ?? [])
    .filter((d) => CODES.has(d.code))
    .slice(0, 5)
    .map((d) =>
      t(issueMessageKey({ path: d.path, code: d.code as AnswerIssue['code'] }), {
        field: (def && loc(fieldAt(def, d.path)?.label, lang)) || d.path,
      }),
    );
  if (lines.length) return lines;
  return [problem.message || t('field:outbox.error_generic', { status: problem.status })];
}
