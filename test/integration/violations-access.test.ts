import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { ensureVioTerms, VC } from '../helpers/violations.ts';

type Err = { error: { code: string; fields?: { path: string }[] } };
type Ref = { id: string; name: string | null };
type Ev = {
  id: string;
  number: string;
  restricted: boolean;
  canEdit: boolean;
  myRole: string | null;
  acts: {
    id: string;
    victim: Ref;
    involvements: { id: string; perpetrator: Ref; remarks: string | null }[];
    cases: { id: string; number: string }[];
  }[];
  information: { id: string; source: Ref | null; remarks: string | null }[];
  interventions: { id: string; party: Ref | null; remarks: string | null }[];
  chain: { id: string; direction: string; eventId: string; type: string }[];
  members: { userId: string; role: string }[];
  cases: { id: string; number: string }[];
};
type List = {
  items: { id: string }[];
  total: number;
  facets: Record<'region' | 'violationStatus' | 'actType', { code: string; count: number }[]>;
};
type Roles = { items: { eventId: string; role: string; actId: string | null }[] };

for (const backend of await backends()) {
  describe(`violations: need-to-know, parts, members, people (${backend})`, () => {
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
    async function created(p: Promise<{ status: number; body: unknown }>): Promise<string> {
      const r = await p;
      assert.equal(r.status, 201, JSON.stringify(r.body));
      return (r.body as { id: string }).id;
    }
    const ev = (u: TestUser, id: string) => u.client.get<Ev>(`/api/violations/events/${id}`);

    test('a restricted event is invisible to non-members, even an administrator', async () => {
      const victim = await person(doc, 'Жаңыл Сыдыкова');
      const id = await created(
        doc.client.post('/api/violations/events', {
          title: 'Жашыруун кармоо зынданы',
          region: 'KG-Y',
          violationStatus: VC.second,
          restricted: true,
        }),
      );
      const actId = await created(
        doc.client.post(`/api/violations/events/${id}/acts`, { victimId: victim, actType: VC.actC }),
      );
      const open = await created(
        doc.client.post('/api/violations/events', { title: 'Ачык окуя', region: 'KG-Y' }),
      );
      for (const u of [doc2, admin, lawyer]) {
        const missing = await u.client.get<Err>(`/api/violations/events/${crypto.randomUUID()}`);
        const g = await u.client.get<Err>(`/api/violations/events/${id}`);
        assert.equal(g.status, 404);
        assert.deepEqual(g.body, missing.body);
        if (u !== lawyer) {
          assert.equal(
            (await u.client.patch<Err>(`/api/violations/events/${id}`, { title: 'x' })).status,
            404,
          );
          const a = await u.client.post<Err>(`/api/violations/events/${id}/acts`, {
            victimId: victim,
            actType: VC.actA,
          });
          assert.equal(a.status, 404);
          assert.equal(
            (await u.client.patch<Err>(`/api/violations/acts/${actId}`, { actType: VC.actA })).status,
            404,
          );
          assert.equal((await u.client.delete<Err>(`/api/violations/acts/${actId}`)).status, 404);
        }
        const list = await u.client.get<List>('/api/violations/events?region=KG-Y');
        assert.equal(list.status, 200);
        assert.ok(!list.body.items.some((x) => x.id === id));
        assert.ok(list.body.items.some((x) => x.id === open));
        assert.equal(list.body.total, 1);
        assert.deepEqual(list.body.facets.region.find((f) => f.code === 'KG-Y')?.count, 1);
        assert.ok(!list.body.facets.violationStatus.some((f) => f.code === VC.second));
        assert.ok(!list.body.facets.actType.some((f) => f.code === VC.actC));
        const found = await u.client.get<List>(`/api/violations/events?q=${encodeURIComponent('зынданы')}`);
        assert.equal(found.body.items.length, 0);
        // Nor does the victim become visible through the hidden event — not even in an administrator's
        // wide view of the registry (people.access.ts leaves out people of restricted records).
        const roles = await u.client.get<Roles>(`/api/people/${victim}/violations`);
        assert.equal(roles.status, 404);
        assert.equal((await u.client.get<Err>(`/api/people/${victim}`)).status, 404);
        const people = await u.client.get<{ items: { id: string }[] }>(
          `/api/people?q=${encodeURIComponent('Сыдыкова')}`,
        );
        assert.equal(people.status, 200);
        assert.ok(!people.body.items.some((x) => x.id === victim));
      }
      // The member finds it in the list, the facets and the search.
      const mine = await doc.client.get<List>(`/api/violations/events?q=${encodeURIComponent('зынданы')}`);
      assert.deepEqual(
        mine.body.items.map((x) => x.id),
        [id],
      );
      const facets = await doc.client.get<List>('/api/violations/events?region=KG-Y');
      assert.equal(facets.body.total, 2);
      assert.equal(facets.body.facets.actType.find((f) => f.code === VC.actC)?.count, 1);
      // A read-only grant opens it, but edits nothing; only the lead manages members.
      const g = await doc.client.put<Ev>(`/api/violations/events/${id}/members`, {
        userId: doc2.id,
        role: 'grant',
      });
      assert.equal(g.status, 200, JSON.stringify(g.body));
      const seen = await ev(doc2, id);
      assert.equal(seen.status, 200);
      assert.equal(seen.body.canEdit, false);
      assert.equal(
        seen.body.acts[0]!.victim.name,
        'Жаңыл Сыдыкова',
        'the victim is visible through the event',
      );
      assert.equal(
        (await doc2.client.patch<Err>(`/api/violations/events/${id}`, { title: 'x' })).status,
        403,
      );
      const m = await doc2.client.put<Err>(`/api/violations/events/${id}/members`, {
        userId: admin.id,
        role: 'member',
      });
      assert.equal(m.status, 403);
      assert.equal((await doc2.client.get<Roles>(`/api/people/${victim}/violations`)).body.items.length, 1);
      // The administrator cannot lift the restriction of an event they are not on.
      assert.equal(
        (await admin.client.patch(`/api/violations/events/${id}`, { restricted: false })).status,
        404,
      );
    });

    test('members: the lead manages them, an event keeps a lead, the restriction is the lead’s', async () => {
      const id = await created(doc.client.post('/api/violations/events', { title: 'Мүчөлөр' }));
      const demote = await doc.client.put<Err>(`/api/violations/events/${id}/members`, {
        userId: doc.id,
        role: 'member',
      });
      assert.equal(demote.status, 409);
      assert.equal(demote.body.error.code, 'violation.lead_required');
      assert.equal(
        (await doc.client.delete<Err>(`/api/violations/events/${id}/members/${doc.id}`)).status,
        409,
      );
      const bad = await doc.client.put<Err>(`/api/violations/events/${id}/members`, {
        userId: crypto.randomUUID(),
        role: 'member',
      });
      assert.equal(bad.body.error.code, 'violation.member_invalid');
      assert.equal(
        (await doc.client.put(`/api/violations/events/${id}/members`, { userId: doc2.id, role: 'member' }))
          .status,
        200,
      );
      // A member edits but may not restrict; the lead may.
      assert.equal((await doc2.client.patch(`/api/violations/events/${id}`, { title: 'Жаңы' })).status, 200);
      assert.equal(
        (await doc2.client.patch(`/api/violations/events/${id}`, { restricted: true })).status,
        403,
      );
      assert.equal(
        (await doc.client.patch<Ev>(`/api/violations/events/${id}`, { restricted: true })).body.restricted,
        true,
      );
      // Hand over the lead, then the old lead can step down.
      assert.equal(
        (await doc.client.put(`/api/violations/events/${id}/members`, { userId: doc2.id, role: 'lead' }))
          .status,
        200,
      );
      const r = await doc.client.delete<{ left: boolean }>(`/api/violations/events/${id}/members/${doc.id}`);
      assert.equal(r.status, 200);
      assert.deepEqual(r.body, { left: true });
      assert.equal((await ev(doc, id)).status, 404, 'no longer a member of a restricted event');
      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', id)
        .execute();
      const actions = audit.map((a) => a.action);
      for (const a of ['violation.member_set', 'violation.member_remove', 'violation.event_update_access'])
        assert.ok(actions.includes(a), a);
    });

    test('parts: involvements, information, interventions, chain; people roles and merge', async () => {
      const victim = await person(doc, 'Эрлан Жумабаев');
      const perp = await person(doc, 'Милиционер Б.');
      const source = await person(doc, 'Күбө Гүлнара');
      const party = await person(doc, 'Омбудсмен');
      const id = await created(doc.client.post('/api/violations/events', { title: 'Тинтүү' }));
      const other = await created(doc.client.post('/api/violations/events', { title: 'Камакка алуу' }));
      const actId = await created(
        doc.client.post(`/api/violations/events/${id}/acts`, { victimId: victim, actType: VC.actA }),
      );
      const invId = await created(
        doc.client.post(`/api/violations/acts/${actId}/involvements`, {
          perpetratorId: perp,
          degree: VC.sub,
          perpetratorType: VC.top,
          status: VC.top,
          remarks: 'буйрук берген',
        }),
      );
      const infoId = await created(
        doc.client.post(`/api/violations/events/${id}/information`, {
          sourceId: source,
          connection: VC.sub,
          reliability: VC.top,
          receivedOn: '2025-04-02',
          remarks: 'телефон аркылуу',
        }),
      );
      await created(
        doc.client.post(`/api/violations/events/${id}/interventions`, {
          partyId: party,
          victimId: victim,
          type: VC.sub,
          response: VC.sub,
          impact: VC.second,
          status: VC.top,
          remarks: 'кат жөнөтүлдү',
        }),
      );
      const chainId = await created(
        doc.client.post(`/api/violations/events/${id}/chain`, { toEventId: other, type: VC.top }),
      );
      const self = await doc.client.post<Err>(`/api/violations/events/${id}/chain`, {
        toEventId: id,
        type: VC.top,
      });
      assert.equal(self.body.error.code, 'violation.chain_self');
      const badDegree = await doc.client.post<Err>(`/api/violations/acts/${actId}/involvements`, {
        perpetratorId: perp,
        degree: '999',
      });
      assert.equal(badDegree.body.error.code, 'vocab.unknown_code');
      const e = (await ev(doc, id)).body;
      assert.equal(e.acts[0]!.involvements[0]!.perpetrator.name, 'Милиционер Б.');
      assert.equal(e.acts[0]!.involvements[0]!.remarks, 'буйрук берген');
      assert.equal(e.information[0]!.source?.name, 'Күбө Гүлнара');
      assert.equal(e.interventions[0]!.remarks, 'кат жөнөтүлдү');
      assert.deepEqual(
        e.chain.map((c) => [c.direction, c.eventId]),
        [['to', other]],
      );
      assert.deepEqual(
        (await ev(doc, other)).body.chain.map((c) => [c.direction, c.eventId]),
        [['from', id]],
        'shown from both sides',
      );
      // People: visible to another documenter through the (unrestricted) event, roles listed.
      const p = await doc2.client.get(`/api/people/${perp}`);
      assert.equal(p.status, 200);
      const roles = await doc2.client.get<Roles>(`/api/people/${perp}/violations`);
      assert.deepEqual(
        roles.body.items.map((r) => [r.eventId, r.role, r.actId]),
        [[id, 'perpetrator', actId]],
      );
      assert.equal((await doc2.client.get(`/api/people/${crypto.randomUUID()}/violations`)).status, 404);
      // Merge: the duplicate's roles move to the survivor.
      const dup = await person(doc, 'Эрлан Жумабаев (2)');
      const act2 = await created(
        doc.client.post(`/api/violations/events/${other}/acts`, { victimId: dup, actType: VC.actB }),
      );
      await doc.client.reauth(doc.password, doc.totpSecret);
      const merged = await doc.client.post(`/api/people/${victim}/merge`, { otherId: dup });
      assert.equal(merged.status, 200, JSON.stringify(merged.body));
      const vr = await doc.client.get<Roles>(`/api/people/${victim}/violations`);
      assert.deepEqual(
        vr.body.items
          .filter((r) => r.role === 'victim')
          .map((r) => r.actId)
          .sort(),
        [actId, act2].sort(),
      );
      assert.equal((await doc.client.get<Roles>(`/api/people/${dup}/violations`)).body.items.length, 0);
      // Deleting parts needs edit rights and is audited.
      assert.equal((await lawyer.client.delete(`/api/violations/involvements/${invId}`)).status, 403);
      for (const path of [`involvements/${invId}`, `information/${infoId}`, `chain/${chainId}`]) {
        const d = await doc.client.delete<Ev>(`/api/violations/${path}`);
        assert.equal(d.status, 200, path);
      }
      const after = (await ev(doc, id)).body;
      assert.equal(after.acts[0]!.involvements.length, 0);
      assert.equal(after.information.length, 0);
      assert.equal(after.chain.length, 0);
      assert.equal((await doc.client.delete<Err>(`/api/violations/chain/${chainId}`)).status, 404);
    });

    test('links to cases: both sides check visibility; the event shows only visible cases', async () => {
      const victim = await person(doc, 'Азамат Керимов');
      const id = await created(doc.client.post('/api/violations/events', { title: 'Сот' }));
      const actId = await created(
        doc.client.post(`/api/violations/events/${id}/acts`, { victimId: victim, actType: VC.actA }),
      );
      const hidden = await created(
        doc.client.post('/api/violations/events', { title: 'Жабык', restricted: true }),
      );
      const caseId = await created(
        lawyer.client.post('/api/cases', { type: 'criminal_defence', title: 'Иш' }),
      );
      const bad = await lawyer.client.post<Err>(`/api/cases/${caseId}/links`, {
        kind: 'violation_event',
        targetId: hidden,
      });
      assert.equal(bad.status, 404);
      assert.equal(bad.body.error.code, 'violation.not_found');
      const missingAct = await lawyer.client.post<Err>(`/api/cases/${caseId}/links`, {
        kind: 'violation_act',
        targetId: crypto.randomUUID(),
      });
      assert.equal(missingAct.status, 404);
      const ok = await lawyer.client.post(`/api/cases/${caseId}/links`, {
        kind: 'violation_event',
        targetId: id,
      });
      assert.equal(ok.status, 200);
      // From the violation side: the lawyer on the case links the act; a documenter cannot.
      const l = await lawyer.client.post<Ev>(`/api/violations/acts/${actId}/cases`, { caseId });
      assert.equal(l.status, 200, JSON.stringify(l.body));
      assert.equal(l.body.acts[0]!.cases[0]!.id, caseId);
      assert.equal(l.body.cases[0]!.id, caseId);
      assert.equal((await doc.client.post(`/api/violations/acts/${actId}/cases`, { caseId })).status, 403);
      // The documenter (not on the case) sees the event without the case.
      const seen = (await ev(doc, id)).body;
      assert.deepEqual(seen.cases, []);
      assert.deepEqual(seen.acts[0]!.cases, []);
      const u = await lawyer.client.delete<Ev>(`/api/violations/acts/${actId}/cases/${caseId}`);
      assert.equal(u.status, 200);
      assert.deepEqual(u.body.acts[0]!.cases, []);
    });
  });
}
