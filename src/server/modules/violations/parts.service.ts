import type { z } from 'zod';
import { uuidv7 } from '../../../core/ids.ts';
import type * as S from '../../../core/schemas/violations.ts';
import type { Actor } from '../../platform/access/policy.ts';
import { envelope, type AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { withAct } from './acts.service.ts';
import { loadEvent, withEvent } from './violations.access.ts';
import { checkRealDate, languageCode, optCode, requirePerson } from './violations.checks.ts';
import { partsRepo, type PartTable } from './parts.repo.ts';
import { violationsRepo } from './violations.repo.ts';

/**
 * The parts around acts: involvements (one perpetrator per row), information (sources),
 * interventions, and the chain of events. Each change runs under its event's access rule and is
 * audited with ids and codes only; remarks are encrypted under the part's own data key.
 */

export async function addInvolvement(
  ctx: AppContext,
  actor: Actor | null,
  actId: string,
  input: z.infer<typeof S.InvolvementCreate>,
) {
  return withAct(ctx, actor, actId, 'edit', async (tx, audit, act) => {
    await requirePerson(tx, actor!, input.perpetratorId, 'perpetratorId');
    await optCode(tx, 'esf_degrees_of_involvement', input.degree, 'degree');
    await optCode(tx, 'esf_types_of_perpetrators', input.perpetratorType, 'perpetratorType');
    await optCode(tx, 'esf_status_as_perpetrator', input.status, 'status');
    const id = uuidv7();
    const { key, wrapped } = envelope(ctx).newRecordKey('vio_involvements', id);
    await partsRepo.insertInvolvement(tx, {
      id,
      act_id: actId,
      dek: wrapped,
      perpetrator_id: input.perpetratorId,
      degree: input.degree ?? null,
      perpetrator_type: input.perpetratorType ?? null,
      status: input.status ?? null,
      remarks_enc: key.encrypt('remarks', input.remarks || null),
      created_by: actor!.userId,
      created_at: new Date().toISOString(),
    });
    await violationsRepo.touch(tx, act.event_id);
    await audit({
      actorId: actor!.userId,
      action: 'violation.involvement_add',
      entityType: 'vio_act',
      entityId: actId,
      details: {
        involvementId: id,
        personId: input.perpetratorId,
        perpetratorType: input.perpetratorType ?? null,
      },
    });
    return id;
  });
}

export async function addInformation(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  input: z.infer<typeof S.InformationCreate>,
) {
  return withEvent(ctx, actor, eventId, 'edit', async (tx, audit) => {
    if (input.sourceId) await requirePerson(tx, actor!, input.sourceId, 'sourceId');
    await optCode(tx, 'esf_source_connection_to_information', input.connection, 'connection');
    await optCode(tx, 'esf_types_of_source_material', input.materialType, 'materialType');
    await optCode(tx, 'esf_reliability', input.reliability, 'reliability');
    await languageCode(tx, input.language, 'language');
    checkRealDate(input.receivedOn, 'receivedOn');
    const id = uuidv7();
    const { key, wrapped } = envelope(ctx).newRecordKey('vio_information', id);
    await partsRepo.insertInformation(tx, {
      id,
      event_id: eventId,
      dek: wrapped,
      source_id: input.sourceId ?? null,
      connection: input.connection ?? null,
      material_type: input.materialType ?? null,
      reliability: input.reliability ?? null,
      language: input.language ?? null,
      received_on: input.receivedOn ?? null,
      remarks_enc: key.encrypt('remarks', input.remarks || null),
      created_by: actor!.userId,
      created_at: new Date().toISOString(),
    });
    await violationsRepo.touch(tx, eventId);
    await audit({
      actorId: actor!.userId,
      action: 'violation.information_add',
      entityType: 'vio_event',
      entityId: eventId,
      details: {
        informationId: id,
        personId: input.sourceId ?? null,
        reliability: input.reliability ?? null,
      },
    });
    return id;
  });
}

export async function addIntervention(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  input: z.infer<typeof S.InterventionCreate>,
) {
  return withEvent(ctx, actor, eventId, 'edit', async (tx, audit) => {
    if (input.partyId) await requirePerson(tx, actor!, input.partyId, 'partyId');
    if (input.victimId) await requirePerson(tx, actor!, input.victimId, 'victimId');
    await optCode(tx, 'esf_types_of_intervention', input.type, 'type');
    await optCode(tx, 'esf_types_of_responses', input.response, 'response');
    await optCode(tx, 'esf_impact_on_the_situation', input.impact, 'impact');
    await optCode(tx, 'esf_intervention_status', input.status, 'status');
    checkRealDate(input.intervenedOn, 'intervenedOn');
    const id = uuidv7();
    const { key, wrapped } = envelope(ctx).newRecordKey('vio_interventions', id);
    await partsRepo.insertIntervention(tx, {
      id,
      event_id: eventId,
      dek: wrapped,
      party_id: input.partyId ?? null,
      victim_id: input.victimId ?? null,
      type: input.type ?? null,
      intervened_on: input.intervenedOn ?? null,
      response: input.response ?? null,
      impact: input.impact ?? null,
      status: input.status ?? null,
      remarks_enc: key.encrypt('remarks', input.remarks || null),
      created_by: actor!.userId,
      created_at: new Date().toISOString(),
    });
    await violationsRepo.touch(tx, eventId);
    await audit({
      actorId: actor!.userId,
      action: 'violation.intervention_add',
      entityType: 'vio_event',
      entityId: eventId,
      details: { interventionId: id, personId: input.partyId ?? null, type: input.type ?? null },
    });
    return id;
  });
}

/** Link two events; both must be visible to the actor, and the first editable. */
export async function addChain(
  ctx: AppContext,
  actor: Actor | null,
  eventId: string,
  input: z.infer<typeof S.ChainCreate>,
) {
  if (input.toEventId === eventId)
    throw new AppError('violation.chain_self', { fields: [{ path: 'toEventId', code: 'invalid_value' }] });
  await loadEvent(ctx, actor, eventId, 'edit');
  try {
    await loadEvent(ctx, actor, input.toEventId, 'read');
  } catch (e) {
    if (e instanceof AppError && e.code === 'violation.not_found')
      throw new AppError('violation.not_found', { fields: [{ path: 'toEventId', code: 'not_found' }] });
    throw e;
  }
  return withEvent(ctx, actor, eventId, 'edit', async (tx, audit) => {
    await loadEvent(ctx, actor, input.toEventId, 'read', tx);
    await optCode(tx, 'esf_types_of_chain_of_events', input.type, 'type');
    const id = uuidv7();
    const now = new Date().toISOString();
    await partsRepo.insertChain(tx, {
      id,
      from_event_id: eventId,
      to_event_id: input.toEventId,
      type: input.type,
      created_by: actor!.userId,
      created_at: now,
    });
    await violationsRepo.touch(tx, eventId);
    await audit({
      actorId: actor!.userId,
      action: 'violation.chain_add',
      entityType: 'vio_event',
      entityId: eventId,
      details: { toEventId: input.toEventId, type: input.type },
    });
    return id;
  });
}

/**
 * Delete one part; needs edit rights on its event (for a chain link, on the event it starts from).
 * Returns the event id so the route can answer with the updated event.
 */
export async function deletePart(ctx: AppContext, actor: Actor | null, table: PartTable, id: string) {
  const eventId = await partsRepo.eventOfPart(ctx.db, table, id);
  if (!eventId) throw new AppError('violation.not_found');
  return withEvent(ctx, actor, eventId, 'edit', async (tx, audit) => {
    if ((await partsRepo.eventOfPart(tx, table, id)) !== eventId) throw new AppError('violation.not_found');
    await partsRepo.deletePart(tx, table, id);
    await violationsRepo.touch(tx, eventId);
    await audit({
      actorId: actor!.userId,
      action: `violation.${table.slice(4)}_delete`,
      entityType: 'vio_event',
      entityId: eventId,
      details: { partId: id },
    });
    return eventId;
  });
}
