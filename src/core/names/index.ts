/**
 * Name matching for the conflict/duplicate check: keys for the blind-index lookup (names.ts) and
 * the detailed reranking of the candidates it finds (compare.ts). See names.ts for the two steps.
 */
export { firstLetterClass, initialClass, phoneticKey, skeletonKey, skeletonOf } from './translit.ts';
export {
  CANDIDATE_LIMIT,
  MAX_NAME_TOKENS,
  nameKeys,
  nameTokens,
  queryKeys,
  type NameKey,
  type NameKeyKind,
  type NameToken,
} from './names.ts';
export {
  bestMatch,
  compareNames,
  editDistance,
  MATCH_THRESHOLD,
  NAME_MATCH_REASONS,
  type MatchReason,
  type NameMatch,
} from './compare.ts';
