import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FormDefinition } from '../../src/core/forms/types.ts';
import { registerFormVersionReader } from '../../src/server/modules/monitoring/forms.access.ts';
import { formsRepo } from '../../src/server/modules/monitoring/forms.repo.ts';
import {
  seedFormTemplates,
  TEMPLATE_KEYS,
  templateVersionId,
} from '../../src/server/modules/monitoring/forms.templates.ts';
import { AppError } from '../../src/server/platform/errors.ts';
import { closeContext, createContext } from '../../src/server/runtime.ts';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

type Err = {
  error: {
    code: string;
    message: string;
    details?: { path: string; code: string }[];
    fields?: { path: string }[];
  };
};
type ListItem = {
  id: string;
  key: string | null;
  kind: string;
  origin: string;
  archived: boolean;
  title: { en: string };
  latestVersion: { id: string; version: number; status: string };
  publishedVersionId: string | null;
};
type Detail = {
  id: string;
  versions: { id: string; version: number; status: string; publishedAt: string | null }[];
  draft: { id: string; version: number; definition: FormDefinition } | null;
  published: { id: string; version: number; definition: FormDefinition } | null;
};
type Version = {
  id: string;
  formId: string;
  version: number;
  status: string;
  kind: string;
  fields: { key: string; type: string; required: boolean; options: string[]; parent?: string }[];
  definition: FormDefinition;
};

const L = (en: string) => ({ ky: `${en} (ky)`, ru: `${en} (ru)`, en });
const sample = (extra = 'Opened'): FormDefinition => ({
  title: L('Test checklist'),
  kind: 'checklist',
  sections: [
    {
      key: 'main',
      title: L('Main'),
      fields: [
        { key: 'opened', type: 'boolean', label: L(extra), required: true },
        {
          key: 'mood',
          type: 'single_choice',
          label: L('Mood'),
          options: [
            { key: 'calm', label: L('Calm') },
            { key: 'tense', label: L('Tense') },
          ],
        },
        {
          key: 'events',
          type: 'repeat',
          label: L('Events'),
          fields: [{ key: 'what', type: 'text', label: L('What'), required: true }],
        },
      ],
    },
  ],
});

// A reader the way the missions module registers one: yes for exactly one version.
let readableVersion = '';
registerFormVersionReader(async (_ctx, _actor, versionId) => versionId === readableVersion);

for (const backend of await backends()) {
  describe(`monitoring forms (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let coord: TestUser;
    let monitor: TestUser;
    let lawyer: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      coord = await addUser(t, admin, 'coordinator');
      monitor = await addUser(t, admin, 'monitor');
      lawyer = await addUser(t, admin, 'lawyer');
    });
    after(async () => t.close());

    const formCount = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('forms')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const versionCount = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('form_versions')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const auditActions = async (entityId: string) =>
      (
        await t.ctx.db
          .selectFrom('audit_log')
          .select('action')
          .where('entity_id', '=', entityId)
          .orderBy('seq')
          .execute()
      ).map((r) => r.action);

    test('templates are there once, published v1, after a second start', async () => {
      const list = await coord.client.get<{ items: ListItem[] }>('/api/monitoring/forms');
      assert.equal(list.status, 200);
      const templates = list.body.items.filter((i) => i.origin === 'template');
      assert.deepEqual(templates.map((i) => i.key).sort(), [...TEMPLATE_KEYS].sort());
      for (const i of templates) {
        assert.equal(i.latestVersion.status, 'published');
        assert.equal(i.publishedVersionId, i.latestVersion.id);
      }
      assert.equal(templates.find((i) => i.key === 'public_incident')?.kind, 'incident');
      const ctx2 = await createContext(t.ctx.config);
      await closeContext(ctx2);
      assert.deepEqual(await seedFormTemplates(t.ctx.db), []);
      const keyed = await t.ctx.db.selectFrom('forms').select('key').where('key', 'is not', null).execute();
      assert.equal(keyed.length, TEMPLATE_KEYS.length);
      const imports = await t.ctx.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'forms.template_import')
        .execute();
      assert.equal(imports.length, 1);
    });

    test('the form-version endpoint lists every field flat, repeat children included', async () => {
      const id = await templateVersionId(t.ctx.db, 'election_day');
      const r = await coord.client.get<Version>(`/api/monitoring/form-versions/${id}`);
      assert.equal(r.status, 200);
      assert.equal(r.body.status, 'published');
      assert.equal(r.body.kind, 'checklist');
      assert.ok(r.body.fields.length >= 30, `${r.body.fields.length} fields`);
      const child = r.body.fields.find((f) => f.key === 'incident_kind');
      assert.equal(child?.parent, 'incidents');
      assert.ok(child?.options.includes('violence'));
      assert.ok(r.body.fields.every((f) => f.options.every((o) => typeof o === 'string')));
      assert.equal(r.body.fields.find((f) => f.key === 'incidents')?.type, 'repeat');
    });

    test('create, edit, publish: a published version never changes, an edit opens the next', async () => {
      const c = await coord.client.post<{ id: string; versionId: string }>('/api/monitoring/forms', {
        definition: sample(),
      });
      assert.equal(c.status, 201, JSON.stringify(c.body));
      const { id, versionId: v1 } = c.body;
      const e1 = await coord.client.put<{ versionId: string; version: number }>(
        `/api/monitoring/forms/${id}/draft`,
        { definition: sample('Opened on time') },
      );
      assert.deepEqual(e1.body, { versionId: v1, version: 1 });
      const p1 = await coord.client.post(`/api/monitoring/forms/${id}/publish`);
      assert.deepEqual(p1.body, { versionId: v1, version: 1 });
      const before1 = await coord.client.get<Version>(`/api/monitoring/form-versions/${v1}`);
      assert.equal(before1.body.status, 'published');
      const row1 = await formsRepo.findVersion(t.ctx.db, v1);

      const e2 = await coord.client.put<{ versionId: string; version: number }>(
        `/api/monitoring/forms/${id}/draft`,
        { definition: sample('Opened late?') },
      );
      assert.equal(e2.status, 200);
      assert.equal(e2.body.version, 2);
      assert.notEqual(e2.body.versionId, v1);
      const after1 = await coord.client.get<Version>(`/api/monitoring/form-versions/${v1}`);
      assert.deepEqual(after1.body, before1.body);
      assert.deepEqual(await formsRepo.findVersion(t.ctx.db, v1), row1);
      const detail = await coord.client.get<Detail>(`/api/monitoring/forms/${id}`);
      assert.equal(detail.body.draft?.version, 2);
      assert.equal(detail.body.published?.id, v1);
      assert.equal(detail.body.draft?.definition.sections[0]!.fields[0]!.label.en, 'Opened late?');

      // The repository itself refuses to touch a published row.
      await assert.rejects(formsRepo.updateDraft(t.ctx.db, v1, sample('x')), (e: AppError) => {
        return e.code === 'forms.published_immutable';
      });
      await assert.rejects(
        formsRepo.publishDraft(
          t.ctx.db,
          v1,
          row1!.definition_hash,
          sample('x'),
          admin.id,
          new Date().toISOString(),
        ),
        (e: AppError) => e.code === 'forms.published_immutable',
      );
      assert.deepEqual(await formsRepo.findVersion(t.ctx.db, v1), row1);

      // A draft edited after the publisher read it is not published with the stale definition.
      const row2 = await formsRepo.findVersion(t.ctx.db, e2.body.versionId);
      const stale = await formsRepo.publishDraft(t.ctx.db, row2!.id, 'stale', sample('z'), admin.id, 'now');
      assert.equal(stale, false);
      assert.deepEqual(await formsRepo.findVersion(t.ctx.db, row2!.id), row2);
      const p2 = await coord.client.post(`/api/monitoring/forms/${id}/publish`);
      assert.deepEqual(p2.body, { versionId: e2.body.versionId, version: 2 });
      const again = await coord.client.post(`/api/monitoring/forms/${id}/publish`);
      assert.deepEqual(again.body, p2.body);
      assert.deepEqual(await auditActions(id), [
        'forms.create',
        'forms.draft_save',
        'forms.publish',
        'forms.draft_save',
        'forms.publish',
      ]);

      // A mission uses one version of a form: two would each be expected at every site.
      const m = await coord.client.post<{ id: string }>('/api/monitoring/missions', {
        kind: 'election',
        title: 'Versions',
      });
      assert.equal(m.status, 201, JSON.stringify(m.body));
      const attach = (formVersionIds: string[]) =>
        coord.client.put<{ forms: { formVersionId: string }[] } & Err>(
          `/api/monitoring/missions/${m.body.id}/forms`,
          { formVersionIds },
        );
      assert.equal((await attach([v1])).status, 200);
      const twice = await attach([v1, e2.body.versionId]);
      assert.equal(twice.status, 400, JSON.stringify(twice.body));
      assert.equal(twice.body.error.code, 'missions.form_twice');
      assert.equal(twice.body.error.fields?.[0]?.path, 'formVersionIds.1');
      const kept = await coord.client.get<{ forms: { formVersionId: string }[] }>(
        `/api/monitoring/missions/${m.body.id}`,
      );
      assert.deepEqual(
        kept.body.forms.map((f) => f.formVersionId),
        [v1],
        'the refused change changed nothing',
      );
      const newer = await attach([e2.body.versionId]);
      assert.deepEqual(
        newer.body.forms.map((f) => f.formVersionId),
        [e2.body.versionId],
      );
    });

    test('an invalid definition answers 400 naming the path, and stores nothing', async () => {
      const forms = await formCount();
      const versions = await versionCount();
      const bad = sample();
      bad.sections[0]!.fields[2]!.fields![0]!.key = 'opened';
      const r = await coord.client.post<Err>('/api/monitoring/forms', { definition: bad });
      assert.equal(r.status, 400);
      assert.equal(r.body.error.code, 'forms.definition_invalid');
      assert.deepEqual(r.body.error.details, [
        { path: 'sections[0].fields[2].fields[0].key', code: 'duplicate_key' },
      ]);
      assert.match(r.body.error.message, /sections\[0\]\.fields\[2\]\.fields\[0\]\.key/);
      const junk = await coord.client.post<Err>('/api/monitoring/forms', { definition: { title: 5 } });
      assert.equal(junk.body.error.code, 'forms.definition_invalid');
      assert.ok(junk.body.error.details!.some((d) => d.path === 'title'));

      const ok = await coord.client.post<{ id: string }>('/api/monitoring/forms', { definition: sample() });
      const forward = sample();
      forward.sections[0]!.fields[0]!.visibleIf = { field: 'mood', op: 'eq', value: 'calm' };
      const put = await coord.client.put<Err>(`/api/monitoring/forms/${ok.body.id}/draft`, {
        definition: forward,
      });
      assert.equal(put.status, 400);
      assert.deepEqual(put.body.error.details, [
        { path: 'sections[0].fields[0].visibleIf.field', code: 'condition_unknown_field' },
      ]);
      const d = await coord.client.get<Detail>(`/api/monitoring/forms/${ok.body.id}`);
      assert.deepEqual(d.body.draft?.definition, sample());
      assert.equal(await formCount(), forms + 1);
      assert.equal(await versionCount(), versions + 1);
    });

    test('vocabulary-backed options are snapshotted at publish', async () => {
      const term = await t.ctx.db
        .selectFrom('vocab_terms')
        .select(['scheme', 'code'])
        .where('active', '=', 1)
        .orderBy('scheme')
        .orderBy('sort')
        .limit(1)
        .executeTakeFirst();
      assert.ok(term, 'a shipped vocabulary');
      const def = sample();
      def.sections[0]!.fields[1] = {
        key: 'mood',
        type: 'multiple_choice',
        label: L('Kinds'),
        vocabulary: term.scheme,
      };
      const c = await coord.client.post<{ id: string; versionId: string }>('/api/monitoring/forms', {
        definition: def,
      });
      assert.equal(c.status, 201, JSON.stringify(c.body));
      const p = await coord.client.post(`/api/monitoring/forms/${c.body.id}/publish`);
      assert.equal(p.status, 200, JSON.stringify(p.body));
      const v = await coord.client.get<Version>(`/api/monitoring/form-versions/${c.body.versionId}`);
      assert.ok(v.body.fields.find((f) => f.key === 'mood')!.options.includes(term.code));

      def.sections[0]!.fields[1].vocabulary = 'no_such_scheme';
      const c2 = await coord.client.post<{ id: string }>('/api/monitoring/forms', { definition: def });
      const p2 = await coord.client.post<Err>(`/api/monitoring/forms/${c2.body.id}/publish`);
      assert.equal(p2.status, 400);
      assert.deepEqual(p2.body.error.details, [
        { path: 'sections[0].fields[1].vocabulary', code: 'vocabulary_unknown' },
      ]);
    });

    test('export and import round-trip', async () => {
      const id = (await coord.client.get<{ items: ListItem[] }>('/api/monitoring/forms')).body.items.find(
        (i) => i.key === 'detention_visit',
      )!.id;
      const ex = await coord.client.get<{
        format: string;
        formatVersion: number;
        definition: FormDefinition;
      }>(`/api/monitoring/forms/${id}/export`);
      assert.equal(ex.status, 200);
      assert.match(ex.headers.get('content-disposition') ?? '', /attachment/);
      assert.equal(ex.body.format, 'ukuk-form');
      const im = await coord.client.post<{ id: string; versionId: string }>(
        '/api/monitoring/forms/import',
        ex.body,
      );
      assert.equal(im.status, 201, JSON.stringify(im.body));
      const ex2 = await coord.client.get(`/api/monitoring/forms/${im.body.id}/export`);
      assert.deepEqual(ex2.body, ex.body);
      const wrong = await coord.client.post<Err>('/api/monitoring/forms/import', {
        ...ex.body,
        format: 'kobo',
      });
      assert.equal(wrong.status, 400);
      assert.deepEqual(await auditActions(im.body.id), ['forms.import']);
    });

    test('archived forms cannot change until restored', async () => {
      const c = await coord.client.post<{ id: string }>('/api/monitoring/forms', { definition: sample() });
      const id = c.body.id;
      assert.equal((await coord.client.post(`/api/monitoring/forms/${id}/archive`)).status, 200);
      const put = await coord.client.put<Err>(`/api/monitoring/forms/${id}/draft`, {
        definition: sample('y'),
      });
      assert.equal(put.status, 409);
      assert.equal(put.body.error.code, 'forms.archived');
      assert.equal((await coord.client.post<Err>(`/api/monitoring/forms/${id}/publish`)).status, 409);
      const list = await coord.client.get<{ items: ListItem[] }>('/api/monitoring/forms');
      assert.ok(!list.body.items.some((i) => i.id === id));
      const all = await coord.client.get<{ items: ListItem[] }>('/api/monitoring/forms?archived=1');
      assert.equal(all.body.items.find((i) => i.id === id)?.archived, true);
      assert.equal((await coord.client.post(`/api/monitoring/forms/${id}/unarchive`)).status, 200);
      assert.equal(
        (await coord.client.put(`/api/monitoring/forms/${id}/draft`, { definition: sample('y') })).status,
        200,
      );
      assert.deepEqual(await auditActions(id), [
        'forms.create',
        'forms.archive',
        'forms.unarchive',
        'forms.draft_save',
      ]);
    });

    test('monitors and lawyers cannot manage forms; a monitor reads only a version assigned to them', async () => {
      const forms = await formCount();
      for (const u of [monitor, lawyer]) {
        assert.equal((await u.client.get('/api/monitoring/forms')).status, 403);
        const r = await u.client.post<Err>('/api/monitoring/forms', { definition: sample() });
        assert.equal(r.status, 403);
        assert.equal(r.body.error.code, 'auth.forbidden');
      }
      assert.equal(await formCount(), forms);
      const v = (await templateVersionId(t.ctx.db, 'trial'))!;
      const other = (await templateVersionId(t.ctx.db, 'assembly'))!;
      const missing = await monitor.client.get<Err>(`/api/monitoring/form-versions/${v}`);
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.code, 'forms.not_found');
      assert.equal((await lawyer.client.get(`/api/monitoring/form-versions/${v}`)).status, 403);
      readableVersion = v;
      try {
        const ok = await monitor.client.get<Version>(`/api/monitoring/form-versions/${v}`);
        assert.equal(ok.status, 200);
        assert.equal((await monitor.client.get(`/api/monitoring/form-versions/${other}`)).status, 404);
      } finally {
        readableVersion = '';
      }
    });
  });
}
