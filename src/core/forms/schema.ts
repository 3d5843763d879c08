import { z } from 'zod';
import { FIELD_KEY_RE, FORM_LIMITS } from './limits.ts';
import { COMPARABLE } from './compare.ts';
import {
  COMPARE_OPS,
  FIELD_TYPES,
  FORM_KINDS,
  type Condition,
  type FormDefinition,
  type FormField,
} from './types.ts';

/**
 * The zod schema of a form definition plus the rules zod cannot say field by field (unique keys across
 * the whole form, conditions that point only backwards, one level of repeat). Shared by the server
 * (drafts, import, publish) and the form builder, so both reject the same definitions with the same
 * paths and codes.
 */
// Zod-free, so that the browser can read the limits without bundling the schema.
export { FIELD_KEY_RE, FORM_LIMITS };

export const OPTION_KEY_RE = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

/** One problem in a definition: `path` like `sections[0].fields[2].key`, `code` a stable word. */
export interface DefinitionIssue {
  path: string;
  code: string;
}

const l10n = (max: number, required: boolean) => {
  const text = z.string().max(max);
  const base = z.strictObject({ ky: text, ru: text, en: text });
  return required
    ? base.refine((v) => [v.ky, v.ru, v.en].some((s) => s.trim() !== ''), {
        params: { code: 'label_required' },
        message: 'label_required',
      })
    : base;
};
const Label = l10n(FORM_LIMITS.label, true);
const Hint = l10n(FORM_LIMITS.hint, false);
const ItemLabel = l10n(FORM_LIMITS.itemLabel, false);

const ConditionValue = z.union([
  z.string().max(200),
  z.number(),
  z.boolean(),
  z.array(z.string().max(200)).max(FORM_LIMITS.optionsPerField),
]);
const CONDITION_OPS = ['eq', 'neq', 'in', 'includes', 'gt', 'lt', 'answered', 'not_answered'] as const;

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({
      field: z.string().regex(FIELD_KEY_RE),
      op: z.enum(CONDITION_OPS),
      value: ConditionValue.optional(),
    }),
    z.strictObject({ all: z.array(conditionSchema).min(1).max(FORM_LIMITS.conditionBranches) }),
    z.strictObject({ any: z.array(conditionSchema).min(1).max(FORM_LIMITS.conditionBranches) }),
  ]),
);

const Option = z.strictObject({ key: z.string().regex(OPTION_KEY_RE), label: Label });

const Constraint = z.strictObject({
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  integer: z.boolean().optional(),
  maxLength: z.number().int().min(1).max(100_000).optional(),
  minItems: z.number().int().min(0).max(1000).optional(),
  maxItems: z.number().int().min(1).max(1000).optional(),
  notFuture: z.boolean().optional(),
  compare: z
    .array(
      z.strictObject({
        op: z.enum(COMPARE_OPS),
        field: z.string().regex(FIELD_KEY_RE),
        refuse: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(FORM_LIMITS.comparisons)
    .optional(),
});

const Critical = z.strictObject({
  op: z.enum(['eq', 'in', 'includes']),
  value: z.union([z.string().max(200), z.boolean(), z.array(z.string().max(200)).max(500)]),
});

const fieldShape = {
  key: z.string().regex(FIELD_KEY_RE),
  type: z.enum(FIELD_TYPES),
  label: Label,
  hint: Hint.optional(),
  required: z.boolean().optional(),
  options: z.array(Option).max(FORM_LIMITS.optionsPerField).optional(),
  vocabulary: z
    .string()
    .regex(/^[a-z0-9_.-]{1,60}$/)
    .optional(),
  constraint: Constraint.optional(),
  visibleIf: conditionSchema.optional(),
  accept: z.enum(['photo', 'audio', 'video', 'any']).optional(),
  critical: Critical.optional(),
  itemLabel: ItemLabel.optional(),
};
// A repeat child has the same shape; a `fields` on a child is caught below as `nested_repeat`.
const ChildField = z.strictObject({ ...fieldShape, fields: z.array(z.unknown()).optional() });
const Field = z.strictObject({
  ...fieldShape,
  fields: z.array(ChildField).max(FORM_LIMITS.fields).optional(),
});

const Section = z.strictObject({
  key: z.string().regex(FIELD_KEY_RE),
  title: Label,
  visibleIf: conditionSchema.optional(),
  fields: z.array(Field).max(FORM_LIMITS.fields),
});

const structural = z.strictObject({
  title: Label,
  description: l10n(FORM_LIMITS.description, false).optional(),
  kind: z.enum(FORM_KINDS),
  sections: z.array(Section).min(1).max(FORM_LIMITS.sections),
});

type Ctx = z.core.$RefinementCtx<z.infer<typeof structural>>;
type Path = (string | number)[];

function add(ctx: Ctx, path: Path, code: string): void {
  ctx.addIssue({ code: 'custom', path, message: code, params: { code } });
}

/** Checks a condition's references: each must be a key already seen (earlier) in `known`. */
function checkCondition(
  ctx: Ctx,
  cond: Condition,
  path: Path,
  known: ReadonlyMap<string, FormField>,
  depth: number,
): void {
  if (depth > FORM_LIMITS.conditionDepth) return add(ctx, path, 'condition_too_deep');
  if ('all' in cond) {
    cond.all.forEach((c, i) => checkCondition(ctx, c, [...path, 'all', i], known, depth + 1));
    return;
  }
  if ('any' in cond) {
    cond.any.forEach((c, i) => checkCondition(ctx, c, [...path, 'any', i], known, depth + 1));
    return;
  }
  if (!known.has(cond.field)) add(ctx, [...path, 'field'], 'condition_unknown_field');
  const v = cond.value;
  const ok =
    cond.op === 'answered' || cond.op === 'not_answered'
      ? v === undefined
      : cond.op === 'in'
        ? Array.isArray(v)
        : cond.op === 'gt' || cond.op === 'lt'
          ? typeof v === 'number' || typeof v === 'string'
          : v !== undefined && !Array.isArray(v);
  if (!ok) return add(ctx, [...path, 'value'], 'condition_value');
  // A choice compared with an option it no longer has would hide its question for ever.
  const target = known.get(cond.field);
  if (target?.options && !target.vocabulary && cond.op !== 'gt' && cond.op !== 'lt') {
    const keys = new Set(target.options.map((o) => o.key));
    const values = Array.isArray(v) ? v : v === undefined ? [] : [v];
    if (values.some((x) => typeof x === 'string' && !keys.has(x))) {
      add(ctx, [...path, 'value'], 'condition_unknown_option');
    }
  }
}

/** Each comparison names an earlier question in scope, of the same type as its own. */
function checkCompare(ctx: Ctx, f: FormField, path: Path, known: ReadonlyMap<string, FormField>): void {
  const rules = f.constraint?.compare;
  if (!rules) return;
  if (!COMPARABLE.includes(f.type))
    return add(ctx, [...path, 'constraint', 'compare'], 'compare_not_allowed');
  rules.forEach((r, i) => {
    const other = known.get(r.field);
    const at = [...path, 'constraint', 'compare', i, 'field'];
    if (!other) add(ctx, at, 'compare_unknown_field');
    else if (other.type !== f.type) add(ctx, at, 'compare_type');
  });
}

function checkField(ctx: Ctx, f: FormField, path: Path, isChild: boolean): void {
  const choice = f.type === 'single_choice' || f.type === 'multiple_choice';
  if (choice && !f.vocabulary && !(f.options && f.options.length > 0)) {
    add(ctx, [...path, 'options'], 'options_required');
  }
  if (!choice && (f.options || f.vocabulary)) add(ctx, [...path, 'options'], 'options_not_allowed');
  if (f.options) {
    const seen = new Set<string>();
    f.options.forEach((o, i) => {
      if (seen.has(o.key)) add(ctx, [...path, 'options', i, 'key'], 'duplicate_option');
      seen.add(o.key);
    });
  }
  if (f.type === 'repeat') {
    if (isChild) add(ctx, [...path, 'type'], 'nested_repeat');
    else if (!f.fields || f.fields.length === 0) add(ctx, [...path, 'fields'], 'fields_required');
  } else if (f.fields !== undefined) {
    add(ctx, [...path, 'fields'], isChild ? 'nested_repeat' : 'fields_not_allowed');
  }
  if (f.itemLabel && f.type !== 'repeat') add(ctx, [...path, 'itemLabel'], 'item_label_not_allowed');
  const c = f.constraint;
  if (c && c.min !== undefined && c.max !== undefined && c.min > c.max) {
    add(ctx, [...path, 'constraint'], 'constraint_range');
  }
  if (c && c.minItems !== undefined && c.maxItems !== undefined && c.minItems > c.maxItems) {
    add(ctx, [...path, 'constraint'], 'constraint_range');
  }
  if (f.critical && (f.type === 'repeat' || f.type === 'file' || f.type === 'signature')) {
    add(ctx, [...path, 'critical'], 'critical_not_allowed');
  }
}

function crossRules(def: z.infer<typeof structural>, ctx: Ctx): void {
  const defn = def as FormDefinition;
  const allKeys = new Set<string>();
  const topLevel = new Map<string, FormField>();
  const sectionKeys = new Set<string>();
  let count = 0;
  defn.sections.forEach((section, si) => {
    const sp: Path = ['sections', si];
    if (sectionKeys.has(section.key)) add(ctx, [...sp, 'key'], 'duplicate_key');
    sectionKeys.add(section.key);
    if (section.visibleIf) checkCondition(ctx, section.visibleIf, [...sp, 'visibleIf'], topLevel, 0);
    section.fields.forEach((field, fi) => {
      const fp: Path = [...sp, 'fields', fi];
      count++;
      if (allKeys.has(field.key)) add(ctx, [...fp, 'key'], 'duplicate_key');
      allKeys.add(field.key);
      checkField(ctx, field, fp, false);
      checkCompare(ctx, field, fp, topLevel);
      if (field.visibleIf) checkCondition(ctx, field.visibleIf, [...fp, 'visibleIf'], topLevel, 0);
      if (field.type === 'repeat' && Array.isArray(field.fields)) {
        // Inside a repeat a condition may look at an earlier sibling or any earlier top-level field.
        const scope = new Map(topLevel);
        field.fields.forEach((child, ci) => {
          const cp: Path = [...fp, 'fields', ci];
          count++;
          if (allKeys.has(child.key)) add(ctx, [...cp, 'key'], 'duplicate_key');
          allKeys.add(child.key);
          checkField(ctx, child, cp, true);
          checkCompare(ctx, child, cp, scope);
          if (child.visibleIf) checkCondition(ctx, child.visibleIf, [...cp, 'visibleIf'], scope, 0);
          scope.set(child.key, child);
        });
      }
      topLevel.set(field.key, field);
    });
  });
  if (count > FORM_LIMITS.fields) add(ctx, ['sections'], 'too_many_fields');
}

export const formDefinitionSchema = structural.superRefine(
  crossRules,
) as unknown as z.ZodType<FormDefinition>;

function pathString(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

function issueCode(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom') {
    const code = (issue.params as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' ? code : 'invalid';
  }
  if (issue.code === 'too_big') return 'too_big';
  if (issue.code === 'too_small') return 'too_small';
  if (issue.code === 'unrecognized_keys') return 'unknown_key';
  if (issue.code === 'invalid_format') return 'invalid_format';
  if (issue.code === 'invalid_value') return 'invalid_value';
  return 'invalid';
}

export type DefinitionResult =
  { ok: true; definition: FormDefinition } | { ok: false; issues: DefinitionIssue[] };

/** Parses and checks a definition; the issues name the paths, at most 50 of them. */
export function validateDefinition(input: unknown): DefinitionResult {
  const parsed = formDefinitionSchema.safeParse(input);
  if (parsed.success) return { ok: true, definition: parsed.data };
  const issues: DefinitionIssue[] = [];
  for (const issue of parsed.error.issues) {
    if (issues.length >= 50) break;
    const path = [...issue.path];
    if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path.push(issue.keys[0]);
    issues.push({ path: pathString(path), code: issueCode(issue) });
  }
  return { ok: false, issues };
}
