import type { Condition, FormDefinition, FormField } from '../../../../core/forms/types';
import { removeAt, usedKeys } from './definition';

/**
 * Removing a section or question that other questions' "show only when" conditions (or comparisons) name: the builder
 * finds those dependents to warn about them, and drops the dangling parts of their conditions, so no
 * question is left with a condition on a question that is gone (the server would refuse the form).
 * A removal is named by the editor path of what goes: `sections.1`, `sections.1.fields.2` or
 * `sections.1.fields.2.fields.0` (a question inside a repeat group).
 */

function indices(path: string): [number, number?, number?] | undefined {
  const m = /^sections\.(\d+)(?:\.fields\.(\d+)(?:\.fields\.(\d+))?)?$/.exec(path);
  if (!m) return undefined;
  const n = (s: string | undefined) => (s === undefined ? undefined : Number(s));
  return [Number(m[1]), n(m[2]), n(m[3])];
}

/** What `path` removes: a section's questions, or the one question (a group with its children). */
export function fieldsAt(def: FormDefinition, path: string): FormField[] {
  const [s, f, c] = indices(path) ?? [-1];
  const section = def.sections[s];
  if (!section) return [];
  if (f === undefined) return section.fields;
  const field = section.fields[f];
  if (!field) return [];
  if (c === undefined) return [field];
  const child = field.fields?.[c];
  return child ? [child] : [];
}

export function removePath(def: FormDefinition, path: string): FormDefinition {
  const at = indices(path);
  if (!at) return def;
  const [s, f, c] = at;
  if (f === undefined) return { ...def, sections: removeAt(def.sections, s) };
  return {
    ...def,
    sections: def.sections.map((sec, si) =>
      si !== s
        ? sec
        : {
            ...sec,
            fields:
              c === undefined
                ? removeAt(sec.fields, f)
                : sec.fields.map((fl, fi) =>
                    fi === f ? { ...fl, fields: removeAt(fl.fields ?? [], c) } : fl,
                  ),
          },
    ),
  };
}

/**
 * Keys that disappear with `path`: its questions and their children, except a key still used elsewhere
 * (a duplicate the server will flag anyway), whose conditions still have something to refer to.
 */
export function keysGoneWith(def: FormDefinition, path: string): Set<string> {
  const left = usedKeys(removePath(def, path));
  const gone = new Set<string>();
  const walk = (fields: FormField[]) => {
    for (const f of fields) {
      if (!left.has(f.key)) gone.add(f.key);
      walk(f.fields ?? []);
    }
  };
  walk(fieldsAt(def, path));
  return gone;
}

function mentions(cond: Condition | undefined, keys: Set<string>): boolean {
  if (!cond) return false;
  if ('all' in cond) return cond.all.some((c) => mentions(c, keys));
  if ('any' in cond) return cond.any.some((c) => mentions(c, keys));
  return keys.has(cond.field);
}

/** The condition without its parts on `keys`; a group left empty goes too (undefined: no condition). */
function prune(cond: Condition, keys: Set<string>): Condition | undefined {
  if ('all' in cond || 'any' in cond) {
    const parts = ('all' in cond ? cond.all : cond.any)
      .map((c) => prune(c, keys))
      .filter((c): c is Condition => c !== undefined);
    if (parts.length === 0) return undefined;
    return 'all' in cond ? { all: parts } : { any: parts };
  }
  return keys.has(cond.field) ? undefined : cond;
}

const compares = (f: FormField, keys: Set<string>) =>
  (f.constraint?.compare ?? []).some((r) => keys.has(r.field));

/** A section (no `field`) or a question whose condition or comparison names one of `keys`. */
export interface Dependent {
  section: number;
  field?: FormField;
}

export function dependentsOn(def: FormDefinition, keys: Set<string>): Dependent[] {
  const out: Dependent[] = [];
  def.sections.forEach((s, si) => {
    if (mentions(s.visibleIf, keys)) out.push({ section: si });
    for (const f of s.fields) {
      if (mentions(f.visibleIf, keys) || compares(f, keys)) out.push({ section: si, field: f });
      for (const c of f.fields ?? []) {
        if (mentions(c.visibleIf, keys) || compares(c, keys)) out.push({ section: si, field: c });
      }
    }
  });
  return out;
}

export function dropConditionsOn(def: FormDefinition, keys: Set<string>): FormDefinition {
  const fix = <T extends { visibleIf?: Condition }>(x: T): T => {
    if (!mentions(x.visibleIf, keys)) return x;
    const { visibleIf, ...rest } = x;
    const kept = prune(visibleIf!, keys);
    return (kept ? { ...rest, visibleIf: kept } : rest) as T;
  };
  const uncompare = (f: FormField): FormField => {
    if (!compares(f, keys)) return f;
    const kept = f.constraint!.compare!.filter((r) => !keys.has(r.field));
    const { compare: _c, ...constraint } = f.constraint!;
    const next = kept.length ? { ...constraint, compare: kept } : constraint;
    const { constraint: _old, ...rest } = f;
    return Object.keys(next).length ? { ...rest, constraint: next } : rest;
  };
  const fixField = (f: FormField): FormField => {
    const out = uncompare(fix(f));
    return out.fields ? { ...out, fields: out.fields.map((c) => uncompare(fix(c))) } : out;
  };
  return { ...def, sections: def.sections.map((s) => ({ ...fix(s), fields: s.fields.map(fixField) })) };
}
