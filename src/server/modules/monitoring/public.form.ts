import type { Locale } from '../../../core/roles.ts';
import { validateAnswers } from '../../../core/forms/index.ts';
import type { FormDefinition } from '../../../core/forms/types.ts';
import type { AppContext } from '../../platform/context.ts';
import { answerInvalid } from './answers.error.ts';
import { PUBLIC_FORM_KEY } from './forms.access.ts';

/**
 * The published version of the public incident form: the latest one, or `versionId` when it is a
 * published version of that form (a page opened before a newer version was published still sends).
 */
export async function publicFormVersion(
  ctx: AppContext,
  versionId?: string,
): Promise<{ id: string; definition: FormDefinition } | null> {
  const row = await ctx.db
    .selectFrom('form_versions as v')
    .innerJoin('forms as f', 'f.id', 'v.form_id')
    .select(['v.id', 'v.definition'])
    .where('f.key', '=', PUBLIC_FORM_KEY)
    .where('f.archived', '=', 0)
    .where('v.status', '=', 'published')
    .$if(versionId !== undefined, (q) => q.where('v.id', '=', versionId!))
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, definition: JSON.parse(row.definition) as FormDefinition } : null;
}

/** Answers must fit the form as for observers: 400 naming the first field, all issues in details. */
export function validatePublicAnswers(def: FormDefinition, answers: unknown, locale: Locale): void {
  const issues = validateAnswers(def, answers);
  if (issues.length) throw answerInvalid(def, issues, locale);
}
