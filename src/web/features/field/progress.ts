import { isEmptyAnswer, isVisible } from '../../../core/forms/conditions.ts';
import type { Answers, FormDefinition, FormField } from '../../../core/forms/types';

export interface FormProgress {
  /** Questions shown now (those a condition hides do not count) and how many of them have an answer. */
  total: number;
  answered: number;
  /** Required questions shown and still unanswered (in a repeat group's entries too). */
  requiredOpen: number;
  /** The first unanswered question on the page, required ones first: where "next" goes. */
  next: string | null;
}

/** Required questions left empty in a repeat group's entries (shown ones only, as the save checks them). */
function openInEntries(f: FormField, answers: Answers): number {
  const items = answers[f.key];
  if (f.type !== 'repeat' || !Array.isArray(items)) return 0;
  let open = 0;
  for (const item of items) {
    const entry = (item ?? {}) as Answers;
    for (const ch of f.fields ?? [])
      if (ch.required && isVisible(ch.visibleIf, answers, entry) && isEmptyAnswer(entry[ch.key])) open++;
  }
  return open;
}

/**
 * Whether a question counts as answered. A repeat group counts once one of its entries holds an
 * answer: "Add an entry" pressed and left empty moved the bar as if the question were done.
 */
function hasAnswer(f: FormField, value: unknown): boolean {
  if (f.type !== 'repeat') return !isEmptyAnswer(value);
  return (
    Array.isArray(value) &&
    value.some((item) => Object.values((item ?? {}) as Answers).some((v) => !isEmptyAnswer(v)))
  );
}

/**
 * How far an observer is in a form, counted over the questions on screen. A repeat group is one
 * question, answered once an entry holds an answer; the required questions its entries leave empty count as
 * open, or the bar said nothing was missing while saving was refused.
 */
export function formProgress(def: FormDefinition, answers: Answers): FormProgress {
  let total = 0;
  let answered = 0;
  let requiredOpen = 0;
  let firstRequired: string | null = null;
  let firstOpen: string | null = null;
  for (const s of def.sections) {
    if (!isVisible(s.visibleIf, answers)) continue;
    for (const f of s.fields) {
      if (!isVisible(f.visibleIf, answers)) continue;
      total++;
      const inner = openInEntries(f, answers);
      if (inner) firstRequired ??= f.key;
      if (hasAnswer(f, answers[f.key])) {
        answered++;
        requiredOpen += inner;
        continue;
      }
      firstOpen ??= f.key;
      // An added entry with nothing in it: its own required questions are what is open, once.
      requiredOpen += inner || (f.required ? 1 : 0);
      if (f.required) firstRequired ??= f.key;
    }
  }
  return { total, answered, requiredOpen, next: firstRequired ?? firstOpen };
}
