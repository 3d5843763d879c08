import type { z } from 'zod';
import type * as S from '../../../core/schemas/violations.ts';
import type { Actor } from '../../platform/access/policy.ts';
import { envelope, type AppContext } from '../../platform/context.ts';
import type { VioActsTable } from '../../platform/db/schema.violations.ts';
import type { Envelope } from '../../platform/crypto/envelope.ts';
import { decryptNames, displayName } from '../people/people.presenter.ts';
import { peopleRepo } from '../people/people.repo.ts';
import { userNames } from '../users/users.names.ts';
import type { EventAccess, EventRole } from './violations.access.ts';
import { linkedCases } from './violations.links.ts';
import { eventVisibleTo } from './violations.access.ts';
import { violationsRepo } from './violations.repo.ts';

type EventView = z.infer<typeof S.Event>;
type ActView = z.infer<typeof S.Act>;
type PersonRef = { id: string; name: string | null };

function codes(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * People named in a record: a name only for people the actor may see (a perpetrator recorded by
 * someone else in a case the actor is not on stays a bare id, never a name).
 */
async function personRefs(ctx: AppContext, actor: Actor, ids: readonly (string | null)[]) {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  const visible = await peopleRepo.visibleIds(ctx.db, actor, unique);
  const env = envelope(ctx);
  const rows = await peopleRepo.byIds(
    ctx.db,
    unique.filter((id) => visible.has(id)),
  );
  const names = new Map(rows.map((p) => [p.id, displayName(decryptNames(env, p).names)]));
  return (id: string | null): PersonRef | null => (id ? { id, name: names.get(id) ?? null } : null);
}

function actDetails(env: Envelope, a: VioActsTable): ActView['details'] {
  if (!a.details_kind || !a.details_enc) return null;
  const key = env.openRecordKey('vio_acts', a.id, a.dek);
  try {
    return JSON.parse(key.decrypt('details', a.details_enc)) as ActView['details'];
  } catch {
    return null;
  }
}

/** The whole event as its page shows it: acts, parts, chain, members, linked cases. */
export async function presentEvent(ctx: AppContext, actor: Actor, access: EventAccess): Promise<EventView> {
  const row = access.row;
  const env = envelope(ctx);
  const key = env.openRecordKey('vio_events', row.id, row.dek);
  const [acts, information, interventions, chain, members] = await Promise.all([
    violationsRepo.acts(ctx.db, row.id),
    violationsRepo.information(ctx.db, row.id),
    violationsRepo.interventions(ctx.db, row.id),
    violationsRepo.chain(ctx.db, row.id),
    violationsRepo.members(ctx.db, row.id),
  ]);
  const actIds = acts.map((a) => a.id);
  const [rights, involvements, actCases, eventCases] = await Promise.all([
    violationsRepo.rights(ctx.db, actIds),
    violationsRepo.involvements(ctx.db, actIds),
    linkedCases(ctx.db, actor, 'violation_act', actIds),
    linkedCases(ctx.db, actor, 'violation_event', [row.id]),
  ]);
  const person = await personRefs(ctx, actor, [
    ...acts.map((a) => a.victim_id),
    ...involvements.map((i) => i.perpetrator_id),
    ...information.map((i) => i.source_id),
    ...interventions.flatMap((i) => [i.party_id, i.victim_id]),
  ]);
  // The other side of a chain link is shown only when the actor may see that event too.
  const otherIds = chain.map((c) => (c.from_event_id === row.id ? c.to_event_id : c.from_event_id));
  const others = otherIds.length
    ? await ctx.db
        .selectFrom('vio_events as e')
        .select(['e.id', 'e.number', 'e.dek', 'e.title_enc'])
        .where('e.id', 'in', otherIds)
        .where(eventVisibleTo(actor, 'e.id', 'e.restricted'))
        .execute()
    : [];
  const otherById = new Map(others.map((o) => [o.id, o]));
  const names = await userNames(
    ctx,
    members.map((m) => m.user_id),
  );
  return {
    id: row.id,
    number: row.number,
    title: key.decrypt('title', row.title_enc),
    description: key.decrypt('description', row.description_enc),
    startDate: row.start_date,
    endDate: row.end_date,
    region: row.region,
    district: row.district,
    place: key.decrypt('place', row.place_enc),
    violationStatus: row.violation_status,
    restricted: row.restricted === 1,
    myRole: access.myRole,
    canEdit: access.canEdit,
    acts: acts.map((a) => {
      const ak = env.openRecordKey('vio_acts', a.id, a.dek);
      return {
        id: a.id,
        eventId: a.event_id,
        victim: person(a.victim_id)!,
        actType: a.act_type,
        startDate: a.start_date,
        endDate: a.end_date,
        region: a.region,
        district: a.district,
        place: ak.decrypt('place', a.place_enc),
        locationType: a.location_type,
        methods: codes(a.methods),
        consequences: ak.decrypt('consequences', a.consequences_enc),
        statusAtEnd: a.status_at_end,
        nationalLaw: codes(a.national_law),
        instruments: codes(a.instruments),
        rights: rights
          .filter((r) => r.act_id === a.id)
          .map((r) => ({ scheme: r.scheme as 'intl_rights', code: r.code })),
        details: actDetails(env, a),
        involvements: involvements
          .filter((i) => i.act_id === a.id)
          .map((i) => ({
            id: i.id,
            actId: i.act_id,
            perpetrator: person(i.perpetrator_id)!,
            degree: i.degree,
            perpetratorType: i.perpetrator_type,
            status: i.status,
            remarks: env.openRecordKey('vio_involvements', i.id, i.dek).decrypt('remarks', i.remarks_enc),
            createdAt: i.created_at,
          })),
        cases: actCases.get(a.id) ?? [],
        createdAt: a.created_at,
        updatedAt: a.updated_at,
      };
    }),
    information: information.map((i) => ({
      id: i.id,
      source: person(i.source_id),
      connection: i.connection,
      materialType: i.material_type,
      reliability: i.reliability,
      language: i.language,
      receivedOn: i.received_on,
      remarks: env.openRecordKey('vio_information', i.id, i.dek).decrypt('remarks', i.remarks_enc),
      createdAt: i.created_at,
    })),
    interventions: interventions.map((i) => ({
      id: i.id,
      party: person(i.party_id),
      victim: person(i.victim_id),
      type: i.type,
      intervenedOn: i.intervened_on,
      response: i.response,
      impact: i.impact,
      status: i.status,
      remarks: env.openRecordKey('vio_interventions', i.id, i.dek).decrypt('remarks', i.remarks_enc),
      createdAt: i.created_at,
    })),
    chain: chain.flatMap((c) => {
      const from = c.from_event_id === row.id;
      const other = otherById.get(from ? c.to_event_id : c.from_event_id);
      if (!other) return [];
      const title = env.openRecordKey('vio_events', other.id, other.dek).decrypt('title', other.title_enc);
      return [
        {
          id: c.id,
          direction: from ? ('to' as const) : ('from' as const),
          eventId: other.id,
          eventNumber: other.number,
          eventTitle: title,
          type: c.type,
        },
      ];
    }),
    members: members.map((m) => ({
      userId: m.user_id,
      name: names.get(m.user_id) ?? '—',
      role: m.role as EventRole,
      addedAt: m.added_at,
    })),
    cases: eventCases.get(row.id) ?? [],
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
