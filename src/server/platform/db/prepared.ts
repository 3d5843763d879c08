import type { Compilable, CompiledQuery } from 'kysely';
import type { Executor } from './db.ts';

const MARK = '\u0000ukuk-param:';

/** A stand-in for the i-th argument of a prepared query, typed as the value it stands for. */
export type Param = <T = string>(i: number) => T;

interface Template {
  sql: string;
  query: CompiledQuery['query'];
  queryId: CompiledQuery['queryId'];
  /** Per parameter: the index of the argument it takes, or a constant written in the query. */
  slots: ({ arg: number } | { value: unknown })[];
  arity: number;
}

/**
 * A query compiled once per dialect and run with new arguments (hot paths: the session of every
 * request, a submission's checks and insert). Kysely compiles a query on every call; on a small query
 * that costs more than SQLite takes to run it. `build` is called once with stand-ins from `p` for the
 * arguments; they must be used only as values (never to choose the query's shape), and the argument
 * list must always have the same length.
 */
export function prepared<R>(
  name: string,
  build: (db: Executor, p: Param) => Compilable<R>,
): (db: Executor, args: readonly unknown[]) => Promise<R[]> {
  const byDialect = new Map<unknown, Template>();
  return async (db, args) => {
    const adapter = db.getExecutor().adapter.constructor;
    let t = byDialect.get(adapter);
    if (!t) {
      const compiled = build(db, ((i: number) => `${MARK}${i}`) as Param).compile();
      const slots = compiled.parameters.map((v): Template['slots'][number] =>
        typeof v === 'string' && v.startsWith(MARK) ? { arg: Number(v.slice(MARK.length)) } : { value: v },
      );
      const arity = Math.max(0, ...slots.map((s) => ('arg' in s ? s.arg + 1 : 0)));
      t = { sql: compiled.sql, query: compiled.query, queryId: compiled.queryId, slots, arity };
      byDialect.set(adapter, t);
    }
    if (args.length !== t.arity) throw new Error(`prepared query ${name}: ${t.arity} arguments expected`);
    const parameters = t.slots.map((s) => ('arg' in s ? args[s.arg] : s.value));
    const r = await db.executeQuery<R>({ sql: t.sql, query: t.query, queryId: t.queryId, parameters });
    return r.rows;
  };
}
