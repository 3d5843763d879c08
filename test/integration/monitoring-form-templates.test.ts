import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FormDefinition } from '../../src/core/forms/types.ts';
import { formsRepo, storedDefinition } from '../../src/server/modules/monitoring/forms.repo.ts';
import {
  shippedTemplate,
  templateFormId,
  type TemplateKey,
} from '../../src/server/modules/monitoring/forms.templates.ts';
import * as m0029 from '../../src/server/platform/db/migrations/20261202_0029_form_template_hash.ts';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

type Err = { error: { code: string; message: string } };
type Detail = {
  id: string;
  templateUpdate: boolean;
  versions: { id: string; version: number; status: string }[];
  draft: { id: string; version: number; definition: FormDefinition } | null;
  published: { id: string; version: number; definition: FormDefinition } | null;
};
type Ref = { versionId: string; version: number };

/** The shipped definition as an earlier release shipped it: no "If other, please specify" questions. */
function olderRelease(key: TemplateKey): FormDefinition {
  const def = structuredClone(shippedTemplate(key)!.definition);
  for (const s of def.sections) {
    s.fields = s.fields.filter((f) => !f.key.endsWith('_other'));
    for (const f of s.fields) if (f.fields) f.fields = f.fields.filter((c) => !c.key.endsWith('_other'));
  }
  return def;
}

for (const backend of await backends()) {
  describe(`monitoring form templates: the newer shipped one is offered (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let coord: TestUser;
    let monitor: TestUser;
    let lawyer: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t, 'en');
      coord = await addUser(t, admin, 'coordinator');
      monitor = await addUser(t, admin, 'monitor');
      lawyer = await addUser(t, admin, 'lawyer');
    });
    after(async () => t.close());

    /** An installation that imported `key` from an earlier release: its version 1 is the older file. */
    async function importedEarlier(key: TemplateKey): Promise<string> {
      const id = (await templateFormId(t.ctx.db, key))!;
      const older = storedDefinition(olderRelease(key));
      assert.notEqual(older.definition_hash, shippedTemplate(key)!.hash, 'the older file differs');
      await t.ctx.db
        .updateTable('form_versions')
        .set(older)
        .where('form_id', '=', id)
        .where('version', '=', 1)
        .execute();
      await t.ctx.db
        .updateTable('forms')
        .set({ template_hash: older.definition_hash })
        .where('id', '=', id)
        .execute();
      return id;
    }
    const detail = async (id: string, who = admin) =>
      (await who.client.get<Detail>(`/api/monitoring/forms/${id}`)).body;
    const listed = async (id: string) =>
      (
        await admin.client.get<{ items: { id: string; templateUpdate: boolean }[] }>('/api/monitoring/forms')
      ).body.items.find((i) => i.id === id)!.templateUpdate;
    const actions = async (id: string) =>
      (
        await t.ctx.db
          .selectFrom('audit_log')
          .select('action')
          .where('entity_id', '=', id)
          .orderBy('seq')
          .execute()
      ).map((r) => r.action);
    const versions = async (id: string) =>
      t.ctx.db.selectFrom('form_versions').selectAll().where('form_id', '=', id).orderBy('version').execute();

    test('a fresh installation took the shipped templates: nothing is offered', async () => {
      const list = await admin.client.get<{ items: { origin: string; templateUpdate: boolean }[] }>(
        '/api/monitoring/forms',
      );
      assert.equal(list.status, 200);
      assert.ok(list.body.items.some((i) => i.origin === 'template'));
      assert.ok(list.body.items.every((i) => !i.templateUpdate));
    });

    test('an older import is offered the shipped template; loading replaces a draft only when asked, publishing makes version n+1', async () => {
      const id = await importedEarlier('trial');
      const v1 = (await versions(id))[0]!;
      assert.equal((await detail(id)).templateUpdate, true);
      assert.equal((await detail(id, coord)).templateUpdate, true);
      assert.equal(await listed(id), true);

      // Someone's unpublished work in a draft is not replaced without a yes.
      const mine = olderRelease('trial');
      mine.sections[0]!.title.en = 'Our own first section';
      const saved = await admin.client.put<Ref>(`/api/monitoring/forms/${id}/draft`, { definition: mine });
      assert.deepEqual(saved.body.version, 2);
      const refused = await admin.client.post<Err>(`/api/monitoring/forms/${id}/template/load`, {});
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.code, 'forms.draft_exists');
      assert.match(refused.body.error.message, /Version 2 is an open draft/);
      assert.equal((await detail(id)).draft?.definition.sections[0]!.title.en, 'Our own first section');

      const loaded = await admin.client.post<Ref>(`/api/monitoring/forms/${id}/template/load`, {
        replaceDraft: true,
      });
      assert.equal(loaded.status, 200, JSON.stringify(loaded.body));
      assert.deepEqual(loaded.body, saved.body);
      const d = await detail(id);
      assert.deepEqual(d.draft?.definition, shippedTemplate('trial')!.definition);
      assert.equal(d.published?.version, 1);
      assert.equal(d.templateUpdate, false, 'taken: not offered again');
      assert.equal(await listed(id), false);

      const p = await admin.client.post<Ref>(`/api/monitoring/forms/${id}/publish`);
      assert.deepEqual(p.body, { versionId: saved.body.versionId, version: 2 });
      const rows = await versions(id);
      assert.deepEqual(rows[0], v1, 'version 1 never changes');
      assert.equal(rows[1]!.status, 'published');
      assert.deepEqual(JSON.parse(rows[1]!.definition), shippedTemplate('trial')!.definition);
      assert.equal((await detail(id)).templateUpdate, false);
      assert.deepEqual(await actions(id), ['forms.draft_save', 'forms.template_load', 'forms.publish']);
    });

    test('without a draft, loading opens the next version; turning it down hides it until the file changes', async () => {
      const id = await importedEarlier('assembly');
      const dismissed = await coord.client.post(`/api/monitoring/forms/${id}/template/dismiss`);
      assert.equal(dismissed.status, 200);
      assert.equal((await detail(id)).templateUpdate, false);
      assert.equal(await listed(id), false);
      assert.equal((await coord.client.post(`/api/monitoring/forms/${id}/template/dismiss`)).status, 200);
      assert.deepEqual(await actions(id), ['forms.template_dismiss'], 'once');
      assert.equal((await versions(id)).length, 1, 'turning it down writes no version');

      // A later release ships another file: what was turned down was an older one.
      await t.ctx.db
        .updateTable('forms')
        .set({ template_hash: 'a'.repeat(64) })
        .where('id', '=', id)
        .execute();
      assert.equal((await detail(id)).templateUpdate, true);
      const loaded = await admin.client.post<Ref>(`/api/monitoring/forms/${id}/template/load`, {});
      assert.equal(loaded.status, 200, JSON.stringify(loaded.body));
      assert.equal(loaded.body.version, 2);
      assert.equal((await detail(id)).draft?.version, 2);
      assert.equal((await admin.client.post<Ref>(`/api/monitoring/forms/${id}/publish`)).body.version, 2);
    });

    test('others are refused and change nothing; a form that is not a template is never offered one', async () => {
      const id = await importedEarlier('incident');
      const before = await versions(id);
      for (const u of [monitor, lawyer]) {
        for (const action of ['load', 'dismiss']) {
          const r = await u.client.post<Err>(`/api/monitoring/forms/${id}/template/${action}`, {});
          assert.equal(r.status, 403, `${action}`);
          assert.equal(r.body.error.code, 'auth.forbidden');
        }
        assert.equal((await u.client.get(`/api/monitoring/forms/${id}`)).status, 403);
      }
      const forged = await admin.client.request<Err>(
        'POST',
        `/api/monitoring/forms/${id}/template/load`,
        {},
        { 'x-csrf-token': 'forged' },
      );
      assert.equal(forged.status, 403);
      assert.deepEqual(await versions(id), before);
      assert.equal((await detail(id)).templateUpdate, true);
      assert.deepEqual(await actions(id), []);

      const own = structuredClone(shippedTemplate('incident')!.definition);
      own.title.en = 'Our incident form';
      const c = await admin.client.post<{ id: string }>('/api/monitoring/forms', { definition: own });
      assert.equal((await detail(c.body.id)).templateUpdate, false);
      for (const action of ['load', 'dismiss']) {
        const r = await admin.client.post<Err>(`/api/monitoring/forms/${c.body.id}/template/${action}`, {});
        assert.equal(r.status, 409);
        assert.equal(r.body.error.code, 'forms.not_template');
      }
      assert.equal((await versions(c.body.id)).length, 1);

      await admin.client.post(`/api/monitoring/forms/${id}/archive`);
      assert.equal((await detail(id)).templateUpdate, false, 'an archived form is not offered one');
      const archived = await admin.client.post<Err>(`/api/monitoring/forms/${id}/template/load`, {});
      assert.equal(archived.body.error.code, 'forms.archived');
      await admin.client.post(`/api/monitoring/forms/${id}/unarchive`);
    });

    test("the migration counts each template form's version 1 as taken: an older one is offered the new file", async () => {
      const id = await importedEarlier('election_day');
      await m0029.down(t.ctx.db);
      await m0029.up(t.ctx.db);
      const rows = await t.ctx.db.selectFrom('forms').select(['id', 'key', 'template_hash']).execute();
      for (const r of rows) {
        const v1 = (await formsRepo.versionHeads(t.ctx.db, [r.id])).find((h) => h.version === 1)!;
        assert.equal(r.template_hash, r.key ? v1.definition_hash : null, `${r.key ?? r.id}`);
      }
      assert.equal((await detail(id)).templateUpdate, true, 'its version 1 is an older file');
      const detention = (await templateFormId(t.ctx.db, 'detention_visit'))!;
      assert.equal((await detail(detention)).templateUpdate, false);
    });
  });
}
