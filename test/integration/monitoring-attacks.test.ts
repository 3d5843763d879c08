import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sha256Of } from '../../src/server/modules/monitoring/uploads.service.ts';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import {
  assign,
  CHECKLIST,
  goodAnswers,
  missionWorld,
  publishTestForm,
  submission,
  type MissionWorld,
} from '../helpers/monitoring.ts';

type Err = { error: { code: string; message: string } };
type List = {
  items: { id: string; region: string | null; sites?: number; received?: number }[];
  total: number;
};

/**
 * The monitoring module attacked from inside (issue #5 rules): an observer of another site or region, a
 * coordinator of another region, a monitor with no assignment, each through the real API with a real
 * login. monitoring-access.test.ts holds the plain "who sees what"; this file the tricks around it.
 */
for (const backend of await backends()) {
  describe(`monitoring under attack from logged-in users (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let chuy: TestUser;
    let obs: TestUser;
    let obs2: TestUser;
    let idle: TestUser;
    let w: MissionWorld;
    let mine: string;
    let theirs: string;
    let mineClient: string;
    const count = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('submissions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      chuy = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      obs2 = await addUser(t, admin, 'monitor');
      idle = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      await assign(admin, w.sites.N1!, [obs2.id]);
      await reauthed(admin);
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [
          { userId: admin.id, region: null },
          { userId: chuy.id, region: 'KG-C' },
        ],
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
      const s = submission(w, 'C1', goodAnswers({ notes: 'только мои заметки' }));
      mineClient = s.clientId;
      mine = (await obs.client.post<{ id: string }>('/api/monitoring/submissions', s)).body.id;
      theirs = (
        await obs2.client.post<{ id: string }>(
          '/api/monitoring/submissions',
          submission(w, 'N1', goodAnswers()),
        )
      ).body.id;
      assert.ok(mine && theirs);
    });
    after(async () => t?.close());

    test('someone else’s clientId gives neither their id nor their answers, and overwrites nothing', async () => {
      const before = await count();
      // On B's own site (the insert path) and on a site B may not use (the refusal path): the same 409.
      for (const site of ['N1', 'C2']) {
        const r = await obs2.client.post<Err>('/api/monitoring/submissions', {
          ...submission(w, site, goodAnswers({ notes: 'перезапись' })),
          clientId: mineClient,
        });
        assert.equal(r.status, 409, site);
        assert.equal(r.body.error.code, 'submissions.client_id_taken');
        assert.ok(!JSON.stringify(r.body).includes(mine), 'the other user’s id leaked');
      }
      assert.equal(await count(), before);
      const own = await obs.client.get<{ answers: Record<string, unknown>; siteId: string }>(
        `/api/monitoring/submissions/${mine}`,
      );
      assert.equal(own.body.answers.notes, 'только мои заметки');
      assert.equal(own.body.siteId, w.sites.C1);
    });

    test('an observer cannot send for a site, form or version that is not theirs', async () => {
      const before = await count();
      const other = (await publishTestForm(t.ctx, CHECKLIST)).versionId; // published, in no mission
      const draft = randomUUID();
      const cases: [string, Record<string, unknown>][] = [
        ['site of the same mission, not assigned', submission(w, 'C2', goodAnswers())],
        ['site of another region', submission(w, 'N1', goodAnswers())],
        ['site that does not exist', { ...submission(w, 'C1', goodAnswers()), siteId: randomUUID() }],
        ['version outside the mission', submission(w, 'C1', goodAnswers(), other)],
        ['version that does not exist', submission(w, 'C1', goodAnswers(), draft)],
      ];
      const bodies = new Set<string>();
      for (const [what, body] of cases) {
        const r = await obs.client.post<Err>('/api/monitoring/submissions', body);
        assert.equal(r.status, 403, what);
        assert.equal(r.body.error.code, 'submissions.not_assigned', what);
        bodies.add(JSON.stringify(r.body));
      }
      // One answer for all of them: nothing tells a missing site from someone else's.
      assert.equal(bodies.size, 1);
      // A monitor with no assignment at all.
      const r = await idle.client.post<Err>(
        '/api/monitoring/submissions',
        submission(w, 'C1', goodAnswers()),
      );
      assert.equal(r.status, 403);
      assert.equal(await count(), before);
    });

    test('prototype keys, hidden questions and oversized answers are refused and store nothing', async () => {
      const before = await count();
      const raw = (answers: string) =>
        obs.client.request<Err>(
          'POST',
          '/api/monitoring/submissions',
          `{"clientId":"${randomUUID()}","formVersionId":"${w.checklist}","siteId":"${w.sites.C1}","submittedAt":"${new Date().toISOString()}","answers":${answers}}`,
        );
      for (const answers of [
        '{"opened":true,"queue":"short","__proto__":{"polluted":"yes"}}',
        '{"opened":true,"queue":"short","constructor":{"prototype":{"polluted":"yes"}}}',
        '{"opened":true,"queue":"short","constructor":"x"}',
        '{"opened":true,"queue":"short","toString":"x"}',
      ]) {
        const r = await raw(answers);
        assert.equal(r.status, 400, answers);
        assert.ok(r.body.error.message, answers);
      }
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
      // The reason for lateness is asked only when the station opened late.
      const hidden = await obs.client.post<Err>(
        '/api/monitoring/submissions',
        submission(w, 'C1', goodAnswers({ late_reason: 'скрытый ответ' })),
      );
      assert.equal(hidden.status, 400);
      assert.equal(hidden.body.error.code, 'submissions.answer_invalid');
      const long = await obs.client.post<Err>(
        '/api/monitoring/submissions',
        submission(w, 'C1', goodAnswers({ notes: 'ж'.repeat(200_000) })),
      );
      assert.equal(long.status, 400);
      const huge = await obs.client.post<Err>(
        '/api/monitoring/submissions',
        submission(w, 'C1', goodAnswers({ notes: 'x'.repeat(2 * 1024 * 1024) })),
      );
      assert.equal(huge.status, 413);
      assert.equal(await count(), before);
    });

    test('another observer’s upload can be neither read nor continued; a disguised file is refused', async () => {
      const html = Buffer.from('<html><script>alert(1)</script></html>'.padEnd(64, ' '));
      const u = await obs.client.post<{ id: string }>('/api/monitoring/uploads', {
        clientId: randomUUID(),
        size: html.length,
        sha256: sha256Of(html),
        name: '../../etc/passwd.jpg',
      });
      assert.equal(u.status, 201, JSON.stringify(u.body));
      const at = `/api/monitoring/uploads/${u.body.id}`;
      const get = await obs2.client.get<Err>(at);
      assert.equal(get.status, 404);
      assert.equal(get.body.error.code, 'uploads.not_found');
      const put = await putBytes(obs2, `${at}?offset=0`, html);
      assert.equal(put.status, 404);
      assert.equal((await obs.client.get<{ received: number }>(at)).body.received, 0);
      // The owner sends it all: the name says photo, the bytes say web page; it starts over.
      const done = await putBytes(obs, `${at}?offset=0`, html);
      assert.equal(done.status, 400, JSON.stringify(done.body));
      assert.equal((done.body as Err).error.code, 'file.type_not_allowed');
      assert.deepEqual(await obs.client.get(at).then((r) => r.body), {
        received: 0,
        size: html.length,
        complete: false,
      });
      // More than announced, and a piece in JSON clothing, are refused.
      const over = await putBytes(obs, `${at}?offset=0`, Buffer.concat([html, html]));
      assert.equal(over.status, 413);
      const json = await obs.client.request<Err>('PUT', `${at}?offset=0`, { a: 1 });
      assert.equal(json.status, 415);
      const big = await obs.client.post<Err>('/api/monitoring/uploads', {
        clientId: randomUUID(),
        size: Number.MAX_SAFE_INTEGER,
        sha256: sha256Of(html),
      });
      assert.equal(big.status, 413);
    });

    test('a region coordinator reaches nothing of another region, whatever the filter says', async () => {
      const base = `/api/monitoring/submissions/${theirs}`;
      const tries: [string, string, unknown][] = [
        ['PATCH', `${base}/flags`, { urgent: true }],
        ['POST', `${base}/comments`, { body: 'чужой' }],
        ['POST', `${base}/transition`, { to: 'in_review' }],
        ['PUT', `${base}/assignee`, { userId: chuy.id }],
        ['GET', `${base}/reviewers`, undefined],
        ['DELETE', `${base}/lock`, undefined],
      ];
      for (const [method, path, body] of tries) {
        const r = await chuy.client.request<Err>(method, path, body);
        assert.equal(r.status, 404, `${method} ${path}`);
        assert.equal(r.body.error.code, 'submissions.not_found');
      }
      const q = `missionId=${w.missionId}&region=KG-N`;
      assert.equal((await chuy.client.get<List>(`/api/monitoring/submissions?${q}`)).body.total, 0);
      const m = await chuy.client.get<{ ids: string[] }>(`/api/monitoring/submissions/matching?${q}`);
      assert.deepEqual(m.body.ids, []);
      const st = await chuy.client.get<List>(
        `/api/monitoring/missions/${w.missionId}/sites-status?region=KG-N`,
      );
      assert.deepEqual(st.body.items, []);
      const sites = await chuy.client.get<List>(`/api/monitoring/missions/${w.missionId}/sites?region=KG-N`);
      assert.equal(sites.body.total, 0);
      // A site of their own region cannot be moved into another one.
      const mv = await chuy.client.patch<Err>(`/api/monitoring/sites/${w.sites.C2}`, { region: 'KG-N' });
      assert.equal(mv.status, 403);
      const row = await t.ctx.db
        .selectFrom('sites')
        .select('region')
        .where('id', '=', w.sites.C2!)
        .executeTakeFirst();
      assert.equal(row?.region, 'KG-C');
      const theirsNow = await admin.client.get<{ status: string; comments: unknown[] }>(base);
      assert.equal(theirsNow.body.status, 'received');
      assert.deepEqual(theirsNow.body.comments, []);
    });

    test('a region coordinator’s export holds their region only', async () => {
      await chuy.client.reauth(chuy.password, chuy.totpSecret);
      const r = await chuy.client.post<{ jobId: string }>(`/api/monitoring/missions/${w.missionId}/exports`, {
        format: 'csv',
      });
      assert.equal(r.status, 202, JSON.stringify(r.body));
      while (await t.ctx.jobs.runOnce());
      const res = await fetch(`${t.url}/api/monitoring/exports/${r.body.jobId}/download`, {
        headers: { cookie: chuy.client.cookieHeader() },
      });
      assert.equal(res.status, 200);
      const text = await res.text();
      assert.ok(text.includes(mine), 'own region missing');
      assert.ok(!text.includes(theirs), 'another region exported');
      // Nobody else, not even an administrator, downloads it.
      const adm = await admin.client.get<Err>(`/api/monitoring/exports/${r.body.jobId}/download`);
      assert.equal(adm.status, 404);
    });

    test('a coordinator whose role was taken away learns no figures of the mission', async () => {
      const ex = await addUser(t, admin, 'coordinator');
      await reauthed(admin);
      await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [
          { userId: admin.id, region: null },
          { userId: chuy.id, region: 'KG-C' },
          { userId: ex.id, region: null },
        ],
      });
      await admin.client.reauth(admin.password, admin.totpSecret);
      const demote = await admin.client.patch(`/api/users/${ex.id}`, { role: 'monitor' });
      assert.equal(demote.status, 200, JSON.stringify(demote.body));
      // Now an observer of one site only: they see that site, and no count of the rest.
      await assign(admin, w.sites.C2!, [ex.id]);
      const list = await ex.client.get<List>('/api/monitoring/missions');
      const m = list.body.items.find((i) => i.id === w.missionId);
      assert.ok(m);
      assert.equal(m.sites, 1);
      assert.equal(m.received, 0);
      const one = await ex.client.get<{ scope: string; received: number }>(
        `/api/monitoring/missions/${w.missionId}`,
      );
      assert.equal(one.body.scope, 'observer');
      assert.equal(one.body.received, 0);
      assert.equal((await ex.client.get(`/api/monitoring/submissions/${theirs}`)).status, 404);
    });
  });
}

async function putBytes(u: TestUser, path: string, body: Buffer) {
  if (u.client.csrf === null) await u.client.fetchCsrf();
  const res = await fetch(u.client.baseUrl + path, {
    method: 'PUT',
    headers: {
      cookie: u.client.cookieHeader(),
      'x-csrf-token': u.client.csrf!,
      'content-type': 'application/octet-stream',
    },
    body: new Uint8Array(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}
