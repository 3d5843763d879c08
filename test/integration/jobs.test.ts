import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { openDb, type DbHandle } from '../../src/server/platform/db/db.ts';
import {
  createJobQueue,
  errorLabel,
  type JobQueueOptions,
  type ManagedJobQueue,
} from '../../src/server/platform/jobs/jobs.ts';
import { backends, testDb } from '../helpers/db.ts';

const log = pino({ level: 'silent' });

/** A clock the test moves by hand, so that backoff and leases need no sleeping. */
function manualClock(start = Date.parse('2026-11-28T10:00:00.000Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

async function job(dbh: DbHandle, id: string) {
  return dbh.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function until(cond: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(10);
  }
}

class PersonalDataError extends Error {
  override name = 'PersonalDataError';
  code = 'E_TEST';
}

for (const backend of await backends()) {
  void describe(`jobs on ${backend}`, () => {
    let t: Awaited<ReturnType<typeof testDb>>;
    const queue = (o: Partial<JobQueueOptions> = {}): ManagedJobQueue =>
      createJobQueue({ db: t.dbh.db, kind: t.dbh.kind, log, pollMs: 5, ...o });

    before(async () => {
      t = await testDb(backend);
    });
    after(async () => t.cleanup());

    void test('a job runs once with its payload, then is done', async () => {
      const q = queue();
      const seen: unknown[] = [];
      q.register('once', async (payload, info) => void seen.push({ payload, attempt: info.attempt }));
      const id = await q.enqueue(t.dbh.db, 'once', { caseId: 'c-1' });
      assert.equal(await q.runOnce(), true);
      assert.equal(await q.runOnce(), false);
      assert.deepEqual(seen, [{ payload: { caseId: 'c-1' }, attempt: 1 }]);
      const row = await job(t.dbh, id);
      assert.equal(row.state, 'done');
      assert.equal(row.locked_by, null);
    });

    void test('failures retry with exponential backoff, store no message, then go dead', async () => {
      const clock = manualClock();
      const q = queue({ clock: clock.now, backoff: { baseMs: 1000, maxMs: 60_000 } });
      let calls = 0;
      q.register('flaky', async () => {
        calls++;
        throw new PersonalDataError('could not reach Айгүл Асанова at +996 555 000');
      });
      const id = await q.enqueue(t.dbh.db, 'flaky', {}, { maxAttempts: 3 });
      for (const [attempt, minDelay] of [
        [1, 1000],
        [2, 2000],
      ] as const) {
        assert.equal(await q.runOnce(), true);
        const row = await job(t.dbh, id);
        assert.equal(row.state, 'failed');
        assert.equal(row.attempts, attempt);
        assert.equal(row.last_error, 'PersonalDataError:E_TEST');
        const delay = Date.parse(row.run_at) - clock.now();
        assert.ok(delay >= minDelay && delay <= minDelay * 1.25, `delay ${delay} after attempt ${attempt}`);
        assert.equal(await q.runOnce(), false, 'not due before its backoff');
        clock.advance(delay);
      }
      assert.equal(await q.runOnce(), true);
      const row = await job(t.dbh, id);
      assert.equal(row.state, 'dead');
      assert.equal(row.attempts, 3);
      assert.ok(!JSON.stringify(row).includes('Асанова'));
      clock.advance(3_600_000);
      assert.equal(await q.runOnce(), false, 'dead jobs never run again');
      assert.equal(calls, 3);
    });

    void test('unique_key de-duplicates enqueues, also inside a transaction', async () => {
      const q = queue();
      const a = await q.enqueue(t.dbh.db, 'dedup', { n: 1 }, { uniqueKey: 'dedup:1' });
      const b = await q.enqueue(t.dbh.db, 'dedup', { n: 2 }, { uniqueKey: 'dedup:1' });
      const c = await t.dbh.db
        .transaction()
        .execute((tx) => q.enqueue(tx, 'dedup', { n: 3 }, { uniqueKey: 'dedup:1' }));
      assert.equal(b, a);
      assert.equal(c, a);
      const rows = await t.dbh.db
        .selectFrom('jobs')
        .select('payload')
        .where('unique_key', '=', 'dedup:1')
        .execute();
      assert.deepEqual(rows, [{ payload: '{"n":1}' }]);
    });

    void test('an enqueue in a rolled-back transaction leaves no job', async () => {
      const q = queue();
      await t.dbh.db
        .transaction()
        .execute(async (tx) => {
          await q.enqueue(tx, 'rolled-back', {}, { uniqueKey: 'rb:1' });
          throw new Error('rollback');
        })
        .catch(() => undefined);
      assert.equal(
        await t.dbh.db.selectFrom('jobs').select('id').where('unique_key', '=', 'rb:1').executeTakeFirst(),
        undefined,
      );
    });

    void test('a job of a crashed worker runs again after its lease, not before', async () => {
      const clock = manualClock();
      const q = queue({ clock: clock.now, leaseMs: 60_000 });
      let runs = 0;
      q.register('leased', async () => void runs++);
      const id = await q.enqueue(t.dbh.db, 'leased', {});
      // Simulate another node that claimed the job and died while holding it.
      await t.dbh.db
        .updateTable('jobs')
        .set({
          state: 'active',
          attempts: 1,
          locked_by: 'crashed-node',
          locked_until: new Date(clock.now() + 30_000).toISOString(),
        })
        .where('id', '=', id)
        .execute();
      assert.equal(await q.runOnce(), false, 'lease still held');
      clock.advance(30_001);
      assert.equal(await q.runOnce(), true);
      const row = await job(t.dbh, id);
      assert.equal(row.state, 'done');
      assert.equal(row.attempts, 2);
      assert.equal(runs, 1);
    });

    void test('a crash during the last attempt makes the job dead, not run again', async () => {
      const clock = manualClock();
      const q = queue({ clock: clock.now });
      let runs = 0;
      q.register('last', async () => void runs++);
      const id = await q.enqueue(t.dbh.db, 'last', {}, { maxAttempts: 1 });
      const past = new Date(clock.now() - 1).toISOString();
      await t.dbh.db
        .updateTable('jobs')
        .set({ state: 'active', attempts: 1, locked_by: 'gone', locked_until: past })
        .where('id', '=', id)
        .execute();
      assert.equal(await q.runOnce(), true);
      assert.equal((await job(t.dbh, id)).state, 'dead');
      assert.equal((await job(t.dbh, id)).last_error, 'LeaseExpired');
      assert.equal(runs, 0);
    });

    void test('a long job keeps its lease, so another worker does not take it', async () => {
      const [a, b] = [queue({ leaseMs: 90 }), queue({ leaseMs: 90 })];
      let runs = 0;
      for (const q of [a, b]) q.register('long', async () => void (runs++, await sleep(400)));
      const id = await a.enqueue(t.dbh.db, 'long', {});
      const running = a.runOnce();
      await sleep(200);
      assert.equal(await b.runOnce(), false);
      await running;
      assert.equal((await job(t.dbh, id)).state, 'done');
      assert.equal(runs, 1);
    });

    void test('cancel, stats, and stop() waits for the running job', async () => {
      const q = queue();
      const later = await q.enqueue(t.dbh.db, 'slow', {}, { runAt: new Date(Date.now() + 3_600_000) });
      assert.equal(await q.cancel(later), true);
      assert.equal(await q.cancel(later), false);
      let finished = false;
      q.register('slow', async () => void (await sleep(150), (finished = true)));
      const id = await q.enqueue(t.dbh.db, 'slow', {});
      q.start();
      await until(async () => (await job(t.dbh, id)).state === 'active');
      await q.stop();
      assert.equal(finished, true);
      assert.equal((await job(t.dbh, id)).state, 'done');
      const stats = await q.stats();
      assert.deepEqual(Object.keys(stats).sort(), ['active', 'dead', 'done', 'failed', 'queued']);
      assert.ok(stats.done >= 1 && stats.dead >= 1);
      assert.equal(stats.active, 0);
    });

    void test('three nodes on one database never run a job twice (100 jobs)', async () => {
      // Separate handles = separate connections (pools on PostgreSQL, file handles on SQLite).
      const handles = [0, 1, 2].map(() =>
        openDb({ dataDir: t.dataDir, databaseUrl: t.databaseUrl, poolSize: 3 }),
      );
      const runs = new Map<string, number>();
      const perWorker = [0, 0, 0];
      const queues = handles.map((h, i) => {
        const q = createJobQueue({ db: h.db, kind: h.kind, log, pollMs: 2, workerId: `node-${i}` });
        q.register('race', async (_p, info) => {
          runs.set(info.jobId, (runs.get(info.jobId) ?? 0) + 1);
          perWorker[i]!++;
          await sleep(Math.random() * 3);
        });
        return q;
      });
      try {
        const ids = new Set<string>();
        for (let n = 0; n < 100; n++) ids.add(await queues[0]!.enqueue(t.dbh.db, 'race', { n }));
        queues.forEach((q) => q.start());
        // Extra direct claims race the pollers, so that claims really do overlap.
        await Promise.all(queues.flatMap((q) => Array.from({ length: 10 }, () => q.runOnce())));
        await until(async () => {
          const n = await t.dbh.db
            .selectFrom('jobs')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('type', '=', 'race')
            .where('state', '=', 'done')
            .executeTakeFirstOrThrow();
          return Number(n.n) === 100;
        });
        await Promise.all(queues.map((q) => q.stop()));
        assert.equal(runs.size, 100);
        assert.deepEqual([...runs.keys()].sort(), [...ids].sort());
        assert.ok(
          [...runs.values()].every((c) => c === 1),
          'a job ran twice',
        );
        assert.ok(perWorker.filter((c) => c > 0).length >= 2, `work was spread: ${perWorker.join(',')}`);
      } finally {
        await Promise.all(queues.map((q) => q.stop()));
        await Promise.all(handles.map((h) => h.close()));
      }
    });
  });
}

void describe('errorLabel', () => {
  void test('keeps name and code, drops the message', () => {
    assert.equal(errorLabel(new PersonalDataError('Айгүл')), 'PersonalDataError:E_TEST');
    assert.equal(errorLabel(new TypeError('secret')), 'TypeError');
    assert.equal(errorLabel('a string'), 'NonError');
    const weird = Object.assign(new Error('x'), { name: 'Bad name <Айгүл>', code: 'a b' });
    assert.equal(errorLabel(weird), 'Badname:ab');
  });
});
