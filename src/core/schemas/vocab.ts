import { z } from 'zod';
import { VocabTerm } from './cases.ts';

/**
 * Vocabularies (versioned code lists in ky/ru/en): the HURIDOCS micro-thesauri (`esf_*`), Ukuk's own
 * lists, the local lists (`local_*`) and rights (`kg_constitution`, `intl_rights`). The term shape
 * extends the one the legal-aid screens already read (`labels`, `parent`, `active`).
 */
export const LABEL_STATUSES = ['reviewed', 'draft', 'missing'] as const;
export const LabelStatus = z.enum(LABEL_STATUSES);
export const VOCAB_ORIGINS = ['ukuk', 'huridocs', 'local'] as const;
export const VocabOrigin = z.enum(VOCAB_ORIGINS);

export const VocabSchemeName = z.string().regex(/^[a-z0-9_]{1,40}$/);
/** Codes: HURIDOCS 12-digit codes, Ukuk's dotted codes, ISO-like keys; one alphabet for all. */
export const VocabTermCode = z.string().regex(/^[a-z0-9_.]{1,60}$/);
export const VocabLabel = z.string().trim().min(1).max(300);
export const VocabRef = z.string().trim().max(40);

export const VocabTermFull = VocabTerm.extend({
  /** e.g. a constitution article "56", "6(3)", or "ICCPR 7"; null when unknown or not applicable. */
  ref: z.string().nullable(),
  origin: VocabOrigin,
  kyStatus: LabelStatus,
  ruStatus: LabelStatus,
});
export const VocabSchemeReply = z.object({
  scheme: z.string(),
  version: z.number(),
  terms: z.array(VocabTermFull),
});

export const VocabSchemeSummary = z.object({
  scheme: z.string(),
  version: z.number(),
  updatedAt: z.string().nullable(),
  terms: z.number(),
  retired: z.number(),
  local: z.number(),
  kyMissing: z.number(),
  kyDraft: z.number(),
  ruMissing: z.number(),
  ruDraft: z.number(),
  /** Where most of its terms come from: 'huridocs' for the micro-thesauri. */
  origin: VocabOrigin,
  /** Whether an administrator may add top-level terms (child terms may be added to any scheme). */
  topLevelTerms: z.boolean(),
});
export const VocabSchemeList = z.object({ schemes: z.array(VocabSchemeSummary) });

export const VocabLabels = z.strictObject({
  ky: VocabLabel.optional(),
  ru: VocabLabel.optional(),
  en: VocabLabel.optional(),
});

/** An administrator's edit: labels given are marked 'reviewed'; `active: false` retires the term. */
export const VocabTermPatch = z.strictObject({
  labels: VocabLabels.optional(),
  ref: VocabRef.nullable().optional(),
  active: z.boolean().optional(),
});

/** A local term: a code is made up when none is given; at least one label. */
export const VocabTermCreate = z.strictObject({
  code: VocabTermCode.optional(),
  parent: VocabTermCode.nullable().optional(),
  labels: VocabLabels,
  ref: VocabRef.nullable().optional(),
});
