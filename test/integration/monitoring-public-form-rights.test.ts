import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FormDefinition } from '../../src/core/forms/types.ts';
import { templateFormId } from '../../src/server/modules/monitoring/forms.templates.ts';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

type Err = { error: { code: string; message: string } };
type Detail = {
  editable: boolean;
  versions: { id: string; status: string }[];
  published: { id: string; definition: FormDefinition } | null;
};
type Listed = { items: { id: string; editable: boolean; archived: boolean }[] };

/**
 * Anyone on the internet fills in the latest published version of the public incident form: a
 * coordinator (of one region, or of a mission they made themselves) must not be able to change what
 * the public is asked, nor switch public reporting off by archiving it (ADR 0024).
 */
for (const backend of await backends()) {
  describe(`monitoring: only administrators change the public form (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let coord: TestUser;
    let publicId: string;
    let electionId: string;
    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t, 'en');
      coord = await addUser(t, admin, 'coordinator'); // Russian
      publicId = (await templateFormId(t.ctx.db, 'public_incident'))!;
      electionId = (await templateFormId(t.ctx.db, 'election_day'))!;
    });
    after(async () => t.close());

    const rows = async () =>
      t.ctx.db
        .selectFrom('form_versions')
        .select(['id', 'status', 'definition_hash'])
        .where('form_id', '=', publicId)
        .orderBy('version')
        .execute();

    test('a coordinator reads the public form but every change is refused in their language and changes nothing', async () => {
      const d = await coord.client.get<Detail>(`/api/monitoring/forms/${publicId}`);
      assert.equal(d.status, 200);
      assert.equal(d.body.editable, false);
      const list = (await coord.client.get<Listed>('/api/monitoring/forms')).body.items;
      assert.equal(list.find((f) => f.id === publicId)!.editable, false);
      assert.equal(list.find((f) => f.id === electionId)!.editable, true, 'other forms stay theirs');
      assert.equal((await coord.client.get(`/api/monitoring/forms/${publicId}/export`)).status, 200);

      const before = await rows();
      const changed = structuredClone(d.body.published!.definition);
      changed.title = { ky: 'Башка', ru: 'Другое', en: 'Other' };
      const attempts = [
        coord.client.put<Err>(`/api/monitoring/forms/${publicId}/draft`, { definition: changed }),
        coord.client.post<Err>(`/api/monitoring/forms/${publicId}/publish`, {}),
        coord.client.post<Err>(`/api/monitoring/forms/${publicId}/archive`, {}),
        coord.client.post<Err>(`/api/monitoring/forms/${publicId}/template/load`, { replaceDraft: true }),
        coord.client.post<Err>(`/api/monitoring/forms/${publicId}/template/dismiss`, {}),
      ];
      for (const r of await Promise.all(attempts)) {
        assert.equal(r.status, 403, JSON.stringify(r.body));
        assert.equal(r.body.error.code, 'forms.public_admin');
        assert.match(r.body.error.message, /только администратор/);
      }
      assert.deepEqual(await rows(), before, 'no draft, no new version');
      const form = await t.ctx.db
        .selectFrom('forms')
        .select(['archived', 'template_hash'])
        .where('id', '=', publicId)
        .executeTakeFirstOrThrow();
      assert.equal(form.archived, 0, 'public reporting stays on');
      const audited = await t.ctx.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', publicId)
        .where('actor_id', '=', coord.id)
        .execute();
      assert.deepEqual(audited, []);
      // The public page still gets the form.
      assert.equal((await t.client().get('/api/public/reports/form')).status, 200);
    });

    test('a coordinator still changes the other forms; an administrator changes the public one', async () => {
      const e = await coord.client.get<Detail>(`/api/monitoring/forms/${electionId}`);
      const r = await coord.client.put(`/api/monitoring/forms/${electionId}/draft`, {
        definition: e.body.published!.definition,
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));

      const d = await admin.client.get<Detail>(`/api/monitoring/forms/${publicId}`);
      assert.equal(d.body.editable, true);
      const def = structuredClone(d.body.published!.definition);
      def.sections[0]!.title = { ky: 'Эмне болду', ru: 'Что случилось', en: 'What happened' };
      const saved = await admin.client.put(`/api/monitoring/forms/${publicId}/draft`, { definition: def });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));
      const pub = await admin.client.post<{ version: number }>(
        `/api/monitoring/forms/${publicId}/publish`,
        {},
      );
      assert.equal(pub.status, 200, JSON.stringify(pub.body));
      assert.equal(pub.body.version, 2);
    });
  });
}
