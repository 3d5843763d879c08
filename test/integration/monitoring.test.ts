import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import {
  assign,
  goodAnswers,
  missionWorld,
  putPiece,
  submission,
  type MissionWorld,
} from '../helpers/monitoring.ts';

type Err = { error: { code: string; message: string; details?: { path: string; code: string }[] } };
type Sub = {
  id: string;
  status: string;
  critical: boolean;
  answers: Record<string, unknown>;
  lock: { userId: string; name: string } | null;
  history: { action: string; from: string | null; to: string | null; reason: string | null }[];
  comments: { body: string; name: string }[];
  flags: Record<string, boolean>;
};
type Summary = {
  expected: number;
  received: number;
  unstaffed: number;
  byRegion: { region: string; expected: number; received: number; unstaffed: number }[];
  incidents: { total: number; critical: number };
  answers: { field: string; total: number; counts: { value: string; n: number }[] }[];
};

for (const backend of await backends()) {
  describe(`monitoring: missions, sites, submissions, review (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let coord: TestUser;
    let obs: TestUser;
    let obs2: TestUser;
    let w: MissionWorld;
    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      coord = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      obs2 = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      await assign(admin, w.sites.N1!, [obs2.id]);
    });
    after(async () => t.close());

    const count = async (table: 'sites' | 'submissions' | 'missions') =>
      Number(
        (
          await t.ctx.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('sites CSV: names in any language, a bad line refuses the whole file and changes nothing', async () => {
      const before = await count('sites');
      await reauthed(admin);
      const bad = await admin.client.post<Err>(`/api/monitoring/missions/${w.missionId}/sites/import`, {
        csv: 'code,name,region,district,place,lat,lon\nX1,Good,KG-T,,,,\nX2,,Atlantis,,,91,\n',
      });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'sites.import_invalid');
      const details = bad.body.error.details as unknown as { line: number; field: string; code: string }[];
      assert.deepEqual(details.map((d) => `${d.line}:${d.field}:${d.code}`).sort(), [
        '3:lat:invalid_number',
        '3:name:required',
        '3:region:unknown_region',
      ]);
      assert.equal(await count('sites'), before);
      // Existing codes are updated, new ones created.
      await reauthed(admin);
      const ok = await admin.client.post<{ created: number; updated: number }>(
        `/api/monitoring/missions/${w.missionId}/sites/import`,
        { csv: 'code;name;region\nC2;School 2 (renamed);chuy\nT1;Talas school;Талас облусу\n' },
      );
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.deepEqual(ok.body, { created: 1, updated: 1, assigned: 0, sameName: [], sameAsSite: [] });
      const list = await admin.client.get<{ items: { code: string; name: string; region: string }[] }>(
        `/api/monitoring/missions/${w.missionId}/sites?q=school%202`,
      );
      assert.deepEqual(
        list.body.items.map((s) => [s.code, s.name, s.region]),
        [['C2', 'School 2 (renamed)', 'KG-C']],
      );
    });

    test('assignments list what the observer was given, one row per site × form', async () => {
      const r = await obs.client.get<{ missionId: string; siteId: string; formVersionId: string }[]>(
        '/api/monitoring/assignments',
      );
      assert.equal(r.status, 200);
      assert.deepEqual(
        r.body.map((a) => [a.siteId, a.formVersionId]).sort(),
        [
          [w.sites.C1, w.checklist],
          [w.sites.C1, w.incident],
        ].sort(),
      );
      const none = await coord.client.get<unknown[]>('/api/monitoring/assignments');
      assert.deepEqual(none.body, []);
      // The observer reads the form version they were assigned (field app download).
      const fv = await obs.client.get(`/api/monitoring/form-versions/${w.checklist}`);
      assert.equal(fv.status, 200, JSON.stringify(fv.body));
    });

    test('submit: 201, then 200 with the same id; someone else’s clientId is 409; parallel duplicates store once', async () => {
      const body = submission(w, 'C1', goodAnswers());
      const a = await obs.client.post<{ id: string }>('/api/monitoring/submissions', body);
      assert.equal(a.status, 201, JSON.stringify(a.body));
      const b = await obs.client.post<{ id: string }>('/api/monitoring/submissions', body);
      assert.equal(b.status, 200);
      assert.equal(b.body.id, a.body.id);
      const other = await obs2.client.post<Err>('/api/monitoring/submissions', {
        ...body,
        siteId: w.sites.N1,
      });
      assert.equal(other.status, 409);
      assert.equal(other.body.error.code, 'submissions.client_id_taken');
      assert.equal((other.body as unknown as { id?: string }).id, undefined);
      const got = await obs.client.get<
        Sub & { site: unknown; observerName: string; missionKind: string; missionTitle: string }
      >(`/api/monitoring/submissions/${a.body.id}`);
      assert.equal(got.status, 200);
      assert.deepEqual(got.body.answers, body.answers);
      // Where and by whom, as the reviewer's page shows them; the mission's kind words the site.
      assert.deepEqual(got.body.site, { code: 'C1', name: 'School 1' });
      assert.equal(got.body.missionKind, 'election');
      assert.equal(got.body.missionTitle, 'Test election');
      assert.equal(got.body.observerName, 'Test monitor');

      const twin = submission(w, 'C1', goodAnswers({ voters: 7 }));
      const before = await count('submissions');
      const replies = await Promise.all(
        Array.from({ length: 12 }, () =>
          obs.client.post<{ id: string }>('/api/monitoring/submissions', twin),
        ),
      );
      assert.deepEqual(
        replies.map((r) => r.status).sort(),
        [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201],
      );
      assert.equal(new Set(replies.map((r) => r.body.id)).size, 1);
      assert.equal(await count('submissions'), before + 1);
    });

    test('answers breaking the form answer 400 naming the field in the user’s language; nothing stored', async () => {
      const before = await count('submissions');
      const cases: [Record<string, unknown>, string, string][] = [
        [{ queue: 'short' }, 'opened', 'Открыт вовремя'],
        [goodAnswers({ voters: 'many' }), 'voters', 'Избиратели'],
        [goodAnswers({ queue: 'endless' }), 'queue', 'Очередь'],
        [goodAnswers({ late_reason: 'traffic' }), 'late_reason', 'Причина опоздания'],
      ];
      for (const [answers, path, label] of cases) {
        const r = await obs.client.post<Err>('/api/monitoring/submissions', submission(w, 'C1', answers));
        assert.equal(r.status, 400, path);
        assert.equal(r.body.error.code, 'submissions.answer_invalid');
        assert.equal(r.body.error.details?.[0]?.path, path);
        assert.match(r.body.error.message, new RegExp(label), r.body.error.message);
      }
      const codes = [];
      for (const [answers] of cases) {
        const r = await obs.client.post<Err>('/api/monitoring/submissions', submission(w, 'C1', answers));
        codes.push(r.body.error.details?.[0]?.code);
      }
      assert.deepEqual(codes, ['required', 'type', 'option', 'hidden']);
      // The same question in English for an English-speaking admin.
      const en = await admin.client.request<Err>(
        'POST',
        '/api/monitoring/submissions',
        submission(w, 'C1', { queue: 'short' }),
        { 'x-ukuk-locale': 'en' },
      );
      assert.match(en.body.error.message, /Opened on time/);
      // Not assigned: another observer's site.
      const stranger = await obs.client.post<Err>(
        '/api/monitoring/submissions',
        submission(w, 'N1', goodAnswers()),
      );
      assert.equal(stranger.status, 403);
      assert.equal(await count('submissions'), before);
    });

    test('review: lock, transitions with history, comments, flags', async () => {
      const s = await obs.client.post<{ id: string }>(
        '/api/monitoring/submissions',
        submission(w, 'C1', { what: 'Ballot stuffing seen', severity: 'high' }, w.incident),
      );
      assert.equal(s.status, 201);
      const id = s.body.id;
      const sub = await admin.client.get<Sub>(`/api/monitoring/submissions/${id}`);
      assert.equal(sub.body.critical, true);
      assert.equal(sub.body.flags.urgent, true);
      const lock = await admin.client.post<Sub>(`/api/monitoring/submissions/${id}/lock`);
      assert.equal(lock.status, 200);
      assert.equal(lock.body.lock?.userId, admin.id);
      const blocked = await coord.client.post<Err>(`/api/monitoring/submissions/${id}/transition`, {
        to: 'in_review',
      });
      // The coordinator is no coordinator of this mission yet: not found, not "locked".
      assert.equal(blocked.status, 404);
      await reauthed(admin);
      await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [
          { userId: admin.id, region: null },
          { userId: coord.id, region: 'KG-C' },
        ],
      });
      const locked = await coord.client.post<Err>(`/api/monitoring/submissions/${id}/transition`, {
        to: 'in_review',
      });
      assert.equal(locked.status, 409);
      assert.equal(locked.body.error.code, 'submissions.locked');
      assert.match(locked.body.error.message, /Айгүл Админ/);
      // A comment changes nothing the lock's holder edits: the coordinator may leave one meanwhile.
      const note = await coord.client.post<Sub>(`/api/monitoring/submissions/${id}/comments`, {
        body: 'Please make a violation record of it',
      });
      assert.equal(note.status, 200, JSON.stringify(note.body));
      assert.equal(note.body.lock?.userId, admin.id, 'the lock stays with its holder');
      const bad = await admin.client.post<Err>(`/api/monitoring/submissions/${id}/transition`, {
        to: 'published',
      });
      assert.equal(bad.status, 409);
      assert.equal(bad.body.error.code, 'submissions.transition_invalid');
      for (const to of ['in_review', 'verified']) {
        const r = await admin.client.post<Sub>(`/api/monitoring/submissions/${id}/transition`, { to });
        assert.equal(r.status, 200, JSON.stringify(r.body));
      }
      const noReason = await admin.client.post<Err>(`/api/monitoring/submissions/${id}/transition`, {
        to: 'rejected',
      });
      assert.equal(noReason.body.error.code, 'submissions.reason_required');
      const rej = await admin.client.post<Sub>(`/api/monitoring/submissions/${id}/transition`, {
        to: 'rejected',
        reason: 'Duplicate of another report',
      });
      assert.equal(rej.body.status, 'rejected');
      assert.deepEqual(
        rej.body.history.map((h) => [h.action, h.from, h.to]),
        [
          ['received', null, 'received'],
          ['transition', 'received', 'in_review'],
          ['transition', 'in_review', 'verified'],
          ['transition', 'verified', 'rejected'],
        ],
      );
      assert.equal(rej.body.history.at(-1)?.reason, 'Duplicate of another report');
      const c = await admin.client.post<Sub>(`/api/monitoring/submissions/${id}/comments`, {
        body: 'Call the observer',
      });
      assert.deepEqual(c.body.comments.map((x) => x.body).sort(), [
        'Call the observer',
        'Please make a violation record of it',
      ]);
      const f = await admin.client.patch<Sub>(`/api/monitoring/submissions/${id}/flags`, {
        translate: true,
        urgent: false,
      });
      assert.deepEqual(f.body.flags, { translate: true, geolocate: false, verify: false, urgent: false });
      const q = await admin.client.get<{ items: { id: string }[] }>(
        `/api/monitoring/submissions?missionId=${w.missionId}&queue=translate`,
      );
      assert.deepEqual(
        q.body.items.map((i) => i.id),
        [id],
      );
      await admin.client.delete(`/api/monitoring/submissions/${id}/lock`);
      const now = await coord.client.post<Sub>(`/api/monitoring/submissions/${id}/transition`, {
        to: 'in_review',
      });
      assert.equal(now.status, 200, JSON.stringify(now.body));
      // Coordinators cannot make violation records (no violations.write); an administrator can.
      const cv = await coord.client.post<Err>(`/api/monitoring/submissions/${id}/to-violation`);
      assert.equal(cv.status, 403);
      const v = await admin.client.post<{ eventId: string; actCreated: boolean }>(
        `/api/monitoring/submissions/${id}/to-violation`,
      );
      assert.equal(v.status, 200, JSON.stringify(v.body));
      assert.equal(v.body.actCreated, false);
      const ev = await admin.client.get<{ description: string }>(`/api/violations/events/${v.body.eventId}`);
      assert.equal(ev.status, 200);
      assert.match(ev.body.description, /Ballot stuffing seen/);
      const again = await admin.client.post<{ eventId: string }>(
        `/api/monitoring/submissions/${id}/to-violation`,
      );
      assert.equal(again.body.eventId, v.body.eventId);
      const k = await admin.client.post<{ caseId: string }>(`/api/monitoring/submissions/${id}/to-case`, {});
      assert.equal(k.status, 200, JSON.stringify(k.body));
      const kc = await admin.client.get(`/api/cases/${k.body.caseId}`);
      assert.equal(kc.status, 200);
    });

    test('summary counts equal a live count of the submissions', async () => {
      await obs.client.post(
        '/api/monitoring/submissions',
        submission(w, 'C1', goodAnswers({ opened: false, queue: 'long', problems: ['ink', 'ballot'] })),
      );
      await obs2.client.post(
        '/api/monitoring/submissions',
        submission(w, 'N1', goodAnswers({ violence: true })),
      );
      await obs2.client.post('/api/monitoring/submissions', submission(w, 'N1', { what: 'x' }, w.incident));
      const s = await admin.client.get<Summary>(`/api/monitoring/missions/${w.missionId}/summary`);
      assert.equal(s.status, 200, JSON.stringify(s.body));
      const rows = await t.ctx.db
        .selectFrom('submissions')
        .select(['site_id', 'region', 'form_kind', 'critical', 'answers', 'dek', 'id'])
        .where('mission_id', '=', w.missionId)
        .execute();
      const checklists = rows.filter((r) => r.form_kind === 'checklist');
      const sitesWith = new Set(checklists.map((r) => r.site_id));
      assert.equal(s.body.received, sitesWith.size);
      // Expected: one checklist form × the sites someone was sent to; the others are counted apart.
      const staffed = new Set(
        (await t.ctx.db.selectFrom('site_observers').select('site_id').execute()).map((o) => o.site_id),
      ).size;
      assert.equal(s.body.expected, staffed);
      assert.equal(s.body.unstaffed, (await count('sites')) - staffed);
      const incidents = rows.filter((r) => r.form_kind === 'incident');
      assert.deepEqual(s.body.incidents, {
        total: incidents.length,
        // Critical incidents: a checklist marked critical is not an incident.
        critical: incidents.filter((r) => r.critical === 1).length,
      });
      const env = t.ctx.keyring.envelope();
      const answers = checklists.map(
        (r) =>
          JSON.parse(env.openRecordKey('submissions', r.id, r.dek).decrypt('answers', r.answers)) as Record<
            string,
            unknown
          >,
      );
      const opened = s.body.answers.find((a) => a.field === 'opened')!;
      assert.equal(opened.total, answers.length);
      assert.equal(
        opened.counts.find((c) => c.value === 'false')!.n,
        answers.filter((a) => a.opened === false).length,
      );
      const problems = s.body.answers.find((a) => a.field === 'problems')!;
      assert.equal(
        problems.counts.find((c) => c.value === 'ink')!.n,
        answers.filter((a) => (a.problems as string[] | undefined)?.includes('ink')).length,
      );
      const naryn = s.body.byRegion.find((r) => r.region === 'KG-N')!;
      assert.deepEqual(naryn, { region: 'KG-N', expected: 1, received: 1, unstaffed: 0 });
    });

    test('a mission without a public flag has no public summary; with it, small cells are withheld', async () => {
      const hidden = await t.client().get<Err>(`/api/public/monitoring/missions/${w.missionId}/summary`);
      assert.equal(hidden.status, 404);
      await admin.client.patch(`/api/monitoring/missions/${w.missionId}`, { public: true });
      const pub = await t.client().get<Summary>(`/api/public/monitoring/missions/${w.missionId}/summary`);
      assert.equal(pub.status, 200);
      assert.equal(pub.body.incidents.total, null);
      const opened = pub.body.answers.find((a) => a.field === 'opened')!;
      assert.ok(opened.counts.every((c) => c.n === null || c.n === 0 || c.n >= 5));
    });

    test('uploads resume at the server’s offset; a file answer must name a complete own upload', async () => {
      const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1500, 7)]);
      const { createHash } = await import('node:crypto');
      const sha256 = createHash('sha256').update(jpeg).digest('hex');
      const clientId = randomUUID();
      const u = await obs.client.post<{ id: string; received: number }>('/api/monitoring/uploads', {
        clientId,
        size: jpeg.length,
        sha256,
        name: 'photo.jpg',
      });
      assert.equal(u.status, 201, JSON.stringify(u.body));
      const again = await obs.client.post<{ id: string }>('/api/monitoring/uploads', {
        clientId,
        size: jpeg.length,
        sha256,
      });
      assert.equal(again.status, 200);
      assert.equal(again.body.id, u.body.id);
      const put = (offset: number, b: Buffer) => putPiece(obs.client, u.body.id, offset, b);
      const p1 = await put(0, jpeg.subarray(0, 1000));
      assert.deepEqual(p1.body, { received: 1000, complete: false });
      const wrong = await put(0, jpeg.subarray(0, 1000));
      assert.equal(wrong.status, 409);
      assert.deepEqual((wrong.body as Err).error.details, { received: 1000 });
      const p2 = await put(1000, jpeg.subarray(1000));
      assert.deepEqual(p2.body, { received: jpeg.length, complete: true });
      const ok = await obs.client.post(
        '/api/monitoring/submissions',
        submission(w, 'C1', goodAnswers({ photo: u.body.id })),
      );
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      const notMine = await obs2.client.post<Err>(
        '/api/monitoring/submissions',
        submission(w, 'N1', goodAnswers({ photo: u.body.id })),
      );
      assert.equal(notMine.status, 400);
      assert.equal(notMine.body.error.code, 'submissions.upload_invalid');
    });
  });
}
