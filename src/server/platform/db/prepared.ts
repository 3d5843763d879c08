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

// Statement sizes of `preparedRows`, largest first: 150 rows take 2 × 64 + 16 + 4 + 2 × 1, six
// statements, and only four are ever compiled and kept.
const SHAPES = [64, 16, 4, 1] as const;

/**
 * A multi-row insert (a group commit's submissions or audit entries) in statements of fixed sizes,
 * each compiled once by `prepared`: compiling a new insert for every batch's row count cost Kysely
 * more than SQLite took to run it. `build` gets one statement's rows as `column → stand-in` records;
 * the caller gives each row's values in `columns` order, and gets back what the statements returned.
 */
export function preparedRows<R>(
  name: string,
  columns: readonly string[],
  build: (db: Executor, rows: Record<string, unknown>[]) => Compilable<R>,
): (db: Executor, rows: readonly (readonly unknown[])[]) => Promise<R[]> {
  const statements = new Map(
    SHAPES.map((n) => [
      n,
      prepared(`${name}.${n}`, (db, p) =>
        build(
          db,
          Array.from({ length: n }, (_, r) =>
            Object.fromEntries(columns.map((c, i) => [c, p(r * columns.length + i)])),
          ),
        ),
      ),
    ]),
  );
  return async (db, rows) => {
    const out: R[] = [];
    let done = 0;
    for (const n of SHAPES)
      while (rows.length - done >= n) {
        out.push(...(await statements.get(n)!(db, rows.slice(done, done + n).flat())));
        done += n;
      }
    return out;
  };
}
