import type { TFunction } from 'i18next';

const LANGS = ['ky', 'ru', 'en'] as const;

/**
 * Where an imported form's problem is, in words: "Section 2, question 3.1, option 4, Russian text".
 * A file made by hand or by another tool often lacks one language of one label; "Form title: required"
 * left the designer to guess which of the three was missing.
 */
export function issueWhere(t: TFunction, path: string): string {
  const parts = [place(t, path)];
  const option = /\.options\.(\d+)(\.|$)/.exec(path);
  if (option) parts.push(t('monitoring:forms.where.option', { n: Number(option[1]) + 1 }));
  // The text a label, hint or title holds in one language: title.ru, …label.en, …hint.ky.
  const lang = LANGS.find((l) => path.endsWith(`.${l}`));
  if (lang) parts.push(t(`monitoring:forms.where.text_${lang}`));
  return parts.join(', ');
}

/** "Section 2, question 3.1" (a question in a repeat group) or the form part a path names. */
function place(t: TFunction, path: string): string {
  const m = /^sections\.(\d+)(?:\.fields\.(\d+)(?:\.fields\.(\d+))?)?/.exec(path);
  if (m) {
    const section = Number(m[1]) + 1;
    if (m[2] === undefined) return t('monitoring:forms.where.section', { section });
    const question = `${Number(m[2]) + 1}${m[3] === undefined ? '' : `.${Number(m[3]) + 1}`}`;
    return t('monitoring:forms.where.question', { section, question });
  }
  if (path.startsWith('title')) return t('monitoring:builder.formTitle');
  if (path.startsWith('description')) return t('monitoring:builder.description');
  if (path.startsWith('kind')) return t('monitoring:builder.kind');
  return t('monitoring:forms.where.form');
}
