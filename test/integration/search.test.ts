import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sql } from 'kysely';
import { Envelope } from '../../src/server/platform/crypto/envelope.ts';
import {
  createSearchIndex,
  type SearchDoc,
  type SearchIndex,
  type SearchQuery,
} from '../../src/server/platform/search/search.ts';
import type { DbHandle } from '../../src/server/platform/db/db.ts';
import { backends, testDb } from '../helpers/db.ts';

const envelope = new Envelope(randomBytes(32));

function doc(entityId: string, text: string, over: Partial<SearchDoc> = {}): SearchDoc {
  return { entityType: 'case', entityId, scope: 'public', lang: 'ky', text, sensitive: false, ...over };
}

/** Every byte of the SQLite database, including what is still only in the write-ahead log. */
function sqliteBytes(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
}

async function pgTableText(dbh: DbHandle): Promise<string> {
  const { rows } = await sql<{ t: string }>`SELECT CAST(s AS text) AS t FROM search_docs s`.execute(dbh.db);
  return rows.map((r) => r.t).join('\n');
}

for (const backend of await backends()) {
  void describe(`search on ${backend}`, () => {
    let t: Awaited<ReturnType<typeof testDb>>;
    let search: SearchIndex;
    const ids = async (query: string, extra: Partial<SearchQuery> = {}) =>
      (await search.search(t.dbh.db, { query, ...extra })).map((h) => h.entityId).sort();

    before(async () => {
      t = await testDb(backend);
      search = createSearchIndex({ kind: t.dbh.kind });
      const db = t.dbh.db;
      await search.index(db, doc('ky1', 'Өкмөттүн чечими боюнча'));
      await search.index(db, doc('ky2', 'окмот деген сөз жок'));
      await search.index(db, doc('ru1', 'Решение Правительства о задержании', { lang: 'ru' }));
      await search.index(db, doc('ru2', 'Ёлка во дворе', { lang: 'ru' }));
      await search.index(db, doc('ru3', 'елочные игрушки', { lang: 'ru' }));
      await search.index(db, doc('en1', 'Detainees were running from the police', { lang: 'en' }));
      await search.index(db, doc('team1', 'Өкмөт жана укук', { scope: 'team-a', entityType: 'note' }));
    });
    after(async () => t.cleanup());

    void test('Kyrgyz: prefix and upper case find inflected forms; ө is not о', async () => {
      assert.deepEqual(await ids('өкмөт', { scope: 'public' }), ['ky1']);
      assert.deepEqual(await ids('ӨКМӨТ', { scope: 'public' }), ['ky1']);
      assert.deepEqual(await ids('ӨКМӨТТҮН'), ['ky1']);
      assert.deepEqual(await ids('окмот'), ['ky2']);
    });

    void test('ё and е match both ways', async () => {
      assert.deepEqual(await ids('елка'), ['ru2']);
      assert.deepEqual(await ids('ёлка'), ['ru2']);
      assert.deepEqual(await ids('ЁЛОЧНЫЕ'), ['ru3']);
    });

    void test('Russian stemming: правительство finds Правительства', async () => {
      assert.deepEqual(await ids('правительство'), ['ru1']);
      assert.deepEqual(await ids('задержание правительство'), ['ru1']);
      assert.deepEqual(await ids('правительство ёлка'), [], 'all terms must match');
    });

    void test('English stemming and prefixes', async () => {
      assert.deepEqual(await ids('runs'), ['en1']);
      assert.deepEqual(await ids('DETAIN'), ['en1']);
      assert.deepEqual(await ids('police detainee'), ['en1']);
    });

    void test('scope and entity type filters', async () => {
      assert.deepEqual(await ids('өкмөт'), ['ky1', 'team1']);
      assert.deepEqual(await ids('өкмөт', { scope: 'team-a' }), ['team1']);
      assert.deepEqual(await ids('өкмөт', { scope: ['public', 'team-a'] }), ['ky1', 'team1']);
      assert.deepEqual(await ids('өкмөт', { scope: [] }), [], 'no visible scope, no hits');
      assert.deepEqual(await ids('өкмөт', { entityTypes: ['note'] }), ['team1']);
      assert.deepEqual(
        await ids('өкмөт', { entityTypes: ['case', 'note'], limit: 1 }).then((r) => r.length),
        1,
      );
    });

    void test('results are ranked, better matches first', async () => {
      const db = t.dbh.db;
      await search.index(db, doc('rank1', 'укук', { scope: 'rank' }));
      await search.index(db, doc('rank2', 'укук укук укук коргоо', { scope: 'rank' }));
      const hits = await search.search(db, { query: 'укук', scope: 'rank' });
      assert.deepEqual(
        hits.map((h) => h.entityId),
        ['rank2', 'rank1'],
      );
      assert.ok(hits[0]!.score > hits[1]!.score);
    });

    void test('malicious or odd queries never throw', async () => {
      for (const q of [
        '"',
        'AND OR (',
        '*',
        'body: x',
        'NEAR(a b)',
        "'; DROP TABLE search_docs; --",
        ':* & |',
        '\\',
        '',
      ]) {
        const hits = await search.search(t.dbh.db, { query: q, envelope });
        assert.ok(Array.isArray(hits), q);
      }
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.string({ unit: 'grapheme', maxLength: 40 }),
            fc.string({ unit: 'binary', maxLength: 40 }),
          ),
          async (q) => {
            await search.search(t.dbh.db, { query: q, envelope });
          },
        ),
        { numRuns: 60 },
      );
      assert.deepEqual(await ids('өкмөт', { scope: 'team-a' }), ['team1'], 'table intact');
    });

    void test('re-indexing replaces and remove deletes', async () => {
      const db = t.dbh.db;
      await search.index(db, doc('mut1', 'биринчи текст', { scope: 'mut' }));
      await search.index(db, doc('mut1', 'экинчи текст', { scope: 'mut' }));
      assert.deepEqual(await ids('биринчи', { scope: 'mut' }), []);
      assert.deepEqual(await ids('экинчи', { scope: 'mut' }), ['mut1']);
      await search.remove(db, 'case', 'mut1');
      assert.deepEqual(await ids('текст', { scope: 'mut' }), []);
      await search.remove(db, 'case', 'never-indexed');
    });

    void test('index and remove take part in the caller transaction', async () => {
      await t.dbh.db
        .transaction()
        .execute(async (tx) => {
          await search.index(tx, doc('tx1', 'транзакция', { scope: 'tx' }));
          throw new Error('rollback');
        })
        .catch(() => undefined);
      assert.deepEqual(await ids('транзакция', { scope: 'tx' }), []);
    });

    void test('sensitive text is searchable with the key but never stored in plaintext', async () => {
      const db = t.dbh.db;
      const marker = 'Зарылбекмаркер';
      const publicMarker = 'Ачыкмаркерсөз';
      await search.index(
        db,
        doc('s1', `Күбө ${marker} Правительства жөнүндө айтты`, {
          sensitive: true,
          envelope,
          scope: 'secret',
          lang: 'ru',
        }),
      );
      await search.index(db, doc('p1', publicMarker, { scope: 'secret' }));
      assert.deepEqual(await ids(marker.toUpperCase(), { envelope }), ['s1']);
      assert.deepEqual(await ids('зарылб', { envelope }), ['s1'], 'prefix of a sensitive word');
      assert.deepEqual(await ids('правительство күбө', { envelope }), ['s1'], 'stemmed and multi-term');
      assert.deepEqual(await ids(marker), [], 'without the key sensitive docs never match');
      assert.deepEqual(
        await ids(marker, { envelope: new Envelope(randomBytes(32)) }),
        [],
        'another key finds nothing',
      );
      assert.deepEqual(await ids('окмот', { envelope }), ['ky2'], 'public docs still found with a key');
      await assert.rejects(search.index(db, doc('s2', 'x', { sensitive: true })), /envelope/);

      const haystacks =
        backend === 'sqlite' ? [sqliteBytes(t.dbh.file!).toString('utf8')] : [await pgTableText(t.dbh)];
      for (const hay of haystacks) {
        for (const form of [marker, marker.toLowerCase(), 'зарылб', 'күбө'])
          assert.ok(!hay.includes(form), `"${form}" leaked`);
        // The scan must be able to fail: the public marker is stored in the same place.
        assert.ok(hay.includes(publicMarker.toLowerCase()), 'control: public text is visible to the scan');
      }
    });
  });
}
