import { randomUUID } from 'node:crypto';
import {
  isCriticalAnswer,
  isVisible,
  validateAnswers,
  type Answers,
  type FormDefinition,
  type FormField,
} from '../core/forms/index.ts';
import { districtsOf, type RegionCode } from '../core/geo/regions.ts';
import type { Actor } from '../server/platform/access/policy.ts';
import type { AppContext } from '../server/platform/context.ts';
import { sendMessage } from '../server/modules/monitoring/messages.service.ts';
import { setMissionCoordinators } from '../server/modules/monitoring/missions.coordinators.ts';
import {
  createMission,
  setMissionForms,
  updateMission,
} from '../server/modules/monitoring/missions.service.ts';
import { createSite, setSiteObservers } from '../server/modules/monitoring/sites.service.ts';
import { publishedVersion } from '../server/modules/monitoring/submissions.forms.ts';
import { submit } from '../server/modules/monitoring/submissions.service.ts';
import { updateMe } from '../server/modules/me/me.service.ts';

/**
 * Demo monitoring data (issue #5): an active election mission on the election-day template, twenty
 * polling stations across the regions (invented "DEMO" station names in real towns), the demo monitor
 * (`monitor@demo.ukuk.invalid`) as observer of three stations in Chüy, the demo administrator of
 * fourteen others (they report there too), the demo coordinator as the
 * Chüy region coordinator, and about thirty submissions with two critical incidents. Written through
 * the services, so encryption, counters and audit are real. Answers are made from the template's own
 * rules (whatever it asks), so the demo follows the template as it changes.
 */
/** Number, region, town, and the town's district (Kyrgyz name; none in Bishkek and Osh, which have none). */
const STATIONS: [string, RegionCode, string, string?][] = [
  // Bishkek's four city districts, so a station there says more than the city's name twice.
  ['1001', 'KG-GB', 'Ленин району'],
  ['1002', 'KG-GB', 'Октябрь району'],
  ['1003', 'KG-GB', 'Биринчи Май району'],
  ['1004', 'KG-GB', 'Свердлов району'],
  ['2001', 'KG-C', 'Токмок', 'Токмок'],
  ['2002', 'KG-C', 'Кант', 'Ысык-Ата району'],
  ['2003', 'KG-C', 'Кара-Балта', 'Жайыл району'],
  ['2004', 'KG-C', 'Сокулук', 'Сокулук району'],
  ['3001', 'KG-GO', 'Ош'],
  ['3002', 'KG-GO', 'Ош'],
  ['3003', 'KG-O', 'Өзгөн', 'Өзгөн району'],
  ['3004', 'KG-O', 'Кара-Суу', 'Кара-Суу району'],
  ['4001', 'KG-J', 'Жалал-Абад', 'Жалал-Абад'],
  ['4002', 'KG-J', 'Таш-Көмүр', 'Таш-Көмүр'],
  ['5001', 'KG-Y', 'Каракол', 'Каракол'],
  ['5002', 'KG-Y', 'Балыкчы', 'Балыкчы'],
  ['6001', 'KG-N', 'Нарын', 'Нарын'],
  ['7001', 'KG-T', 'Талас', 'Талас'],
  ['8001', 'KG-B', 'Баткен', 'Баткен району'],
  ['8002', 'KG-B', 'Кызыл-Кыя', 'Кызыл-Кыя'],
];

/** A small deterministic random source: the demo is the same every time. */
export function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

function valueFor(f: FormField, r: () => number, region: RegionCode, now: Date): unknown {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  switch (f.type) {
    case 'boolean':
      return r() < 0.8;
    case 'single_choice':
      return f.options?.length ? pick(f.options).key : undefined;
    case 'multiple_choice':
      return f.options?.length ? [pick(f.options).key] : undefined;
    case 'number': {
      const min = f.constraint?.min ?? 0;
      const max = Math.min(f.constraint?.max ?? min + 500, min + 500);
      return Math.floor(min + r() * (max - min));
    }
    case 'date':
      return now.toISOString().slice(0, 10);
    case 'datetime':
      return now.toISOString();
    case 'location': {
      const d = districtsOf(region)[0];
      return { region, ...(d ? { district: d.id } : {}) };
    }
    case 'text':
    case 'long_text':
      return f.required ? 'DEMO' : undefined;
    default:
      return undefined; // files, signatures and repeats are left out of the demo
  }
}

/**
 * A demo value moved to satisfy the field's comparisons with earlier answers (a count within the
 * ballots received, a closing after the opening): ordinary demo reports must not all wait "to verify".
 */
function compared(f: FormField, v: unknown, answers: Answers): unknown {
  let out = v;
  for (const rule of f.constraint?.compare ?? []) {
    const other = answers[rule.field];
    if (f.type === 'number' && typeof other === 'number' && typeof out === 'number') {
      if (rule.op === 'lte') out = Math.min(out, other);
      else if (rule.op === 'lt') out = Math.min(out, other - 1);
      else if (rule.op === 'gte') out = Math.max(out, other);
      else if (rule.op === 'gt') out = Math.max(out, other + 1);
      else out = other;
    } else if (f.type === 'datetime' && typeof other === 'string') {
      // An hour after or before the other answer, or the same instant.
      const shift = { gt: 1, gte: 1, lt: -1, lte: 0, eq: 0 }[rule.op] * 3_600_000;
      out = new Date(Date.parse(other) + shift).toISOString();
    } else if (typeof other === 'string') out = other;
  }
  return out;
}

/** Keep ordinary reports ordinary: an answer that would flag a critical incident is replaced. */
function ordinary(f: FormField, v: unknown): unknown {
  if (!f.critical || !isCriticalAnswer(f, v)) return v;
  if (typeof v === 'boolean') return !v;
  const o = f.options?.find((x) => !isCriticalAnswer(f, f.type === 'multiple_choice' ? [x.key] : x.key));
  return o ? (f.type === 'multiple_choice' ? [o.key] : o.key) : undefined;
}

/**
 * None to three entries of a repeat group (a visit's interviews), so the dashboard's per-entry counts
 * have something to show. An entry's critical answer ("ill-treatment reported") only in a report that
 * is meant to be critical.
 */
function demoEntries(
  f: FormField,
  r: () => number,
  region: RegionCode,
  now: Date,
  answers: Answers,
  critical: boolean,
): Answers[] | undefined {
  const n = [0, 0, 1, 2, 3][Math.floor(r() * 5)]!;
  const entries: Answers[] = [];
  for (let i = 0; i < n; i++) {
    const entry: Answers = {};
    for (const ch of f.fields ?? []) {
      if (!isVisible(ch.visibleIf, answers, entry)) continue;
      let v = valueFor(ch, r, region, now);
      if (!critical) v = ordinary(ch, v);
      if (v !== undefined) entry[ch.key] = v;
    }
    entries.push(entry);
  }
  return entries.length ? entries : undefined;
}

/**
 * The demo's administrator as the services see one. Appointing coordinators asks a session for a fresh
 * re-authentication (ADR 0041); the demo command is the operator at the server, as present as one gets.
 */
export function demoAdmin(userId: string): Actor {
  return {
    userId,
    role: 'admin',
    sessionId: 'demo',
    reauthUntil: new Date(Date.now() + 10 * 60_000).toISOString(),
  };
}

/** Answers that follow the definition: only visible questions, valid values; critical answers avoided. */
export function demoAnswers(
  def: FormDefinition,
  r: () => number,
  region: RegionCode,
  critical = false,
): Answers {
  const now = new Date();
  const answers: Answers = {};
  let madeCritical = false;
  for (const s of def.sections) {
    if (!isVisible(s.visibleIf, answers)) continue;
    for (const f of s.fields) {
      if (!isVisible(f.visibleIf, answers)) continue;
      let v: unknown;
      if (f.critical && critical && !madeCritical) {
        const c = f.critical.value;
        v =
          f.type === 'multiple_choice'
            ? Array.isArray(c)
              ? c.slice(0, 1)
              : [c]
            : Array.isArray(c)
              ? c[0]
              : c;
        madeCritical = true;
      } else if (f.type === 'repeat') {
        v = demoEntries(f, r, region, now, answers, critical);
      } else v = ordinary(f, compared(f, valueFor(f, r, region, now), answers));
      if (v !== undefined) answers[f.key] = v;
    }
  }
  // Anything the generator got wrong for this template is dropped rather than failing the demo.
  for (let i = 0; i < 3; i++)
    for (const issue of validateAnswers(def, answers)) delete answers[issue.path.split(/[[.]/)[0]!];
  return answers;
}

async function templateVersion(ctx: AppContext, key: string): Promise<string> {
  const row = await ctx.db
    .selectFrom('form_versions as v')
    .innerJoin('forms as f', 'f.id', 'v.form_id')
    .select('v.id')
    .where('f.key', '=', key)
    .where('v.status', '=', 'published')
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new Error(`The ${key} form template is not installed.`);
  return row.id;
}

export async function loadMonitoringDemo(
  ctx: AppContext,
  adminId: string,
  coordinatorId: string,
  monitorId: string,
): Promise<void> {
  const admin = demoAdmin(adminId);
  const monitor: Actor = { userId: monitorId, role: 'monitor', sessionId: 'demo', reauthUntil: null };
  const checklistId = await templateVersion(ctx, 'election_day');
  const incidentId = await templateVersion(ctx, 'incident');
  const today = new Date().toISOString().slice(0, 10);
  const missionId = await createMission(ctx, admin, {
    kind: 'election',
    title: 'DEMO — Жергиликтүү кеңештердин шайлоосу 2026',
    description: 'DEMO: байкоочулардын миссиясы (ойдон чыгарылган маалымат).',
    startsOn: today,
    endsOn: today,
  });
  await setMissionForms(ctx, admin, missionId, [checklistId, incidentId]);
  await setMissionCoordinators(ctx, admin, missionId, [
    { userId: adminId, region: null },
    { userId: coordinatorId, region: 'KG-C' },
  ]);
  const sites: { id: string; region: RegionCode }[] = [];
  for (const [no, region, town, districtName] of STATIONS) {
    // By its name, so that a wrong name fails here rather than leave a station off the district map.
    const district = districtName ? districtsOf(region).find((d) => d.names.ky === districtName) : undefined;
    if (districtName && !district) throw new Error(`demo: no district ${districtName} in ${region}`);
    const id = await createSite(ctx, admin, missionId, {
      code: `PS-${no}`,
      name: `DEMO № ${no} шайлоо участогу`,
      region,
      place: town,
      ...(district ? { district: district.id } : {}),
    });
    sites.push({ id, region });
  }
  const chuy = sites.filter((s) => s.region === 'KG-C').slice(0, 3);
  for (const s of chuy) await setSiteObservers(ctx, admin, s.id, [monitorId]);
  // The stations the coordinating admin reports on below are theirs to observe: a checklist from a
  // station nobody was sent to would read on the dashboard as both unstaffed and received.
  const others = sites.filter((x) => !chuy.includes(x)).slice(0, 14);
  for (const s of others) await setSiteObservers(ctx, admin, s.id, [adminId]);
  // So a coordinator can try "Contact" on a station; operator code 000 does not exist, so it rings no one.
  await updateMe(ctx, monitor, { phone: '+996 000 000 101' });
  await updateMission(ctx, admin, missionId, { status: 'active', public: true, publicReports: true });

  const checklist = (await publishedVersion(ctx.db, checklistId))!.definition;
  const incident = (await publishedVersion(ctx.db, incidentId))!.definition;
  const r = rng(20261129);
  const send = async (
    actor: Actor,
    site: { id: string; region: RegionCode },
    formVersionId: string,
    answers: Answers,
  ) => {
    await submit(
      ctx,
      actor,
      {
        clientId: randomUUID(),
        formVersionId,
        siteId: site.id,
        answers,
        submittedAt: new Date().toISOString(),
      },
      'ky',
    );
  };
  // The observer's three stations, then the other stations reported by the coordinating admin.
  for (const s of chuy) await send(monitor, s, checklistId, demoAnswers(checklist, r, s.region));
  for (const s of others) await send(admin, s, checklistId, demoAnswers(checklist, r, s.region));
  for (const s of others.slice(0, 9)) await send(admin, s, checklistId, demoAnswers(checklist, r, s.region));
  // Two critical incidents (one from the observer) and two ordinary ones.
  await send(monitor, chuy[0]!, incidentId, demoAnswers(incident, r, 'KG-C', true));
  await send(admin, sites[8]!, incidentId, demoAnswers(incident, r, sites[8]!.region, true));
  await send(admin, sites[0]!, incidentId, demoAnswers(incident, r, sites[0]!.region));
  await send(monitor, chuy[1]!, incidentId, demoAnswers(incident, r, 'KG-C'));
  // A message to every observer, which the demo observer's phone shows on its home screen (ADR 0033).
  await sendMessage(ctx, admin, missionId, {
    text: 'DEMO: добуш берүү 20:00дө бүтөт. Эсептөө боюнча текшерүү баракчасын 21:00гө чейин жөнөтүңүз.',
    region: null,
  });
}
