import { isDistrictOf, isRegionCode } from '../geo/regions.ts';
import { compareIssues } from './compare.ts';
import { isCriticalAnswer, isEmptyAnswer, isVisible } from './conditions.ts';
import type { AnswerIssue, Answers, FormDefinition, FormField } from './types.ts';

/**
 * Checks a submission's answers against its form version: the same code runs in the field app (before
 * queueing) and on the server (before storing). It never throws, whatever JSON it is given. An answer
 * to a question that is hidden under the submitted answers is an error (`hidden`), never silently
 * dropped: the observer must see that the form and their answers disagree.
 */
const DEFAULT_MAX_LENGTH = { text: 1000, long_text: 20_000 } as const;

/** The longest answer a text question takes: its own limit, else the default for its type. */
export function textMaxLength(f: FormField & { type: 'text' | 'long_text' }): number {
  return f.constraint?.maxLength ?? DEFAULT_MAX_LENGTH[f.type];
}
const DEFAULT_MAX_ITEMS = 200;
const MAX_ISSUES = 200;
const PLACE_MAX = 300;
const UPLOAD_ID_RE = /^[A-Za-z0-9._-]{1,64}$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
const LOCATION_KEYS = new Set(['region', 'district', 'place', 'lat', 'lon']);

interface Compiled {
  top: Map<string, FormField>;
  children: Map<string, Map<string, FormField>>;
}
const cache = new WeakMap<FormDefinition, Compiled>();

function compile(def: FormDefinition): Compiled {
  let c = cache.get(def);
  if (c) return c;
  c = { top: new Map(), children: new Map() };
  for (const s of def.sections) {
    for (const f of s.fields) {
      c.top.set(f.key, f);
      if (f.type === 'repeat') c.children.set(f.key, new Map((f.fields ?? []).map((ch) => [ch.key, ch])));
    }
  }
  cache.set(def, c);
  return c;
}

const own = (o: Answers, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isRealDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

export function isIsoDateTime(s: string): boolean {
  const m = DATETIME_RE.exec(s);
  if (!m || !isRealDate(m[1]!)) return false;
  if (Number(m[2]) > 23 || Number(m[3]) > 59 || (m[4] !== undefined && Number(m[4]) > 59)) return false;
  return m[5] === undefined || (Number(m[5]) <= 14 && Number(m[6]) <= 59);
}

type Push = (path: string, code: AnswerIssue['code'], params?: AnswerIssue['params']) => void;

function checkLocation(v: unknown, path: string, push: Push): boolean {
  if (!isPlainObject(v) || Object.keys(v).some((k) => !LOCATION_KEYS.has(k))) {
    push(path, 'type');
    return false;
  }
  const { region, district, place, lat, lon } = v;
  if (!isRegionCode(region)) {
    push(path, 'option');
    return false;
  }
  if (district != null && (typeof district !== 'string' || !isDistrictOf(region, district))) {
    push(path, 'option');
    return false;
  }
  if (place != null && typeof place !== 'string') return (push(path, 'type'), false);
  if (typeof place === 'string' && place.length > PLACE_MAX) {
    return (push(path, 'max_length', { max: PLACE_MAX }), false);
  }
  const inRange = (n: unknown, lim: number) =>
    n == null || (typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= lim);
  if (!inRange(lat, 90) || !inRange(lon, 180)) return (push(path, 'type'), false);
  return true;
}

/**
 * The latest date that is "today" somewhere (UTC+14): a date-only answer carries no time zone, and an
 * incident reported just after midnight in Bishkek (UTC+6) must not be refused as tomorrow's.
 */
function latestToday(): string {
  return new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);
}

/** Checks one non-empty answer's type and constraints; true when it may feed later conditions. */
function checkValue(f: FormField, v: unknown, path: string, push: Push): boolean {
  const c = f.constraint ?? {};
  switch (f.type) {
    case 'text':
    case 'long_text': {
      if (typeof v !== 'string') return (push(path, 'type'), false);
      const max = textMaxLength(f as FormField & { type: 'text' | 'long_text' });
      if (v.length > max) return (push(path, 'max_length', { max }), false);
      return true;
    }
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return (push(path, 'type'), false);
      if (c.integer && !Number.isInteger(v)) return (push(path, 'integer'), false);
      if (c.min !== undefined && v < c.min) return (push(path, 'min', { min: c.min }), false);
      if (c.max !== undefined && v > c.max) return (push(path, 'max', { max: c.max }), false);
      return true;
    case 'boolean':
      if (typeof v !== 'boolean') return (push(path, 'type'), false);
      return true;
    case 'single_choice':
      if (typeof v !== 'string') return (push(path, 'type'), false);
      if (!(f.options ?? []).some((o) => o.key === v)) return (push(path, 'option'), false);
      return true;
    case 'multiple_choice': {
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return (push(path, 'type'), false);
      const keys = new Set((f.options ?? []).map((o) => o.key));
      if (new Set(v).size !== v.length || v.some((x) => !keys.has(x as string))) {
        return (push(path, 'option'), false);
      }
      if (c.minItems !== undefined && v.length < c.minItems) {
        return (push(path, 'min_items', { min: c.minItems }), false);
      }
      if (c.maxItems !== undefined && v.length > c.maxItems) {
        return (push(path, 'max_items', { max: c.maxItems }), false);
      }
      return true;
    }
    case 'date':
      if (typeof v !== 'string' || !isRealDate(v)) return (push(path, 'type'), false);
      if (c.notFuture && v > latestToday()) return (push(path, 'future'), false);
      return true;
    case 'datetime':
      if (typeof v !== 'string' || !isIsoDateTime(v)) return (push(path, 'type'), false);
      // By its calendar date, as a date's: a phone's clock or time zone may be hours off, and an urgent
      // report stamped with it must not be refused (a report of 2027 still is).
      if (c.notFuture && v.slice(0, 10) > latestToday()) return (push(path, 'future'), false);
      return true;
    case 'location':
      return checkLocation(v, path, push);
    case 'file':
    case 'signature':
      if (typeof v !== 'string' || !UPLOAD_ID_RE.test(v)) return (push(path, 'type'), false);
      return true;
    default:
      return (push(path, 'type'), false);
  }
}

/** The refusing comparisons (compare.ts) against earlier valid answers; true when none is broken. */
function refusing(
  f: FormField,
  v: unknown,
  path: string,
  lookup: (k: string) => unknown,
  push: Push,
): boolean {
  if (!f.constraint?.compare) return true;
  const found = compareIssues(f, v, path, lookup, true);
  for (const i of found) push(i.path, i.code, i.params);
  return found.length === 0;
}

function checkRepeat(f: FormField, v: unknown, path: string, effective: Answers, push: Push): boolean {
  if (!Array.isArray(v)) return (push(path, 'type'), false);
  const c = f.constraint ?? {};
  const max = Math.min(c.maxItems ?? DEFAULT_MAX_ITEMS, 1000);
  if (v.length > max) return (push(path, 'max_items', { max }), false);
  if (c.minItems !== undefined && v.length < c.minItems) {
    return (push(path, 'min_items', { min: c.minItems }), false);
  }
  const children = f.fields ?? [];
  const childKeys = new Set(children.map((ch) => ch.key));
  let ok = true;
  v.forEach((item, i) => {
    const ip = `${path}[${i}]`;
    if (!isPlainObject(item)) {
      push(ip, 'type');
      ok = false;
      return;
    }
    for (const k of Object.keys(item)) if (!childKeys.has(k)) push(`${ip}.${k}`, 'unknown');
    const scope: Answers = {};
    for (const ch of children) {
      const cp = `${ip}.${ch.key}`;
      const av = Object.hasOwn(item, ch.key) ? item[ch.key] : undefined;
      if (!isVisible(ch.visibleIf, effective, scope)) {
        if (!isEmptyAnswer(av)) push(cp, 'hidden');
        continue;
      }
      if (isEmptyAnswer(av)) {
        if (ch.required) push(cp, 'required');
        continue;
      }
      if (!checkValue(ch, av, cp, push)) {
        ok = false;
        continue;
      }
      if (refusing(ch, av, cp, (k) => (Object.hasOwn(scope, k) ? scope[k] : own(effective, k)), push))
        scope[ch.key] = av;
      else ok = false;
    }
  });
  return ok;
}

/** All problems of a submission's answers (empty = valid), in form order, at most 200. */
export function validateAnswers(def: FormDefinition, answers: unknown): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const push: Push = (path, code, params) => {
    if (issues.length < MAX_ISSUES) issues.push(params ? { path, code, params } : { path, code });
  };
  if (!isPlainObject(answers)) return [{ path: '', code: 'type' }];
  const { top } = compile(def);
  for (const k of Object.keys(answers)) if (!top.has(k)) push(k, 'unknown');
  // Only visible, well-typed answers feed later conditions: a hidden or broken answer is "unanswered".
  const effective: Answers = {};
  for (const section of def.sections) {
    const sectionVisible = isVisible(section.visibleIf, effective);
    for (const f of section.fields) {
      const v = Object.hasOwn(answers, f.key) ? answers[f.key] : undefined;
      if (!sectionVisible || !isVisible(f.visibleIf, effective)) {
        if (!isEmptyAnswer(v)) push(f.key, 'hidden');
        continue;
      }
      if (isEmptyAnswer(v)) {
        if (f.required) push(f.key, 'required');
        continue;
      }
      const ok =
        f.type === 'repeat'
          ? checkRepeat(f, v, f.key, effective, push)
          : checkValue(f, v, f.key, push) && refusing(f, v, f.key, (k) => own(effective, k), push);
      if (ok) effective[f.key] = v;
    }
  }
  return issues;
}

/** True when any answer (repeat items included) trips its field's `critical` rule. */
export function isCritical(def: FormDefinition, answers: unknown): boolean {
  if (!isPlainObject(answers)) return false;
  for (const section of def.sections) {
    for (const f of section.fields) {
      const v = Object.hasOwn(answers, f.key) ? answers[f.key] : undefined;
      if (f.type === 'repeat' && Array.isArray(v)) {
        for (const item of v) {
          if (!isPlainObject(item)) continue;
          for (const ch of f.fields ?? []) {
            if (Object.hasOwn(item, ch.key) && isCriticalAnswer(ch, item[ch.key])) return true;
          }
        }
      } else if (isCriticalAnswer(f, v)) return true;
    }
  }
  return false;
}

/** The i18n key of an issue's message; the message takes `{{field}}` (and the limit, if any). */
export function issueMessageKey(issue: AnswerIssue): string {
  return `errors:forms.answer_${issue.code}`;
}

/** The field an issue path (`key` or `group[2].child`) names, to show its label in a message. */
export function fieldForPath(def: FormDefinition, path: string): FormField | undefined {
  const m = /^([a-z][a-z0-9_]*)(?:\[\d+\](?:\.([a-z][a-z0-9_]*))?)?$/.exec(path);
  if (!m) return undefined;
  const { top, children } = compile(def);
  return m[2] ? children.get(m[1]!)?.get(m[2]) : top.get(m[1]!);
}
