import { envelope, type AppContext } from '../../platform/context.ts';
import { KEY_SCHEME_VERSION, personKeys } from './people.keys.ts';
import { decryptPerson } from './people.presenter.ts';
import { peopleRepo } from './people.repo.ts';

/**
 * The blind-index keys of names depend on the spelling rules in src/core/names. When those rules
 * change, KEY_SCHEME_VERSION is raised and every person's keys are rebuilt in the background (job
 * `people.rekey`), page by page; until it finishes, the conflict check still finds most spellings.
 */
const SETTING = 'people.keys.version';

export async function rekeyPeople(ctx: AppContext): Promise<number> {
  const env = envelope(ctx);
  let last = '';
  let n = 0;
  for (;;) {
    const rows = await ctx.db
      .selectFrom('people')
      .selectAll()
      .where('id', '>', last)
      .orderBy('id')
      .limit(500)
      .execute();
    if (rows.length === 0) break;
    await ctx.db.transaction().execute(async (tx) => {
      for (const row of rows) {
        if (row.merged_into) continue;
        const s = decryptPerson(env, row);
        const keys = personKeys(
          env,
          [...s.names.map((x) => x.full), ...s.aliases],
          s.idNumbers.map((x) => x.number),
        );
        await peopleRepo.setKeys(tx, row.id, keys);
      }
    });
    n += rows.length;
    last = rows[rows.length - 1]!.id;
  }
  const now = new Date().toISOString();
  await ctx.db
    .insertInto('settings')
    .values({ key: SETTING, value: String(KEY_SCHEME_VERSION), updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(KEY_SCHEME_VERSION), updated_at: now }))
    .execute();
  return n;
}

export function registerPeopleJobs(ctx: AppContext): void {
  ctx.jobs.register('people.rekey', async () => {
    const n = await rekeyPeople(ctx);
    ctx.log.info({ people: n, version: KEY_SCHEME_VERSION }, 'name keys rebuilt');
  });
}

/** Queue a rebuild when the stored keys were made by older spelling rules (or never recorded). */
export async function scheduleRekeyIfNeeded(ctx: AppContext): Promise<void> {
  const r = await ctx.db.selectFrom('settings').select('value').where('key', '=', SETTING).executeTakeFirst();
  if (r && Number(r.value) === KEY_SCHEME_VERSION) return;
  const anyone = await ctx.db.selectFrom('people').select('id').limit(1).executeTakeFirst();
  if (!anyone) {
    // An empty registry is current by definition: record the version so no job is ever needed.
    await ctx.db
      .insertInto('settings')
      .values({ key: SETTING, value: String(KEY_SCHEME_VERSION), updated_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    return;
  }
  await ctx.jobs.enqueue(ctx.db, 'people.rekey', {}, { uniqueKey: `people.rekey:v${KEY_SCHEME_VERSION}` });
}
