import type { FlatField, FormDefinition } from './types.ts';

/**
 * Every field of a form in form order, repeat children right after their group (with `parent`), as
 * `GET /api/monitoring/form-versions/{id}` lists them; `options` are the option keys of choice fields.
 */
export function flattenFields(def: FormDefinition): FlatField[] {
  const out: FlatField[] = [];
  for (const section of def.sections) {
    for (const f of section.fields) {
      out.push({
        key: f.key,
        type: f.type,
        required: f.required === true,
        options: (f.options ?? []).map((o) => o.key),
        section: section.key,
        label: f.label,
      });
      if (f.type !== 'repeat') continue;
      for (const ch of f.fields ?? []) {
        out.push({
          key: ch.key,
          type: ch.type,
          required: ch.required === true,
          options: (ch.options ?? []).map((o) => o.key),
          parent: f.key,
          section: section.key,
          label: ch.label,
        });
      }
    }
  }
  return out;
}
