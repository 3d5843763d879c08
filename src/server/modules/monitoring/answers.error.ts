import { issueMessage, type AnswerIssue, type FormDefinition } from '../../../core/forms/index.ts';
import type { Locale } from '../../../core/roles.ts';
import { AppError } from '../../platform/errors.ts';
import { tr } from '../../platform/i18n.ts';

/**
 * 400 for answers that break their form: the message names the first field in the user's language;
 * `details` hold every issue with its values (limits, the compared question), so the field app can word
 * each one beside its question.
 */
export function answerInvalid(
  def: FormDefinition,
  issues: AnswerIssue[],
  locale: Locale,
  // A reviewer's correction that breaks the form is worded as that, not as a report refused.
  code: 'submissions.answer_invalid' | 'submissions.correction_invalid' = 'submissions.answer_invalid',
): AppError {
  const issue = issueMessage(def, issues[0]!, locale, (key, params) => tr(locale, key, params));
  return new AppError(code, {
    params: { issue },
    details: issues.map((i) => (i.params ? { path: i.path, code: i.code, params: i.params } : i)),
  });
}
