import type { Answers, Condition, FormField } from './types.ts';

/**
 * Conditional visibility and critical-answer rules. An empty answer (missing, null, '' or []) counts as
 * "not answered", so a condition on an unanswered or hidden question behaves the same on the phone and
 * on the server.
 */
export function isEmptyAnswer(v: unknown): boolean {
  return (
    v === undefined ||
    v === null ||
    (typeof v === 'string' && v.trim() === '') ||
    (Array.isArray(v) && v.length === 0)
  );
}

function equals(answer: unknown, value: unknown): boolean {
  return (
    answer === value && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
  );
}

/** True when the answer matches `op value` (shared by conditions and `critical` rules). */
export function matches(op: string, answer: unknown, value: unknown): boolean {
  switch (op) {
    case 'answered':
      return !isEmptyAnswer(answer);
    case 'not_answered':
      return isEmptyAnswer(answer);
    case 'eq':
      return equals(answer, value);
    case 'neq':
      return !equals(answer, value);
    case 'in':
      if (!Array.isArray(value)) return false;
      if (Array.isArray(answer)) return answer.some((a) => value.includes(a));
      return value.includes(answer);
    case 'includes':
      if (Array.isArray(answer)) {
        return Array.isArray(value) ? value.some((v) => answer.includes(v)) : answer.includes(value);
      }
      return equals(answer, value);
    case 'gt':
    case 'lt': {
      const comparable =
        (typeof answer === 'number' && typeof value === 'number' && Number.isFinite(answer)) ||
        (typeof answer === 'string' && typeof value === 'string' && answer !== '');
      if (!comparable) return false;
      return op === 'gt' ? (answer as number) > (value as number) : (answer as number) < (value as number);
    }
    default:
      return false;
  }
}

function lookup(key: string, answers: Answers, scope: Answers | undefined): unknown {
  if (scope && Object.hasOwn(scope, key)) return scope[key];
  return Object.hasOwn(answers, key) ? answers[key] : undefined;
}

/**
 * Whether a condition holds. `scope` is the answers of the current repeat item: a key found there (a
 * sibling child) wins over the form's top-level answers. No condition = visible.
 */
export function isVisible(cond: Condition | undefined, answers: Answers, scope?: Answers): boolean {
  if (!cond) return true;
  if ('all' in cond) return cond.all.every((c) => isVisible(c, answers, scope));
  if ('any' in cond) return cond.any.some((c) => isVisible(c, answers, scope));
  return matches(cond.op, lookup(cond.field, answers, scope), cond.value);
}

/** Whether this one field's answer trips its `critical` rule. */
export function isCriticalAnswer(field: FormField, answer: unknown): boolean {
  return (
    !!field.critical && !isEmptyAnswer(answer) && matches(field.critical.op, answer, field.critical.value)
  );
}
