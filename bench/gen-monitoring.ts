// Seeded generator for bench/monitoring.ts: a ~30-question election-day checklist, one active mission
// with its sites (regions weighted by population), observers (monitors) each assigned to one site,
// and submissions written in bulk exactly as the submissions service stores them (answers encrypted
// under each row's own data key), with the dashboard counters filled from the same answers through
// the service's own countedValues. Bulk load: multi-row inserts in large transactions, no audit.
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { validateDefinition, type FormDefinition } from '../src/core/forms/index.ts';
import { REGION_CODES } from '../src/core/geo/regions.ts';
import { uuidv7 } from '../src/core/ids.ts';
import { countedValues, publishedVersion } from '../src/server/modules/monitoring/submissions.forms.ts';
import { envelope, type AppContext } from '../src/server/platform/context.ts';
import { pick, seededRng } from './gen-legal.ts';

const L = (en: string) => ({ ky: en, ru: en, en });
const YN = ['yes', 'no', 'partly'];

/** 30 questions: 12 yes/no, 10 single choice, 5 numbers, 2 multiple choice, 1 optional note. */
export function benchChecklist(): FormDefinition {
  const fields: FormDefinition['sections'][number]['fields'] = [];
  for (let i = 0; i < 12; i++)
    fields.push({ key: `b${i}`, type: 'boolean', label: L(`Yes/no ${i}`), required: true });
  for (let i = 0; i < 10; i++)
    fields.push({
      key: `c${i}`,
      type: 'single_choice',
      label: L(`Choice ${i}`),
      required: true,
      options: YN.map((k) => ({ key: k, label: L(k) })),
    });
  for (let i = 0; i < 5; i++)
    fields.push({
      key: `n${i}`,
      type: 'number',
      label: L(`Number ${i}`),
      constraint: { min: 0, integer: true },
    });
  for (let i = 0; i < 2; i++)
    fields.push({
      key: `m${i}`,
      type: 'multiple_choice',
      label: L(`Several ${i}`),
      options: ['a', 'b', 'c', 'd'].map((k) => ({ key: k, label: L(k) })),
    });
  fields.push({ key: 'notes', type: 'long_text', label: L('Notes') });
  const def: FormDefinition = {
    title: L('Bench checklist'),
    kind: 'checklist',
    sections: [{ key: 's', title: L('All'), fields }],
  };
  const check = validateDefinition(def);
  if (!check.ok) throw new Error(`bench form invalid: ${JSON.stringify(check)}`);
  return def;
}

export function benchAnswers(rng: () => number): Record<string, unknown> {
  const a: Record<string, unknown> = {};
  for (let i = 0; i < 12; i++) a[`b${i}`] = rng() < 0.8;
  for (let i = 0; i < 10; i++) a[`c${i}`] = pick(rng, YN);
  for (let i = 0; i < 5; i++) a[`n${i}`] = Math.floor(rng() * 2000);
  a.m0 = ['a', 'c'];
  a.m1 = [pick(rng, ['a', 'b', 'c', 'd'])];
  if (rng() < 0.2) a.notes = 'Очередь у входа, наблюдателя не пустили на 10 минут.';
  return a;
}

export interface GeneratedMonitoring {
  missionId: string;
  formId: string;
  versionId: string;
  adminId: string;
  observers: { id: string; siteId: string }[];
  submissions: number;
  ms: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

export async function generateMonitoring(
  ctx: AppContext,
  opts: { sites: number; observers: number; submissions: number; progress?: (done: number) => void },
): Promise<GeneratedMonitoring> {
  const t0 = performance.now();
  const env = envelope(ctx);
  const rng = seededRng(20261129);
  const now = Date.now();
  const user = (role: string, i: number) => {
    const id = uuidv7();
    const { key, wrapped } = env.newRecordKey('users', id);
    const email = `${role}${i}@bench.example.org`;
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
      created_at: iso(now),
      updated_at: iso(now),
    };
  };
  const admin = user('admin', 0);
  const obs = Array.from({ length: opts.observers }, (_, i) => user('monitor', i + 1));
  for (let i = 0; i < obs.length + 1; i += 500)
    await ctx.db
      .insertInto('users')
      .values([admin, ...obs].slice(i, i + 500))
      .execute();

  const def = benchChecklist();
  const formId = uuidv7();
  const versionId = uuidv7();
  const definition = JSON.stringify(def);
  await ctx.db
    .insertInto('forms')
    .values({
      id: formId,
      key: null,
      kind: 'checklist',
      title: JSON.stringify(def.title),
      origin: 'custom',
      archived: 0,
      created_by: null,
      created_at: iso(now),
      updated_at: iso(now),
    })
    .execute();
  await ctx.db
    .insertInto('form_versions')
    .values({
      id: versionId,
      form_id: formId,
      version: 1,
      status: 'published',
      definition,
      definition_hash: createHash('sha256').update(definition).digest('hex'),
      created_by: null,
      created_at: iso(now),
      published_at: iso(now),
      published_by: null,
    })
    .execute();
  const missionId = uuidv7();
  await ctx.db
    .insertInto('missions')
    .values({
      id: missionId,
      kind: 'election',
      title: 'Bench election',
      description: null,
      status: 'active',
      starts_on: null,
      ends_on: null,
      public: 0,
      public_reports: 0,
      public_counts: 'received',
      field_pin: 0,
      created_by: admin.id,
      created_at: iso(now),
      updated_at: iso(now),
    })
    .execute();
  await ctx.db
    .insertInto('mission_forms')
    .values({
      mission_id: missionId,
      form_version_id: versionId,
      form_id: formId,
      form_kind: 'checklist',
      position: 0,
    })
    .execute();
  await ctx.db
    .insertInto('mission_coordinators')
    .values({ id: uuidv7(), mission_id: missionId, user_id: admin.id, region: null, appointed: 1 })
    .execute();
  const sites = Array.from({ length: opts.sites }, (_, i) => ({
    id: uuidv7(),
    mission_id: missionId,
    code: `PS-${i}`,
    name: `Участок ${i}`,
    kind: 'polling_station',
    region: REGION_CODES[i % REGION_CODES.length]!,
    district: null,
    place: null,
    lat: null,
    lon: null,
    visits: 1,
    created_at: iso(now),
    updated_at: iso(now),
  }));
  for (let i = 0; i < sites.length; i += 500)
    await ctx.db
      .insertInto('sites')
      .values(sites.slice(i, i + 500))
      .execute();
  const observers = obs.map((o, i) => ({ id: o.id, siteId: sites[i % sites.length]!.id }));
  for (let i = 0; i < observers.length; i += 500)
    await ctx.db
      .insertInto('site_observers')
      .values(
        observers.slice(i, i + 500).map((o) => ({ site_id: o.siteId, user_id: o.id, mission_id: missionId })),
      )
      .execute();

  // Submissions and the counters the dashboard reads, as the service keeps them.
  const v = await publishedVersion(ctx.db, versionId);
  if (!v) throw new Error('bench form not published');
  const siteForm = new Map<string, number>();
  const region = new Map<string, { received: number; submissions: number }>();
  const answersCount = new Map<string, number>();
  const BATCH = 500;
  for (let done = 0; done < opts.submissions;) {
    const n = Math.min(BATCH * 20, opts.submissions - done);
    await ctx.db.transaction().execute(async (tx) => {
      for (let b = 0; b < n; b += BATCH) {
        const rows = [];
        for (let k = 0; k < Math.min(BATCH, n - b); k++) {
          const site = sites[Math.floor(rng() * sites.length)]!;
          const id = uuidv7();
          const { key, wrapped } = env.newRecordKey('submissions', id);
          const answers = benchAnswers(rng);
          const at = iso(now - Math.floor(rng() * 12 * 3_600_000));
          const sf = `${site.id}`;
          const first = !siteForm.has(sf);
          siteForm.set(sf, (siteForm.get(sf) ?? 0) + 1);
          const r = region.get(site.region) ?? { received: 0, submissions: 0 };
          r.received += first ? 1 : 0;
          r.submissions += 1;
          region.set(site.region, r);
          for (const [f, val] of countedValues(v, answers)) {
            const ck = `${site.region}\u0000${f}\u0000${val}`;
            answersCount.set(ck, (answersCount.get(ck) ?? 0) + 1);
          }
          rows.push({
            id,
            client_id: randomUUID(),
            source: 'observer',
            mission_id: missionId,
            site_id: site.id,
            observer_id: observers[Math.floor(rng() * observers.length)]?.id ?? null,
            form_id: formId,
            form_version_id: versionId,
            form_kind: 'checklist',
            region: site.region,
            district: null,
            critical: 0,
            status: 'received',
            // Some reports wait in the review queues, as on a real day (without drawing from rng, so
            // the answers stay those of earlier runs): 5 % to translate, 3 % to place, 10 % to verify,
            // 2 % urgent.
            flag_translate: (done + b + k) % 20 === 0 ? 1 : 0,
            flag_geolocate: (done + b + k) % 33 === 1 ? 1 : 0,
            flag_verify: (done + b + k) % 10 === 3 ? 1 : 0,
            flag_urgent: (done + b + k) % 50 === 7 ? 1 : 0,
            submitted_at: at,
            received_at: at,
            answers: key.encrypt('answers', JSON.stringify(answers)),
            dek: wrapped,
            locked_by: null,
            locked_until: null,
            violation_event_id: null,
            case_id: null,
            updated_at: at,
          });
        }
        await tx.insertInto('submissions').values(rows).execute();
      }
    });
    done += n;
    opts.progress?.(done);
  }
  const sf = [...siteForm].map(([site_id, n]) => ({ mission_id: missionId, site_id, form_id: formId, n }));
  for (let i = 0; i < sf.length; i += 500)
    await ctx.db
      .insertInto('mon_count_site_form')
      .values(sf.slice(i, i + 500))
      .execute();
  const rg = [...region].map(([r, c]) => ({
    mission_id: missionId,
    region: r,
    received: c.received,
    submissions: c.submissions,
    incidents: 0,
    critical: 0,
    verified_incidents: 0,
    verified_critical: 0,
  }));
  if (rg.length) await ctx.db.insertInto('mon_count_region').values(rg).execute();
  const ans = [...answersCount].map(([k, n]) => {
    const [r, field, value] = k.split('\u0000') as [string, string, string];
    return { mission_id: missionId, region: r, form_id: formId, field, value, n, verified: 0 };
  });
  for (let i = 0; i < ans.length; i += 500)
    await ctx.db
      .insertInto('mon_count_answer')
      .values(ans.slice(i, i + 500))
      .execute();
  // A bulk load leaves the planner without statistics until autovacuum comes by (on PostgreSQL the
  // export's keyset pages then sorted the whole mission: 17k instead of 250k rows/s); a live system
  // has them, so the benchmark takes them now.
  await sql`analyze`.execute(ctx.db);
  return {
    missionId,
    formId,
    versionId,
    adminId: admin.id,
    observers,
    submissions: opts.submissions,
    ms: performance.now() - t0,
  };
}
