import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { Client } from '../helpers/client.ts';
import { backends } from '../helpers/db.ts';
import { CHECKLIST, goodAnswers } from '../helpers/monitoring.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { totpFreshAsync } from '../helpers/totp.ts';

// Issue #5 "Must hold": SIGKILL during a burst of submissions; every 2xx answer is there after the
// restart, and nothing is stored twice. Short by default (bounded to about a minute per backend);
// `UKUK_CRASH_ROUNDS=10` for a long run.
const ROUNDS = Number(process.env.UKUK_CRASH_ROUNDS ?? 2);

async function enroll(c: Client): Promise<string> {
  const info = await c.get<{ secret: string }>('/api/auth/totp/enroll');
  const r = await c.post('/api/auth/totp/enroll', { code: await totpFreshAsync(info.body.secret) });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return info.body.secret;
}

async function observer(admin: Client, url: string, n: number): Promise<{ id: string; c: Client }> {
  const inv = await admin.post<{ id: string; inviteUrl: string }>('/api/users', {
    email: `obs${n}@example.org`,
    name: `Observer ${n}`,
    role: 'monitor',
    locale: 'en',
  });
  assert.equal(inv.status, 200, JSON.stringify(inv.body));
  const c = new Client(url);
  const acc = await c.post(`/api/invite/${inv.body.inviteUrl.split('/').pop()!}`, {
    name: `Observer ${n}`,
    password: `Байкоочу-${n}-узун-сырсөз`,
  });
  assert.equal(acc.status, 200, JSON.stringify(acc.body));
  await enroll(c);
  return { id: inv.body.id, c };
}

for (const backend of await backends()) {
  describe(`monitoring: SIGKILL during a burst of submissions (${backend})`, () => {
    test(
      `${ROUNDS} rounds: every acknowledged submission survives, none is stored twice`,
      { timeout: 240_000 },
      async () => {
        const first = await startServer({ backend });
        let srv: RunningServer = first;
        const { dataDir, databaseUrl } = srv;
        const admin = new Client(srv.url);
        try {
          assert.equal(
            (
              await admin.post('/api/setup', {
                orgName: 'Crash',
                defaultLocale: 'en',
                adminName: 'Admin',
                adminEmail: 'crash@example.org',
                adminPassword: 'Талас 2026 кулады!',
              })
            ).status,
            200,
          );
          const secret = await enroll(admin);
          const form = await admin.post<{ id: string; versionId: string }>('/api/monitoring/forms', {
            definition: CHECKLIST,
          });
          assert.equal(form.status, 201, JSON.stringify(form.body));
          const pub = await admin.post<{ versionId: string }>(
            `/api/monitoring/forms/${form.body.id}/publish`,
          );
          assert.equal(pub.status, 200, JSON.stringify(pub.body));
          const versionId = pub.body.versionId;
          const m = await admin.post<{ id: string }>('/api/monitoring/missions', {
            kind: 'election',
            title: 'Crash',
          });
          await admin.put(`/api/monitoring/missions/${m.body.id}/forms`, { formVersionIds: [versionId] });
          const csv = [
            'code,name,region',
            ...Array.from({ length: 6 }, (_, i) => `S${i},Station ${i},KG-C`),
          ].join('\n');
          await admin.reauth('Талас 2026 кулады!', secret); // importing sites is a bulk action
          assert.equal(
            (await admin.post(`/api/monitoring/missions/${m.body.id}/sites/import`, { csv })).status,
            200,
          );
          await admin.patch(`/api/monitoring/missions/${m.body.id}`, { status: 'active' });
          const sites = (
            await admin.get<{ items: { id: string }[] }>(`/api/monitoring/missions/${m.body.id}/sites`)
          ).body.items.map((s) => s.id);
          const observers = [await observer(admin, srv.url, 1), await observer(admin, srv.url, 2)];
          for (const [i, o] of observers.entries())
            await admin.put(`/api/monitoring/sites/${sites[i]}/observers`, { userIds: [o.id] });
          const senders = [
            ...observers.map((o, i) => ({ c: o.c, site: sites[i]! })),
            { c: admin, site: sites[2]! },
            { c: admin, site: sites[3]! },
          ];

          type Body = {
            clientId: string;
            formVersionId: string;
            siteId: string;
            answers: object;
            submittedAt: string;
          };
          const attempts: { c: Client; body: Body }[] = [];
          const acked = new Map<string, string>();
          for (let round = 0; round < ROUNDS; round++) {
            for (const c of [admin, ...observers.map((o) => o.c)]) c.baseUrl = srv.url;
            const writers = senders.map(async (s) => {
              for (let k = 0; ; k++) {
                const body = {
                  clientId: randomUUID(),
                  formVersionId: versionId,
                  siteId: s.site,
                  answers: goodAnswers({ voters: k }),
                  submittedAt: new Date().toISOString(),
                };
                attempts.push({ c: s.c, body });
                try {
                  // A double tap now and then: the same body twice in a row.
                  const r = await s.c.post<{ id: string }>('/api/monitoring/submissions', body);
                  if (r.status === 200 || r.status === 201) acked.set(body.clientId, r.body.id);
                  if (k % 7 === 0) await s.c.post('/api/monitoring/submissions', body);
                } catch {
                  return;
                }
              }
            });
            await new Promise((r) => setTimeout(r, 400 + Math.random() * 800));
            await srv.kill();
            await Promise.all(writers);
            srv = await startServer({ backend, dataDir, databaseUrl });
          }
          for (const c of [admin, ...observers.map((o) => o.c)]) c.baseUrl = srv.url;
          assert.ok(acked.size > 0, 'some submissions were acknowledged');
          // Every acknowledged submission is there with its answers.
          for (const [clientId, id] of acked) {
            const r = await admin.get<{ clientId: string }>(`/api/monitoring/submissions/${id}`);
            assert.equal(r.status, 200, `acknowledged ${id} lost`);
            assert.equal(r.body.clientId, clientId);
          }
          // The field app resends whatever it has not seen acknowledged (and replays the rest): each
          // clientId ends stored exactly once, an acknowledged one under the id it was given.
          for (const a of attempts) {
            const r = await a.c.post<{ id: string }>('/api/monitoring/submissions', a.body);
            assert.ok(r.status === 200 || r.status === 201, `${r.status} ${JSON.stringify(r.body)}`);
            const before = acked.get(a.body.clientId);
            if (before) assert.equal(r.body.id, before);
            else acked.set(a.body.clientId, r.body.id);
          }
          const all = await admin.get<{ total: number }>('/api/monitoring/submissions');
          assert.equal(all.body.total, new Set(attempts.map((a) => a.body.clientId)).size);
          const v = await admin.post<{ ok: boolean }>('/api/audit/verify');
          assert.equal(v.body.ok, true);
        } finally {
          await srv.stop();
          await first.cleanup();
        }
      },
    );
  });
}
