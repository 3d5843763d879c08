import { isEmptyAnswer, isVisible } from '../../../core/forms/conditions.ts';
import type { Answers, FormDefinition } from '../../../core/forms/types';

export interface FormProgress {
  /** Questions shown now (those a condition hides do not count) and how many of them have an answer. */
  total: number;
  answered: number;
  /** Required questions shown and still unanswered. */
  requiredOpen: number;
  /** The first unanswered question on the page, required ones first: where "next" goes. */
  next: string | null;
}

/**
 * How far an observer is in a form, counted over the questions on screen. A repeat group is one
 * question, answered once it has an item; its inner questions are checked when the report is saved.
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
