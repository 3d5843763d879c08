import type { ChoiceOption, FormDefinition, FormField, L10n } from '../../../../core/forms/types';
import type { Locale } from '../../../i18n';
import { LANGS } from '../l10n';

/** What a text without all three languages belongs to; the publish dialog words each kind. */
export type MissingPart =
  | { kind: 'title' }
  | { kind: 'description' }
  | { kind: 'section'; n: number; title: L10n }
  | { kind: 'label'; field: FormField }
  | { kind: 'hint'; field: FormField }
  | { kind: 'itemLabel'; field: FormField }
  | { kind: 'option'; field: FormField; option: ChoiceOption };

export type MissingTranslation = MissingPart & { langs: Locale[] };

/**
 * Languages `text` lacks. A required text (title, label, option) lacks every empty language; an
 * optional one (description, hint, a repeat group's entry name) only when it is written in some language and not in another — a
 * question without a hint is not untranslated. The same rule marks the inputs (L10nInputs).
 */
function lacking(text: L10n | undefined, required: boolean): Locale[] {
  const empty = LANGS.filter((l) => !text?.[l]?.trim());
  if (!required && empty.length === LANGS.length) return [];
  return empty;
}

/** Adds a text to `out` when it lacks a language. */
const adder =
  (out: MissingTranslation[]) =>
  (part: MissingPart, text: L10n | undefined, required: boolean): void => {
    const langs = lacking(text, required);
    if (langs.length) out.push({ ...part, langs });
  };

/**
 * Every text of the form that an observer in one of the three languages would read in another
 * language or not at all, in form order. Options from a vocabulary are left out: their labels come
 * from the vocabulary, in all three languages, when the version is published.
 */
export function missingTranslations(def: FormDefinition): MissingTranslation[] {
  const out: MissingTranslation[] = [];
  const add = adder(out);
  add({ kind: 'title' }, def.title, true);
  add({ kind: 'description' }, def.description, false);
  def.sections.forEach((s, i) => {
    add({ kind: 'section', n: i + 1, title: s.title }, s.title, true);
    for (const f of s.fields) out.push(...fieldMissing(f));
  });
  return out;
}

/** The untranslated texts of one question and (a repeat group) of its child questions. */
export function fieldMissing(f: FormField): MissingTranslation[] {
  return [...ownMissing(f), ...(f.fields ?? []).flatMap(fieldMissing)];
}

/** The untranslated texts of one question itself: its label, hint, options, entry name. */
export function ownMissing(f: FormField): MissingTranslation[] {
  const out: MissingTranslation[] = [];
  const add = adder(out);
  add({ kind: 'label', field: f }, f.label, true);
  add({ kind: 'hint', field: f }, f.hint, false);
  if (f.vocabulary === undefined)
    for (const o of f.options ?? []) add({ kind: 'option', field: f, option: o }, o.label, true);
  add({ kind: 'itemLabel', field: f }, f.itemLabel, false);
  return out;
}

/** The languages some text of a question lacks, in the order ky, ru, en. */
export function fieldLacks(f: FormField): Locale[] {
  const langs = new Set(fieldMissing(f).flatMap((m) => m.langs));
  return LANGS.filter((l) => langs.has(l));
}

/** "Section 2. Opening", or "Section 2" while it has no title (not "Section 2." with a stray full stop). */
export function sectionHeading(
  t: (key: string, o: Record<string, unknown>) => string,
  n: number,
  title: string,
) {
  return title.trim() ? t('builder.sectionN', { n, title }) : t('builder.sectionNumber', { n });
}
