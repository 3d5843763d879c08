import type { ShippedTerm } from './vocab.sources.ts';

/** The labels of a right and the term built from them, shared by the rights lists (vocab.rights.ts). */
export type L = [ky: string, ru: string, en: string];

export function term(
  code: string,
  [ky, ru, en]: L,
  ref: string | null,
  parent: string | null = null,
): ShippedTerm {
  return { code, parent, ky, ru, en, ref, kyStatus: 'draft', ruStatus: 'draft' };
}
