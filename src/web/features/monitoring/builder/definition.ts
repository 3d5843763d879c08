import { fieldByKey } from '../../../../core/forms/messages';
import type {
  FieldType,
  FormDefinition,
  FormField,
  FormKind,
  FormSection,
} from '../../../../core/forms/types';
import { emptyL10n } from '../l10n';

/** Pure edits of a form definition for the builder; every edit returns a new definition. */

/** Every key used in the form (sections, fields, repeat children): keys must be unique. */
export function usedKeys(def: FormDefinition): Set<string> {
  const keys = new Set<string>();
  const walk = (fields: FormField[]) => {
    for (const f of fields) {
      keys.add(f.key);
      if (f.fields) walk(f.fields);
    }
  };
  for (const s of def.sections) {
    keys.add(s.key);
    walk(s.fields);
  }
  return keys;
}

/** A fresh key like `q3` not yet used in the form. */
export function freshKey(def: FormDefinition, prefix: string): string {
  const used = usedKeys(def);
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

export function newField(def: FormDefinition, type: FieldType): FormField {
  const field: FormField = { key: freshKey(def, 'q'), type, label: emptyL10n() };
  if (type === 'single_choice' || type === 'multiple_choice')
    field.options = [{ key: 'yes', label: emptyL10n() }];
  if (type === 'file') field.accept = 'photo';
  if (type === 'repeat') field.fields = [];
  return field;
}

export function newSection(def: FormDefinition): FormSection {
  return { key: freshKey(def, 's'), title: emptyL10n(), fields: [] };
}

export function blankDefinition(kind: FormKind): FormDefinition {
  const def: FormDefinition = { title: emptyL10n(), kind, sections: [] };
  def.sections.push(newSection(def));
  return def;
}

/** Moves item i one place up (-1) or down (+1); out of range leaves the list as it is. */
export function move<T>(list: readonly T[], i: number, dir: -1 | 1): T[] {
  const j = i + dir;
  if (j < 0 || j >= list.length) return [...list];
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

export function replaceAt<T>(list: readonly T[], i: number, item: T): T[] {
  return list.map((x, k) => (k === i ? item : x));
}

export function removeAt<T>(list: readonly T[], i: number): T[] {
  return list.filter((_, k) => k !== i);
}

/** Fields a condition may refer to: those before the given one, top level (repeat children excluded). */
export function earlierFields(def: FormDefinition, sectionIndex: number, fieldIndex: number): FormField[] {
  const out: FormField[] = [];
  def.sections.forEach((s, si) => {
    s.fields.forEach((f, fi) => {
      if (si < sectionIndex || (si === sectionIndex && fi < fieldIndex)) if (f.type !== 'repeat') out.push(f);
    });
  });
  return out;
}

/** Server paths come as `sections.0.fields.2.label.ky` or `sections[0].fields[2].label.ky`. */
export function normalizePath(path: string): string {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\./, '')
    .replace(/^definition\./, '');
}

/** Gives children added without a key (repeat groups) a fresh key and their type's defaults. */
export function fillKeys(def: FormDefinition): FormDefinition {
  const used = usedKeys(def);
  let changed = false;
  const walk = (fields: FormField[]): FormField[] =>
    fields.map((f) => {
      let out = f;
      if (!f.key) {
        let n = 1;
        while (used.has(`q${n}`)) n++;
        used.add(`q${n}`);
        out = { ...newField(def, f.type), ...f, key: `q${n}` };
        changed = true;
      }
      return out.fields ? { ...out, fields: walk(out.fields) } : out;
    });
  const next = { ...def, sections: def.sections.map((s) => ({ ...s, fields: walk(s.fields) })) };
  return changed ? next : def;
}

/**
 * Pick-list entries with each value once: while a key is being typed it may briefly equal another
 * question's or option's key, and a list with a repeated value would stop the whole builder.
 */
export function uniqueValues<T extends { value: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.value) && (seen.add(i.value), true));
}

/**
 * Where every section, question and option stands (by key): changes when one moves, is added or
 * removed. The server's issues name positions (`options.2.label`), so they hold only until then.
 */
export function layoutOf(def: FormDefinition): string {
  const field = (f: FormField): string =>
    `${f.key}{${(f.options ?? []).map((o) => o.key).join()}}[${(f.fields ?? []).map(field).join()}]`;
  return def.sections.map((s) => `${s.key}(${s.fields.map(field).join()})`).join('|');
}

/**
 * Why a comparison of `field` cannot use the question `key` names, or null when it can: that question
 * is gone from the form, is of another type, or is not before `field` (not among `candidates`).
 */
export function compareProblem(
  def: FormDefinition,
  field: FormField,
  candidates: readonly FormField[],
  key: string,
): { problem: 'gone' | 'type' | 'order'; other?: FormField } | null {
  if (candidates.some((c) => c.key === key && c.type === field.type)) return null;
  const other = fieldByKey(def, key);
  if (!other) return { problem: 'gone' };
  return { problem: other.type === field.type ? 'order' : 'type', other };
}
