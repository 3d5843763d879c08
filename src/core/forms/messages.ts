import type { Locale } from '../roles.ts';
import { fieldForPath, issueMessageKey } from './answers.ts';
import type { AnswerIssue, FormDefinition, FormField, L10n } from './types.ts';

/**
 * An answer problem worded for a person, the same way on the server (a 400's message), in the field
 * app and on the review page. `t` is the caller's translator (i18next's, over the `errors` catalog).
 * Beside its question a message stands alone ("This answer is required."); in a list or a refusal it
 * is named ("Ballots issued: …").
 */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

export function labelIn(text: L10n | undefined, lang: Locale, fallback: string): string {
  if (!text) return fallback;
  return text[lang] || text.en || text.ru || text.ky || fallback;
}

/**
 * A repeat group's name for one entry, in this language only: a noun from another language would sit
 * inside this language's sentence ("Окуя кошуу" with "Incident"), so without one the caller says the
 * generic "Entry".
 */
export function entryNoun(field: FormField, lang: Locale): string | undefined {
  return field.itemLabel?.[lang]?.trim() || undefined;
}

/** A question by key anywhere in the form (a compared question may sit in the same repeat entry). */
export function fieldByKey(def: FormDefinition, key: string): FormField | undefined {
  for (const s of def.sections) {
    for (const f of s.fields) {
      if (f.key === key) return f;
      const child = f.fields?.find((c) => c.key === key);
      if (child) return child;
    }
  }
  return undefined;
}

/** A message after "Question: " starts in lower case, in all three languages. */
function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase() + s.slice(1);
}

export function issueMessage(
  def: FormDefinition | undefined,
  issue: AnswerIssue,
  lang: Locale,
  t: Translate,
  named = true,
): string {
  const field = def ? fieldForPath(def, issue.path) : undefined;
  const params: Record<string, unknown> = { ...issue.params };
  let key = issueMessageKey(issue);
  if (issue.code === 'compare') {
    const otherKey = String(issue.params?.other ?? '');
    const other = def ? fieldByKey(def, otherKey) : undefined;
    params.other = labelIn(other?.label, lang, otherKey);
    // Dates and times are earlier or later, not less or more.
    const dated = field?.type === 'date' || field?.type === 'datetime';
    const kind = issue.params?.check ? 'check' : 'answer';
    key = `errors:forms.${kind}_compare_${String(issue.params?.op ?? 'eq')}${dated ? '_date' : ''}`;
  }
  const message = t(key, params);
  if (!named) return message;
  // "Когда: эта дата…", not "Когда?: Эта дата…".
  const label = labelIn(field?.label, lang, issue.path).replace(/[\s?:：]+$/u, '');
  return t('errors:forms.answer_named', { field: label, message: lowerFirst(message) });
}
