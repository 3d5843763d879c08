import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { FieldDb } from '../../src/web/features/field/db.ts';
import { keepDraft, readDraft } from '../../src/web/features/field/drafts.ts';
import {
  deviceKey,
  ensureDeviceKey,
  forgetOnLogout,
  readAnswers,
  readMedia,
  saveMedia,
  saveReport,
} from '../../src/web/features/field/outbox.ts';
import {
  PIN_TRIES,
  hasPin,
  isLocked,
  lockNow,
  removePin,
  setPin,
  unlock,
} from '../../src/web/features/field/pin.ts';

let n = 0;
let db: FieldDb;
const where = { formVersionId: 'fv', siteId: 's1' };

beforeEach(async () => {
  db = new FieldDb(`field-pin-${++n}`);
  await ensureDeviceKey(db);
});

const report = (clientId: string) => ({
  clientId,
  formVersionId: 'fv',
  siteId: 's1',
  answers: { q: clientId },
});

/** The field app's PIN lock (pin.ts, ADR 0031): what a locked phone shows and what wrong PINs cost. */
describe('field app: PIN lock', () => {
  test('setting a PIN re-encrypts reports, photos and drafts under a key only the PIN opens', async () => {
    const item = await saveReport(db, report('r1'));
    const photo = await saveMedia(db, 'r1', new Blob([new Uint8Array([1, 2, 3])]), 'p.jpg');
    await keepDraft(db, where, 'd1', { q: 'half done' });
    const before = await db.meta.get('deviceKey');
    assert.ok(before, 'a device key is stored while there is no PIN');

    await setPin(db, '246810');
    assert.equal(await db.meta.get('deviceKey'), undefined, 'the usable stored key is gone');
    assert.deepEqual(await readAnswers(db, (await db.outbox.get('r1'))!), { q: 'r1' });
    const m = (await db.media.get(photo.slice('local-'.length)))!;
    assert.deepEqual([...(await readMedia(db, m))], [1, 2, 3]);
    assert.deepEqual((await readDraft(db, where))?.answers, { q: 'half done' });
    assert.notDeepEqual((await db.outbox.get('r1'))!.sealed!.iv, item.sealed!.iv, 'sealed again');

    // Locked (after a while, or a reload): nothing can be read or saved, and no new key is made.
    lockNow(db);
    assert.equal(await isLocked(db), true);
    assert.equal(await deviceKey(db), null);
    assert.equal(await ensureDeviceKey(db), null);
    await assert.rejects(readAnswers(db, (await db.outbox.get('r1'))!));
    await assert.rejects(saveReport(db, report('r2')));
    assert.equal(await readDraft(db, where), null);

    assert.deepEqual(await unlock(db, '246810'), { ok: true });
    assert.equal(await isLocked(db), false);
    assert.deepEqual(await readAnswers(db, (await db.outbox.get('r1'))!), { q: 'r1' });
  });

  test('wrong PINs count down; the right one resets the count; the last wrong one asks for a wipe', async () => {
    await saveReport(db, report('r1'));
    await setPin(db, 'correct horse');
    lockNow(db);
    assert.deepEqual(await unlock(db, 'wrong-1'), { ok: false, left: PIN_TRIES - 1 });
    assert.deepEqual(await unlock(db, 'wrong-2'), { ok: false, left: PIN_TRIES - 2 });
    assert.deepEqual(await unlock(db, 'correct horse'), { ok: true });
    lockNow(db);
    for (let i = 1; i < PIN_TRIES; i++)
      assert.deepEqual(await unlock(db, `x${i}`), { ok: false, left: PIN_TRIES - i });
    assert.deepEqual(await unlock(db, 'x-last'), { ok: false, wipe: true });
    // Even the right PIN is too late now: the count was saved before the check.
    assert.deepEqual(await unlock(db, 'correct horse'), { ok: false, wipe: true });
    assert.equal(await isLocked(db), true);
  });

  test('a try is counted even when the check never finishes (the tab closed meanwhile)', async () => {
    await setPin(db, '135791');
    lockNow(db);
    // What is stored when the slow key derivation starts: the count must already be there.
    const derive = crypto.subtle.deriveKey.bind(crypto.subtle);
    let atDerivation = -1;
    crypto.subtle.deriveKey = (async (...args: Parameters<typeof derive>) => {
      atDerivation = ((await db.meta.get('pinLock'))!.value as { failed: number }).failed;
      return derive(...args);
    }) as typeof crypto.subtle.deriveKey;
    try {
      await unlock(db, 'guess-1');
    } finally {
      crypto.subtle.deriveKey = derive;
    }
    assert.equal(atDerivation, 1);
  });

  test('turning the PIN off needs the PIN and keeps the data readable; a short PIN is refused', async () => {
    await saveReport(db, report('r1'));
    await assert.rejects(setPin(db, '12345'));
    assert.equal(await hasPin(db), false);
    await setPin(db, '112233');
    assert.deepEqual(await removePin(db, '000000'), { ok: false, left: PIN_TRIES - 1 });
    assert.equal(await hasPin(db), true);
    assert.deepEqual(await removePin(db, '112233'), { ok: true });
    assert.equal(await hasPin(db), false);
    lockNow(db);
    assert.deepEqual(await readAnswers(db, (await db.outbox.get('r1'))!), { q: 'r1' });
  });

  test('a logout forgets the PIN with the key and everything it opened', async () => {
    await saveReport(db, report('r1'));
    await setPin(db, '987654');
    await forgetOnLogout(db);
    assert.equal(await hasPin(db), false);
    assert.equal(await deviceKey(db), null);
    assert.equal(await db.outbox.count(), 0);
    // The next login makes a fresh key, with no PIN.
    assert.ok(await ensureDeviceKey(db));
  });

  test('a report saved with the old key while the PIN is being set makes it fail, changing nothing', async () => {
    await saveReport(db, report('r1'));
    // Another tab saves a report right after the reports were read for re-encryption.
    const read = db.outbox.toArray.bind(db.outbox);
    db.outbox.toArray = (async () => {
      const rows = await read();
      await saveReport(db, report('r2'));
      return rows;
    }) as typeof db.outbox.toArray;
    await assert.rejects(setPin(db, '555777'));
    assert.equal(await hasPin(db), false);
    assert.deepEqual(await readAnswers(db, (await db.outbox.get('r2'))!), { q: 'r2' });
  });
});
