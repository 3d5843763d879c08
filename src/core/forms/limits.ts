/** Size limits of a form definition, checked by the schema (schema.ts) and shown by the builder. */
export const FORM_LIMITS = {
  sections: 40,
  fields: 400,
  optionsPerField: 500,
  label: 500,
  hint: 1000,
  /** A repeat group's name for one entry ("Incident"): short, it titles every entry. */
  itemLabel: 60,
  description: 2000,
  conditionDepth: 6,
  conditionBranches: 20,
  vocabulary: 60,
  comparisons: 3,
} as const;

/** A question's or section's key (what answers and exports are keyed by). */
export const FIELD_KEY_RE = /^[a-z][a-z0-9_]{0,62}$/;
