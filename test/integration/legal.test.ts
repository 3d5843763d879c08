import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

type Err = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };
type Match = {
  id: string;
  score: number;
  reason: string;
  reasons: string[];
  visible: boolean;
  name: string | null;
  roles: string[];
  conflict: boolean;
};

for (const backend of await backends()) {
  describe(`legal aid: people and cases (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let lawyer: TestUser;
    let other: TestUser;
    let viewer: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      lawyer = await addUser(t, admin, 'lawyer');
      other = await addUser(t, admin, 'lawyer');
      viewer = await addUser(t, admin, 'viewer');
    });
    after(async () => t.close());

    async function person(u: TestUser, full: string, extra: Record<string, unknown> = {}): Promise<string> {
      const r = await u.client.post<{ id: string }>('/api/people', { names: [{ full }], ...extra });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    }
    async function newCase(u: TestUser, body: Record<string, unknown>): Promise<string> {
      const r = await u.client.post<{ id: string }>('/api/cases', {
        type: 'criminal_defence',
        title: 'Дело',
        ...body,
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return r.body.id;
    }

    test('a person is created with only names and read back as entered', async () => {
      const r = await lawyer.client.post<{ id: string }>('/api/people', {
        names: [
          { full: 'Айгүл Исмаилова', script: 'cyrl' },
          { full: 'Aigul Ismailova', script: 'latn' },
        ],
      });
      assert.equal(r.status, 201);
      const p = await lawyer.client.get<{
        names: { full: string; script: string }[];
        sex: string;
        contactsHidden: boolean;
      }>(`/api/people/${r.body.id}`);
      assert.deepEqual(p.body.names, [
        { full: 'Айгүл Исмаилова', script: 'cyrl' },
        { full: 'Aigul Ismailova', script: 'latn' },
      ]);
      assert.equal(p.body.sex, 'unknown');
      assert.equal(p.body.contactsHidden, false);
    });

    test('the match finds spellings across scripts, best first, with a reason', async () => {
      const id = await person(lawyer, 'Өмүрбек Азимжанов', { region: 'KG-O' });
      for (const q of ['Omurbek Azimjanov', 'Ömürbek Azimzhanov', 'Азимжанов Өмүрбек', 'Азимжанов О.']) {
        const r = await lawyer.client.post<{ matches: Match[] }>('/api/people/match', { name: q });
        assert.equal(r.status, 200);
        const m = r.body.matches.find((x) => x.id === id);
        assert.ok(m, `${q} finds the person`);
        assert.ok(m.score > 0 && m.score <= 1);
        assert.ok(m.reason.length > 0);
        assert.equal(m.visible, true);
      }
    });

    test('a conflict shows even when the matched person is in a case the user cannot see', async () => {
      const opp = await person(other, 'Бакыт Токтогулов');
      await newCase(other, { people: [{ personId: opp, role: 'opposing_party' }], restricted: true });
      const r = await lawyer.client.post<{ matches: Match[] }>('/api/people/match', {
        name: 'Bakyt Toktogulov',
        forRole: 'client',
      });
      const m = r.body.matches.find((x) => x.id === opp)!;
      assert.ok(m, 'found');
      assert.equal(m.visible, false);
      assert.equal(m.name, null, 'no name of a hidden person');
      assert.deepEqual(m.roles, ['opposing_party']);
      assert.equal(m.conflict, true);
      const hidden = await lawyer.client.get<Err>(`/api/people/${opp}`);
      assert.equal(hidden.status, 404);
      assert.equal(hidden.body.error.code, 'person.not_found');
    });

    test('need-to-know: outsiders get 404 for the case and its parts, and do not see it in lists', async () => {
      const client = await person(lawyer, 'Нурлан Бакыт уулу');
      const id = await newCase(lawyer, { people: [{ personId: client, role: 'client' }], region: 'KG-C' });
      assert.equal((await lawyer.client.post(`/api/cases/${id}/notes`, { body: 'секрет' })).status, 201);
      for (const path of ['', '/notes', '/tasks', '/time', '/timeline']) {
        const r = await other.client.get<Err>(`/api/cases/${id}${path}`);
        assert.equal(r.status, 404, path);
        assert.equal(r.body.error.code, 'case.not_found');
      }
      assert.equal((await other.client.get(`/api/people/${client}`)).status, 404);
      const list = await other.client.get<{ items: { id: string }[] }>('/api/cases');
      assert.ok(!list.body.items.some((c) => c.id === id));
      const missing = await other.client.get<Err>(`/api/cases/${crypto.randomUUID()}`);
      assert.deepEqual((await other.client.get<Err>(`/api/cases/${id}`)).body, missing.body);
      // A grant opens it read-only.
      const g = await lawyer.client.post(`/api/cases/${id}/members`, { userId: other.id, role: 'grant' });
      assert.equal(g.status, 200);
      assert.equal((await other.client.get(`/api/cases/${id}`)).status, 200);
      assert.equal((await other.client.post<Err>(`/api/cases/${id}/notes`, { body: 'x' })).status, 403);
      const p = await other.client.get<{ contactsHidden: boolean }>(`/api/people/${client}`);
      assert.equal(p.status, 200);
      assert.equal(p.body.contactsHidden, true, 'a grant does not see contacts');
      // Admin sees unrestricted cases, not restricted ones.
      assert.equal((await admin.client.get(`/api/cases/${id}`)).status, 200);
      const r = await newCase(lawyer, { restricted: true });
      assert.equal((await admin.client.get(`/api/cases/${r}`)).status, 404);
      assert.equal((await viewer.client.get(`/api/cases/${id}`)).status, 403);
    });

    test('bad input: unknown vocabulary code, malformed date, bad district → translated error, nothing stored', async () => {
      const before = await lawyer.client.get<{ total: number }>('/api/cases');
      const a = await lawyer.client.post<Err>('/api/cases', { type: 'nonsense', title: 'x' });
      assert.equal(a.status, 400);
      assert.equal(a.body.error.code, 'vocab.unknown_code');
      assert.equal(a.body.error.fields?.[0]?.path, 'type');
      const b = await lawyer.client.post<Err>('/api/cases', {
        type: 'civil',
        title: 'x',
        openedOn: '2026-02-31x',
      });
      assert.equal(b.status, 400);
      const c = await lawyer.client.post<Err>('/api/cases', {
        type: 'civil',
        title: 'x',
        region: 'KG-C',
        district: '1',
      });
      assert.equal(c.body.error.code, 'geo.unknown_region');
      const d = await lawyer.client.post<Err>('/api/people', {
        names: [{ full: 'X' }],
        birthDate: '1990-13-01',
      });
      assert.equal(d.status, 400);
      assert.ok(d.body.error.fields?.[0]?.message);
      const after2 = await lawyer.client.get<{ total: number }>('/api/cases');
      assert.equal(after2.body.total, before.body.total);
    });

    test('work on a case: note, task, time, close with outcome, reopen; timeline records it all', async () => {
      const id = await newCase(lawyer, { type: 'victim_representation', problemCodes: ['torture'] });
      await lawyer.client.post(`/api/cases/${id}/notes`, { body: 'Встреча с клиентом' });
      const task = await lawyer.client.post<{ id: string }>(`/api/cases/${id}/tasks`, {
        title: 'Жалоба',
        dueOn: '2026-12-01',
      });
      assert.equal(
        (await lawyer.client.patch(`/api/cases/${id}/tasks/${task.body.id}`, { done: true })).status,
        200,
      );
      assert.equal(
        (
          await lawyer.client.post(`/api/cases/${id}/time`, {
            workedOn: '2026-01-10',
            minutes: 90,
            activity: 'court',
            funder: 'OSF',
          })
        ).status,
        201,
      );
      const bad = await lawyer.client.post<Err>(`/api/cases/${id}/close`, {
        closingCode: 'victim.compensation',
        outcomeSummary: '',
      });
      assert.equal(bad.status, 400);
      const closed = await lawyer.client.post<{ status: string; canEdit: boolean }>(
        `/api/cases/${id}/close`,
        {
          closingCode: 'victim.compensation',
          outcomeSummary: 'Получена компенсация',
        },
      );
      assert.equal(closed.body.status, 'closed');
      assert.equal(closed.body.canEdit, false);
      assert.equal((await lawyer.client.post<Err>(`/api/cases/${id}/notes`, { body: 'x' })).status, 201);
      const re = await lawyer.client.post<{ status: string }>(`/api/cases/${id}/reopen`, {
        reason: 'Новые обстоятельства',
      });
      assert.equal(re.body.status, 'open');
      const tl = await lawyer.client.get<{ items: { kind: string }[] }>(`/api/cases/${id}/timeline`);
      const kinds = tl.body.items.map((i) => i.kind);
      for (const k of [
        'case.created',
        'note.added',
        'task.added',
        'task.done',
        'time.added',
        'case.closed',
        'case.reopened',
      ])
        assert.ok(kinds.includes(k), k);
    });

    test('statistics count people once across cases, and victims as a subset', async () => {
      const year = 2019;
      const p1 = await person(lawyer, 'Stat Person One', { sex: 'female', vulnerabilities: ['woman'] });
      const p2 = await person(lawyer, 'Stat Person Two', { sex: 'male' });
      await newCase(lawyer, { openedOn: `${year}-02-01`, people: [{ personId: p1, role: 'client' }] });
      await newCase(lawyer, { openedOn: `${year}-03-01`, people: [{ personId: p1, role: 'client' }] });
      await newCase(lawyer, {
        type: 'victim_representation',
        openedOn: `${year}-04-01`,
        people: [{ personId: p2, role: 'client' }],
      });
      const s = await admin.client.get<{
        people: number;
        victims: number;
        cases: number;
        bySex: { value: string; people: number }[];
      }>(`/api/cases/stats?year=${year}`);
      assert.equal(s.status, 200);
      assert.equal(s.body.people, 2);
      assert.equal(s.body.victims, 1);
      assert.equal(s.body.cases, 3);
      assert.deepEqual(
        s.body.bySex.find((x) => x.value === 'female'),
        { value: 'female', people: 1 },
      );
      assert.equal((await lawyer.client.get('/api/cases/stats?year=19')).status, 400);
    });

    test('merging two duplicates keeps both histories', async () => {
      const a = await person(lawyer, 'Азамат Исаков');
      const b = await person(lawyer, 'Azamat Isakov');
      const c = await newCase(lawyer, { people: [{ personId: b, role: 'client' }] });
      const noReauth = await lawyer.client.post<Err>(`/api/people/${a}/merge`, { otherId: b });
      assert.equal(noReauth.body.error.code, 'auth.reauth_required');
      await lawyer.client.reauth(lawyer.password, lawyer.totpSecret);
      const m = await lawyer.client.post<{ aliases: string[]; roles: { caseId: string }[] }>(
        `/api/people/${a}/merge`,
        { otherId: b },
      );
      assert.equal(m.status, 200, JSON.stringify(m.body));
      assert.ok(m.body.aliases.includes('Azamat Isakov'));
      assert.ok(m.body.roles.some((r) => r.caseId === c));
      const old = await lawyer.client.get<{ mergedInto: string }>(`/api/people/${b}`);
      assert.equal(old.body.mergedInto, a);
      const audit = await admin.client.get<{ items: unknown[] }>(
        `/api/audit?entityId=${b}&action=person.merge`,
      );
      assert.equal(audit.body.items.length, 1);
    });

    test('intake: staged, eligibility by rules and override with reason, conflict check, decisions', async () => {
      const rules = await admin.client.put('/api/settings/eligibility', {
        incomePerPersonMax: 5000,
        assetsMax: 100000,
        alwaysEligible: ['detainee', 'torture'],
      });
      assert.equal(rules.status, 200);
      assert.equal(
        (
          await lawyer.client.put('/api/settings/eligibility', {
            incomePerPersonMax: 1,
            assetsMax: 1,
            alwaysEligible: [],
          })
        ).status,
        403,
      );
      const opp = await person(lawyer, 'Эркин Жумабаев');
      await newCase(lawyer, { people: [{ personId: opp, role: 'opposing_party' }] });
      const applicant = await person(lawyer, 'Erkin Jumabaev');
      const created = await lawyer.client.post<{ id: string }>('/api/intakes', { personId: applicant });
      assert.equal(created.status, 201);
      const id = created.body.id;
      type Intake = {
        eligible: boolean | null;
        eligibilityBasis: string;
        conflicts: { personId: string; conflict: boolean }[] | null;
        caseId: string | null;
        status: string;
        overrideReason: string | null;
      };
      const fresh = await lawyer.client.get<Intake>(`/api/intakes/${id}`);
      assert.equal(fresh.body.eligible, null, 'nothing pre-filled');
      assert.equal(fresh.body.eligibilityBasis, 'unknown');
      const early = await lawyer.client.post<Err>(`/api/intakes/${id}/decision`, { decision: 'accept' });
      assert.equal(early.body.error.code, 'intake.incomplete');
      let r = await lawyer.client.patch<Intake>(`/api/intakes/${id}`, {
        caseType: 'civil',
        urgency: 'high',
        problemCodes: ['labour'],
        description: 'Уволили без оплаты',
        eligibility: { householdIncome: 30000, householdSize: 3, assets: 0 },
      });
      assert.equal(r.body.eligible, false);
      assert.equal(r.body.eligibilityBasis, 'not_eligible');
      const noReason = await lawyer.client.patch<Err>(`/api/intakes/${id}`, {
        override: { eligible: true, reason: '' },
      });
      assert.equal(noReason.status, 400);
      r = await lawyer.client.patch<Intake>(`/api/intakes/${id}`, {
        override: { eligible: true, reason: 'Долги семьи' },
      });
      assert.equal(r.body.eligible, true);
      assert.equal(r.body.eligibilityBasis, 'override');
      assert.equal(r.body.overrideReason, 'Долги семьи');
      r = await lawyer.client.patch<Intake>(`/api/intakes/${id}`, {
        problemCodes: ['torture'],
        override: null,
      });
      assert.equal(r.body.eligibilityBasis, 'category');
      const checked = await lawyer.client.post<Intake>(`/api/intakes/${id}/conflict-check`);
      const hit = checked.body.conflicts?.find((c) => c.personId === opp);
      assert.ok(hit, 'the opposing party is found across scripts');
      assert.equal(hit.conflict, true);
      const refer = await lawyer.client.post<Err>(`/api/intakes/${id}/decision`, {
        decision: 'refer',
        reason: 'conflict',
      });
      assert.equal(refer.status, 400, 'refer needs to whom');
      const ok = await lawyer.client.post<Intake>(`/api/intakes/${id}/decision`, { decision: 'accept' });
      assert.equal(ok.status, 200);
      assert.equal(ok.body.status, 'decided');
      assert.ok(ok.body.caseId);
      const c = await lawyer.client.get<{ people: { personId: string; role: string }[]; summary: string }>(
        `/api/cases/${ok.body.caseId}`,
      );
      assert.deepEqual(
        c.body.people.map((p) => [p.personId, p.role]),
        [[applicant, 'client']],
      );
      assert.equal(c.body.summary, 'Уволили без оплаты');
      const again = await lawyer.client.post<Err>(`/api/intakes/${id}/decision`, {
        decision: 'reject',
        reason: 'x',
      });
      assert.equal(again.body.error.code, 'intake.decided');
      assert.equal(
        (await other.client.get(`/api/intakes/${id}`)).status,
        404,
        "another lawyer's intake is hidden",
      );
    });

    test('case search: words of the title and the case number, only among visible cases; rebuilt after a restore', async () => {
      const id = await newCase(lawyer, {
        title: 'Жалоба на Кочкорский РОВД',
        court: 'Нарынский областной суд',
      });
      const c = await lawyer.client.get<{ number: string }>(`/api/cases/${id}`);
      type L = { items: { id: string }[]; total: number };
      const byWord = await lawyer.client.get<L>(`/api/cases?q=${encodeURIComponent('кочкорский')}`);
      assert.deepEqual(
        byWord.body.items.map((i) => i.id),
        [id],
      );
      const byNumber = await lawyer.client.get<L>(`/api/cases?q=${encodeURIComponent(c.body.number)}`);
      assert.ok(byNumber.body.items.some((i) => i.id === id));
      const outsider = await other.client.get<L>(`/api/cases?q=${encodeURIComponent('кочкорский')}`);
      assert.equal(outsider.body.total, 0, 'not found by someone outside the case');
      // The index is derived data: wiped (as after a restore) and rebuilt by the job.
      await t.ctx.db.deleteFrom('search_docs').execute();
      assert.equal(
        (await lawyer.client.get<L>(`/api/cases?q=${encodeURIComponent('кочкорский')}`)).body.total,
        0,
      );
      const { reindexCases } = await import('../../src/server/modules/cases/cases.search.ts');
      assert.ok((await reindexCases(t.ctx)) > 0);
      assert.deepEqual(
        (await lawyer.client.get<L>(`/api/cases?q=${encodeURIComponent('нарынский')}`)).body.items.map(
          (i) => i.id,
        ),
        [id],
      );
    });

    test('name keys are rebuilt when the spelling rules change (people.rekey)', async () => {
      const id = await person(lawyer, 'Жыргал Абдыкадырова');
      await t.ctx.db.deleteFrom('person_keys').where('person_id', '=', id).execute();
      const lost = await lawyer.client.post<{ matches: Match[] }>('/api/people/match', {
        name: 'Jyrgal Abdykadyrova',
      });
      assert.ok(!lost.body.matches.some((m) => m.id === id), 'without keys the person cannot be found');
      const { rekeyPeople } = await import('../../src/server/modules/people/people.jobs.ts');
      assert.ok((await rekeyPeople(t.ctx)) > 0);
      const found = await lawyer.client.post<{ matches: Match[] }>('/api/people/match', {
        name: 'Jyrgal Abdykadyrova',
      });
      assert.ok(found.body.matches.some((m) => m.id === id));
    });
  });
}
