import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, goodAnswers, missionWorld, submission, type MissionWorld } from '../helpers/monitoring.ts';
import { decodeMail, smtpServer, type SmtpServer } from '../helpers/smtp.ts';

type Notice = {
  id: string;
  kind: string;
  entityId: string;
  params: Record<string, unknown>;
  readAt: string | null;
};
type Notices = { items: Notice[]; unread: number };

const SECRET_NOTE = 'ALERT-NOTE-7d1c';
const PUBLIC_URL = 'https://ukuk.example.org';

for (const backend of await backends()) {
  describe(`monitoring: a critical report alerts the coordinators who may review it (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let chuy: TestUser;
    let naryn: TestUser;
    let obs: TestUser;
    let w: MissionWorld;
    let smtp: SmtpServer;
    /** Messages so far to `u`, decoded. */
    const mailsTo = (u: TestUser) =>
      smtp.messages.filter((m) => m.to.some((to) => to === u.email)).map((m) => decodeMail(m.data));

    const runJobs = async () => {
      while (await t.ctx.jobs.runOnce()) {
        /* every due job */
      }
    };
    const critical = async (u: TestUser) => {
      const r = await u.client.get<Notices>('/api/notifications');
      assert.equal(r.status, 200);
      return r.body.items.filter((n) => n.kind === 'monitoring.critical');
    };
    const send = async (answers: Record<string, unknown>, clientId?: string) => {
      const body = { ...submission(w, 'C1', answers), ...(clientId ? { clientId } : {}) };
      const r = await obs.client.post<{ id: string }>('/api/monitoring/submissions', body);
      assert.ok(r.status === 201 || r.status === 200, JSON.stringify(r.body));
      return { id: r.body.id, clientId: body.clientId, status: r.status };
    };

    before(async () => {
      smtp = await smtpServer();
      t = await startTestApp(backend, {
        UKUK_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        UKUK_SMTP_FROM: 'ukuk@example.org',
        UKUK_PUBLIC_URL: PUBLIC_URL,
      });
      admin = await setupAdmin(t);
      chuy = await addUser(t, admin, 'coordinator');
      naryn = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      await reauthed(admin);
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [
          { userId: chuy.id, region: 'KG-C' },
          { userId: naryn.id, region: 'KG-N' },
        ],
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
      // E-mails are written in the reader's language: English for Chuy's coordinator, Russian for the administrator.
      assert.equal((await chuy.client.patch('/api/me', { locale: 'en' })).status, 200);
      assert.equal((await admin.client.patch('/api/me', { locale: 'ru' })).status, 200);
    });
    after(async () => {
      await t.close();
      await smtp.close();
    });

    test('an ordinary report alerts nobody', async () => {
      await send(goodAnswers());
      await runJobs();
      assert.deepEqual(await critical(chuy), []);
      assert.deepEqual(await critical(admin), []);
      assert.equal(smtp.messages.length, 0);
    });

    test("a critical report: the region's coordinator gets one notice that opens it; a replay adds none", async () => {
      const first = await send(goodAnswers({ violence: true, notes: SECRET_NOTE }));
      assert.equal(first.status, 201);
      const replay = await send(goodAnswers({ violence: true, notes: SECRET_NOTE }), first.clientId);
      assert.equal(replay.status, 200);
      assert.equal(replay.id, first.id);
      await runJobs();
      await runJobs();
      const mine = await critical(chuy);
      assert.equal(mine.length, 1);
      assert.equal(mine[0]!.entityId, first.id);
      assert.deepEqual(mine[0]!.params, { submissionId: first.id, region: 'KG-C', site: 'C1' });
      assert.equal(mine[0]!.readAt, null);
      // The notice carries codes, never an answer.
      const raw = await t.ctx.db.selectFrom('notifications').select('params').execute();
      assert.ok(raw.every((r) => !r.params.includes(SECRET_NOTE)));
      const open = await chuy.client.get(`/api/monitoring/submissions/${first.id}`);
      assert.equal(open.status, 200);
      const jobs = await t.ctx.db
        .selectFrom('jobs')
        .select('id')
        .where('type', '=', 'monitoring.critical_alert')
        .execute();
      assert.equal(jobs.length, 1, 'one alert job per report, replays included');
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .select('entity_id')
        .where('action', '=', 'monitoring.critical_alerted')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.entity_id),
        [first.id],
      );
    });

    test('the coordinator is e-mailed once, with a link and nothing about the report', async () => {
      const id = (await critical(chuy))[0]!.entityId;
      const mails = mailsTo(chuy);
      assert.equal(mails.length, 1, 'one e-mail for one report, replay included');
      const mail = mails[0]!;
      assert.match(mail, /Subject: Ukuk: a critical report came in/);
      assert.ok(mail.includes(`${PUBLIC_URL}/monitoring/submissions/${id}`), mail);
      assert.match(mail, /next 10 minutes/);
      // No answer, no place, no mission: e-mail crosses servers the organisation does not control.
      for (const mark of [SECRET_NOTE, 'School 1', 'Kant', 'KG-C', 'Chuy', 'Test election', w.sites.C1!])
        assert.ok(!mail.includes(mark), `no ${mark} in the e-mail`);
      assert.equal(mailsTo(naryn).length + mailsTo(obs).length + mailsTo(admin).length, 0);
    });

    test('a burst is one e-mail: while an alert is unread, the next ones wait in the bell', async () => {
      const second = await send(goodAnswers({ violence: true }));
      await runJobs();
      assert.ok(
        (await critical(chuy)).some((n) => n.entityId === second.id),
        'in the bell',
      );
      assert.equal(mailsTo(chuy).length, 1, 'no second e-mail while the first alert is unread');
      // Once the coordinator has read their alerts, the next critical report is e-mailed again.
      assert.equal((await chuy.client.post('/api/notifications/read-all', {})).status, 200);
      const third = await send(goodAnswers({ violence: true }));
      await runJobs();
      const mails = mailsTo(chuy);
      assert.equal(mails.length, 2);
      assert.ok(mails[1]!.includes(`/monitoring/submissions/${third.id}`));
      assert.equal((await chuy.client.post('/api/notifications/read-all', {})).status, 200);
    });

    test('an alert read in the bell before its e-mail goes out is not e-mailed', async () => {
      const r = await send(goodAnswers({ violence: true }));
      assert.ok(await t.ctx.jobs.runOnce(), 'the alert job');
      const notice = (await critical(chuy)).find((n) => n.entityId === r.id);
      assert.ok(notice, 'the notice is in the bell');
      assert.equal((await chuy.client.post(`/api/notifications/${notice.id}/read`, {})).status, 200);
      await runJobs();
      assert.equal(mailsTo(chuy).length, 2, 'nothing new');
    });

    test('nobody outside the region is alerted: not the other region, not the observer', async () => {
      assert.deepEqual(await critical(naryn), []);
      assert.deepEqual(await critical(obs), []);
      // The administrator is not a coordinator of this mission, and the region has one.
      assert.deepEqual(await critical(admin), []);
      const other = (await critical(chuy))[0]!.entityId;
      assert.equal((await naryn.client.get(`/api/monitoring/submissions/${other}`)).status, 404);
    });

    test('a region nobody coordinates alerts the administrators', async () => {
      await reauthed(admin);
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [{ userId: naryn.id, region: 'KG-N' }],
      });
      assert.equal(c.status, 200);
      const r = await send(goodAnswers({ violence: true }));
      await runJobs();
      const notices = await critical(admin);
      assert.deepEqual(
        notices.map((n) => n.entityId),
        [r.id],
      );
      assert.equal((await critical(chuy)).length, 4, 'the former coordinator gets nothing new');
      assert.deepEqual(await critical(naryn), []);
      // The administrator reads Russian: the e-mail is in Russian, with the plural of "10 minutes".
      const mails = mailsTo(admin);
      assert.equal(mails.length, 1);
      assert.match(mails[0]!, /Subject: Ukuk: поступило критическое сообщение/);
      assert.match(mails[0]!, /ближайшие 10 минут видны только/);
      assert.ok(mails[0]!.includes(`${PUBLIC_URL}/monitoring/submissions/${r.id}`));
      assert.equal(mailsTo(chuy).length, 2);
      assert.equal(mailsTo(naryn).length, 0);
    });
  });
}
