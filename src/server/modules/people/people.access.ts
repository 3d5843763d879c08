import { sql, type Expression, type SqlBool } from 'kysely';
import { can, type Actor } from '../../platform/access/policy.ts';
import { caseVisibleTo } from '../cases/cases.access.ts';

/**
 * Need-to-know for people (ADR 0006). A person is visible to the user who recorded them, to everyone
 * who may see a case in which they hold a role, and to administrators unless the person appears in a
 * restricted case the administrator is not on. Later modules (violations, monitoring) add their own
 * links through `registerPersonVisibility`. The contact block is narrower: the recorder and the team
 * (not grants) of a case where the person has a role.
 */
export type PersonVisibility = (actor: Actor, personIdColumn: string) => Expression<SqlBool> | null;
const providers: PersonVisibility[] = [];

export function registerPersonVisibility(p: PersonVisibility): void {
  providers.push(p);
}

/**
 * "This person has a role in a restricted record the actor is not on": such a person is left out of
 * an administrator's blanket view of the registry (they still see them through any record they may
 * open). Cases are built in; later modules (restricted violation events) register theirs.
 */
export type PersonRestriction = (actor: Actor, personIdColumn: string) => Expression<SqlBool>;
const restrictions: PersonRestriction[] = [];

export function registerPersonRestriction(r: PersonRestriction): void {
  restrictions.push(r);
}

/** May this user use the people registry at all? */
export function canUseRegistry(actor: Actor): boolean {
  return can(actor, 'people.read');
}

export function canCreatePeople(actor: Actor): boolean {
  return can(actor, 'people.write');
}

/** SQL condition "the actor may see this person" on a column holding the person id. */
export function personVisibleTo(actor: Actor, col: string): Expression<SqlBool> {
  const p = sql.ref(col);
  const parts: Expression<SqlBool>[] = [
    sql<SqlBool>`exists (select 1 from people pv where pv.id = ${p} and pv.created_by = ${actor.userId})`,
  ];
  if (can(actor, 'cases.read')) {
    parts.push(
      sql<SqlBool>`exists (select 1 from case_people cpv join cases cv on cv.id = cpv.case_id where cpv.person_id = ${p} and ${caseVisibleTo(actor, 'cv.id', 'cv.restricted')})`,
    );
  }
  if (actor.role === 'admin') {
    const hidden = [
      sql<SqlBool>`exists (select 1 from case_people cpr join cases cr on cr.id = cpr.case_id where cpr.person_id = ${p} and cr.restricted = 1 and not exists (select 1 from case_members cmr where cmr.case_id = cr.id and cmr.user_id = ${actor.userId}))`,
      ...restrictions.map((r) => r(actor, col)),
    ];
    parts.push(sql<SqlBool>`not (${sql.join(hidden, sql` or `)})`);
  }
  for (const provider of providers) {
    const e = provider(actor, col);
    if (e) parts.push(e);
  }
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** SQL condition "the actor may see this person's contacts". */
export function contactsVisibleTo(actor: Actor, col: string): Expression<SqlBool> {
  const p = sql.ref(col);
  return sql<SqlBool>`(exists (select 1 from people pc where pc.id = ${p} and pc.created_by = ${actor.userId}) or exists (select 1 from case_people cpc join case_members cmc on cmc.case_id = cpc.case_id where cpc.person_id = ${p} and cmc.user_id = ${actor.userId} and cmc.role <> 'grant'))`;
}
