import type { z } from 'zod';
import { uuidv7 } from '../../../core/ids.ts';
import type * as S from '../../../core/schemas/violations.ts';
import type { Actor } from '../../platform/access/policy.ts';
import type { AuditEntry } from '../../platform/audit/audit.ts';
import { envelope, type AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/db.ts';
import type { VioActsTable } from '../../platform/db/schema.violations.ts';
import { AppError } from '../../platform/errors.ts';
import { withEvent, type EventAccess } from './violations.access.ts';
import {
  checkDateOrder,
  checkPlace,
  checkRealDate,
  optCode,
  precisionOf,
  requireCodes,
  requirePerson,
} from './violations.checks.ts';
import { violationsRepo } from './violations.repo.ts';
import { indexEvent } from './violations.search.ts';

type Create = z.infer<typeof S.ActCreate>;
type Patch = z.infer<typeof S.ActPatch>;
type Details = z.infer<typeof S.ActDetails>;

/** Add-on detail fields and the scheme each code belongs to (HURIDOCS add-on formats). */
const DETAIL_SCHEMES: Record<string, string> = {
  detentionType: 'esf_types_of_detention',
  whereabouts: 'esf_whereabouts',
  legalCounsel: 'esf_legal_counsel',
  courtType: 'esf_types_of_courts',
  intent: 'esf_intent',
  statementsSigned: 'esf_statements_signed',
  medicalAttention: 'esf_medical_attention',
  autopsyResults: 'esf_autopsy_results',
  deathCertificate: 'esf_death_certificate',
};

function parseCodes(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * A change to one act: finds its event and runs the change under that event's access rule
 * (`violation.not_found` for a missing act exactly as for a hidden one).
 */
export async function withAct<T>(
  ctx: AppContext,
  actor: Actor | null,
  actId: string,
  need: 'read' | 'edit',
  fn: (tx: Tx, audit: (e: AuditEntry) => Promise<void>, act: VioActsTable, access: EventAccess) => Promise<T>,
): Promise<T> {
  const found = await ctx.db
    .selectFrom('vio_acts')
    .select('event_id')
    .where('id', '=', actId)
    .executeTakeFirst();
  if (!found) throw new AppError('violation.not_found');
  return withEvent(ctx, actor, found.event_id, need, async (tx, audit, access) => {
    const act = await violationsRepo.act(tx, actId);
    if (!act || act.event_id !== found.event_id) throw new AppError('violation.not_found');
    return fn(tx, audit, act, access);
  });
}

/** Checks shared by create and patch; `old` is the act being changed (its retired codes may stay). */
async function checkAct(tx: Tx, actor: Actor, v: Create, old?: VioActsTable) {
  checkRealDate(v.startDate, 'startDate');
  checkRealDate(v.endDate, 'endDate');
  checkDateOrder(v.startDate, v.endDate);
  checkPlace(v.region, v.district);
  if (!old || old.victim_id !== v.victimId) await requirePerson(tx, actor, v.victimId, 'victimId');
  await optCode(tx, 'esf_types_of_acts', v.actType, 'actType', old?.act_type);
  await optCode(tx, 'esf_types_of_locations', v.locationType, 'locationType', old?.location_type);
  await optCode(tx, 'esf_status_as_victim', v.statusAtEnd, 'statusAtEnd', old?.status_at_end);
  await requireCodes(
    tx,
    'esf_methods_of_violence',
    v.methods ?? [],
    'methods',
    old ? parseCodes(old.methods) : [],
  );
  await requireCodes(
    tx,
    'local_legislation',
    v.nationalLaw ?? [],
    'nationalLaw',
    old ? parseCodes(old.national_law) : [],
  );
  await requireCodes(
    tx,
    'esf_international_instruments',
    v.instruments ?? [],
    'instruments',
    old ? parseCodes(old.instruments) : [],
  );
  const oldRights = old ? await violationsRepo.rights(tx, [old.id]) : [];
  for (const [i, r] of (v.rights ?? []).entries()) {
    const keep = oldRights.filter((o) => o.scheme === r.scheme).map((o) => o.code);
    await optCode(tx, r.scheme, r.code, `rights.${i}.code`, keep.includes(r.code) ? r.code : null);
  }
  if (v.details) await checkDetails(tx, v.details);
}

async function checkDetails(tx: Tx, d: Details) {
  for (const [field, scheme] of Object.entries(DETAIL_SCHEMES)) {
    const code = d[field as keyof Details];
    if (typeof code === 'string') await optCode(tx, scheme, code, `details.${field}`);
  }
  checkRealDate(d.releasedOn, 'details.releasedOn');
}

function encryptedFields(ctx: AppContext, id: string, dek: string, v: Create) {
  const key = envelope(ctx).openRecordKey('vio_acts', id, dek);
  return {
    victim_id: v.victimId,
    act_type: v.actType,
    start_date: v.startDate ?? null,
    start_precision: precisionOf(v.startDate),
    end_date: v.endDate ?? null,
    end_precision: precisionOf(v.endDate),
    region: v.region ?? null,
    district: v.district ?? null,
    place_enc: key.encrypt('place', v.place || null),
    location_type: v.locationType ?? null,
    methods: JSON.stringify([...new Set(v.methods ?? [])]),
    national_law: JSON.stringify([...new Set(v.nationalLaw ?? [])]),
    instruments: JSON.stringify([...new Set(v.instruments ?? [])]),
    consequences_enc: key.encrypt('consequences', v.consequences || null),
    status_at_end: v.statusAtEnd ?? null,
    details_kind: v.details?.kind ?? null,
    details_enc: v.details ? key.encrypt('details', JSON.stringify(v.details)) : null,
  };
}

export async function createAct(ctx: AppContext, actor: Actor | null, eventId: string, input: Create) {
  return withEvent(ctx, actor, eventId, 'edit', async (tx, audit) => {
    await checkAct(tx, actor!, input);
    const id = uuidv7();
    const { wrapped } = envelope(ctx).newRecordKey('vio_acts', id);
    const now = new Date().toISOString();
    await violationsRepo.insertAct(tx, {
      id,
      event_id: eventId,
      dek: wrapped,
      ...encryptedFields(ctx, id, wrapped, input),
      created_by: actor!.userId,
      created_at: now,
      updated_at: now,
    });
    await violationsRepo.setRights(tx, id, input.rights ?? []);
    await violationsRepo.touch(tx, eventId);
    await indexEvent(ctx, tx, eventId);
    await audit({
      actorId: actor!.userId,
      action: 'violation.act_create',
      entityType: 'vio_act',
      entityId: id,
      details: { eventId, actType: input.actType, personId: input.victimId },
    });
    return id;
  });
}

/** The act as an input object, so a patch is the old values with the given fields replaced. */
async function asInput(ctx: AppContext, tx: Tx, a: VioActsTable): Promise<Create> {
  const key = envelope(ctx).openRecordKey('vio_acts', a.id, a.dek);
  const details = a.details_enc ? (JSON.parse(key.decrypt('details', a.details_enc)) as Details) : undefined;
  const u = <T>(v: T | null): T | undefined => v ?? undefined;
  return {
    victimId: a.victim_id,
    actType: a.act_type,
    startDate: u(a.start_date),
    endDate: u(a.end_date),
    region: a.region ?? undefined,
    district: a.district ?? undefined,
    place: u(key.decrypt('place', a.place_enc)),
    locationType: u(a.location_type),
    methods: parseCodes(a.methods),
    consequences: u(key.decrypt('consequences', a.consequences_enc)),
    statusAtEnd: u(a.status_at_end),
    nationalLaw: parseCodes(a.national_law),
    instruments: parseCodes(a.instruments),
    rights: (await violationsRepo.rights(tx, [a.id])).map((r) => ({
      scheme: r.scheme as 'intl_rights',
      code: r.code,
    })),
    details,
  };
}

export async function updateAct(ctx: AppContext, actor: Actor | null, actId: string, patch: Patch) {
  return withAct(ctx, actor, actId, 'edit', async (tx, audit, act) => {
    const old = await asInput(ctx, tx, act);
    const merged = { ...old } as Record<string, unknown>;
    for (const [k, v] of Object.entries(patch)) merged[k] = v === null ? undefined : v;
    // A patch that moves the region drops the old district, as on events and cases.
    if (patch.region !== undefined && patch.district === undefined) merged.district = undefined;
    const next = merged as Create;
    await checkAct(tx, actor!, next, act);
    await violationsRepo.updateAct(tx, actId, {
      ...encryptedFields(ctx, actId, act.dek, next),
      updated_at: new Date().toISOString(),
    });
    if (patch.rights) await violationsRepo.setRights(tx, actId, patch.rights);
    await violationsRepo.touch(tx, act.event_id);
    await indexEvent(ctx, tx, act.event_id);
    await audit({
      actorId: actor!.userId,
      action: 'violation.act_update',
      entityType: 'vio_act',
      entityId: actId,
      details: { eventId: act.event_id, fields: Object.keys(patch).sort().join(',') },
    });
    return act.event_id;
  });
}

export async function deleteAct(ctx: AppContext, actor: Actor | null, actId: string) {
  return withAct(ctx, actor, actId, 'edit', async (tx, audit, act) => {
    // The case side keeps link rows by id: a link to a deleted act would point nowhere.
    await tx
      .deleteFrom('case_links')
      .where('kind', '=', 'violation_act')
      .where('target_id', '=', actId)
      .execute();
    await tx.deleteFrom('vio_acts').where('id', '=', actId).execute();
    await violationsRepo.touch(tx, act.event_id);
    await indexEvent(ctx, tx, act.event_id);
    await audit({
      actorId: actor!.userId,
      action: 'violation.act_delete',
      entityType: 'vio_act',
      entityId: actId,
      details: { eventId: act.event_id, actType: act.act_type },
    });
    return act.event_id;
  });
}
