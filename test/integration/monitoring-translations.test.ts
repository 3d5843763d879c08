import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { addUser, reauthed, setupAdmin, startTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { backends } from '../helpers/db.ts';
import { assign, goodAnswers, missionWorld, submission, type MissionWorld } from '../helpers/monitoring.ts';

type Err = { error: { code: string } };
type View = {
  flags: { translate: boolean };
  translations: { locale: string; text: string; userId: string; name: string }[];
  history: { action: string; refId: string | null }[];
  answers: Record<string, unknown>;
};

const S = '/api/monitoring/submissions';
const MARKER = 'TRANSLATION-MARKER-5521';
const ENGLISH = `${MARKER}: the station opened an hour late; voters were sent away.`;

/**
 * Reviewers' translations of a report (review.translate.ts): one per language, written under the lock
 * by a reviewer of the report, encrypted at rest, kept out of the observer's view and of the audit log;
 * the reporter's answers never change; bad requests change nothing.
 */
for (const backend of await backends()) {
  describe(`monitoring: translations of a report (${backend})`, () => {
    let t: TestApp;
    let admin: TestUser;
    let chuy: TestUser;
    let naryn: TestUser;
    let obs: TestUser;
    let w: MissionWorld;
    let id = '';
    const put = (u: TestUser, locale: string, body: object) =>
      u.client.put<View & Err>(`${S}/${id}/translations/${locale}`, body);
    const audits = async () =>
      (
        await t.ctx.db
          .selectFrom('audit_log')
          .select('details')
          .where('action', '=', 'monitoring.submission_translate')
          .execute()
      ).map((a) => String(a.details));

    before(async () => {
      t = await startTestApp(backend);
      admin = await setupAdmin(t);
      chuy = await addUser(t, admin, 'coordinator');
      naryn = await addUser(t, admin, 'coordinator');
      obs = await addUser(t, admin, 'monitor');
      w = await missionWorld(t.ctx, admin);
      await assign(admin, w.sites.C1!, [obs.id]);
      await reauthed(admin);
      const co = await admin.client.put(`/api/monitoring/missions/${w.missionId}/coordinators`, {
        coordinators: [
          { userId: chuy.id, region: 'KG-C' },
          { userId: naryn.id, region: 'KG-N' },
        ],
      });
      assert.equal(co.status, 200, JSON.stringify(co.body));
      const r = await obs.client.post<{ id: string }>(S, submission(w, 'C1', goodAnswers()));
      assert.equal(r.status, 201, JSON.stringify(r.body));
      id = r.body.id;
    });
    after(async () => t?.close());

    test('bad requests are refused and change nothing; others may not translate', async () => {
      const cases: [TestUser, string, object, number][] = [
        [chuy, 'de', { text: 'Hallo' }, 400],
        [chuy, 'en', { text: 'x'.repeat(20_001) }, 400],
        [chuy, 'en', { text: 'ok', by: 'me' }, 400],
        [chuy, 'en', {}, 400],
        [obs, 'en', { text: 'mine' }, 403],
        [naryn, 'en', { text: 'not my region' }, 404],
      ];
      for (const [who, locale, body, status] of cases) {
        const r = await put(who, locale, body);
        assert.equal(
          r.status,
          status,
          `${locale} ${JSON.stringify(body).slice(0, 40)}: ${JSON.stringify(r.body)}`,
        );
      }
      const rows = await t.ctx.db.selectFrom('submission_translations').selectAll().execute();
      assert.deepEqual(rows, []);
      assert.deepEqual(await audits(), []);
    });

    test('a reviewer writes an English translation: encrypted, listed, the flag off, answers unchanged', async () => {
      const answers = (await chuy.client.get<View>(`${S}/${id}`)).body.answers;
      assert.equal((await chuy.client.patch(`${S}/${id}/flags`, { translate: true })).status, 200);
      const r = await put(chuy, 'en', { text: `  ${ENGLISH}\n` });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.deepEqual(
        r.body.translations.map((x) => [x.locale, x.text, x.userId]),
        [['en', ENGLISH, chuy.id]],
      );
      assert.equal(r.body.flags.translate, false);
      assert.deepEqual(r.body.answers, answers, 'the reporter’s answers stay as sent');
      assert.deepEqual(
        r.body.history.at(-1),
        { ...r.body.history.at(-1), action: 'translate', refId: 'en' },
        'the history says which language',
      );
      // At rest it is ciphertext; the audit log names the language, never the text.
      const row = await t.ctx.db.selectFrom('submission_translations').selectAll().executeTakeFirstOrThrow();
      assert.ok(!row.body_enc.includes(MARKER));
      assert.ok(!(await audits()).some((a) => a.includes(MARKER)));
      if (backend === 'sqlite') {
        const dir = t.ctx.config.dataDir;
        const files = fs.readdirSync(dir).filter((n) => n.startsWith('ukuk.db'));
        assert.ok(files.includes('ukuk.db'), files.join(' '));
        for (const f of files)
          assert.ok(!fs.readFileSync(path.join(dir, f)).includes(MARKER), `${f} holds the text in clear`);
      }
      // The observer's view of their own report has no translations (the review is the reviewers').
      const mine = await obs.client.get<View>(`${S}/${id}`);
      assert.deepEqual(mine.body.translations, []);
      assert.ok(!JSON.stringify(mine.body).includes(MARKER));
    });

    test('the same text writes nothing; a change is one more entry; an empty text removes it', async () => {
      const before = (await audits()).length;
      assert.equal((await put(admin, 'en', { text: ENGLISH })).status, 200);
      assert.equal((await audits()).length, before);
      const ru = await put(admin, 'ru', { text: 'Участок открылся на час позже.' });
      assert.deepEqual(
        ru.body.translations.map((x) => x.locale),
        ['en', 'ru'],
      );
      const gone = await put(chuy, 'en', { text: '   ' });
      assert.equal(gone.status, 200, JSON.stringify(gone.body));
      assert.deepEqual(
        gone.body.translations.map((x) => x.locale),
        ['ru'],
      );
      assert.equal(gone.body.history.at(-1)!.action, 'untranslate');
      assert.equal((await audits()).length, before + 2);
      assert.match((await audits()).at(-1)!, /"removed":true/);
    });

    test('the record a report becomes carries its translations, the reader’s language first', async () => {
      assert.equal((await put(admin, 'en', { text: ENGLISH })).status, 200);
      // The app's language switch (English here), which wins over the account's language.
      const en = { 'x-ukuk-locale': 'en' };
      const v = await admin.client.request<{ eventId: string }>('POST', `${S}/${id}/to-violation`, {}, en);
      assert.equal(v.status, 200, JSON.stringify(v.body));
      const ev = await admin.client.get<{ description: string }>(`/api/violations/events/${v.body.eventId}`);
      const parts = ev.body.description.split('\n\n');
      // The answers as labelled lines, then each translation under its language's heading.
      assert.match(parts[0]!, /^Voters: 120$/m);
      assert.deepEqual(parts.slice(1), [
        `Translation into English:\n${ENGLISH}`,
        'Translation into Russian:\nУчасток открылся на час позже.',
      ]);
      const k = await admin.client.request<{ caseId: string }>('POST', `${S}/${id}/to-case`, {}, en);
      assert.equal(k.status, 200, JSON.stringify(k.body));
      const c = await admin.client.get<{ summary: string }>(`/api/cases/${k.body.caseId}`);
      assert.ok(c.body.summary.includes(`Translation into English:\n${ENGLISH}`), c.body.summary);
    });

    test('someone else’s lock refuses a translation', async () => {
      assert.equal((await admin.client.post(`${S}/${id}/lock`, {})).status, 200);
      const r = await put(chuy, 'ky', { text: 'Участок бир саат кечигип ачылды.' });
      assert.equal(r.status, 409);
      assert.equal(r.body.error.code, 'submissions.locked');
      assert.equal((await admin.client.delete(`${S}/${id}/lock`)).status, 200);
      const rows = await t.ctx.db
        .selectFrom('submission_translations')
        .select('locale')
        .where('locale', '=', 'ky')
        .execute();
      assert.deepEqual(rows, []);
    });
  });
}
