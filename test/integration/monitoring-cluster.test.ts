import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import type { Client } from '../helpers/client.ts';
import { postgresAvailable } from '../helpers/db.ts';
import {
  assign,
  goodAnswers,
  missionWorld,
  putPiece,
  submission,
  type MissionWorld,
} from '../helpers/monitoring.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';

// Election day behind a load balancer (README "several app nodes"): two nodes on one PostgreSQL and
// one shared data folder, and every request of the same phone or browser may land on either of them.
// Node A is the test's in-process app; node B is a separate server process, so no memory is shared.

type Err = { error: { code: string; message: string } };
type Summary = {
  incidents: { total: number; critical: number };
  answers: { field: string; total: number; counts: { value: string; n: number }[] }[];
};

const pgUp = await postgresAvailable();

describe('monitoring on two app nodes (postgres)', { skip: !pgUp && 'PostgreSQL not reachable' }, () => {
  let t: TestApp;
  let b: RunningServer;
  let admin: TestUser;
  let coord: TestUser;
  let obs: TestUser;
  let obs2: TestUser;
  let w: MissionWorld;
  /** The user's browser, its requests alternating between the nodes. */
  const both = (u: TestUser): [Client, Client] => [u.client, u.client.at(b.url)];

  before(async () => {
    t = await startTestApp('postgres');
    admin = await setupAdmin(t);
    coord = await addUser(t, admin, 'coordinator');
    obs = await addUser(t, admin, 'monitor');
    obs2 = await addUser(t, admin, 'monitor');
    w = await missionWorld(t.ctx, admin);
    await assign(admin, w.sites.C1!, [obs.id]);
    await assign(admin, w.sites.C2!, [obs2.id]);
    await reauthed(admin);
    const put = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
      coordinators: [
        { userId: admin.id, region: null },
        { userId: coord.id, region: 'KG-C' },
      ],
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const keyFile = path.join(t.ctx.config.dataDir, 'ukuk.key');
    assert.ok(fs.existsSync(keyFile), 'node A runs in key-file mode');
    b = await startServer({
      backend: 'postgres',
      databaseUrl: t.ctx.config.databaseUrl!,
      dataDir: t.ctx.config.dataDir,
      env: { UKUK_KEY_FILE: keyFile },
    });
    for (const u of [admin, coord, obs, obs2]) await u.client.fetchCsrf();
  });
  after(async () => {
    await b?.stop({ keep: true });
    await t?.close();
  });

  const stored = async (clientId: string) =>
    (await t.ctx.db.selectFrom('submissions').select('id').where('client_id', '=', clientId).execute())
      .length;

  test('the same report sent to both nodes at once is stored once, under one id', async () => {
    const body = submission(w, 'C1', goodAnswers({ voters: 11 }));
    const [onA, onB] = both(obs);
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? onB : onA).post<{ id: string }>('/api/monitoring/submissions', body),
      ),
    );
    assert.deepEqual(
      replies.map((r) => r.status).sort(),
      [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201],
    );
    assert.equal(new Set(replies.map((r) => r.body.id)).size, 1);
    assert.equal(await stored(body.clientId), 1);
  });

  test('a burst over both nodes keeps every report and every dashboard figure', async () => {
    const summary = async (c: Client) => {
      const r = await c.get<Summary>(`/api/monitoring/missions/${w.missionId}/summary`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };
    const opened = (s: Summary) =>
      (s.answers.find((a) => a.field === 'opened')?.counts ?? []).reduce((n, c) => n + c.n, 0);
    const before = await summary(admin.client);
    // Two observers of one region: their reports update the same counter rows from both nodes.
    const sent: { body: ReturnType<typeof submission>; critical: boolean; incident: boolean }[] = [];
    for (let i = 0; i < 40; i++) {
      const incident = i % 4 === 3;
      const critical = incident && i % 8 === 7;
      const site = i % 2 ? 'C2' : 'C1';
      const body = incident
        ? submission(w, site, { what: `Report ${i}`, severity: critical ? 'high' : 'low' }, w.incident)
        : submission(w, site, goodAnswers({ voters: i, opened: i % 3 !== 0 }));
      sent.push({ body, critical, incident });
    }
    const clients = [...both(obs), ...both(obs2)];
    const replies = await Promise.all(
      sent.map(({ body }, i) => {
        // obs sends C1's reports, obs2 C2's; each alternates nodes.
        const c = clients[(i % 2) * 2 + (Math.floor(i / 2) % 2)]!;
        return c.post<{ id: string }>('/api/monitoring/submissions', body);
      }),
    );
    for (const r of replies) assert.equal(r.status, 201, JSON.stringify(r.body));
    for (const { body } of sent) assert.equal(await stored(body.clientId), 1);

    const incidents = sent.filter((s) => s.incident);
    const checklists = sent.length - incidents.length;
    for (const c of [admin.client, admin.client.at(b.url)]) {
      const after = await summary(c);
      assert.equal(after.incidents.total - before.incidents.total, incidents.length);
      assert.equal(
        after.incidents.critical - before.incidents.critical,
        incidents.filter((s) => s.critical).length,
      );
      assert.equal(opened(after) - opened(before), checklists, 'every checklist counted once');
    }
  });

  test('a review lock taken on one node holds on the other', async () => {
    const s = await obs.client.post<{ id: string }>(
      '/api/monitoring/submissions',
      submission(w, 'C1', { what: 'Carousel voting', severity: 'high' }, w.incident),
    );
    assert.equal(s.status, 201);
    const id = s.body.id;
    const lock = await admin.client.post(`/api/monitoring/submissions/${id}/lock`);
    assert.equal(lock.status, 200);
    const [coordA, coordB] = both(coord);
    const locked = await coordB.post<Err>(`/api/monitoring/submissions/${id}/transition`, {
      to: 'in_review',
    });
    assert.equal(locked.status, 409);
    assert.equal(locked.body.error.code, 'submissions.locked');
    assert.equal((await admin.client.at(b.url).delete(`/api/monitoring/submissions/${id}/lock`)).status, 200);
    const now = await coordA.post<{ status: string }>(`/api/monitoring/submissions/${id}/transition`, {
      to: 'in_review',
    });
    assert.equal(now.status, 200, JSON.stringify(now.body));
    assert.equal(now.body.status, 'in_review');
  });

  test('a photo started on one node is finished on the other, and any node serves it', async () => {
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(3000, 9)]);
    const sha256 = createHash('sha256').update(jpeg).digest('hex');
    const [onA, onB] = both(obs);
    const u = await onA.post<{ id: string }>('/api/monitoring/uploads', {
      clientId: crypto.randomUUID(),
      size: jpeg.length,
      sha256,
      name: 'station.jpg',
    });
    assert.equal(u.status, 201, JSON.stringify(u.body));
    const p1 = await putPiece(onA, u.body.id, 0, jpeg.subarray(0, 1200));
    assert.deepEqual(p1.body, { received: 1200, complete: false });
    // The connection drops; the phone retries and the balancer picks the other node.
    const p2 = await putPiece(onB, u.body.id, 1200, jpeg.subarray(1200));
    assert.deepEqual(p2.body, { received: jpeg.length, complete: true });
    const sub = await onB.post<{ id: string }>(
      '/api/monitoring/submissions',
      submission(w, 'C1', goodAnswers({ photo: u.body.id })),
    );
    assert.equal(sub.status, 201, JSON.stringify(sub.body));
    for (const c of both(admin)) {
      const res = await fetch(`${c.baseUrl}/api/monitoring/submissions/${sub.body.id}/files/${u.body.id}`, {
        headers: { cookie: c.cookieHeader() },
      });
      assert.equal(res.status, 200, c.baseUrl);
      assert.ok(Buffer.from(await res.arrayBuffer()).equals(jpeg), 'the original bytes');
    }
  });
});
