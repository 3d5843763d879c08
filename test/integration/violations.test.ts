import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { ensureVioTerms, VC } from '../helpers/violations.ts';

type Err = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };
type Act = {
  id: string;
  victim: { id: string; name: string | null };
  actType: string;
  startDate: string | null;
  endDate: string | null;
  place: string | null;
  methods: string[];
  consequences: string | null;
  rights: { scheme: string; code: string }[];
  details: Record<string, unknown> | null;
  involvements: { id: string; perpetrator: { id: string; name: string | null }; degree: string | null }[];
  cases: { id: string; number: string }[];
};
type Ev = {
  id: string;
  number: string;
  title: string;
  description: string | null;
  place: string | null;
  restricted: boolean;
  myRole: string | null;
  canEdit: boolean;
  acts: Act[];
  information: { id: string; source: { id: string; name: string | null } | null; remarks: string | null }[];
  interventions: { id: string; party: { id: string } | null; remarks: string | null }[];
  chain: { id: string; direction: string; eventId: string; eventNumber: string; type: string }[];
  members: { userId: string; role: string }[];
  cases: { id: string; number: string }[];
  updatedAt: string;
};

for (const backend of await backends()) {
  describe(`violations: events and acts (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let doc: TestUser;
    let doc2: TestUser;
    let lawyer: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      await ensureVioTerms(t.ctx);
      admin = await setupAdmin(t);
      doc = await addUser(t, admin, 'documenter');
      doc2 = await addUser(t, admin, 'documenter');
      lawyer = await addUser(t, admin, 'lawyer');
    });
    after(async () => t.close());

    async function person(u: TestUser, full: string): Promise<string> {
      const r = await u.client.post<{ id: string }>('/api/people', { names: [{ full }] });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    }
    async function event(u: TestUser, body: Record<string, unknown> = {}): Promise<string> {
      const r = await u.client.post<{ id: string }>('/api/violations/events', { title: 'Окуя', ...body });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    }
    async function act(u: TestUser, eventId: string, body: Record<string, unknown>): Promise<string> {
      const r = await u.client.post<{ id: string }>(`/api/violations/events/${eventId}/acts`, body);
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    }
    async function snapshot(): Promise<string> {
      const counts = [];
      for (const table of [
        'vio_events',
        'vio_acts',
        'vio_act_rights',
        'vio_involvements',
        'vio_information',
        'vio_interventions',
        'vio_chain',
        'vio_event_members',
      ] as const) {
        const r = await t.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        counts.push(`${table}=${Number(r.n)}`);
      }
      const ev = await t.ctx.db.selectFrom('vio_events').select(['id', 'updated_at']).orderBy('id').execute();
      return counts.join(',') + JSON.stringify(ev);
    }

    test('API contract: an event with only a title, an act with only victimId and actType', async () => {
      const r = await doc.client.post<{ id: string }>('/api/violations/events', { title: 'Кармоо' });
      assert.equal(r.status, 201);
      assert.deepEqual(Object.keys(r.body), ['id']);
      const victim = await person(doc, 'Бакыт Асанов');
      const a = await doc.client.post<{ id: string }>(`/api/violations/events/${r.body.id}/acts`, {
        victimId: victim,
        actType: VC.actA,
      });
      assert.equal(a.status, 201, JSON.stringify(a.body));
      assert.deepEqual(Object.keys(a.body), ['id']);
      const ev = await doc.client.get<Ev>(`/api/violations/events/${r.body.id}`);
      assert.equal(ev.status, 200);
      assert.match(ev.body.number, /^EV-\d{4}-\d{5}$/);
      assert.equal(ev.body.title, 'Кармоо');
      assert.equal(ev.body.myRole, 'lead');
      assert.deepEqual(
        ev.body.members.map((m) => [m.userId, m.role]),
        [[doc.id, 'lead']],
      );
      assert.equal(ev.body.acts.length, 1);
      assert.deepEqual(ev.body.acts[0]!.victim, { id: victim, name: 'Бакыт Асанов' });
      assert.equal(ev.body.acts[0]!.actType, VC.actA);
    });

    test('a documenter lists who may join an event: readers of violation records, names only', async () => {
      const r = await doc.client.get<{ items: { id: string; name: string; role: string }[] }>(
        '/api/violations/assignable-users',
      );
      assert.equal(r.status, 200);
      const ids = r.body.items.map((u) => u.id);
      for (const u of [admin, doc, doc2, lawyer]) assert.ok(ids.includes(u.id), u.role);
      assert.deepEqual(Object.keys(r.body.items[0]!).sort(), ['id', 'name', 'role']);
    });

    test('numbers are unique under concurrent creation', async () => {
      const ids = await Promise.all(Array.from({ length: 8 }, (_, i) => event(doc, { title: `N${i}` })));
      const numbers = await Promise.all(
        ids.map(async (id) => (await doc.client.get<Ev>(`/api/violations/events/${id}`)).body.number),
      );
      assert.equal(new Set(numbers).size, numbers.length);
    });

    test('full act: dates, place, methods, consequences, rights and add-on details read back', async () => {
      const victim = await person(doc, 'Айжан Токтосунова');
      const id = await event(doc, {
        title: 'Кыйноо',
        description: 'Тергөө учурунда',
        startDate: '2025-03',
        endDate: '2025-03-14',
        region: 'KG-C',
        place: 'ИВС',
        violationStatus: VC.top,
      });
      const actId = await act(doc, id, {
        victimId: victim,
        actType: VC.actB,
        startDate: '2025-03-12',
        endDate: '2025-03-13',
        place: 'кабинет 5',
        locationType: VC.sub,
        methods: [VC.top, VC.sub],
        consequences: 'сынган кабырга',
        statusAtEnd: VC.top,
        nationalLaw: [VC.top],
        instruments: [VC.sub],
        rights: [
          { scheme: 'esf_rights_typology', code: VC.sub },
          { scheme: 'intl_rights', code: VC.top },
        ],
        details: { kind: 'torture', intent: VC.top, medicalAttention: VC.second, notes: 'эскертүү' },
      });
      const ev = (await doc.client.get<Ev>(`/api/violations/events/${id}`)).body;
      const a = ev.acts.find((x) => x.id === actId)!;
      assert.equal(ev.description, 'Тергөө учурунда');
      assert.equal(ev.place, 'ИВС');
      assert.equal(a.startDate, '2025-03-12');
      assert.equal(a.place, 'кабинет 5');
      assert.deepEqual(a.methods, [VC.top, VC.sub]);
      assert.equal(a.consequences, 'сынган кабырга');
      assert.equal(a.rights.length, 2);
      assert.equal(a.details?.kind, 'torture');
      assert.equal(a.details?.notes, 'эскертүү');
      const stored = await t.ctx.db
        .selectFrom('vio_acts')
        .select(['start_precision', 'details_kind'])
        .where('id', '=', actId)
        .executeTakeFirstOrThrow();
      assert.deepEqual(stored, { start_precision: 'day', details_kind: 'torture' });
      // Patch: change the type and clear the consequences; delete needs edit rights.
      const p = await doc.client.patch<Ev>(`/api/violations/acts/${actId}`, {
        actType: VC.actC,
        consequences: null,
      });
      assert.equal(p.status, 200, JSON.stringify(p.body));
      const pa = p.body.acts.find((x) => x.id === actId)!;
      assert.equal(pa.actType, VC.actC);
      assert.equal(pa.consequences, null);
      assert.equal(pa.place, 'кабинет 5');
      assert.equal((await lawyer.client.delete<Err>(`/api/violations/acts/${actId}`)).status, 403);
      const d = await doc.client.delete<Ev>(`/api/violations/acts/${actId}`);
      assert.equal(d.status, 200);
      assert.equal(d.body.acts.length, 0);
    });

    test('bad input gets a translated error and changes nothing', async () => {
      const victim = await person(doc, 'Нурбек Осмонов');
      const id = await event(doc, { title: 'Текшерүү' });
      const before = await snapshot();
      const cases: [string, string, Record<string, unknown>, number, string, string | undefined][] = [
        [
          'POST',
          `/api/violations/events/${id}/acts`,
          { actType: VC.actA },
          400,
          'validation.failed',
          'victimId',
        ],
        [
          'POST',
          `/api/violations/events/${id}/acts`,
          { victimId: victim, actType: '999999999999' },
          400,
          'vocab.unknown_code',
          'actType',
        ],
        [
          'POST',
          `/api/violations/events/${id}/acts`,
          { victimId: victim, actType: VC.actA, methods: [VC.top, '999999999999'] },
          400,
          'vocab.unknown_code',
          'methods.1',
        ],
        [
          'POST',
          `/api/violations/events/${id}/acts`,
          { victimId: victim, actType: VC.actA, rights: [{ scheme: 'kg_constitution', code: '999' }] },
          400,
          'vocab.unknown_code',
          'rights.0.code',
        ],
        [
          'POST',
          `/api/violations/events/${id}/acts`,
          { victimId: victim, actType: VC.actA, details: { kind: 'arrest', whereabouts: '999' } },
          400,
          'vocab.unknown_code',
          'details.whereabouts',
        ],
        [
          'POST',
          `/api/violations/events/${id}/acts`,
          { victimId: victim, actType: VC.actA, startDate: '2025-05', endDate: '2025-04-30' },
          400,
          'violation.dates_order',
          'endDate',
        ],
        [
          'POST',
          `/api/violations/events/${id}/acts`,
          { victimId: crypto.randomUUID(), actType: VC.actA },
          404,
          'violation.person_not_found',
          'victimId',
        ],
        [
          'POST',
          '/api/violations/events',
          { title: 'x', startDate: '2025', endDate: '2024-12' },
          400,
          'violation.dates_order',
          'endDate',
        ],
        [
          'POST',
          '/api/violations/events',
          { title: 'x', violationStatus: '999' },
          400,
          'vocab.unknown_code',
          'violationStatus',
        ],
        [
          'POST',
          '/api/violations/events',
          { description: 'без заголовка' },
          400,
          'validation.failed',
          'title',
        ],
        [
          'PATCH',
          `/api/violations/events/${id}`,
          { startDate: '2025-02-01', endDate: '2025-01' },
          400,
          'violation.dates_order',
          'endDate',
        ],
      ];
      for (const [method, path, body, status, code, field] of cases) {
        doc.client.locale = 'ky';
        const r = await doc.client.request<Err>(method, path, body);
        assert.equal(r.status, status, `${path} ${JSON.stringify(body)} → ${JSON.stringify(r.body)}`);
        assert.equal(r.body.error.code, code);
        assert.ok(r.body.error.message && r.body.error.message !== code, r.body.error.message);
        if (field)
          assert.ok(
            r.body.error.fields?.some((f) => f.path === field),
            JSON.stringify(r.body),
          );
      }
      doc.client.locale = undefined;
      // A person the documenter may not see counts as missing.
      const hidden = await person(doc2, 'Жашыруун Адам');
      const r = await doc.client.post<Err>(`/api/violations/events/${id}/acts`, {
        victimId: hidden,
        actType: VC.actA,
      });
      assert.equal(r.status, 404);
      assert.equal(r.body.error.code, 'violation.person_not_found');
      assert.equal(await snapshot(), before);
      for (const locale of ['ru', 'en']) {
        doc.client.locale = locale;
        const x = await doc.client.post<Err>(`/api/violations/events/${id}/acts`, {
          victimId: victim,
          actType: VC.actA,
          startDate: '2025-05',
          endDate: '2025-04',
        });
        assert.equal(x.body.error.code, 'violation.dates_order');
        assert.ok(x.body.error.message.length > 5);
      }
      doc.client.locale = undefined;
    });
    test('hostile input never gives a 5xx', async () => {
      const victim = await person(doc, 'Кастык Тест');
      const id = await event(doc, { title: "x' OR 1=1 --\u0000 ӨҮҢ", place: '\u0000<script>' });
      const nasty = ['\u0000', "' OR 1=1 --", 'EV-1\u0000%_', '%', '_', 'ё'.repeat(200), '\u202E'];
      for (const q of nasty) {
        const r = await doc.client.get(`/api/violations/events?q=${encodeURIComponent(q)}`);
        assert.ok(r.status < 500, `${JSON.stringify(q)} → ${r.status}`);
      }
      for (const qs of ['page=0', 'page=99999', 'from=2025-13', 'region=XX', 'mine=2', 'actType=%00']) {
        const r = await doc.client.get(`/api/violations/events?${qs}`);
        assert.equal(r.status, 400, qs);
      }
      const bodies: Record<string, unknown>[] = [
        { victimId: victim, actType: VC.actA, details: { kind: 'killing', notes: '\u0000' } },
        { victimId: victim, actType: VC.actA, startDate: '2025-02-30' },
        { victimId: victim, actType: VC.actA, rights: [{ scheme: 'x', code: VC.top }] },
        { victimId: victim, actType: VC.actA, methods: 'x' },
        { victimId: victim, actType: VC.actA, region: 'KG-C', district: 'nope' },
      ];
      for (const b of bodies) {
        const r = await doc.client.post(`/api/violations/events/${id}/acts`, b);
        assert.ok(r.status < 500, `${JSON.stringify(b)} → ${r.status} ${JSON.stringify(r.body)}`);
      }
      for (const path of [
        `/api/violations/acts/${id}`,
        `/api/violations/chain/${id}`,
        `/api/violations/events/${id}/members/${id}`,
      ])
        assert.ok((await doc.client.delete(path)).status < 500, path);
      assert.equal((await doc.client.get(`/api/violations/events/${id}`)).status, 200);
    });
    test('list facets follow every change (the shared count cache is versioned)', async () => {
      type L = {
        total: number;
        facets: { actType: { code: string; count: number }[]; region: { code: string; count: number }[] };
      };
      const q = '/api/violations/events?region=KG-B';
      const count = (l: L, code: string) => l.facets.actType.find((x) => x.code === code)?.count ?? 0;
      const before = (await doc2.client.get<L>(q)).body;
      const victim = await person(doc, 'Фасет Текшерүү');
      const id = await event(doc, { title: 'Фасет', region: 'KG-B' });
      const mid = (await doc2.client.get<L>(q)).body;
      assert.equal(mid.total, before.total + 1);
      const actId = await act(doc, id, { victimId: victim, actType: VC.actC });
      assert.equal(count((await doc2.client.get<L>(q)).body, VC.actC), count(before, VC.actC) + 1);
      assert.equal((await doc.client.patch(`/api/violations/events/${id}`, { region: 'KG-T' })).status, 200);
      const moved = (await doc2.client.get<L>(q)).body;
      assert.equal(moved.total, before.total);
      assert.equal(count(moved, VC.actC), count(before, VC.actC));
      assert.equal((await doc.client.delete(`/api/violations/acts/${actId}`)).status, 200);
      // A restricted event counts for its member only, on top of the shared counts.
      await event(doc, { title: 'Жабык фасет', region: 'KG-B', restricted: true });
      assert.equal((await doc2.client.get<L>(q)).body.total, before.total);
      assert.equal((await doc.client.get<L>(q)).body.total, before.total + 1);
    });
  });
}
