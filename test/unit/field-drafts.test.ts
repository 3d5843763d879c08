import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { FieldDb } from '../../src/web/features/field/db.ts';
import { dropDraft, keepDraft, readDraft } from '../../src/web/features/field/drafts.ts';
import { ensureDeviceKey, forgetOnLogout } from '../../src/web/features/field/outbox.ts';

let n = 0;
let db: FieldDb;
const where = { formVersionId: 'v1', siteId: 's1' };

beforeEach(async () => {
  db = new FieldDb(`field-drafts-${++n}`);
  await ensureDeviceKey(db);
});

describe('field app: drafts of reports being filled in', () => {
  test('kept encrypted per form and site, read back, dropped', async () => {
    await keepDraft(db, where, 'c1', { voters: 120, notes: 'Айгүл' });
    const row = await db.meta.get('draft:v1:s1');
    assert.ok(row, 'stored');
    assert.ok(!JSON.stringify(row).includes('Айгүл'), 'nothing in clear');
    const d = await readDraft(db, where);
    assert.deepEqual(d && { clientId: d.clientId, answers: d.answers }, {
      clientId: 'c1',
      answers: { voters: 120, notes: 'Айгүл' },
    });
    assert.equal(await readDraft(db, { formVersionId: 'v1', siteId: 's2' }), null);
    await dropDraft(db, where);
    assert.equal(await readDraft(db, where), null);
  });

  test('gone with the device key at logout; nothing is written once logged out', async () => {
    await keepDraft(db, where, 'c1', { voters: 1 });
    await forgetOnLogout(db);
    assert.equal(await readDraft(db, where), null);
    await keepDraft(db, where, 'c2', { voters: 2 });
    assert.equal(await db.meta.count(), 0);
    // A new login makes a new key: an old draft (if any survived) cannot be opened and reads as none.
    await ensureDeviceKey(db);
    assert.equal(await readDraft(db, where), null);
  });
});
