import type { z } from 'zod';
import { uuidv7 } from '../../../core/ids.ts';
import { isDistrictOf, isRegionCode } from '../../../core/geo/regions.ts';
import type * as S from '../../../core/schemas/people.ts';
import { requireReauth, type Actor } from '../../platform/access/policy.ts';
import { auditNow, envelope, inTx, type AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/db.ts';
import { AppError } from '../../platform/errors.ts';
import { refreshCaseStats } from '../cases/cases.stats.facts.ts';
import { canCreatePeople, canUseRegistry } from './people.access.ts';
import { personKeys } from './people.keys.ts';
import {
  decryptNames,
  decryptPerson,
  detectScript,
  displayName,
  presentPerson,
  type PersonSecret,
} from './people.presenter.ts';
import { PAGE_SIZE, peopleRepo, type PersonRow } from './people.repo.ts';
import { findMatches } from './people.match.ts';

type Create = z.infer<typeof S.PersonCreate>;
type Patch = z.infer<typeof S.PersonPatch>;

export function requireRegistry(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError('auth.unauthenticated');
  if (!canUseRegistry(actor)) throw new AppError('auth.forbidden');
}

/** Age group from a (partial) birth date, as of today; the date itself stays encrypted. */
export function ageGroupOf(birthDate: string, now = new Date()): z.infer<typeof S.Person>['ageGroup'] {
  const [y, m = 6, d = 15] = birthDate.split('-').map(Number) as [number, number?, number?];
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) age -= 1;
  if (age < 0 || age > 130)
    throw new AppError('validation.failed', { fields: [{ path: 'birthDate', code: 'invalid_value' }] });
  if (age < 14) return 'child_0_13';
  if (age < 18) return 'child_14_17';
  if (age < 30) return 'adult_18_29';
  if (age < 60) return 'adult_30_59';
  return 'older_60';
}

function checkPlace(region: string | null | undefined, district: string | null | undefined): void {
  if (region && !isRegionCode(region))
    throw new AppError('geo.unknown_region', { fields: [{ path: 'region', code: 'invalid_value' }] });
  if (district && (!region || !isDistrictOf(region, district)))
    throw new AppError('geo.unknown_region', { fields: [{ path: 'district', code: 'invalid_value' }] });
}

/** Create input, or a patch (`null` clears) over the current secret `base`. */
type SecretInput = Omit<Patch, 'names'> & { names: Create['names'] };

function secretOf(input: SecretInput, base?: PersonSecret): PersonSecret {
  const b: PersonSecret = base ?? {
    names: [],
    aliases: [],
    gender: null,
    birthDate: null,
    idNumbers: [],
    contacts: [],
    address: null,
    notes: null,
  };
  return {
    names: input.names.map((n) => ({ full: n.full, script: n.script ?? detectScript(n.full) })),
    aliases: input.aliases ?? b.aliases,
    gender: input.gender !== undefined ? input.gender || null : b.gender,
    birthDate: input.birthDate !== undefined ? input.birthDate : b.birthDate,
    idNumbers: input.idNumbers ?? b.idNumbers,
    contacts: input.contacts ? input.contacts.map((c) => ({ ...c, hours: c.hours || null })) : b.contacts,
    address: input.address !== undefined ? input.address || null : b.address,
    notes: input.notes !== undefined ? input.notes || null : b.notes,
  };
}

function encryptSecret(ctx: AppContext, id: string, dek: string, s: PersonSecret) {
  const key = envelope(ctx).openRecordKey('people', id, dek);
  const j = (field: string, v: unknown[]) => (v.length ? key.encrypt(field, JSON.stringify(v)) : null);
  return {
    names_enc: key.encrypt('names', JSON.stringify(s.names)),
    aliases_enc: j('aliases', s.aliases),
    gender_enc: key.encrypt('gender', s.gender),
    birth_date_enc: key.encrypt('birth_date', s.birthDate),
    id_numbers_enc: j('id_numbers', s.idNumbers),
    contacts_enc: j('contacts', s.contacts),
    address_enc: key.encrypt('address', s.address),
    notes_enc: key.encrypt('notes', s.notes),
  };
}

function keysOf(ctx: AppContext, s: PersonSecret) {
  return personKeys(
    envelope(ctx),
    [...s.names.map((n) => n.full), ...s.aliases],
    s.idNumbers.map((i) => i.number),
  );
}

/** Create a person inside the caller's transaction (intake and the violations module reuse it). */
export async function createPersonTx(
  ctx: AppContext,
  tx: Executor,
  actor: Actor,
  input: Create,
): Promise<string> {
  checkPlace(input.region, input.district);
  const secret = secretOf(input);
  const id = uuidv7();
  const { wrapped } = envelope(ctx).newRecordKey('people', id);
  const now = new Date().toISOString();
  await peopleRepo.insert(tx, {
    id,
    dek: wrapped,
    kind: input.kind ?? 'individual',
    ...encryptSecret(ctx, id, wrapped, secret),
    sex: input.sex ?? 'unknown',
    age_group: input.birthDate ? ageGroupOf(input.birthDate) : (input.ageGroup ?? 'unknown'),
    region: input.region ?? null,
    district: input.district ?? null,
    group_size: input.kind === 'group' ? (input.groupSize ?? null) : null,
    merged_into: null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  });
  await peopleRepo.setVulnerabilities(tx, id, [...new Set(input.vulnerabilities ?? [])]);
  await peopleRepo.setKeys(tx, id, keysOf(ctx, secret));
  return id;
}

export async function createPerson(ctx: AppContext, actor: Actor | null, input: Create): Promise<string> {
  requireRegistry(actor);
  if (!canCreatePeople(actor)) throw new AppError('auth.forbidden');
  return inTx(ctx, async (tx, audit) => {
    const id = await createPersonTx(ctx, tx, actor, input);
    await audit({ actorId: actor.userId, action: 'person.create', entityType: 'person', entityId: id });
    return id;
  });
}

/** Load a person the actor may see, or `person.not_found` (the same for missing and hidden). */
async function loadVisible(
  ctx: AppContext,
  actor: Actor,
  id: string,
  db: Executor = ctx.db,
): Promise<PersonRow> {
  const row = await peopleRepo.byId(db, id);
  if (!row || !(await peopleRepo.canSee(db, actor, id))) {
    // Audited only outside a transaction (writers check once before theirs; see cases.access.ts).
    if (row && db === ctx.db)
      await auditNow(ctx, {
        actorId: actor.userId,
        action: 'person.access_denied',
        entityType: 'person',
        entityId: id,
      });
    throw new AppError('person.not_found');
  }
  return row;
}

export async function getPerson(ctx: AppContext, actor: Actor | null, id: string) {
  requireRegistry(actor);
  const row = await loadVisible(ctx, actor, id);
  const [vul, roles, showContacts] = await Promise.all([
    peopleRepo.vulnerabilities(ctx.db, [id]),
    peopleRepo.visibleRoles(ctx.db, actor, id),
    peopleRepo.canSeeContacts(ctx.db, actor, id),
  ]);
  // Reading a person's file is a sensitive read (SECURITY.md: audit every read of a sensitive record).
  await auditNow(ctx, { actorId: actor.userId, action: 'person.read', entityType: 'person', entityId: id });
  return presentPerson(
    row,
    decryptPerson(envelope(ctx), row),
    vul.map((v) => v.code),
    roles.map((r) => ({ ...r, role: r.role as never })),
    showContacts,
  );
}

export async function updatePerson(ctx: AppContext, actor: Actor | null, id: string, patch: Patch) {
  requireRegistry(actor);
  if (!canCreatePeople(actor)) throw new AppError('auth.forbidden');
  await loadVisible(ctx, actor, id);
  await inTx(ctx, async (tx, audit) => {
    const row = await loadVisible(ctx, actor, id, tx);
    if (row.merged_into) throw new AppError('person.merged');
    const old = decryptPerson(envelope(ctx), row);
    // Contacts hidden from this user cannot be replaced by them either.
    if (
      (patch.contacts !== undefined || patch.address !== undefined) &&
      !(await peopleRepo.canSeeContacts(tx, actor, id))
    )
      throw new AppError('auth.forbidden');
    const region = patch.region !== undefined ? patch.region : row.region;
    const district =
      patch.district !== undefined ? patch.district : patch.region !== undefined ? null : row.district;
    checkPlace(region, district);
    const merged: SecretInput = { ...patch, names: patch.names ?? old.names };
    const secret = secretOf(merged, old);
    await peopleRepo.update(tx, id, {
      ...encryptSecret(ctx, id, row.dek, secret),
      kind: patch.kind ?? row.kind,
      sex: patch.sex ?? row.sex,
      age_group: patch.birthDate
        ? ageGroupOf(patch.birthDate)
        : (patch.ageGroup ?? (patch.birthDate === null ? 'unknown' : row.age_group)),
      region: region ?? null,
      district: district ?? null,
      group_size:
        (patch.kind ?? row.kind) === 'group'
          ? patch.groupSize !== undefined
            ? patch.groupSize
            : row.group_size
          : null,
      updated_at: new Date().toISOString(),
    });
    if (patch.vulnerabilities)
      await peopleRepo.setVulnerabilities(tx, id, [...new Set(patch.vulnerabilities)]);
    await peopleRepo.setKeys(tx, id, keysOf(ctx, secret));
    await refreshCaseStats(tx, { people: [id] });
    for (const hook of changeHooks) await hook(tx, [id]);
    await audit({
      actorId: actor.userId,
      action: 'person.update',
      entityType: 'person',
      entityId: id,
      details: { fields: Object.keys(patch).sort().join(',') },
    });
  });
  return getPerson(ctx, actor, id);
}

export async function listPeople(
  ctx: AppContext,
  actor: Actor | null,
  q: z.infer<typeof S.PeopleQuery>,
  locale: 'ky' | 'ru' | 'en',
) {
  requireRegistry(actor);
  const page = q.page ?? 1;
  let ids: string[] | undefined;
  if (q.q) {
    // A name search is the match engine with a lower bar, restricted to what the user may see.
    const found = await findMatches(ctx, actor, { name: q.q }, locale, { threshold: 0.5, limit: 200 });
    ids = found.filter((m) => m.visible).map((m) => m.id);
  }
  const rows = await peopleRepo.list(ctx.db, actor, { ...q, ids }, page);
  const pageRows = rows.slice(0, PAGE_SIZE);
  if (ids) pageRows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
  const pids = pageRows.map((r) => r.id);
  const [vul, roles] = await Promise.all([
    peopleRepo.vulnerabilities(ctx.db, pids),
    peopleRepo.allRoles(ctx.db, pids),
  ]);
  const env = envelope(ctx);
  await auditNow(ctx, {
    actorId: actor.userId,
    action: 'person.list',
    entityType: 'person',
    details: { count: pageRows.length, search: q.q ? 1 : 0 },
  });
  return {
    page,
    hasMore: rows.length > PAGE_SIZE,
    items: pageRows.map((r) => {
      const n = decryptNames(env, r);
      return {
        id: r.id,
        name: displayName(n.names),
        otherNames: [...n.names.slice(1), ...n.aliases],
        kind: r.kind as 'individual',
        sex: r.sex as 'unknown',
        ageGroup: r.age_group as 'unknown',
        region: r.region,
        vulnerabilities: vul.filter((v) => v.person_id === r.id).map((v) => v.code as 'woman'),
        roles: [...new Set(roles.filter((x) => x.person_id === r.id).map((x) => x.role as 'client'))],
        updatedAt: r.updated_at,
      };
    }),
  };
}

/**
 * Merge `otherId` into `id`: the other record's names become aliases, its roles, vulnerabilities and
 * keys move over, and it stays as a tombstone pointing to the survivor, so both histories (audit
 * entries, timelines) still lead somewhere. Needs re-authentication.
 */
export async function mergePeople(ctx: AppContext, actor: Actor | null, id: string, otherId: string) {
  requireRegistry(actor);
  if (!canCreatePeople(actor)) throw new AppError('auth.forbidden');
  requireReauth(actor);
  if (id === otherId) throw new AppError('person.merge_self');
  await loadVisible(ctx, actor, id);
  await loadVisible(ctx, actor, otherId);
  await inTx(ctx, async (tx, audit) => {
    const keep = await loadVisible(ctx, actor, id, tx);
    const other = await loadVisible(ctx, actor, otherId, tx);
    if (keep.merged_into || other.merged_into) throw new AppError('person.merged');
    const env = envelope(ctx);
    const a = decryptPerson(env, keep);
    const b = decryptPerson(env, other);
    const known = new Set([...a.names.map((n) => n.full), ...a.aliases]);
    const secret: PersonSecret = {
      ...a,
      aliases: [...a.aliases, ...[...b.names.map((n) => n.full), ...b.aliases].filter((n) => !known.has(n))],
      idNumbers: [
        ...a.idNumbers,
        ...b.idNumbers.filter((x) => !a.idNumbers.some((y) => y.number === x.number)),
      ],
      contacts: [...a.contacts, ...b.contacts.filter((x) => !a.contacts.some((y) => y.value === x.value))],
      gender: a.gender ?? b.gender,
      birthDate: a.birthDate ?? b.birthDate,
      address: a.address ?? b.address,
      notes: [a.notes, b.notes].filter(Boolean).join('\n\n') || null,
    };
    const now = new Date().toISOString();
    await peopleRepo.update(tx, id, {
      ...encryptSecret(ctx, id, keep.dek, secret),
      region: keep.region ?? other.region,
      district: keep.region ? keep.district : other.district,
      sex: keep.sex !== 'unknown' ? keep.sex : other.sex,
      age_group: keep.age_group !== 'unknown' ? keep.age_group : other.age_group,
      updated_at: now,
    });
    const vul = await peopleRepo.vulnerabilities(tx, [id, otherId]);
    await peopleRepo.setVulnerabilities(tx, id, [...new Set(vul.map((v) => v.code))]);
    await peopleRepo.setKeys(tx, id, keysOf(ctx, secret));
    await peopleRepo.setKeys(tx, otherId, []);
    await moveCaseRoles(tx, otherId, id);
    for (const hook of mergeHooks) await hook(tx, otherId, id);
    await peopleRepo.update(tx, otherId, { merged_into: id, updated_at: now });
    await refreshCaseStats(tx, { people: [id, otherId] });
    for (const hook of changeHooks) await hook(tx, [id, otherId]);
    for (const [entityId, other2] of [
      [id, otherId],
      [otherId, id],
    ] as const)
      await audit({
        actorId: actor.userId,
        action: 'person.merge',
        entityType: 'person',
        entityId,
        details: { with: other2, into: id },
      });
  });
  return getPerson(ctx, actor, id);
}

/** Later modules move their own references to a merged person here. */
type MergeHook = (tx: Executor, fromId: string, intoId: string) => Promise<void>;
const mergeHooks: MergeHook[] = [];
export function registerPersonMergeHook(h: MergeHook): void {
  mergeHooks.push(h);
}

/**
 * Later modules keep figures derived from people (violation statistics: a victim's kind, group size,
 * merge) up to date here: called in the transaction of a person's edit and of a merge, after it.
 */
type ChangeHook = (tx: Executor, personIds: string[]) => Promise<void>;
const changeHooks: ChangeHook[] = [];
export function registerPersonChangeHook(h: ChangeHook): void {
  changeHooks.push(h);
}

async function moveCaseRoles(tx: Executor, fromId: string, intoId: string): Promise<void> {
  const rows = await tx
    .selectFrom('case_people')
    .selectAll()
    .where('person_id', 'in', [fromId, intoId])
    .execute();
  const have = new Set(rows.filter((r) => r.person_id === intoId).map((r) => `${r.case_id}:${r.role}`));
  for (const r of rows.filter((x) => x.person_id === fromId)) {
    if (have.has(`${r.case_id}:${r.role}`))
      await tx.deleteFrom('case_people').where('id', '=', r.id).execute();
    else await tx.updateTable('case_people').set({ person_id: intoId }).where('id', '=', r.id).execute();
  }
}
