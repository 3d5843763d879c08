import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { requireCode, seedVocabularies } from '../../src/server/modules/vocab/vocab.service.ts';
import { HURIDOCS_DIR } from '../../src/server/modules/vocab/vocab.sources.ts';
import { addUser, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';

type Err = { error: { code: string; message: string; fields?: { path: string; message: string }[] } };
type Term = {
  code: string;
  parent: string | null;
  labels: { ky: string; ru: string; en: string };
  active: boolean;
  ref: string | null;
  origin: string;
  kyStatus: string;
  ruStatus: string;
};
type Scheme = { scheme: string; version: number; terms: Term[] };
type Summary = {
  scheme: string;
  version: number;
  terms: number;
  retired: number;
  kyMissing: number;
  kyDraft: number;
};

const index = JSON.parse(fs.readFileSync(path.join(HURIDOCS_DIR, 'index.json'), 'utf8')) as {
  name: string;
  file: string;
  terms: number;
}[];

for (const backend of await backends()) {
  describe(`vocabularies: HURIDOCS import, review, local terms (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let lawyer: TestUser;
    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      lawyer = await addUser(t, admin, 'lawyer');
    });
    after(async () => t.close());

    const scheme = async (u: TestUser, name: string) => {
      const r = await u.client.get<Scheme>(`/api/vocab/${name}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body;
    };
    const list = async () => {
      const r = await lawyer.client.get<{ schemes: Summary[] }>('/api/vocab');
      assert.equal(r.status, 200);
      return new Map(r.body.schemes.map((s) => [s.scheme, s]));
    };

    test('all 50 HURIDOCS lists are imported with their term counts, plus local and rights lists', async () => {
      const schemes = await list();
      assert.equal(index.length, 50);
      for (const l of index) assert.equal(schemes.get(`esf_${l.name}`)?.terms, l.terms, l.name);
      for (const s of ['case_type', 'legal_problem', 'closing_code', 'local_legislation', 'local_languages'])
        assert.ok(schemes.has(s), s);
      assert.equal(schemes.get('local_districts')?.terms, 60, '9 regions and 51 districts');
      assert.equal(schemes.get('intl_rights')?.terms, 4 + 11 + 7 + 4 + 4);
    });

    test('terms keep the HURIDOCS hierarchy and order; Kyrgyz drafts and gaps are marked', async () => {
      const acts = await scheme(lawyer, 'esf_types_of_acts');
      const codes = new Set(acts.terms.map((x) => x.code));
      assert.ok(acts.terms.every((x) => /^\d{12}$/.test(x.code) && x.origin === 'huridocs'));
      assert.ok(
        acts.terms.every((x) => x.parent === null || codes.has(x.parent)),
        'every parent exists',
      );
      const summary = acts.terms.find((x) => x.code === '010101010000')!;
      assert.equal(summary.labels.en, 'Summary execution');
      assert.equal(summary.parent, '010101000000');
      assert.equal(acts.terms[0]!.code, '010000000000', 'sorted by the HURIDOCS order');
      for (const x of acts.terms) {
        assert.equal(x.kyStatus, x.labels.ky ? 'draft' : 'missing', x.code);
        assert.equal(x.ruStatus, x.labels.ru ? 'draft' : 'missing', x.code);
      }
      const kyFile = path.join(HURIDOCS_DIR, 'ky', '04_types_of_acts.json');
      if (fs.existsSync(kyFile)) {
        const ky = JSON.parse(fs.readFileSync(kyFile, 'utf8')) as Record<string, string>;
        const [code, label] = Object.entries(ky).find(([c]) => /^\d{12}$/.test(c))!;
        assert.equal(acts.terms.find((x) => x.code === code)?.labels.ky, label.trim());
      }
    });

    test('the Russian fixes of SOURCE.md are applied', async () => {
      const fixesFile = path.join(HURIDOCS_DIR, 'ru-fixes.json');
      const fixes = fs.existsSync(fixesFile)
        ? (JSON.parse(fs.readFileSync(fixesFile, 'utf8')) as Record<string, Record<string, { to: string }>>)
        : {};
      for (const [stem, byCode] of Object.entries(fixes)) {
        const name = index.find((l) => l.file === `${stem}.csv`)?.name;
        if (!name) continue;
        const terms = (await scheme(lawyer, `esf_${name}`)).terms;
        for (const [code, fix] of Object.entries(byCode))
          assert.equal(terms.find((x) => x.code === code)?.labels.ru, fix.to.trim(), `${stem} ${code}`);
      }
      const so = (await scheme(lawyer, 'esf_sexual_orientation')).terms;
      assert.ok(!so.some((x) => x.labels.ru === 'Гомосексуалист'), 'stigmatising label replaced');
      assert.ok(!so.some((x) => x.labels.ru === 'Человек, изменивший пол'), 'inaccurate label replaced');
    });

    test('constitution articles: only the verified numbers; the treaties carry their article', async () => {
      const kg = (await scheme(lawyer, 'kg_constitution')).terms;
      const refs = kg.filter((x) => x.ref !== null).map((x) => x.ref);
      assert.deepEqual(refs.sort(), ['2', '37', '55', '56', '6(3)']);
      assert.equal(kg.find((x) => x.code === 'expression')?.ref, null, 'art. 32 is unverified');
      assert.equal(kg.find((x) => x.code === 'torture')?.ref, '56');
      assert.ok(kg.every((x) => x.labels.ky && x.labels.ru && x.labels.en));
      const intl = (await scheme(lawyer, 'intl_rights')).terms;
      assert.equal(intl.find((x) => x.code === 'iccpr_7')?.ref, 'ICCPR 7');
      assert.equal(intl.find((x) => x.code === 'iccpr_7')?.parent, 'iccpr');
      assert.equal(intl.find((x) => x.code === 'crc_37')?.ref, 'CRC 37');
    });

    test('a restart imports nothing again; a later release fills missing labels but keeps reviewed ones', async () => {
      const again = await seedVocabularies(t.ctx.db);
      assert.deepEqual(again.imported, [], 'unchanged sources are skipped');

      // An administrator reviews one label; another term lost its Kyrgyz label (as if shipped later).
      const r = await admin.client.patch<Term>('/api/vocab/kg_constitution/life', {
        labels: { ky: 'Жашоого укук' },
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const db = t.ctx.db;
      await db
        .updateTable('vocab_terms')
        .set({ label_ky: '', ky_status: 'missing' })
        .where('scheme', '=', 'kg_constitution')
        .where('code', '=', 'liberty')
        .execute();
      await db
        .updateTable('vocab_versions')
        .set({ source_hash: null })
        .where('scheme', '=', 'kg_constitution')
        .execute();
      const before = (await scheme(lawyer, 'kg_constitution')).version;
      const redo = await seedVocabularies(db);
      assert.deepEqual(redo.imported, ['kg_constitution']);
      const kg = await scheme(lawyer, 'kg_constitution');
      assert.equal(kg.version, before + 1);
      const life = kg.terms.find((x) => x.code === 'life')!;
      assert.equal(life.labels.ky, 'Жашоого укук');
      assert.equal(life.kyStatus, 'reviewed');
      const liberty = kg.terms.find((x) => x.code === 'liberty')!;
      assert.ok(liberty.labels.ky.length > 0);
      assert.equal(liberty.kyStatus, 'draft');
    });

    test('an administrator reviews a label, enters an article number; changes are versioned and audited', async () => {
      const v0 = (await list()).get('esf_types_of_acts')!;
      const r = await admin.client.patch<Term>('/api/vocab/esf_types_of_acts/010101010000', {
        labels: { ky: 'Соттон тышкары өлтүрүү', ru: 'Внесудебная казнь' },
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.labels.ky, 'Соттон тышкары өлтүрүү');
      assert.equal(r.body.kyStatus, 'reviewed');
      assert.equal(r.body.ruStatus, 'reviewed');
      const v1 = (await list()).get('esf_types_of_acts')!;
      assert.equal(v1.version, v0.version + 1);
      assert.equal(v1.kyMissing + v1.kyDraft, v0.kyMissing + v0.kyDraft - 1);

      const ref = await admin.client.patch<Term>('/api/vocab/kg_constitution/assembly', { ref: '34' });
      assert.equal(ref.body.ref, '34');
      const cleared = await admin.client.patch<Term>('/api/vocab/kg_constitution/assembly', { ref: null });
      assert.equal(cleared.body.ref, null);

      const audit = await t.ctx.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', 'like', 'vocab.%')
        .execute();
      assert.ok(audit.length >= 3);
      const text = JSON.stringify(audit);
      assert.ok(!text.includes('Соттон тышкары'), 'no label text in the audit log');
      assert.ok(text.includes('010101010000'));
    });

    test('approving a Russian draft as it is marks only Russian reviewed', async () => {
      const code = '010102010000'; // Infanticide: its Kyrgyz and Russian labels are both drafts
      const was = (await scheme(lawyer, 'esf_types_of_acts')).terms.find((x) => x.code === code)!;
      assert.deepEqual([was.kyStatus, was.ruStatus], ['draft', 'draft']);
      const r = await admin.client.patch<Term>(`/api/vocab/esf_types_of_acts/${code}`, {
        labels: { ru: was.labels.ru },
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual([r.body.kyStatus, r.body.ruStatus], ['draft', 'reviewed']);
      assert.deepEqual(r.body.labels, was.labels);
    });

    test('a retired code keeps old records valid and is refused on new input', async () => {
      const c = await lawyer.client.post<{ id: string }>('/api/cases', { type: 'civil', title: 'Иш' });
      assert.equal(c.status, 201, JSON.stringify(c.body));
      const off = await admin.client.patch<Term>('/api/vocab/case_type/civil', { active: false });
      assert.equal(off.status, 200);
      assert.equal(off.body.active, false);
      const still = await scheme(lawyer, 'case_type');
      assert.ok(
        still.terms.some((x) => x.code === 'civil' && !x.active),
        'retired, not deleted',
      );

      const edit = await lawyer.client.patch(`/api/cases/${c.body.id}`, { title: 'Иш 2' });
      assert.equal(edit.status, 200, JSON.stringify(edit.body));
      const fresh = await lawyer.client.post<Err>('/api/cases', { type: 'civil', title: 'Жаңы' });
      assert.equal(fresh.status, 400);
      assert.equal(fresh.body.error.code, 'vocab.unknown_code');

      await assert.rejects(requireCode(t.ctx.db, 'case_type', 'civil', 'type'), /vocab.unknown_code/);
      await requireCode(t.ctx.db, 'case_type', 'civil', 'type', ['civil']);

      const on = await admin.client.patch<Term>('/api/vocab/case_type/civil', { active: true });
      assert.equal(on.body.active, true);
      await requireCode(t.ctx.db, 'case_type', 'civil', 'type');
    });

    test('local terms: top level in local lists, children anywhere; duplicates refused', async () => {
      const law = await admin.client.post<Term>('/api/vocab/local_legislation/terms', {
        code: 'family_code',
        labels: { ky: 'Үй-бүлө кодекси', ru: 'Семейный кодекс' },
      });
      assert.equal(law.status, 201, JSON.stringify(law.body));
      assert.equal(law.body.origin, 'local');
      assert.equal(law.body.kyStatus, 'reviewed');
      assert.equal(law.body.labels.en, '');
      const dup = await admin.client.post<Err>('/api/vocab/local_legislation/terms', {
        code: 'family_code',
        labels: { en: 'Family Code' },
      });
      assert.equal(dup.status, 409);
      assert.equal(dup.body.error.code, 'vocab.duplicate_code');

      const child = await admin.client.post<Term>('/api/vocab/esf_methods_of_violence/terms', {
        parent: (await scheme(lawyer, 'esf_methods_of_violence')).terms[0]!.code,
        labels: { ru: 'Местный метод', en: 'Local method' },
      });
      assert.equal(child.status, 201, JSON.stringify(child.body));
      assert.match(child.body.code, /^loc_[0-9a-f]{10}$/);
      assert.equal(child.body.kyStatus, 'missing');

      const top = await admin.client.post<Err>('/api/vocab/esf_methods_of_violence/terms', {
        labels: { en: 'Top' },
      });
      assert.equal(top.status, 400);
      assert.equal(top.body.error.code, 'vocab.parent_required');
      // A restart keeps the local terms.
      await t.ctx.db.updateTable('vocab_versions').set({ source_hash: null }).execute();
      await seedVocabularies(t.ctx.db);
      const again = await scheme(lawyer, 'local_legislation');
      assert.ok(again.terms.some((x) => x.code === 'family_code' && x.active));
    });

    test('bad input: translated field errors, nothing changed', async () => {
      const v = (await list()).get('kg_constitution')!.version;
      const empty = await admin.client.patch<Err>('/api/vocab/kg_constitution/life', {
        labels: { ky: '  ' },
      });
      assert.equal(empty.status, 400);
      assert.equal(empty.body.error.code, 'validation.failed');
      assert.equal(empty.body.error.fields?.[0]?.path, 'labels.ky');
      assert.match(empty.body.error.fields?.[0]?.message ?? '', /Кыргызча/);
      const long = await admin.client.patch<Err>('/api/vocab/kg_constitution/life', {
        labels: { ru: 'я'.repeat(301) },
      });
      assert.equal(long.status, 400);
      assert.equal(long.body.error.fields?.[0]?.path, 'labels.ru');
      const none = await admin.client.post<Err>('/api/vocab/local_languages/terms', { labels: {} });
      assert.equal(none.status, 400);
      assert.equal(none.body.error.fields?.[0]?.path, 'labels');
      const badParent = await admin.client.post<Err>('/api/vocab/local_languages/terms', {
        parent: 'nope',
        labels: { en: 'X' },
      });
      assert.equal(badParent.body.error.code, 'vocab.unknown_code');
      assert.equal((await list()).get('kg_constitution')!.version, v, 'nothing changed');
      const life = (await scheme(lawyer, 'kg_constitution')).terms.find((x) => x.code === 'life')!;
      assert.equal(life.labels.ky, 'Жашоого укук');

      const missing = await admin.client.get<Err>('/api/vocab/no_such_scheme');
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.code, 'vocab.not_found');
      assert.ok(missing.body.error.message.length > 0);
      const noTerm = await admin.client.patch<Err>('/api/vocab/kg_constitution/nope', { ref: '1' });
      assert.equal(noTerm.status, 404);
      assert.equal(noTerm.body.error.code, 'vocab.term_not_found');
      const noScheme = await admin.client.patch<Err>('/api/vocab/no_such/nope', { ref: '1' });
      assert.equal(noScheme.body.error.code, 'vocab.not_found');
    });

    test('only administrators change vocabularies', async () => {
      const r = await lawyer.client.patch<Err>('/api/vocab/kg_constitution/life', { labels: { ky: 'X' } });
      assert.equal(r.status, 403);
      assert.equal(r.body.error.code, 'auth.forbidden');
      const p = await lawyer.client.post<Err>('/api/vocab/local_languages/terms', { labels: { en: 'X' } });
      assert.equal(p.status, 403);
      const anon = await t.client().get<Err>('/api/vocab');
      assert.equal(anon.status, 401);
      const life = (await scheme(lawyer, 'kg_constitution')).terms.find((x) => x.code === 'life')!;
      assert.equal(life.labels.ky, 'Жашоого укук');
    });
  });
}
