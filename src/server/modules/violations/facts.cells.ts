/**
 * What one event contributes to the pre-counted figures (ADR 0011), computed from a `Snap` of its
 * codes. Pure: the refresh subtracts the cells of the old snap and adds those of the new one; the
 * reader adds the cells of the restricted events an actor may see to the stored unrestricted ones.
 *
 * Filter keys: `''` (no filter), a tag, or `b:` + month bucket. Figure tags: `*` (everything), `g:`
 * region, `d:` district, `s:` status, `y:` year, `b:` month bucket, `a:` act type, `p:` perpetrator
 * type, `R:` right. `a:`, `p:` and `R:` belong to acts: as a filter they select the matching acts
 * (as the statistics do), as a figure they count the acts under them. Per cell: `ne` events with the
 * filter and the tag (the list's facets), `na` acts matching both, `nea` events with such an act.
 */
export interface SnapAct {
  /** Act type. */
  t: string;
  /** Victim subject: `root|kind|group size` (root: the record a merged duplicate was merged into). */
  v: string | null;
  /** Perpetrator types (`unknown` when an involvement has none), one per involvement. */
  p: string[];
  /** Perpetrator roots. */
  pr: string[];
  /** Rights affected, `scheme:code`. */
  R: string[];
}

export interface Snap {
  r: number;
  g: string | null;
  d: string | null;
  s: string | null;
  date: string | null;
  /** Reliability codes of the event's information. */
  rel: string[];
  acts: SnapAct[];
}

export type Cell = [ne: number, na: number, nea: number];
export type Cells = Map<string, Cell>;
export const SEP = '\u0001';

/** The month bucket of a partial date: `YYYY-MM`, or `YYYY` for a year-only date. */
export const bucketOf = (date: string | null) => (date ? date.slice(0, 7) : null);

/** Tags of the event itself (filters and list facets), without its acts' tags. */
function eventTags(s: Snap): string[] {
  const t: string[] = [];
  if (s.g) t.push(`g:${s.g}`);
  if (s.d) t.push(`d:${s.d}`);
  if (s.s) t.push(`s:${s.s}`);
  for (const r of new Set(s.rel)) t.push(`r:${r}`);
  return t;
}

const actTags = (a: SnapAct) =>
  new Set([`a:${a.t}`, ...a.p.map((p) => `p:${p}`), ...a.R.map((r) => `R:${r}`)]);

/** The rows of `vio_fact_tags` of an event (the filters of the list, walked as postings). */
export function tagsOf(s: Snap): string[] {
  // `*`: every event, the postings a list without any tag filter walks.
  const t = new Set(['*', ...eventTags(s)]);
  for (const a of s.acts) for (const x of actTags(a)) if (!x.startsWith('R:')) t.add(x);
  return [...t];
}

/** Cells of one event; `only` keeps just the filter keys asked for (the reader's restricted events). */
export function cellsOf(s: Snap, only?: (fkey: string) => boolean): Cells {
  const out: Cells = new Map();
  const ev = new Set(eventTags(s));
  const b = bucketOf(s.date);
  const evFigures = new Set(ev);
  if (b) evFigures.add(`b:${b}`);
  if (s.date) evFigures.add(`y:${s.date.slice(0, 4)}`);
  const perAct = s.acts.map(actTags);
  const anyAct = new Set<string>();
  for (const a of perAct) for (const x of a) anyAct.add(x);
  const filters = ['', ...ev, ...[...anyAct].filter((x) => !x.startsWith('R:'))];
  if (b) filters.push(`b:${b}`);
  const figures = ['*', ...evFigures, ...anyAct];
  const evHas = (x: string) => x === '' || x === '*' || evFigures.has(x);
  const actLevel = (x: string) => x.startsWith('a:') || x.startsWith('p:') || x.startsWith('R:');
  for (const f of filters) {
    if (only && !only(f)) continue;
    for (const t of figures) {
      const ne = (evHas(f) || anyAct.has(f)) && (evHas(t) || anyAct.has(t)) ? 1 : 0;
      let na = 0;
      for (const a of perAct)
        if ((actLevel(f) ? a.has(f) : evHas(f)) && (actLevel(t) ? a.has(t) : evHas(t))) na++;
      if (ne || na) out.set(`${f}${SEP}${t}`, [ne, na, na > 0 ? 1 : 0]);
    }
  }
  return out;
}

/** `into += sign × cells`. */
export function addCells(into: Cells, cells: Cells, sign = 1): void {
  for (const [k, c] of cells) {
    const o = into.get(k) ?? [0, 0, 0];
    into.set(k, [o[0] + sign * c[0], o[1] + sign * c[1], o[2] + sign * c[2]]);
  }
}

/** Victim and perpetrator subjects of an event with their number of acts (distinct counts of people). */
export function subjectsOf(s: Snap): Map<string, number> {
  const m = new Map<string, number>();
  const add = (k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const a of s.acts) {
    if (a.v) add(`v${SEP}${a.v}`);
    for (const p of new Set(a.pr)) add(`p${SEP}${p}`);
  }
  return m;
}

/**
 * The headline cells a subject adds while it has acts: victims per kind (`V:individual`,
 * `V:group`), the summed size of groups (`VS:group`), groups without a size (`VN:group`), and
 * perpetrators (`P:*`). Kept under the filter key `''` only.
 */
export function subjectCells(key: string): [string, number][] {
  const [role, subject] = key.split(SEP) as [string, string];
  if (role === 'p') return [['P:*', 1]];
  const [, kind, size] = subject.split('|');
  const cells: [string, number][] = [[`V:${kind}`, 1]];
  if (kind === 'group') cells.push(size ? ['VS:group', Number(size)] : ['VN:group', 1]);
  return cells;
}
