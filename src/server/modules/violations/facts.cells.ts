/**
 * What one event counts, as a `Snap` of its codes (the `snap` column of `vio_fact_events`, loaded
 * into memory by every node: ADR 0016), and the tags of `vio_fact_tags`, the inverted index the
 * table-based readers walk (`facts.query.ts`): `*` (every event), `g:` region, `d:` district, `s:`
 * status, `r:` reliability, `a:` act type, `p:` perpetrator type.
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

/** The rows of `vio_fact_tags` of an event (the filters of the list, walked as postings). */
export function tagsOf(s: Snap): string[] {
  // `*`: every event, the postings a list without any tag filter walks.
  const t = new Set(['*']);
  if (s.g) t.add(`g:${s.g}`);
  if (s.d) t.add(`d:${s.d}`);
  if (s.s) t.add(`s:${s.s}`);
  for (const r of s.rel) t.add(`r:${r}`);
  for (const a of s.acts) {
    t.add(`a:${a.t}`);
    for (const p of a.p) t.add(`p:${p}`);
  }
  return [...t];
}
