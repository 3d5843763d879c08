/**
 * The form definition contract of the monitoring module (issue #5). Isomorphic: the server validates
 * submissions with it and the field app validates and renders offline with the same code.
 *
 * A definition is stored as JSON in `form_versions.definition`; a published version never changes.
 * Choice fields backed by a vocabulary get their `options` snapshotted at publish time, so a
 * submission is always checked against the options its version showed.
 */
export const FIELD_TYPES = [
  'text',
  'long_text',
  'number',
  'boolean',
  'single_choice',
  'multiple_choice',
  'date',
  'datetime',
  'location',
  'file',
  'signature',
  'repeat',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** A label in the three languages; an empty string means "not translated yet". */
export interface L10n {
  ky: string;
  ru: string;
  en: string;
}

export interface ChoiceOption {
  /** Stable key stored in answers: /^[a-z0-9][a-z0-9_.-]{0,63}$/ (vocabulary codes fit). */
  key: string;
  label: L10n;
}

/** Conditional visibility: a field or section shows only when its condition holds. */
export type Condition =
  | {
      /** Key of another (earlier, non-repeat-child unless in the same repeat) field. */
      field: string;
      op: 'eq' | 'neq' | 'in' | 'includes' | 'gt' | 'lt' | 'answered' | 'not_answered';
      value?: string | number | boolean | string[];
    }
  | { all: Condition[] }
  | { any: Condition[] };

export const COMPARE_OPS = ['lte', 'lt', 'gte', 'gt', 'eq'] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];

/**
 * A number, date or date-time answer compared with an earlier question's answer of the same type (a
 * top-level question, or inside a repeat group also an earlier question of the same entry), e.g.
 * "ballots issued ≤ ballots received". By default a rule only *checks*: the observer is asked to
 * confirm, the report is accepted and goes to the "to verify" queue — in election monitoring a count
 * that does not add up may be exactly what was seen. `refuse` makes it a hard rule (an end before its
 * start), refused like any other invalid answer.
 */
export interface CompareRule {
  op: CompareOp;
  field: string;
  refuse?: boolean;
}

export interface FieldConstraint {
  min?: number;
  max?: number;
  integer?: boolean;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  /** date / datetime: not after today (an incident's date; a hearing's may well be in the future). */
  notFuture?: boolean;
  /** number / date / datetime: at most three comparisons with earlier answers. */
  compare?: CompareRule[];
}

export interface FormField {
  /** Unique across the whole form (repeat children included): /^[a-z][a-z0-9_]{0,62}$/. */
  key: string;
  type: FieldType;
  label: L10n;
  hint?: L10n;
  required?: boolean;
  /** single_choice / multiple_choice. */
  options?: ChoiceOption[];
  /** Choice from a vocabulary scheme (e.g. `esf_types_of_acts`); options are filled in at publish. */
  vocabulary?: string;
  constraint?: FieldConstraint;
  visibleIf?: Condition;
  /** file: what the camera/recorder offers; the server still sniffs the content. */
  accept?: 'photo' | 'audio' | 'video' | 'any';
  /** repeat: the group's own fields and its bounds. */
  fields?: FormField[];
  /**
   * repeat: what one entry is called ("Incident", «Задержанный»), so the field app says "Incident 2"
   * and "Add: incident" instead of a generic "Entry 2" — an observer with three detainees in one
   * report must tell the cards apart. Optional; any language left empty falls back to "Entry".
   */
  itemLabel?: L10n;
  /** An answer that makes the submission a critical incident (e.g. "violence at the station: yes"). */
  critical?: { op: 'eq' | 'in' | 'includes'; value: string | boolean | string[] };
}

export interface FormSection {
  key: string;
  title: L10n;
  visibleIf?: Condition;
  fields: FormField[];
}

export const FORM_KINDS = ['checklist', 'incident'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export interface FormDefinition {
  title: L10n;
  description?: L10n;
  kind: FormKind;
  sections: FormSection[];
}

/** Answer shapes by field type (what `answers[key]` holds). */
export interface LocationAnswer {
  /** Region code from src/core/geo (e.g. `KG-C`); district code optional. */
  region: string;
  district?: string;
  place?: string;
  lat?: number;
  lon?: number;
}
/** text/long_text: string · number: number · boolean: boolean · single_choice: option key ·
 * multiple_choice: option keys · date: YYYY-MM-DD · datetime: ISO 8601 with offset ·
 * location: LocationAnswer · file/signature: id of a completed upload (string) ·
 * repeat: array of objects keyed by the group's child field keys. */
export type Answers = Record<string, unknown>;

/** One flattened field, as `GET /api/monitoring/form-versions/{id}` lists them. */
export interface FlatField {
  key: string;
  type: FieldType;
  required: boolean;
  options: string[];
  /** Key of the repeat group a child belongs to. */
  parent?: string;
  section: string;
  /** The field's label (for pick lists, summaries and messages that name the field). */
  label?: L10n;
}

/** One answer problem; `path` names the field (`key`, or `group[2].child` inside a repeat). */
export interface AnswerIssue {
  path: string;
  code:
    | 'required'
    | 'type'
    | 'option'
    | 'hidden'
    | 'unknown'
    | 'min'
    | 'max'
    | 'integer'
    | 'max_length'
    | 'min_items'
    | 'max_items'
    | 'future'
    | 'compare';
  /** Values for the message (limits; `op` and `other`, the compared field's key, for `compare`). */
  params?: Record<string, string | number>;
}
