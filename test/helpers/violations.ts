import type { Actor } from '../../src/server/platform/access/policy.ts';
import type { Executor } from '../../src/server/platform/db/db.ts';

/**
 * HURIDOCS codes the violations tests use. The real micro-thesauri are imported at start by the vocab
 * module; `ensureVioTerms` adds these few codes only where a scheme lacks them, so tests run the same
 * before and after the import (the codes are real HURIDOCS codes of each list).
 */
export const VC = {
  /** esf_types_of_acts: a heading and a sub-term, both usable as act types here. */
  actA: '010000000000',
  actB: '010100000000',
  actC: '020000000000',
  /** A code valid in most lists (top-level term). */
  top: '010000000000',
  sub: '010100000000',
  second: '020000000000',
} as const;

export const VIO_SCHEMES = [
  'esf_types_of_acts',
  'esf_methods_of_violence',
  'esf_international_instruments',
  'esf_types_of_locations',
  'esf_degrees_of_involvement',
  'esf_types_of_chain_of_events',
  'esf_types_of_perpetrators',
  'esf_status_as_victim',
  'esf_status_as_perpetrator',
  'esf_violation_status',
  'esf_reliability',
  'esf_types_of_source_material',
  'esf_source_connection_to_information',
  'esf_types_of_intervention',
  'esf_types_of_responses',
  'esf_impact_on_the_situation',
  'esf_intervention_status',
  'esf_types_of_detention',
  'esf_whereabouts',
  'esf_legal_counsel',
  'esf_types_of_courts',
  'esf_intent',
  'esf_statements_signed',
  'esf_medical_attention',
  'esf_autopsy_results',
  'esf_death_certificate',
  'esf_rights_typology',
  'esf_languages',
  'local_legislation',
  'local_languages',
  'kg_constitution',
  'intl_rights',
] as const;

export async function ensureVioTerms(ctx: { db: Executor }): Promise<void> {
  const rows = VIO_SCHEMES.flatMap((scheme) =>
    [VC.top, VC.sub, VC.second].map((code, i) => ({
      scheme,
      code,
      parent_code: code === VC.sub ? VC.top : null,
      label_ky: `${scheme} ${code}`,
      label_ru: `${scheme} ${code}`,
      label_en: `${scheme} ${code}`,
      sort: 10_000 + i,
      active: 1,
      version_added: 1,
      version_retired: null,
    })),
  );
  await ctx.db
    .insertInto('vocab_terms')
    .values(rows)
    .onConflict((oc) => oc.columns(['scheme', 'code']).doNothing())
    .execute();
}

/** A test user as the actor of a direct service call (the tests that compare services with each other). */
export function actorOf(u: { id: string; role: string }): Actor {
  return { userId: u.id, role: u.role as Actor['role'], sessionId: 't', reauthUntil: null };
}
