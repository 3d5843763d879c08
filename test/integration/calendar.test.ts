import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runReminder } from '../../src/server/modules/calendar/calendar.jobs.ts';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { Client } from '../helpers/client.ts';
import { backends } from '../helpers/db.ts';
import { decodeMail, smtpServer, type SmtpServer } from '../helpers/smtp.ts';

type Err = {
  error: { code: string; message: string; fields?: { path: string; code: string; message: string }[] };
};
type Conflict = { id: string | null; caseId: string | null; caseNumber: string | null; startsAt: string };
type Saved = { id: string; conflicts: Conflict[] };
type Hearing = {
  id: string;
  note: string | null;
  startsAt: string;
  endsAt: string | null;
  conflict: boolean;
};
type Item = { id: string; caseNumber: string; conflict: boolean; startsAt: string; kind: string };
type Cal = { items: Item[]; lawyers: { id: string; name: string }[] };
type Notice = { id: string; params: Record<string, unknown>; readAt: string | null };

const TITLE_MARK = 'TitleMarkQ7Z';
const NOTE_MARK = 'NoteMarkK4W';
const CLIENT_MARK = 'Zarylkanova-Clientmark';
const HOUR = 3_600_000;

const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

for (const backend of await backends()) {
  describe(`calendar: hearings, reminders, feed (${backend})`, () => {
    let t: TestApp;
    let smtp: SmtpServer;
    let admin: TestUser;
    let lawyerA: TestUser;
    let lawyerB: TestUser;
    let outsider: TestUser;
    let coordinator: TestUser;
    let caseA: string;
    let caseANumber: string;

    before(async () => {
      smtp = await smtpServer();
      t = await startTestApp(backend, {
        UKUK_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        UKUK_SMTP_FROM: 'ukuk@example.org',
      });
      admin = await setupAdmin(t);
      lawyerA = await addUser(t, admin, 'lawyer');
      lawyerB = await addUser(t, admin, 'lawyer');
      outsider = await addUser(t, admin, 'lawyer');
      coordinator = await addUser(t, admin, 'coordinator');
      // Lawyer A reads English e-mails, so the test can read them too.
      await lawyerA.client.patch('/api/me', { locale: 'en' });
      const client = await lawyerA.client.post<{ id: string }>('/api/people', {
        names: [{ full: CLIENT_MARK }],
      });
      assert.equal(client.status, 201, JSON.stringify(client.body));
      caseA = await newCase(lawyerA, {
        title: `Defence of ${TITLE_MARK}`,
        people: [{ personId: client.body.id, role: 'client' }],
      });
      caseANumber = (await lawyerA.client.get<{ number: string }>(`/api/cases/${caseA}`)).body.number;
      await member(lawyerA, caseA, lawyerB.id, 'co_counsel');
    });
    after(async () => {
      await t.close();
      await smtp.close();
    });

    async function newCase(u: TestUser, body: Record<string, unknown> = {}): Promise<string> {
      const r = await u.client.post<{ id: string }>('/api/cases', {
        type: 'criminal_defence',
        title: 'Дело',
        ...body,
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    }
    async function member(lead: TestUser, caseId: string, userId: string, role: string) {
      const r = await lead.client.post(`/api/cases/${caseId}/members`, { userId, role });
      assert.equal(r.status, 200, JSON.stringify(r.body));
    }
    async function addHearing(u: TestUser, caseId: string, body: Record<string, unknown>): Promise<Saved> {
      const r = await u.client.post<Saved>(`/api/cases/${caseId}/hearings`, body);
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body;
    }
    async function calendar(u: TestUser, q: string) {
      const r = await u.client.get<Cal>(`/api/calendar?${q}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    }
    /** Make the reminders of one hearing due now and run the queue dry. */
    async function runRemindersOf(hearingId: string): Promise<void> {
      await t.ctx.db
        .updateTable('jobs')
        .set({ run_at: new Date(Date.now() - 1000).toISOString() })
        .where('type', '=', 'calendar.reminder')
        .where('state', '=', 'queued')
        .where('payload', 'like', `%${hearingId}%`)
        .execute();
      while (await t.ctx.jobs.runOnce()) {
        /* run every due job, e-mails included */
      }
    }
    async function notices(u: TestUser) {
      const r = await u.client.get<{ items: Notice[]; unread: number }>('/api/notifications');
      assert.equal(r.status, 200);
      return r.body;
    }

    test('a team member adds a hearing: 201, listed with its note, on the timeline, audited, note encrypted', async () => {
      const saved = await addHearing(lawyerA, caseA, {
        kind: 'hearing',
        startsAt: '2030-03-11T10:00:00+06:00',
        endsAt: '2030-03-11T11:00:00+06:00',
        court: 'Октябрьский районный суд',
        room: '5',
        note: `Bring the file ${NOTE_MARK}`,
      });
      assert.deepEqual(saved.conflicts, []);
      const list = await lawyerB.client.get<{ items: (Hearing & { lawyerId: string; court: string })[] }>(
        `/api/cases/${caseA}/hearings`,
      );
      assert.equal(list.status, 200);
      const h = list.body.items.find((x) => x.id === saved.id)!;
      assert.equal(h.startsAt, '2030-03-11T04:00:00.000Z');
      assert.equal(h.endsAt, '2030-03-11T05:00:00.000Z');
      assert.equal(h.note, `Bring the file ${NOTE_MARK}`);
      assert.equal(h.lawyerId, lawyerA.id, 'the creator attends by default');
      const row = await t.ctx.db
        .selectFrom('hearings')
        .selectAll()
        .where('id', '=', saved.id)
        .executeTakeFirstOrThrow();
      assert.ok(row.note_enc && !row.note_enc.includes(NOTE_MARK));
      const tl = await lawyerA.client.get<{ items: { kind: string; refId: string | null }[] }>(
        `/api/cases/${caseA}/timeline`,
      );
      assert.ok(tl.body.items.some((e) => e.kind === 'hearing.added' && e.refId === saved.id));
      const audit = await admin.client.get<{ items: { details: Record<string, unknown> }[] }>(
        `/api/audit?action=hearing.create&entityId=${saved.id}`,
      );
      assert.equal(audit.body.items.length, 1);
      assert.ok(!JSON.stringify(audit.body).includes(NOTE_MARK));
    });

    test('two hearings of one lawyer at once are flagged; a deadline never conflicts', async () => {
      const caseC = await newCase(lawyerA);
      const first = await addHearing(lawyerA, caseA, {
        kind: 'hearing',
        startsAt: '2030-05-06T10:00:00+06:00',
        endsAt: '2030-05-06T11:00:00+06:00',
      });
      const second = await addHearing(lawyerA, caseC, {
        kind: 'hearing',
        startsAt: '2030-05-06T10:30:00+06:00',
        endsAt: '2030-05-06T12:00:00+06:00',
      });
      assert.equal(second.conflicts.length, 1);
      assert.equal(second.conflicts[0]!.id, first.id);
      assert.equal(second.conflicts[0]!.caseNumber, caseANumber);
      const deadline = await addHearing(lawyerA, caseC, {
        kind: 'deadline',
        startsAt: '2030-05-06T10:45:00+06:00',
      });
      assert.deepEqual(deadline.conflicts, []);
      // Back to back is not a clash.
      const later = await addHearing(lawyerA, caseC, {
        kind: 'hearing',
        startsAt: '2030-05-06T12:00:00+06:00',
        endsAt: '2030-05-06T13:00:00+06:00',
      });
      assert.deepEqual(later.conflicts, []);
      const cal = await calendar(lawyerA, 'from=2030-05-06&to=2030-05-06&scope=me');
      const flag = new Map(cal.items.map((i) => [i.id, i.conflict]));
      assert.equal(flag.get(first.id), true);
      assert.equal(flag.get(second.id), true);
      assert.equal(flag.get(deadline.id), false);
      assert.equal(flag.get(later.id), false);

      // Lawyer B leads another case with A attending: the clash is reported, but B may not see case C.
      const caseB = await newCase(lawyerB);
      await member(lawyerB, caseB, lawyerA.id, 'co_counsel');
      const third = await addHearing(lawyerB, caseB, {
        kind: 'hearing',
        startsAt: '2030-05-06T10:15:00+06:00',
        lawyerId: lawyerA.id,
      });
      const hidden = third.conflicts.find((c) => c.startsAt === '2030-05-06T04:30:00.000Z')!;
      assert.deepEqual([hidden.id, hidden.caseId, hidden.caseNumber], [null, null, null]);
      const visible = third.conflicts.find((c) => c.startsAt === '2030-05-06T04:00:00.000Z')!;
      assert.equal(visible.caseNumber, caseANumber, 'B is on case A, so it is named');

      // Moving the second hearing away clears the flags.
      const moved = await lawyerA.client.patch<Saved>(`/api/hearings/${second.id}`, {
        startsAt: '2030-05-06T15:00:00+06:00',
      });
      assert.equal(moved.status, 200);
      const again = await calendar(lawyerA, 'from=2030-05-06&to=2030-05-06&scope=me');
      const h2 = again.items.find((i) => i.id === second.id)!;
      assert.equal(h2.conflict, false);
      assert.equal(h2.startsAt, '2030-05-06T09:00:00.000Z');
    });

    test('calendar days are Bishkek days: 23:30 belongs to that evening, 00:00 to the next day', async () => {
      const late = await addHearing(lawyerA, caseA, {
        kind: 'hearing',
        startsAt: '2030-04-01T23:30:00+06:00',
      });
      const midnight = await addHearing(lawyerA, caseA, {
        kind: 'deadline',
        startsAt: '2030-04-01T18:00:00Z',
      });
      const first = await calendar(lawyerA, 'from=2030-04-01&to=2030-04-01');
      assert.ok(
        first.items.some((i) => i.id === late.id),
        '23:30 Bishkek on 1 April is on 1 April',
      );
      assert.ok(!first.items.some((i) => i.id === midnight.id), '00:00 Bishkek on 2 April is not on 1 April');
      const second = await calendar(lawyerA, 'from=2030-04-02&to=2030-04-02');
      assert.ok(second.items.some((i) => i.id === midnight.id));
      assert.ok(
        second.items.some((i) => i.id === late.id),
        'a 23:30–00:30 hearing reaches into 2 April',
      );
      const before = await calendar(lawyerA, 'from=2030-03-31&to=2030-03-31');
      assert.ok(!before.items.some((i) => i.id === late.id || i.id === midnight.id));
    });

    test('outsiders, coordinators and grants see nothing they should not', async () => {
      const h = await addHearing(lawyerA, caseA, { kind: 'hearing', startsAt: '2030-06-03T09:00:00+06:00' });
      const list = await outsider.client.get<Err>(`/api/cases/${caseA}/hearings`);
      assert.equal(list.status, 404);
      assert.equal(list.body.error.code, 'case.not_found');
      const patch = await outsider.client.patch<Err>(`/api/hearings/${h.id}`, { room: '9' });
      assert.equal(patch.status, 404);
      assert.equal(patch.body.error.code, 'hearing.not_found');
      assert.equal((await outsider.client.post<Err>(`/api/hearings/${h.id}/cancel`)).status, 404);
      const add = await outsider.client.post<Err>(`/api/cases/${caseA}/hearings`, {
        kind: 'deadline',
        startsAt: '2030-06-03T09:00:00+06:00',
      });
      assert.equal(add.status, 404);
      for (const u of [outsider, coordinator]) {
        const cal = await calendar(u, 'from=2030-06-01&to=2030-06-30&scope=org');
        assert.ok(!cal.items.some((i) => i.id === h.id));
      }
      // The administrator supervises unrestricted cases (org scope), but is not on the team (me scope).
      assert.ok(
        (await calendar(admin, 'from=2030-06-01&to=2030-06-30&scope=org')).items.some((i) => i.id === h.id),
      );
      assert.ok(
        !(await calendar(admin, 'from=2030-06-01&to=2030-06-30&scope=me')).items.some((i) => i.id === h.id),
      );

      // A restricted case stays with its team, even for the administrator.
      const secret = await newCase(lawyerA, { restricted: true });
      const hs = await addHearing(lawyerA, secret, {
        kind: 'hearing',
        startsAt: '2030-06-04T09:00:00+06:00',
      });
      assert.ok(
        !(await calendar(admin, 'from=2030-06-01&to=2030-06-30&scope=org')).items.some((i) => i.id === hs.id),
      );
      assert.equal((await admin.client.get(`/api/cases/${secret}/hearings`)).status, 404);
      assert.ok((await calendar(lawyerA, 'from=2030-06-01&to=2030-06-30')).items.some((i) => i.id === hs.id));

      // A grant reads the case (org scope) but does not work on it.
      await member(lawyerA, caseA, coordinator.id, 'grant');
      const asGrant = await calendar(coordinator, 'from=2030-06-01&to=2030-06-30&scope=org');
      assert.ok(asGrant.items.some((i) => i.id === h.id));
      assert.ok(
        !(await calendar(coordinator, 'from=2030-06-01&to=2030-06-30&scope=me')).items.some(
          (i) => i.id === h.id,
        ),
      );
      assert.equal((await coordinator.client.get(`/api/cases/${caseA}/hearings`)).status, 200);
      const denied = await coordinator.client.post<Err>(`/api/cases/${caseA}/hearings`, {
        kind: 'deadline',
        startsAt: '2030-06-03T09:00:00+06:00',
      });
      assert.equal(denied.status, 403);
    });

    test('reminders: a day and an hour before, once each, to the attending lawyer and the team, e-mailed', async () => {
      const startsAt = inHours(72);
      const h = await addHearing(lawyerA, caseA, {
        kind: 'hearing',
        startsAt,
        court: 'Первомайский районный суд',
        note: `Private ${NOTE_MARK}`,
      });
      const jobs = await t.ctx.db
        .selectFrom('jobs')
        .select(['payload', 'run_at'])
        .where('type', '=', 'calendar.reminder')
        .where('payload', 'like', `%${h.id}%`)
        .execute();
      assert.equal(jobs.length, 2);
      for (const j of jobs) {
        assert.deepEqual(Object.keys(JSON.parse(j.payload) as object).sort(), [
          'hearingId',
          'offset',
          'startsAt',
        ]);
        assert.ok(!j.payload.includes(NOTE_MARK) && !j.payload.includes(TITLE_MARK));
      }
      assert.deepEqual(
        jobs.map((j) => Date.parse(startsAt) - Date.parse(j.run_at)).sort((a, b) => a - b),
        [HOUR, 24 * HOUR],
      );
      const mailsBefore = smtp.messages.length;
      await runRemindersOf(h.id);
      for (const u of [lawyerA, lawyerB]) {
        const mine = (await notices(u)).items.filter(
          (n) => n.params.startsAt === new Date(startsAt).toISOString(),
        );
        assert.deepEqual(mine.map((n) => n.params.offset).sort(), ['1d', '1h'], 'one notice per reminder');
        assert.equal(mine[0]!.params.caseNumber, caseANumber);
        assert.ok(!JSON.stringify(mine).includes(TITLE_MARK));
      }
      assert.equal((await notices(outsider)).items.length, 0);
      // A job that runs again (at-least-once delivery) adds nothing.
      assert.equal(
        await runReminder(t.ctx, {
          hearingId: h.id,
          startsAt: new Date(startsAt).toISOString(),
          offset: '1h',
        }),
        0,
      );

      const mails = smtp.messages.slice(mailsBefore).map((m) => ({ to: m.to, text: decodeMail(m.data) }));
      assert.equal(mails.length, 4, 'two reminders to two people');
      const toA = mails.filter((m) => m.to.includes(lawyerA.email));
      assert.equal(toA.length, 2);
      assert.match(toA[0]!.text, new RegExp(caseANumber));
      assert.match(toA[0]!.text, /Первомайский районный суд/);
      assert.match(toA[0]!.text, /Reminder: Hearing/);
      for (const m of smtp.messages.slice(mailsBefore)) {
        for (const mark of [TITLE_MARK, NOTE_MARK, CLIENT_MARK])
          assert.ok(!decodeMail(m.data).includes(mark) && !m.data.includes(mark), `no ${mark} in e-mail`);
      }
    });

    test('a lawyer who turned reminder e-mails off still gets the notices, not the e-mails', async () => {
      const off = await lawyerB.client.patch<{ emailAlerts: { reminders: boolean } }>('/api/me', {
        emailAlerts: { reminders: false },
      });
      assert.equal(off.status, 200);
      assert.equal(off.body.emailAlerts.reminders, false);
      const startsAt = new Date(inHours(60)).toISOString();
      const h = await addHearing(lawyerA, caseA, { kind: 'deadline', startsAt });
      const mailsBefore = smtp.messages.length;
      await runRemindersOf(h.id);
      const ofB = (await notices(lawyerB)).items.filter((n) => n.params.startsAt === startsAt);
      assert.deepEqual(ofB.map((n) => n.params.offset).sort(), ['1d', '1h'], 'the bell has both');
      const mails = smtp.messages.slice(mailsBefore);
      assert.equal(mails.length, 2, 'the two reminders to lawyer A only');
      assert.ok(mails.every((m) => m.to.includes(lawyerA.email) && !m.to.includes(lawyerB.email)));
      const on = await lawyerB.client.patch('/api/me', { emailAlerts: { reminders: true } });
      assert.equal(on.status, 200);
    });

    test('moving or cancelling a hearing never fires its stale reminders', async () => {
      const oldStart = new Date(inHours(48)).toISOString();
      const newStart = new Date(inHours(96)).toISOString();
      const moved = await addHearing(lawyerA, caseA, { kind: 'deadline', startsAt: oldStart });
      const p = await lawyerA.client.patch<Saved>(`/api/hearings/${moved.id}`, { startsAt: newStart });
      assert.equal(p.status, 200);
      const cancelled = await addHearing(lawyerA, caseA, { kind: 'hearing', startsAt: inHours(30) });
      assert.equal((await lawyerA.client.post(`/api/hearings/${cancelled.id}/cancel`)).status, 200);
      const mailsBefore = smtp.messages.length;
      await runRemindersOf(moved.id);
      await runRemindersOf(cancelled.id);
      const a = (await notices(lawyerA)).items;
      const ofMoved = a.filter(
        (n) =>
          n.params.caseId === caseA && (n.params.startsAt === oldStart || n.params.startsAt === newStart),
      );
      assert.deepEqual(
        ofMoved.map((n) => n.params.startsAt),
        [newStart, newStart],
        'only the new time reminds',
      );
      assert.ok(!a.some((n) => JSON.stringify(n).includes(cancelled.id)));
      assert.equal(
        smtp.messages.length - mailsBefore,
        4,
        'e-mails only for the moved deadline (2 × 2 people)',
      );
      // A cancelled hearing cannot be changed any more.
      const again = await lawyerA.client.patch<Err>(`/api/hearings/${cancelled.id}`, { room: '1' });
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'hearing.cancelled');
      const tl = await lawyerA.client.get<{ items: { kind: string; refId: string | null }[] }>(
        `/api/cases/${caseA}/timeline`,
      );
      assert.ok(tl.body.items.some((e) => e.kind === 'hearing.moved' && e.refId === moved.id));
      assert.ok(tl.body.items.some((e) => e.kind === 'hearing.cancelled' && e.refId === cancelled.id));
    });

    test('notifications: mine only, newest first, read one, read all', async () => {
      const before = await notices(lawyerB);
      assert.ok(before.unread >= 2);
      const first = before.items[0]!;
      assert.equal((await outsider.client.post<Err>(`/api/notifications/${first.id}/read`)).status, 404);
      assert.equal((await lawyerB.client.post(`/api/notifications/${first.id}/read`)).status, 200);
      assert.equal((await notices(lawyerB)).unread, before.unread - 1);
      const all = await lawyerB.client.post<{ count: number }>('/api/notifications/read-all');
      assert.equal(all.body.count, before.unread - 1);
      const after = await notices(lawyerB);
      assert.equal(after.unread, 0);
      assert.ok(after.items.every((n) => n.readAt !== null));
      const times = after.items.map((n) => n.id);
      assert.deepEqual([...times].sort().reverse(), times, 'newest first');
    });

    test('the feed: RFC 5545, no client names, titles or notes; rotates, turns off, follows access', async () => {
      const h = await addHearing(lawyerA, caseA, {
        kind: 'hearing',
        startsAt: inHours(24 * 10),
        court:
          'Bishkek City Court, criminal chamber; building No. 2 with an extraordinarily long name to fold',
        note: `Secret ${NOTE_MARK}`,
      });
      const made = await lawyerA.client.post<{ url: string }>('/api/calendar/feed', { scope: 'me' });
      assert.equal(made.status, 200);
      const path = new URL(made.body.url).pathname;
      const anon = new Client(t.url);
      const r = await anon.get<string>(path);
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-type') ?? '', /^text\/calendar/);
      const ics = r.body;
      assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n') && ics.endsWith('END:VCALENDAR\r\n'));
      assert.ok(!/[^\r]\n/.test(ics), 'CRLF line endings only');
      for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);
      const unfolded = ics.replace(/\r\n /g, '');
      assert.match(unfolded, new RegExp(`UID:${h.id}@ukuk`));
      assert.match(unfolded, /DTSTART:\d{8}T\d{6}Z/);
      assert.match(
        unfolded,
        new RegExp(`SUMMARY:Hearing — ${caseANumber} — Bishkek City Court\\\\, criminal chamber\\\\;`),
      );
      for (const mark of [TITLE_MARK, NOTE_MARK, CLIENT_MARK])
        assert.ok(!unfolded.includes(mark), `no ${mark}`);
      // The UID is stable across fetches.
      assert.match((await anon.get<string>(path)).body.replace(/\r\n /g, ''), new RegExp(`UID:${h.id}@ukuk`));

      // Rotation: the old link dies at once; audited.
      const rotated = await lawyerA.client.post<{ url: string }>('/api/calendar/feed', { scope: 'org' });
      assert.equal((await anon.get<Err>(path)).status, 404);
      const path2 = new URL(rotated.body.url).pathname;
      assert.equal((await anon.get(path2)).status, 200);
      const audit = await admin.client.get<{ items: unknown[] }>('/api/audit?action=calendar.feed_rotate');
      assert.equal(audit.body.items.length >= 1, true);
      assert.equal((await lawyerA.client.delete('/api/calendar/feed')).status, 200);
      assert.equal((await anon.get(path2)).status, 404);
      assert.equal((await anon.get<Err>(`/api/calendar/feed/${'A'.repeat(43)}`)).status, 404);

      // The outsider's feed never shows other teams' hearings.
      const o = await outsider.client.post<{ url: string }>('/api/calendar/feed', { scope: 'org' });
      assert.ok(!(await anon.get<string>(new URL(o.body.url).pathname)).body.includes(h.id));

      // Access is decided at every fetch: removed from the team, B stops seeing it; disabled, the link dies.
      const b = await lawyerB.client.post<{ url: string }>('/api/calendar/feed', { scope: 'me' });
      const bPath = new URL(b.body.url).pathname;
      assert.ok((await anon.get<string>(bPath)).body.includes(h.id));
      assert.equal((await lawyerA.client.delete(`/api/cases/${caseA}/members/${lawyerB.id}`)).status, 200);
      assert.ok(!(await anon.get<string>(bPath)).body.includes(h.id));
      assert.equal(
        (await admin.client.patch(`/api/users/${lawyerB.id}`, { status: 'disabled' })).status,
        200,
      );
      assert.equal((await anon.get(bPath)).status, 404);
    });

    test('bad input answers 400 with a translated message and changes nothing', async () => {
      const count = async () =>
        (await lawyerA.client.get<{ items: unknown[] }>(`/api/cases/${caseA}/hearings`)).body.items.length;
      const n = await count();
      // The profile's language wins over Accept-Language.
      await lawyerA.client.patch('/api/me', { locale: 'ru' });
      const malformed = await lawyerA.client.post<Err>(`/api/cases/${caseA}/hearings`, {
        kind: 'hearing',
        startsAt: '2030-02-30T10:00:00+06:00',
      });
      assert.equal(malformed.status, 400);
      assert.equal(malformed.body.error.code, 'validation.failed');
      assert.equal(malformed.body.error.fields![0]!.path, 'startsAt');
      assert.match(malformed.body.error.message, /[а-я]/);
      const backwards = await lawyerA.client.post<Err>(`/api/cases/${caseA}/hearings`, {
        kind: 'hearing',
        startsAt: '2030-02-20T10:00:00+06:00',
        endsAt: '2030-02-20T09:00:00+06:00',
      });
      assert.equal(backwards.status, 400);
      assert.deepEqual(
        backwards.body.error.fields!.map((f) => [f.path, f.code]),
        [['endsAt', 'end_before_start']],
      );
      assert.match(backwards.body.error.fields![0]!.message, /позже начала/);
      const stranger = await lawyerA.client.post<Err>(`/api/cases/${caseA}/hearings`, {
        kind: 'hearing',
        startsAt: '2030-02-20T10:00:00+06:00',
        lawyerId: outsider.id,
      });
      assert.equal(stranger.status, 400);
      assert.equal(stranger.body.error.fields![0]!.path, 'lawyerId');
      const extra = await lawyerA.client.post<Err>(`/api/cases/${caseA}/hearings`, {
        kind: 'hearing',
        startsAt: '2030-02-20T10:00:00+06:00',
        clientName: 'x',
      });
      assert.equal(extra.status, 400);
      await lawyerA.client.patch('/api/me', { locale: 'en' });
      assert.equal(await count(), n, 'nothing was added');

      for (const q of [
        'from=2030-13-01&to=2030-12-31',
        'from=2030-01-01',
        'from=2030-02-01&to=2030-01-01',
        'from=2030-01-01&to=2030-06-01',
      ]) {
        const r = await lawyerA.client.get<Err>(`/api/calendar?${q}`);
        assert.equal(r.status, 400, q);
        assert.ok(['validation.failed', 'calendar.range_invalid'].includes(r.body.error.code), q);
      }
      assert.equal(
        (await lawyerA.client.get(`/api/calendar?from=2030-01-01&to=2030-04-10`)).status,
        200,
        '100 days',
      );
    });
  });
}
