import { isEmptyAnswer, isVisible } from '../../../core/forms/conditions.ts';
import type { Answers, FormDefinition, FormField } from '../../../core/forms/types';

function pruneItem(fields: FormField[], item: Answers, top: Answers): Answers {
  const out: Answers = {};
  for (const f of fields) {
    const v = item[f.key];
    if (!isVisible(f.visibleIf, top, out) || isEmptyAnswer(v)) continue;
    out[f.key] = v;
  }
  return out;
}

/**
 * What is saved: the answers to questions still visible, without empty ones. A question hidden after
 * it was answered (the observer changed an earlier answer) is dropped, as the server refuses answers
 * to hidden questions.
 */
export function pruneAnswers(def: FormDefinition, answers: Answers): Answers {
  const out: Answers = {};
  for (const section of def.sections) {
    if (!isVisible(section.visibleIf, out)) continue;
    for (const f of section.fields) {
      const v = answers[f.key];
      if (!isVisible(f.visibleIf, out) || isEmptyAnswer(v)) continue;
      if (f.type === 'repeat' && Array.isArray(v)) {
        out[f.key] = (v as Answers[]).map((item) => pruneItem(f.fields ?? [], item, out));
      } else out[f.key] = v;
    }
  }
  return out;
}
