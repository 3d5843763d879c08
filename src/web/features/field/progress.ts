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
 * How far an observer is in a form, counted over the questions on screen. A repeat group is one
 * question, answered once it has an entry; the required questions its entries leave empty count as
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
      if (!isEmptyAnswer(answers[f.key])) {
        answered++;
        const inner = openInEntries(f, answers);
        requiredOpen += inner;
        if (inner) firstRequired ??= f.key;
        continue;
      }
      firstOpen ??= f.key;
      if (f.required) {
        requiredOpen++;
        firstRequired ??= f.key;
      }
    }
  }
  return { total, answered, requiredOpen, next: firstRequired ?? firstOpen };
}
