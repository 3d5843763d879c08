/**
 * Row types of the monitoring form tables (migration 0015, issue #5). Form definitions hold no personal
 * data (questions, not answers), so they are stored in clear.
 */

export interface FormsTable {
  id: string;
  /** Stable key of a shipped template (`election_day`, `incident`, …); null for custom forms. */
  key: string | null;
  /** `checklist` | `incident` (of the latest version). */
  kind: string;
  /** JSON L10n title of the latest version (so the list does not parse every definition). */
  title: string;
  /** `template` | `custom`. */
  origin: string;
  archived: number;
  /**
   * Hash of the shipped template definition last taken (imported, loaded as a draft) or turned down
   * (migration 0029); null for custom forms. The builder offers the shipped one while it differs.
   */
  template_hash: string | null;
  /** Null for shipped templates (imported at start by no one). */
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface FormVersionsTable {
  id: string;
  form_id: string;
  version: number;
  /** `draft` | `published`; a published row is never updated (forms.repo.ts). */
  status: string;
  /** JSON of a FormDefinition (src/core/forms/types.ts). */
  definition: string;
  /** SHA-256 (hex) of `definition`. */
  definition_hash: string;
  created_by: string | null;
  created_at: string;
  published_at: string | null;
  published_by: string | null;
}

export interface FormsTables {
  forms: FormsTable;
  form_versions: FormVersionsTable;
}
