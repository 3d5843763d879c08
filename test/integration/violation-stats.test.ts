import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { ensureVioTerms, VC } from '../helpers/violations.ts';

type Err = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };
type Breakdown = { unit: string; overlapping: boolean; rows: { code: string; count: number }[] };
type Stats = {
  events: number;
  acts: number;
  victims: number;
  perpetrators: number;
  groupVictims: number;
  groupVictimsSize: number;
  includesRestricted: boolean;
  searchCapped: boolean;
  units: Record<string, string>;
  by: Record<string, Breakdown>;
};
type Dataset = {
  totals: Record<string, number | null>;
  tables: { by: string; unit: string; rows: { code: string; count: number | null }[] }[];
  suppressedCells: number;
};
type Pub = { id: string; status: string; includesRestricted: boolean; dataset: Dataset };

for (const backend of await backends()) {
  describe(`violation statistics, exports, publications (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let doc: TestUser;
    let doc2: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      await ensureVioTerms(t.ctx);
      admin = await setupAdmin(t);
      doc = await addUser(t, admin, 'documenter');
      doc2 = await addUser(t, admin, 'documenter');
    });
    after(async () => t.close());

    async function person(u: TestUser, full: string, extra: Record<string, unknown> = {}): Promise<string> {
      const r = await u.client.post<{ id: string }>('/api/people', { names: [{ full }], ...extra });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    }
    async function event(u: TestUser, body: Record<string, unknown>): Promise<string> {
      const r = await u.client.post<{ id: string }>('/api/violations/events', { title: 'Окуя', ...body });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    }
    async function act(u: TestUser, eventId: string, body: Record<string, unknown>): Promise<string> {
      const r = await u.client.post<{ id: string }>(`/api/violations/events/${eventId}/acts`, body);
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    }
    async function stats(u: TestUser, query: string): Promise<Stats> {
      const r = await u.client.get<Stats>(`/api/violations/stats?${query}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    }
    const rowsOf = (b: Breakdown | undefined) =>
      Object.fromEntries((b?.rows ?? []).map((r) => [r.code, r.count]));

    test('contract: an arrest and a torture act against one person = 1 event, 2 acts, 1 victim', async () => {
      const victim = await person(doc, 'Бакыт Асанов', { sex: 'male', ageGroup: 'adult_18_29' });
      const police = await person(doc, 'Милиция кызматкери');
      const ev = await event(doc, { startDate: '2001-03-05', region: 'KG-O' });
      const a1 = await act(doc, ev, { victimId: victim, actType: VC.actA });
      await act(doc, ev, { victimId: victim, actType: VC.actB });
      const inv = await doc.client.post(`/api/violations/acts/${a1}/involvements`, {
        perpetratorId: police,
        perpetratorType: VC.top,
      });
      assert.equal(inv.status, 201, JSON.stringify(inv.body));
      const s = await stats(doc, 'from=2001&to=2001&by=actType,region,sex,perpetratorType');
      assert.equal(s.events, 1);
      assert.equal(s.acts, 2);
      assert.equal(s.victims, 1);
      assert.equal(s.perpetrators, 1);
      assert.equal(s.groupVictims, 0);
      assert.equal(s.includesRestricted, false);
      assert.ok(s.units.victims && s.units.events && s.units.acts);
      assert.equal(s.by.actType?.unit, 'acts');
      assert.deepEqual(rowsOf(s.by.actType), { [VC.actA]: 1, [VC.actB]: 1 });
      assert.equal(s.by.region?.unit, 'events');
      assert.deepEqual(rowsOf(s.by.region), { 'KG-O': 1 });
      assert.equal(s.by.sex?.unit, 'victims');
      assert.deepEqual(rowsOf(s.by.sex), { male: 1 });
      // One unit for all: by act type in victims, and the roll-up to the first level of the hierarchy.
      const v = await stats(doc, 'from=2001&to=2001&by=actType&unit=victims&level=1');
      assert.equal(v.by.actType?.unit, 'victims');
      assert.deepEqual(rowsOf(v.by.actType), { '010000000000': 1 });
      // An act-type filter counts the matching acts only.
      const f = await stats(doc, `from=2001&to=2001&actType=${VC.actB}`);
      assert.deepEqual([f.events, f.acts, f.victims], [1, 1, 1]);
      const p = await stats(doc, `from=2001&to=2001&perpetratorType=${VC.top}`);
      assert.deepEqual([p.events, p.acts, p.perpetrators], [1, 1, 1]);
    });

    test('group victims are reported apart, never added to victims', async () => {
      const crowd = await person(doc, 'Жыйындын катышуучулары', { kind: 'group', groupSize: 40 });
      const one = await person(doc, 'Айгүл Токтосунова', { sex: 'female' });
      const ev = await event(doc, { startDate: '2002-05', region: 'KG-GB' });
      await act(doc, ev, { victimId: crowd, actType: VC.actA });
      await act(doc, ev, { victimId: one, actType: VC.actA });
      const s = await stats(doc, 'from=2002&to=2002&by=sex');
      assert.deepEqual([s.events, s.acts, s.victims, s.groupVictims, s.groupVictimsSize], [1, 2, 1, 1, 40]);
      assert.deepEqual(rowsOf(s.by.sex), { female: 1 });
    });

    test('merged people count once', async () => {
      const a = await person(doc, 'Нурлан Маматов');
      const b = await person(doc, 'Nurlan Mamatov');
      await act(doc, await event(doc, { startDate: '2003-01-01' }), { victimId: a, actType: VC.actA });
      await act(doc, await event(doc, { startDate: '2003-02-01' }), { victimId: b, actType: VC.actA });
      assert.equal((await stats(doc, 'from=2003&to=2003')).victims, 2);
      await doc.client.reauth(doc.password, doc.totpSecret);
      const m = await doc.client.post(`/api/people/${a}/merge`, { otherId: b });
      assert.equal(m.status, 200, JSON.stringify(m.body));
      const s = await stats(doc, 'from=2003&to=2003');
      assert.deepEqual([s.events, s.acts, s.victims], [2, 2, 1]);
    });

    test('filters match the event list; reliability and status filters', async () => {
      const v = await person(doc, 'Эрмек Садыков');
      const e1 = await event(doc, { startDate: '2004-06-01', region: 'KG-C', violationStatus: VC.top });
      const e2 = await event(doc, { startDate: '2004-07-01', region: 'KG-C' });
      await act(doc, e1, { victimId: v, actType: VC.actA });
      await act(doc, e2, { victimId: v, actType: VC.actC });
      const info = await doc.client.post(`/api/violations/events/${e1}/information`, {
        reliability: VC.second,
      });
      assert.equal(info.status, 201, JSON.stringify(info.body));
      for (const q of [
        '',
        `&reliability=${VC.second}`,
        `&violationStatus=${VC.top}`,
        `&actType=${VC.actC}`,
      ]) {
        const s = await stats(doc, `from=2004&to=2004-12${q}`);
        const list = await doc.client.get<{ total: number }>(
          `/api/violations/events?from=2004&to=2004-12${q}`,
        );
        assert.equal(s.events, list.body.total, q);
      }
      assert.equal((await stats(doc, `from=2004&to=2004&reliability=${VC.second}`)).events, 1);
      assert.equal((await stats(doc, 'from=2004-07&to=2004-07')).events, 1);
      const period = await stats(doc, 'from=2004&to=2004&by=period,district&period=month');
      assert.deepEqual(rowsOf(period.by.period), { '2004-06': 1, '2004-07': 1 });
      assert.deepEqual(rowsOf(period.by.district), { unknown: 2 });
    });

    test('restricted events: absent from the figures and the export of outsiders', async () => {
      const v = await person(doc, 'Жылдыз Бекова');
      const ev = await event(doc, {
        startDate: '2005-01-01',
        region: 'KG-J',
        restricted: true,
        title: 'Жашыруун',
      });
      await act(doc, ev, { victimId: v, actType: VC.actA });
      assert.equal((await stats(doc, 'from=2005&to=2005')).events, 1);
      const outsider = await stats(doc2, 'from=2005&to=2005&by=region,actType');
      assert.deepEqual([outsider.events, outsider.acts, outsider.victims], [0, 0, 0]);
      assert.deepEqual(outsider.by.region?.rows, []);
      const adminView = await stats(admin, 'from=2005&to=2005');
      assert.equal(adminView.events, 0, 'not a member: administrators do not see it either');
      await doc2.client.reauth(doc2.password, doc2.totpSecret);
      const csv = await doc2.client.post<string>('/api/violations/export', {
        filters: { from: '2005', to: '2005' },
      });
      assert.equal(csv.status, 200);
      assert.equal(csv.body.trim().split('\n').length, 1, 'header only');
      await doc.client.reauth(doc.password, doc.totpSecret);
      const mine = await doc.client.post<string>('/api/violations/export', {
        filters: { from: '2005', to: '2005' },
      });
      assert.equal(mine.body.trim().split('\n').length, 2);
    });

    test('export: re-authentication, redacted by default, the full one is audited', async () => {
      const v = await person(doc, 'Азамат Жумабаев', { sex: 'male' });
      const ev = await event(doc, { startDate: '2006-01-01', region: 'KG-T', title: 'Кармоо Нарында' });
      await act(doc, ev, { victimId: v, actType: VC.actA });
      const found = await stats(doc2, `q=${encodeURIComponent('Нарында')}`);
      assert.deepEqual([found.events, found.acts, found.searchCapped], [1, 1, false]);
      const fresh = t.client();
      await fresh.login(doc2.email, doc2.password, doc2.totpSecret);
      const no = await fresh.post<Err>('/api/violations/export', { filters: { from: '2006', to: '2006' } });
      assert.equal(no.status, 401);
      assert.equal(no.body.error.code, 'auth.reauth_required');
      await fresh.reauth(doc2.password, doc2.totpSecret);
      const red = await fresh.post<string>('/api/violations/export', {
        filters: { from: '2006', to: '2006' },
      });
      assert.equal(red.status, 200);
      assert.match(red.headers.get('content-type') ?? '', /text\/csv/);
      assert.match(red.body, /V-[0-9a-zA-Z_-]{8}/);
      assert.doesNotMatch(red.body, /Жумабаев|Кармоо/);
      // Names need a second person: an administrator approves this export once (four-eyes).
      const fullBody = { filters: { from: '2006', to: '2006' }, redacted: false };
      const asked = await fresh.post<Err>('/api/violations/export', fullBody);
      assert.equal(asked.status, 409);
      assert.equal(asked.body.error.code, 'export.approval_requested');
      const pending = await admin.client.get<{ items: { id: string; kind: string; targetName: string }[] }>(
        '/api/approvals',
      );
      const req = pending.body.items.find((a) => a.kind === 'export.names' && a.targetName === 'violations');
      assert.ok(req, 'the request waits for an administrator');
      await admin.client.reauth(admin.password, admin.totpSecret);
      assert.equal((await admin.client.post(`/api/approvals/${req.id}/approve`)).status, 200);
      const full = await fresh.post<string>('/api/violations/export', fullBody);
      assert.equal(full.status, 200);
      assert.match(full.body, /Азамат Жумабаев/);
      assert.match(full.body, /Кармоо Нарында/);
      const x = await fresh.post('/api/violations/export', { format: 'xlsx', filters: { from: '2006' } });
      assert.equal(x.status, 200);
      assert.match(x.headers.get('content-type') ?? '', /spreadsheetml/);
      const audit = await admin.client.get<{ items: { action: string; details: Record<string, unknown> }[] }>(
        '/api/audit?action=violation.export_full',
      );
      assert.equal(audit.status, 200);
      assert.ok(audit.body.items.some((i) => i.details.redacted === false && i.details.count === 1));
    });

    test('publication: suppression, secondary suppression, preview, publish, public, withdraw', async () => {
      // 2007: KG-GB 6 events, KG-C 6 events, KG-O 2 events (small) → KG-O withheld, and one more cell.
      const v = await person(doc, 'Мээрим Алиева', { sex: 'female' });
      for (const [region, n] of [
        ['KG-GB', 6],
        ['KG-C', 6],
        ['KG-O', 2],
      ] as const)
        for (let i = 0; i < n; i++)
          await act(doc, await event(doc, { startDate: '2007-02-02', region }), {
            victimId: v,
            actType: VC.actA,
          });
      await act(doc, await event(doc, { startDate: '2007-03-03', region: 'KG-GB', restricted: true }), {
        victimId: v,
        actType: VC.actA,
      });
      const before = await t.ctx.db
        .selectFrom('vio_publications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const bad = await doc.client.post<Err>('/api/violations/publications', {
        title: 'x',
        breakdowns: ['region'],
        threshold: 2,
      });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'validation.failed');
      const forbidden = await doc.client.post<Err>('/api/violations/publications', {
        title: 'x',
        breakdowns: ['region'],
        includeRestricted: true,
      });
      assert.equal(forbidden.status, 403);
      const after1 = await t.ctx.db
        .selectFrom('vio_publications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(after1.n), Number(before.n), 'nothing stored');

      const c = await doc.client.post<{ id: string }>('/api/violations/publications', {
        title: 'Нарушения 2007',
        filters: { from: '2007', to: '2007' },
        breakdowns: ['region', 'sex', 'actType'],
      });
      assert.equal(c.status, 201, JSON.stringify(c.body));
      const prev = await doc.client.get<Pub>(`/api/violations/publications/${c.body.id}`);
      assert.equal(prev.status, 200);
      assert.equal(prev.body.status, 'draft');
      assert.equal(prev.body.includesRestricted, false);
      const ds = prev.body.dataset;
      assert.equal(ds.totals.events, 14, 'the restricted event is left out');
      const region = Object.fromEntries(
        ds.tables.find((x) => x.by === 'region')!.rows.map((r) => [r.code, r.count]),
      );
      assert.equal(region['KG-O'], null, 'small cell withheld');
      assert.equal(Object.values(region).filter((n) => n === null).length, 2, 'secondary suppression');
      const sex = ds.tables.find((x) => x.by === 'sex')!;
      assert.deepEqual(sex.rows, [{ code: 'female', count: null }], 'one victim: withheld');
      assert.equal(ds.totals.victims, null);
      const all = [...Object.values(ds.totals), ...ds.tables.flatMap((x) => x.rows.map((r) => r.count))];
      assert.ok(
        all.every((n) => n === null || n === 0 || n >= 5),
        JSON.stringify(ds),
      );
      assert.doesNotMatch(JSON.stringify(prev.body), /Мээрим|Алиева/);

      // Drafts are not public; publishing needs an administrator and re-authentication.
      const anon = t.client();
      assert.equal((await anon.get(`/api/public/violations/${c.body.id}`)).status, 404);
      assert.equal((await doc.client.post(`/api/violations/publications/${c.body.id}/publish`)).status, 403);
      const other = await doc2.client.get<Err>(`/api/violations/publications/${c.body.id}`);
      assert.equal(other.status, 404, 'a draft is seen by its author and administrators');
      const fresh = t.client();
      await fresh.login(admin.email, admin.password, admin.totpSecret);
      const nr = await fresh.post<Err>(`/api/violations/publications/${c.body.id}/publish`);
      assert.equal(nr.body.error.code, 'auth.reauth_required');
      await fresh.reauth(admin.password, admin.totpSecret);
      const pub = await fresh.post<Pub>(`/api/violations/publications/${c.body.id}/publish`);
      assert.equal(pub.status, 200, JSON.stringify(pub.body));
      assert.equal(pub.body.status, 'published');
      const again = await fresh.post<Err>(`/api/violations/publications/${c.body.id}/publish`);
      assert.equal(again.status, 409);
      const open = await anon.get<Dataset>(`/api/public/violations/${c.body.id}`);
      assert.equal(open.status, 200);
      assert.deepEqual(open.body.totals, ds.totals);
      const list = await anon.get<{ items: { id: string }[] }>('/api/public/violations');
      assert.ok(list.body.items.some((i) => i.id === c.body.id));
      const w = await fresh.post<Pub>(`/api/violations/publications/${c.body.id}/withdraw`);
      assert.equal(w.body.status, 'withdrawn');
      assert.equal((await anon.get(`/api/public/violations/${c.body.id}`)).status, 404);

      // An administrator may opt in to restricted events (counted, still suppressed).
      const r = await fresh.post<{ id: string }>('/api/violations/publications', {
        title: 'Все 2007',
        filters: { from: '2007', to: '2007' },
        breakdowns: ['region'],
        includeRestricted: true,
      });
      const rp = await fresh.get<Pub>(`/api/violations/publications/${r.body.id}`);
      assert.equal(rp.body.includesRestricted, true);
      assert.equal(rp.body.dataset.totals.events, 15);
    });

    test('bad filters: translated 400, nothing changed', async () => {
      const audit = async () =>
        Number(
          (
            await t.ctx.db
              .selectFrom('audit_log')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const n0 = await audit();
      doc.client.locale = 'ru';
      const geo = await doc.client.get<Err>('/api/violations/stats?region=KG-XX');
      assert.equal(geo.status, 400);
      assert.equal(geo.body.error.code, 'geo.unknown_region');
      assert.match(geo.body.error.message, /[а-я]/i);
      for (const q of ['region=Chui', 'by=people', 'unit=persons', 'from=2020-13', 'level=9', 'page=2']) {
        const r = await doc.client.get<Err>(`/api/violations/stats?${q}`);
        assert.equal(r.status, 400, q);
        assert.equal(r.body.error.code, 'validation.failed');
        assert.match(r.body.error.message, /[а-я]/i, 'translated');
      }
      const e = await doc.client.post<Err>('/api/violations/export', { format: 'pdf' });
      assert.equal(e.status, 400);
      doc.client.locale = undefined;
      assert.equal(await audit(), n0);
    });
  });
}
