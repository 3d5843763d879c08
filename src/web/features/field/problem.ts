import type { TFunction } from 'i18next';
import { issueMessage, type Translate } from '../../../core/forms/messages.ts';
import type { AnswerIssue, FormDefinition } from '../../../core/forms/types';
import type { Locale } from '../../i18n';
import type { ServerProblem } from './db';

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
  'future',
  'compare',
] satisfies AnswerIssue['code'][]);

/** i18next's t as the shared messages' translator. */
export const translator =
  (t: TFunction): Translate =>
  (key, params) =>
    t(key, params ?? {});

/** The server's issues that the app can word itself, as the forms' own issues. */
export function serverIssues(problem: ServerProblem | null | undefined): AnswerIssue[] {
  return (problem?.details ?? [])
    .filter((d) => CODES.has(d.code))
    .map((d) => ({
      path: d.path,
      code: d.code as AnswerIssue['code'],
      ...(d.params ? { params: d.params } : {}),
    }));
}

/**
 * What to tell the observer about a refusal, in the app's language: one line per field the server
 * named, worded here from its code, its values and the form's own labels, else the server's own
 * message (which the server writes in the language on screen: the field app sends it with each
 * request).
 */
export function problemLines(
  problem: ServerProblem,
  def: FormDefinition | undefined,
  lang: Locale,
  t: TFunction,
): string[] {
  const lines = serverIssues(problem)
    .slice(0, 5)
    .map((i) => issueMessage(def, i, lang, translator(t)));
  if (lines.length) return lines;
  return [problemText(problem, t)];
}

/**
 * The server's message, worded again in the language on screen from its code and values (the stored
 * message is in the language of the moment it came); the stored one when the app has no such code.
 */
export function problemText(problem: ServerProblem, t: TFunction): string {
  const stored = problem.message || t('field:outbox.error_generic', { status: problem.status });
  return t(`errors:${problem.code}`, { ...problem.params, defaultValue: stored });
}
