import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, goodAnswers, missionWorld, submission, type MissionWorld } from '../helpers/monitoring.ts';
import { decodeMail, smtpServer, type SmtpServer } from '../helpers/smtp.ts';

type Me = {
  emailAlerts: { reminders: boolean; critical: boolean; assigned: boolean };
  org: { mail: boolean };
  locale: string;
};
type Err = {
  error: { code: string; message: string; fields?: { path: string; code: string; message?: string }[] };
};
type Notice = { kind: string; entityId: string };

/**
 * Each person chooses which alerts also come by e-mail (profile). Turning the critical-incident e-mail
 * off keeps the bell notice; bad input changes nothing; the choice is audited. Hearing reminders are
 * covered the same way in calendar.test.ts.
 */
for (const backend of await backends()) {
  describe(`e-mail alert choices (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let chuy: TestUser;
    let obs: TestUser;
    let w: MissionWorld;
    let smtp: SmtpServer;
    const mailsTo = (u: TestUser) => smtp.messages.filter((m) => m.to.includes(u.email)).length;
    const runJobs = async () => {
      while (await t.ctx.jobs.runOnce()) {
        /* every due job */
      }
    };
    const critical = async () => {
      const r = await obs.client.post<{ id: string }>(
        '/api/monitoring/submissions',
        submission(w, 'C1', goodAnswers({ violence: true })),
      );
      assert.equal(r.status, 201, JSON.stringify(r.body));
      await runJobs();
      return r.body.id;
    };
    /** E-mails to the coordinator (Russian) about reports given to them, decoded. */
    const assignedMails = () =>
      smtp.messages
        .filter((m) => m.to.includes(chuy.email))
        .map((m) => decodeMail(m.data))
        .filter((text) => /переданы на проверку/.test(text));
    /** The delayed jobs (the assignment e-mail waits a minute) made due, then run. */
    const dueNow = async () => {
      await t.ctx.db
        .updateTable('jobs')
        .set({ run_at: new Date(0).toISOString() })
        .where('state', '=', 'queued')
        .execute();
      await runJobs();
    };
    const bell = async (u: TestUser) =>
      (await u.client.get<{ items: Notice[] }>('/api/notifications')).body.items.filter(
        (n) => n.kind === 'monitoring.critical',
      );

    before(async () => {
      smtp = await smtpServer();
      t = await startTestApp(backend, {
        UKUK_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        UKUK_SMTP_FROM: 'ukuk@example.org',
        UKUK_PUBLIC_URL: 'https://ukuk.example.org',
      });
      admin = await setupAdmin(t);
      chuy = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      await reauthed(admin);
      const c = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [{ userId: chuy.id, region: 'KG-C' }],
      });
      assert.equal(c.status, 200, JSON.stringify(c.body));
    });
    after(async () => {
      await t.close();
      await smtp.close();
    });

    test('everything is e-mailed until the person chooses otherwise; the server says it can send mail', async () => {
      const me = await chuy.client.get<Me>('/api/me');
      assert.equal(me.status, 200);
      assert.deepEqual(me.body.emailAlerts, { reminders: true, critical: true, assigned: true });
      assert.equal(me.body.org.mail, true);
    });

    test('bad choices answer 400 naming the field, in the reader’s language, and change nothing', async () => {
      assert.equal((await chuy.client.patch('/api/me', { locale: 'ru' })).status, 200);
      for (const body of [
        { emailAlerts: { critical: 'no' } },
        { emailAlerts: { sms: true } },
        { emailAlerts: null },
        { emailAlerts: { critical: false }, locale: 'xx' },
      ]) {
        const r = await chuy.client.patch<Err>('/api/me', body);
        assert.equal(r.status, 400, JSON.stringify(body));
        assert.equal(r.body.error.code, 'validation.failed');
        assert.match(r.body.error.message, /[А-Яа-я]/, 'the message is in Russian');
        assert.ok(r.body.error.fields?.length, JSON.stringify(r.body));
      }
      const bad = await chuy.client.patch<Err>('/api/me', { emailAlerts: { critical: 'no' } });
      assert.equal(bad.body.error.fields![0]!.path, 'emailAlerts.critical');
      const me = await chuy.client.get<Me>('/api/me');
      assert.deepEqual(me.body.emailAlerts, { reminders: true, critical: true, assigned: true });
      assert.equal(me.body.locale, 'ru', 'the valid part of a refused change is not applied either');
    });

    test('critical e-mail off: the alert still reaches the bell, and no e-mail goes out', async () => {
      const r = await chuy.client.patch<Me>('/api/me', { emailAlerts: { critical: false } });
      assert.equal(r.status, 200);
      assert.deepEqual(
        r.body.emailAlerts,
        { reminders: true, critical: false, assigned: true },
        'only the named choice changes',
      );
      const id = await critical();
      assert.deepEqual(
        (await bell(chuy)).map((n) => n.entityId),
        [id],
      );
      assert.equal(mailsTo(chuy), 0);
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'user.profile_update')
        .where('entity_id', '=', chuy.id)
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(audit.details), { fields: ['emailAlerts'], emailCritical: false });
    });

    test('critical e-mail on again: the next alert is e-mailed', async () => {
      assert.equal((await chuy.client.post('/api/notifications/read-all', {})).status, 200);
      const r = await chuy.client.patch<Me>('/api/me', { emailAlerts: { critical: true } });
      assert.deepEqual(r.body.emailAlerts, { reminders: true, critical: true, assigned: true });
      await critical();
      assert.equal(mailsTo(chuy), 1);
    });

    test('reports given to someone: e-mailed a minute later, with a link and nothing about them', async () => {
      assert.equal((await chuy.client.post('/api/notifications/read-all', {})).status, 200);
      const id = await critical();
      const before = assignedMails().length;
      const given = await admin.client.put(`/api/monitoring/submissions/${id}/assignee`, { userId: chuy.id });
      assert.equal(given.status, 200, JSON.stringify(given.body));
      await runJobs();
      assert.equal(assignedMails().length, before, 'not at once: someone at their desk reads the bell first');
      await dueNow();
      const mail = assignedMails();
      assert.equal(mail.length, before + 1);
      const text = mail[mail.length - 1]!;
      assert.match(text, new RegExp(`https://ukuk\\.example\\.org/monitoring/submissions/${id}`));
      // The coordinator's language (ru), and no site, region or answer.
      assert.match(text, /переданы на проверку/);
      assert.doesNotMatch(text, /C1|KG-C|School|Чүй|Чуй/);
    });

    test('turned off: the bell still says so, no e-mail; a read notice is not e-mailed either', async () => {
      assert.equal((await chuy.client.post('/api/notifications/read-all', {})).status, 200);
      const off = await chuy.client.patch<Me>('/api/me', { emailAlerts: { assigned: false } });
      assert.deepEqual(off.body.emailAlerts, { reminders: true, critical: true, assigned: false });
      const before = assignedMails().length;
      const id = await critical();
      assert.equal(
        (await admin.client.put(`/api/monitoring/submissions/${id}/assignee`, { userId: chuy.id })).status,
        200,
      );
      await dueNow();
      assert.equal(assignedMails().length, before);
      const bellNow = (await chuy.client.get<{ items: Notice[] }>('/api/notifications')).body.items;
      assert.ok(bellNow.some((n) => n.kind === 'monitoring.assigned' && n.entityId === id));
      // On again, but the notice is read in the bell before its minute is up: no e-mail.
      await chuy.client.patch<Me>('/api/me', { emailAlerts: { assigned: true } });
      await chuy.client.post('/api/notifications/read-all', {});
      const id2 = await critical();
      await chuy.client.post('/api/notifications/read-all', {});
      assert.equal(
        (await admin.client.put(`/api/monitoring/submissions/${id2}/assignee`, { userId: chuy.id })).status,
        200,
      );
      await chuy.client.post('/api/notifications/read-all', {});
      await dueNow();
      assert.equal(assignedMails().length, before);
    });

    test('one person’s choice is theirs alone: nobody can set another’s, and an observer may keep theirs', async () => {
      // /api/me acts on the session's own account; there is no id to point at someone else.
      const r = await obs.client.patch<Me>('/api/me', { emailAlerts: { reminders: false } });
      assert.equal(r.status, 200);
      assert.deepEqual((await chuy.client.get<Me>('/api/me')).body.emailAlerts, {
        reminders: true,
        critical: true,
        assigned: true,
      });
      const anon = await fetch(`${t.url}/api/me`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ emailAlerts: { critical: false } }),
      });
      assert.ok([401, 403].includes(anon.status), String(anon.status));
    });
  });
}
