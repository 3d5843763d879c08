import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, missionWorld, type MissionWorld } from '../helpers/monitoring.ts';

/**
 * Attacks on monitoring's need-to-know found by a review (2026-12-02), each of which worked before its
 * fix: free text reaching a redacted export through a question whose type changed between versions
 * or that another form reuses (exports.rows.ts); an export downloaded after its requester was taken
 * off the mission (exports.service.ts); a coordinator sent as an observer reading the review of their
 * own report (monitoring.access.ts `reviewsSubmission`); a withheld hour of the public summary worked
 * out from its critical incidents (summary.public.ts).
 */
const L = (en: string) => ({ ky: en, ru: en, en });

/** A form whose `story` question is free text in version 1 and a choice in version 2. */
const V1 = {
  title: L('Changing form'),
  kind: 'checklist',
  sections: [
    {
      key: 'main',
      title: L('Main'),
      fields: [
        { key: 'ok', type: 'boolean', label: L('All fine'), required: true },
        { key: 'story', type: 'long_text', label: L('What did you see') },
      ],
    },
  ],
};
const V2 = {
  ...V1,
  sections: [
    {
      key: 'main',
      title: L('Main'),
      fields: [
        { key: 'ok', type: 'boolean', label: L('All fine'), required: true },
        {
          key: 'story',
          type: 'single_choice',
          label: L('What did you see'),
          options: [
            { key: 'nothing', label: L('Nothing') },
            { key: 'something', label: L('Something') },
          ],
        },
      ],
    },
  ],
};

const MARKER = 'Detainee Bakyt Sadykov told me about beatings';

for (const backend of await backends()) {
  describe(`monitoring attacks: redacted export after a field changed type (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let chuy: TestUser;
    let obs: TestUser;
    let w: MissionWorld;

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      chuy = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      await reauthed(admin);
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [
          { userId: admin.id, region: null },
          { userId: chuy.id, region: 'KG-C' },
        ],
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
      // Version 1 of the form, put on the running mission.
      const made = await admin.client.post<{ id: string; versionId: string }>('/api/monitoring/forms', {
        definition: V1,
      });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      const p1 = await admin.client.post<{ versionId: string }>(
        `/api/monitoring/forms/${made.body.id}/publish`,
      );
      assert.equal(p1.status, 200, JSON.stringify(p1.body));
      const f1 = await admin.client.put(`/api/monitoring/missions/${w.missionId}/forms`, {
        formVersionIds: [w.checklist, w.incident, p1.body.versionId],
      });
      assert.equal(f1.status, 200, JSON.stringify(f1.body));
      // The observer writes free text (a name) into version 1.
      const s1 = await obs.client.post('/api/monitoring/submissions', {
        clientId: randomUUID(),
        formVersionId: p1.body.versionId,
        siteId: w.sites.C1!,
        answers: { ok: false, story: MARKER },
        submittedAt: new Date().toISOString(),
      });
      assert.equal(s1.status, 201, JSON.stringify(s1.body));
      // The form is revised mid-mission: `story` becomes a choice; the mission moves to version 2.
      const d2 = await admin.client.put(`/api/monitoring/forms/${made.body.id}/draft`, { definition: V2 });
      assert.equal(d2.status, 200, JSON.stringify(d2.body));
      const p2 = await admin.client.post<{ versionId: string; version: number }>(
        `/api/monitoring/forms/${made.body.id}/publish`,
      );
      assert.equal(p2.status, 200, JSON.stringify(p2.body));
      assert.equal(p2.body.version, 2);
      const f2 = await admin.client.put(`/api/monitoring/missions/${w.missionId}/forms`, {
        formVersionIds: [w.checklist, w.incident, p2.body.versionId],
      });
      assert.equal(f2.status, 200, JSON.stringify(f2.body));
      const s2 = await obs.client.post('/api/monitoring/submissions', {
        clientId: randomUUID(),
        formVersionId: p2.body.versionId,
        siteId: w.sites.C1!,
        answers: { ok: true, story: 'nothing' },
        submittedAt: new Date().toISOString(),
      });
      assert.equal(s2.status, 201, JSON.stringify(s2.body));
    });
    after(async () => t?.close());

    test('a redacted CSV export holds no free text written under an older version', async () => {
      await chuy.client.reauth(chuy.password, chuy.totpSecret);
      const r = await chuy.client.post<{ jobId: string }>(`/api/monitoring/missions/${w.missionId}/exports`, {
        format: 'csv',
      });
      assert.equal(r.status, 202, JSON.stringify(r.body));
      while (await t.ctx.jobs.runOnce());
      const st = await chuy.client.get<{ status: string; redacted: boolean }>(
        `/api/monitoring/exports/${r.body.jobId}`,
      );
      assert.equal(st.body.status, 'done');
      assert.equal(st.body.redacted, true);
      const res = await fetch(`${t.url}/api/monitoring/exports/${r.body.jobId}/download`, {
        headers: { cookie: chuy.client.cookieHeader() },
      });
      assert.equal(res.status, 200);
      const text = await res.text();
      assert.ok(!text.includes(MARKER), `the redacted export holds the free text:\n${text}`);
    });
  });
}

type PublicSummary = {
  incidents: { total: number | null; critical: number | null };
  overTime: { hour: string; n: number | null; critical: number | null }[];
};

for (const backend of await backends()) {
  describe(`monitoring attacks: public summary small counts (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let obs: TestUser;
    let w: MissionWorld;

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      const pub = await admin.client.patch(`/api/monitoring/missions/${w.missionId}`, { public: true });
      assert.equal(pub.status, 200, JSON.stringify(pub.body));
      // Five critical incidents in one hour, one critical incident in the next.
      const hourA = new Date(Date.now() - 5 * 3_600_000);
      const hourB = new Date(Date.now() - 3 * 3_600_000);
      for (const at of [hourA, hourA, hourA, hourA, hourA, hourB]) {
        const r = await obs.client.post('/api/monitoring/submissions', {
          clientId: randomUUID(),
          formVersionId: w.incident,
          siteId: w.sites.C1!,
          answers: { what: 'incident', severity: 'high' },
          submittedAt: at.toISOString(),
        });
        assert.equal(r.status, 201, JSON.stringify(r.body));
      }
    });
    after(async () => t?.close());

    test('no hour’s withheld incident count can be worked out from the published figures', async () => {
      const r = await t.client().get<PublicSummary>(`/api/public/monitoring/missions/${w.missionId}/summary`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const s = r.body;
      // Whatever the published figures are, none may pin a withheld hour down to an exact small count.
      const withheld = s.overTime.filter((h) => h.n === null);
      assert.ok(withheld.length > 0, JSON.stringify(s));
      // Critical incidents: the published total minus the published hours gives the withheld hours' sum.
      const shownCritical = s.overTime.reduce((a, h) => a + (h.critical ?? 0), 0);
      const hiddenCriticalHours = s.overTime.filter((h) => h.critical === null);
      if (s.incidents.critical !== null && hiddenCriticalHours.length === 1) {
        const derived = s.incidents.critical - shownCritical;
        assert.ok(
          !(derived >= 1 && derived < 5),
          `hour ${hiddenCriticalHours[0]!.hour} has exactly ${derived} critical incident(s): ${JSON.stringify(s)}`,
        );
      }
      // And no hour whose count is withheld shows a critical figure that gives its count away.
      for (const h of s.overTime)
        if (h.n === null)
          assert.equal(h.critical, null, `withheld hour ${h.hour} shows critical=${h.critical}`);
    });
  });
}

type View = {
  comments: { body: string; name: string }[];
  history: { name: string | null }[];
  lock: unknown;
  assignee: unknown;
  flags: Record<string, boolean>;
};

for (const backend of await backends()) {
  describe(`monitoring attacks: a coordinator sent as an observer (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let coord: TestUser;
    let fieldCoord: TestUser;
    let w: MissionWorld;
    let id: string;

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      coord = await addUser(t, admin, 'coordinator');
      // A coordinator (of nothing here) who is sent to watch site N1 of this mission as an observer.
      fieldCoord = await addUser(t, admin, 'coordinator');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.N1!, [fieldCoord.id]);
      await reauthed(admin);
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [
          { userId: admin.id, region: null },
          { userId: coord.id, region: 'KG-N' },
        ],
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
      const s = await fieldCoord.client.post<{ id: string }>('/api/monitoring/submissions', {
        clientId: randomUUID(),
        formVersionId: w.checklist,
        siteId: w.sites.N1!,
        answers: { opened: true, queue: 'short' },
        submittedAt: new Date().toISOString(),
      });
      assert.equal(s.status, 201, JSON.stringify(s.body));
      id = s.body.id;
      const steps: [string, string, unknown][] = [
        ['POST', `/api/monitoring/submissions/${id}/lock`, {}],
        ['POST', `/api/monitoring/submissions/${id}/comments`, { body: 'Call him, looks like a duplicate' }],
        ['PATCH', `/api/monitoring/submissions/${id}/flags`, { verify: true }],
      ];
      for (const [method, path, body] of steps) {
        const r = await coord.client.request(method, path, body);
        assert.ok(r.status < 300, `${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
      }
    });
    after(async () => t?.close());

    test('they read their report as an observer: no reviewers’ comments, names, lock or flags', async () => {
      // The mission itself treats them as an observer (scope observer, coordinators' names hidden).
      const m = await fieldCoord.client.get<{ scope: string; coordinators: unknown[] }>(
        `/api/monitoring/missions/${w.missionId}`,
      );
      assert.equal(m.body.scope, 'observer');
      assert.deepEqual(m.body.coordinators, []);
      const r = await fieldCoord.client.get<View>(`/api/monitoring/submissions/${id}`);
      assert.equal(r.status, 200);
      const text = JSON.stringify(r.body);
      assert.ok(
        !text.includes('looks like a duplicate'),
        `a reviewer's comment reaches the observer: ${text}`,
      );
      assert.equal(r.body.lock, null, `a reviewer's lock (id and name) reaches the observer: ${text}`);
      assert.deepEqual(r.body.flags, { translate: false, geolocate: false, verify: false, urgent: false });
      assert.ok(!text.includes(coord.id), `a reviewer's id reaches the observer: ${text}`);
    });
  });
}

for (const backend of await backends()) {
  describe(`monitoring attacks: an export file after its requester lost the mission (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let chuy: TestUser;
    let obs: TestUser;
    let w: MissionWorld;
    let mine: string;

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      chuy = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      await reauthed(admin);
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [
          { userId: admin.id, region: null },
          { userId: chuy.id, region: 'KG-C' },
        ],
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
      const s = await obs.client.post<{ id: string }>('/api/monitoring/submissions', {
        clientId: randomUUID(),
        formVersionId: w.checklist,
        siteId: w.sites.C1!,
        answers: { opened: true, queue: 'short' },
        submittedAt: new Date().toISOString(),
      });
      assert.equal(s.status, 201, JSON.stringify(s.body));
      mine = s.body.id;
    });
    after(async () => t?.close());

    test('once taken off the mission, the coordinator downloads nothing of it', async () => {
      await chuy.client.reauth(chuy.password, chuy.totpSecret);
      const r = await chuy.client.post<{ jobId: string }>(`/api/monitoring/missions/${w.missionId}/exports`, {
        format: 'csv',
      });
      assert.equal(r.status, 202, JSON.stringify(r.body));
      while (await t.ctx.jobs.runOnce());
      // The administrator takes the coordinator off the mission.
      await reauthed(admin);
      const off = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [{ userId: admin.id, region: null }],
      });
      assert.equal(off.status, 200, JSON.stringify(off.body));
      assert.equal((await chuy.client.get(`/api/monitoring/submissions/${mine}`)).status, 404);
      assert.equal((await chuy.client.get(`/api/monitoring/missions/${w.missionId}`)).status, 404);
      assert.equal((await chuy.client.get(`/api/monitoring/sites/${w.sites.C1}/contacts`)).status, 404);
      assert.equal((await chuy.client.get(`/api/monitoring/submissions/${randomUUID()}`)).status, 404);
      // Denied, logged (SECURITY.md): who tried which record; an id that does not exist is not a refusal.
      const denied = await t.ctx.db
        .selectFrom('audit_log')
        .select(['actor_id', 'entity_type', 'entity_id'])
        .where('action', '=', 'monitoring.access_denied')
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        denied.map((d) => [d.actor_id, d.entity_type, d.entity_id]),
        [
          [chuy.id, 'submission', mine],
          [chuy.id, 'mission', w.missionId],
          [chuy.id, 'mission', w.missionId],
        ],
      );
      const res = await fetch(`${t.url}/api/monitoring/exports/${r.body.jobId}/download`, {
        headers: { cookie: chuy.client.cookieHeader() },
      });
      const text = await res.text();
      assert.notEqual(res.status, 200, `the file still comes: ${text}`);
      assert.ok(!text.includes(mine));
    });
  });
}

for (const backend of await backends()) {
  describe(`monitoring attacks: a coordinator steers free text into a redacted export (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let boss: TestUser;
    let obs: TestUser;
    let w: MissionWorld;

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      boss = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      await reauthed(admin);
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [
          { userId: admin.id, region: null },
          { userId: boss.id, region: null },
        ],
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
      // An observer's incident: free text naming a person (`what`, long_text).
      const s = await obs.client.post('/api/monitoring/submissions', {
        clientId: randomUUID(),
        formVersionId: w.incident,
        siteId: w.sites.C1!,
        answers: { what: MARKER, severity: 'low' },
        submittedAt: new Date().toISOString(),
      });
      assert.equal(s.status, 201, JSON.stringify(s.body));
    });
    after(async () => t?.close());

    test('a redacted export never carries an incident’s free text, whatever other forms the mission has', async () => {
      // The coordinator makes a form whose `what` is a choice, in a second version, and adds it.
      const def = (type: string) => ({
        title: L('Decoy'),
        kind: 'checklist',
        sections: [
          {
            key: 'main',
            title: L('Main'),
            fields: [
              type === 'single_choice'
                ? { key: 'what', type, label: L('What'), options: [{ key: 'a', label: L('A') }] }
                : { key: 'what', type, label: L('What') },
            ],
          },
        ],
      });
      const made = await boss.client.post<{ id: string }>('/api/monitoring/forms', {
        definition: def('text'),
      });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      await boss.client.post(`/api/monitoring/forms/${made.body.id}/publish`);
      await boss.client.put(`/api/monitoring/forms/${made.body.id}/draft`, {
        definition: def('single_choice'),
      });
      const p2 = await boss.client.post<{ versionId: string; version: number }>(
        `/api/monitoring/forms/${made.body.id}/publish`,
      );
      assert.equal(p2.body.version, 2, JSON.stringify(p2.body));
      const f = await boss.client.put(`/api/monitoring/missions/${w.missionId}/forms`, {
        formVersionIds: [w.checklist, w.incident, p2.body.versionId],
      });
      assert.equal(f.status, 200, JSON.stringify(f.body));
      // One report of the decoy form, sent by the coordinator for a site of their part of the mission.
      const s = await boss.client.post('/api/monitoring/submissions', {
        clientId: randomUUID(),
        formVersionId: p2.body.versionId,
        siteId: w.sites.N1!,
        answers: { what: 'a' },
        submittedAt: new Date().toISOString(),
      });
      assert.equal(s.status, 201, JSON.stringify(s.body));
      await boss.client.reauth(boss.password, boss.totpSecret);
      const r = await boss.client.post<{ jobId: string }>(`/api/monitoring/missions/${w.missionId}/exports`, {
        format: 'csv',
      });
      assert.equal(r.status, 202, JSON.stringify(r.body));
      while (await t.ctx.jobs.runOnce());
      const res = await fetch(`${t.url}/api/monitoring/exports/${r.body.jobId}/download`, {
        headers: { cookie: boss.client.cookieHeader() },
      });
      assert.equal(res.status, 200);
      const text = await res.text();
      assert.ok(!text.includes(MARKER), `the redacted export holds the incident's free text:\n${text}`);
    });
  });
}
