// Seeded generator of violation records for bench/violations.ts: users, people (individuals and groups),
// events over twelve years, acts with skewed HURIDOCS codes, involvements, rights and sources. The code
// columns the statistics count are realistic and skewed (Zipf over the real micro-thesauri codes, the
// regions weighted by population); the encrypted columns are one constant ciphertext per table, except
// event titles, which are encrypted per row because the list decrypts them, and the search index,
// which holds the real keyed hashes (through the real index). Bulk load: multi-row inserts in large
// transactions, no audit log; then the derived facts of ADR 0011 are rebuilt once, set-wise, as the
// first start after an upgrade does (the services keep them per write).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { DISTRICTS } from '../src/core/geo/regions.ts';
import { rebuildViolationFacts } from '../src/server/modules/violations/facts.store.ts';
import { envelope, type AppContext } from '../src/server/platform/context.ts';
import { createSearchIndex } from '../src/server/platform/search/search.ts';
import { pick, seededRng } from './gen-legal.ts';
import {
  AGE_BAG,
  codesOf,
  FRONT_ACTS,
  insertAll,
  REGION_BAG,
  SEX_BAG,
  TITLE_WORDS,
  VUL,
  zipf,
  type Row,
} from './gen-violations-data.ts';

export interface GenViolationsOptions {
  events: number;
  acts: number;
  people: number;
  seed?: number;
  progress?: (what: string, done: number, total: number) => void;
}

export interface GeneratedViolations {
  /** A documenter who is a member of some restricted events (the measured actor). */
  documenterId: string;
  adminId: string;
  counts: Record<string, number>;
  ms: Record<string, number>;
  actCodes: string[];
  perpetratorCodes: string[];
  reliabilityCodes: string[];
}

const CHUNK = 10_000;

export async function generateViolations(
  ctx: AppContext,
  o: GenViolationsOptions,
): Promise<GeneratedViolations> {
  const env = envelope(ctx);
  const rng = seededRng(o.seed ?? 20261128);
  const kind = ctx.dbh.kind;
  const ms: Record<string, number> = {};
  const counts: Record<string, number> = {};
  const t0 = performance.now();
  const now = new Date().toISOString();
  const blob = (table: string, field: string) =>
    env.newRecordKey(table, 'bench').key.encrypt(field, 'bench') ?? '';
  const dekBlob = env.newRecordKey('bench', 'bench').wrapped;

  const user = (role: string, i: number) => {
    const id = randomUUID();
    const { key, wrapped } = env.newRecordKey('users', id);
    const email = `${role}${i}@bench-vio.example.org`;
    return {
      id,
      email_bidx: env.blindIndex('user.email', email),
      email_enc: key.encrypt('email', email),
      name_enc: key.encrypt('name', `${role} ${i}`),
      dek: wrapped,
      role,
      locale: 'ru',
      status: 'active',
      password_hash: null,
      totp_secret_enc: null,
      totp_enabled: 0,
      totp_last_step: 0,
      email_reminders: 1,
      email_critical: 1,
      email_assigned: 1,
      invite_token_hash: null,
      invite_expires_at: null,
      last_login_at: null,
      created_at: now,
      updated_at: now,
    };
  };
  const users = [user('admin', 0), ...Array.from({ length: 20 }, (_, i) => user('documenter', i + 1))];
  await ctx.db.insertInto('users').values(users).execute();
  const documenters = users.slice(1).map((u) => u.id);

  // People: 3% groups with a size; a tenth of them perpetrators (units, officers, "unknown").
  const peopleIds: string[] = [];
  const namesBlob = blob('people', 'names');
  for (let c = 0; c < o.people; c += CHUNK) {
    const rows: Row[] = [];
    const vul: Row[] = [];
    for (let i = c; i < Math.min(o.people, c + CHUNK); i++) {
      const id = randomUUID();
      peopleIds.push(id);
      const group = rng() < 0.03;
      rows.push({
        id,
        dek: dekBlob,
        kind: group ? 'group' : 'individual',
        names_enc: namesBlob,
        aliases_enc: null,
        sex: group ? 'unknown' : pick(rng, SEX_BAG),
        gender_enc: null,
        birth_date_enc: null,
        age_group: group ? 'unknown' : pick(rng, AGE_BAG),
        region: pick(rng, REGION_BAG),
        district: null,
        id_numbers_enc: null,
        contacts_enc: null,
        address_enc: null,
        notes_enc: null,
        group_size: group ? (rng() < 0.8 ? 5 + Math.floor(rng() * 300) : null) : null,
        merged_into: null,
        created_by: users[0]!.id,
        created_at: now,
        updated_at: now,
      });
      if (!group && rng() < 0.25) vul.push({ person_id: id, code: pick(rng, VUL) });
    }
    await ctx.db.transaction().execute(async (tx) => {
      await insertAll(tx, kind, 'people', rows);
      await insertAll(tx, kind, 'person_vulnerabilities', vul);
    });
    o.progress?.('people', Math.min(o.people, c + CHUNK), o.people);
  }
  counts.people = o.people;
  ms.people = performance.now() - t0;

  const actCodes = codesOf('04_types_of_acts.csv', FRONT_ACTS);
  const perpCodes = codesOf('24_types_of_perpetrators.csv', ['010000000000', '010100000000', '020000000000']);
  const relCodes = codesOf('42_reliability.csv', ['010000000000', '020000000000', '030000000000']);
  const statusCodes = codesOf('41_violation_status.csv', ['010000000000', '020000000000']);
  const rightCodes = codesOf('03_rights_typology.csv', ['010000000000', '020000000000']);
  const nextAct = zipf(rng, FRONT_ACTS, actCodes);
  const nextPerp = zipf(rng, [], perpCodes, 1.3);
  const nextRel = zipf(rng, [], relCodes, 1.0);
  const nextStatus = zipf(rng, [], statusCodes, 1.0);
  const nextRight = zipf(rng, [], rightCodes, 1.2);
  // Victims: most people once, some many times (Zipf over the first 270,000); perpetrators from the rest.
  const victims = peopleIds.slice(0, Math.floor(o.people * 0.9));
  const perps = peopleIds.slice(victims.length);
  const victimAt = () => victims[Math.floor(Math.pow(rng(), 1.4) * victims.length)]!;

  const actsBlob = blob('vio_acts', 'consequences');
  const invBlob = blob('vio_involvements', 'remarks');
  const infoBlob = blob('vio_information', 'remarks');
  const search = createSearchIndex({ kind });
  const start = Date.parse('2015-01-01T00:00:00Z');
  const span = Date.parse('2026-11-01T00:00:00Z') - start;
  const perEvent = o.acts / o.events;
  let actsMade = 0;
  const t1 = performance.now();
  let seq = 0;
  for (let c = 0; c < o.events; c += CHUNK) {
    const evs: Row[] = [];
    const members: Row[] = [];
    const acts: Row[] = [];
    const invs: Row[] = [];
    const rights: Row[] = [];
    const infos: Row[] = [];
    const docs: { id: string; text: string }[] = [];
    const end = Math.min(o.events, c + CHUNK);
    for (let i = c; i < end; i++) {
      const id = randomUUID();
      const { key, wrapped } = env.newRecordKey('vio_events', id);
      const day = new Date(start + Math.floor(rng() * span)).toISOString().slice(0, 10);
      const p = rng();
      const precision = p < 0.8 ? 'day' : p < 0.95 ? 'month' : 'year';
      const date = precision === 'day' ? day : precision === 'month' ? day.slice(0, 7) : day.slice(0, 4);
      const region = pick(rng, REGION_BAG);
      const ds = DISTRICTS.filter((d) => d.region === region);
      const district = ds.length && rng() < 0.6 ? pick(rng, ds).id : null;
      const title = `${pick(rng, TITLE_WORDS.what)} ${pick(rng, TITLE_WORDS.where)}, ${pick(rng, TITLE_WORDS.town)}`;
      const restricted = rng() < 0.03 ? 1 : 0;
      const lead = pick(rng, documenters);
      evs.push({
        id,
        dek: wrapped,
        number: `EV-${date.slice(0, 4)}-${String(++seq).padStart(6, '0')}`,
        title_enc: key.encrypt('title', title),
        description_enc: null,
        start_date: date,
        start_precision: precision,
        end_date: null,
        end_precision: null,
        region,
        district,
        place_enc: null,
        violation_status: rng() < 0.9 ? nextStatus() : null,
        restricted,
        created_by: lead,
        created_at: now,
        updated_at: now,
      });
      members.push({ event_id: id, user_id: lead, role: 'lead', added_by: lead, added_at: now });
      docs.push({ id, text: title });
      // Acts per event: mostly 1–4, a few mass events with many victims, averaging `perEvent`.
      const target = Math.round(o.acts * ((i + 1) / o.events)) - actsMade;
      const n = Math.max(
        1,
        rng() < 0.02
          ? target + Math.floor(rng() * 20)
          : Math.min(target + 2, Math.max(1, Math.round(perEvent + (rng() - 0.5) * 3))),
      );
      for (let k = 0; k < n; k++) {
        const actId = randomUUID();
        acts.push({
          id: actId,
          event_id: id,
          dek: dekBlob,
          victim_id: victimAt(),
          act_type: nextAct(),
          start_date: date,
          start_precision: precision,
          end_date: null,
          end_precision: null,
          region,
          district,
          place_enc: null,
          location_type: null,
          methods: '[]',
          national_law: '[]',
          instruments: '[]',
          consequences_enc: actsBlob,
          status_at_end: null,
          details_kind: null,
          details_enc: null,
          created_by: lead,
          created_at: now,
          updated_at: now,
        });
        if (rng() < 0.8)
          invs.push({
            id: randomUUID(),
            act_id: actId,
            dek: dekBlob,
            perpetrator_id: pick(rng, perps),
            degree: null,
            perpetrator_type: nextPerp(),
            status: null,
            remarks_enc: invBlob,
            created_by: lead,
            created_at: now,
          });
        if (rng() < 0.7) rights.push({ act_id: actId, scheme: 'esf_rights_typology', code: nextRight() });
      }
      actsMade += n;
      infos.push({
        id: randomUUID(),
        event_id: id,
        dek: dekBlob,
        source_id: null,
        connection: null,
        material_type: null,
        reliability: nextRel(),
        language: null,
        received_on: null,
        remarks_enc: infoBlob,
        created_by: lead,
        created_at: now,
      });
    }
    await ctx.db.transaction().execute(async (tx) => {
      await insertAll(tx, kind, 'vio_events', evs);
      await insertAll(tx, kind, 'vio_event_members', members);
      await insertAll(tx, kind, 'vio_acts', acts);
      await insertAll(tx, kind, 'vio_involvements', invs);
      await insertAll(tx, kind, 'vio_act_rights', rights);
      await insertAll(tx, kind, 'vio_information', infos);
      for (const d of docs)
        await search.index(tx, {
          entityType: 'vio_event',
          entityId: d.id,
          scope: 'vio_event',
          lang: 'ru',
          text: d.text,
          sensitive: true,
          envelope: env,
        });
    });
    for (const [k, n] of [
      ['events', evs.length],
      ['acts', acts.length],
      ['involvements', invs.length],
      ['rights', rights.length],
      ['information', infos.length],
    ] as const)
      counts[k] = (counts[k] ?? 0) + n;
    o.progress?.('events', end, o.events);
  }
  // The measured documenter is also a member of a share of the restricted events of others.
  const doc = documenters[0]!;
  await sql`insert into vio_event_members (event_id, user_id, role, added_by, added_at)
    select id, ${doc}, 'member', ${doc}, ${now} from vio_events
    where restricted = 1 and created_by <> ${doc} and substr(id, 1, 1) in ('0', '1', '2')`.execute(ctx.db);
  ms.events = performance.now() - t1;
  // The bulk load bypassed the services, which keep the facts per write: build them once.
  const t2 = performance.now();
  await rebuildViolationFacts(ctx.db);
  ms.facts = performance.now() - t2;
  await sql`analyze`.execute(ctx.db);
  ms.total = performance.now() - t0;
  return {
    documenterId: doc,
    adminId: users[0]!.id,
    counts,
    ms,
    actCodes: FRONT_ACTS,
    perpetratorCodes: perpCodes.slice(0, 5),
    reliabilityCodes: relCodes.slice(0, 3),
  };
}
