import { isEmptyAnswer } from './conditions.ts';
import type { AnswerIssue, CompareOp, FieldType, FormDefinition, FormField } from './types.ts';

/**
 * Comparisons between answers (`constraint.compare`, types.ts). The refusing rules run inside
 * validateAnswers; the checking ones are found by `answerChecks` on answers that are already valid:
 * the field app asks the observer to confirm them, the server puts the report in the "to verify"
 * queue, and the reviewer sees them beside the answers.
 */
export const COMPARABLE: readonly FieldType[] = ['number', 'date', 'datetime'];

/** A comparable value: numbers as they are, dates as text (YYYY-MM-DD sorts), date-times as instants. */
function valueOf(type: FieldType, v: unknown): number | string | undefined {
  if (type === 'number') return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string' || v === '') return undefined;
  if (type === 'date') return v;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Whether `a op b` holds; true when either side cannot be compared (nothing to say then). */
export function compareHolds(type: FieldType, op: CompareOp, a: unknown, b: unknown): boolean {
  const x = valueOf(type, a);
  const y = valueOf(type, b);
  if (x === undefined || y === undefined || typeof x !== typeof y) return true;
  switch (op) {
    case 'lte':
      return x <= y;
    case 'lt':
      return x < y;
    case 'gte':
      return x >= y;
    case 'gt':
      return x > y;
    case 'eq':
      return x === y;
    default:
      return true;
  }
}

/** Where an answer's rule looks up the other answer: the repeat entry first, then the form. */
export type Lookup = (key: string) => unknown;

/** The rules of `f` (refusing or checking ones) that `v` breaks, as issues at `path`. */
export function compareIssues(
  f: FormField,
  v: unknown,
  path: string,
  lookup: Lookup,
  refuse: boolean,
): AnswerIssue[] {
  const out: AnswerIssue[] = [];
  for (const rule of f.constraint?.compare ?? []) {
    if (!!rule.refuse !== refuse) continue;
    const other = lookup(rule.field);
    if (isEmptyAnswer(other) || compareHolds(f.type, rule.op, v, other)) continue;
    // A check is worded as what was found ("More than …"), a refusal as what is needed ("Must be …").
    const params: Record<string, string | number> = { op: rule.op, other: rule.field };
    if (!refuse) params.check = 1;
    out.push({ path, code: 'compare', params });
  }
  return out;
}

/**
 * The checking rules that valid answers break, in form order. Hidden questions have no answers in a
 * valid submission, so every answer present is one the observer saw.
 */
export function answerChecks(def: FormDefinition, answers: Record<string, unknown>): AnswerIssue[] {
  const out: AnswerIssue[] = [];
  const top: Lookup = (k) => (Object.hasOwn(answers, k) ? answers[k] : undefined);
  for (const section of def.sections) {
    for (const f of section.fields) {
      const v = top(f.key);
      if (f.type === 'repeat') {
        if (!Array.isArray(v)) continue;
        v.forEach((item, i) => {
          if (typeof item !== 'object' || item === null) return;
          const entry = item as Record<string, unknown>;
          const lookup: Lookup = (k) => (Object.hasOwn(entry, k) ? entry[k] : top(k));
          for (const ch of f.fields ?? []) {
            if (!ch.constraint?.compare || isEmptyAnswer(entry[ch.key])) continue;
            out.push(...compareIssues(ch, entry[ch.key], `${f.key}[${i}].${ch.key}`, lookup, false));
          }
        });
      } else if (f.constraint?.compare && !isEmptyAnswer(v)) {
        out.push(...compareIssues(f, v, f.key, top, false));
      }
    }
  }
  return out;
}
