/** The monitoring form contract and its rules, shared by the server and the field app (isomorphic). */
export * from './types.ts';
export {
  FIELD_KEY_RE,
  FORM_LIMITS,
  OPTION_KEY_RE,
  conditionSchema,
  formDefinitionSchema,
  validateDefinition,
  type DefinitionIssue,
  type DefinitionResult,
} from './schema.ts';
export { isEmptyAnswer, isVisible, isCriticalAnswer, matches } from './conditions.ts';
export {
  fieldForPath,
  isCritical,
  isIsoDateTime,
  isRealDate,
  issueMessageKey,
  textMaxLength,
  validateAnswers,
} from './answers.ts';
export { flattenFields } from './flatten.ts';
export { COMPARABLE, answerChecks, compareHolds } from './compare.ts';
export { issueMessage, labelIn, type Translate } from './messages.ts';
