/**
 * Record-level access (issue #6 item 1, ADR 0006): who may do what to one legal case and the people in
 * it. Columns are the relation of the caller to the record:
 * - own: the lead lawyer of the case;          - team: a co-counsel on the case;
 * - grant: a coordinator granted read access;  - colleague: another lawyer, not on the case;
 * - admin: an administrator not on the case;   - r-admin / r-colleague: the same two on a RESTRICTED case.
 * Cells: OK (2xx), 404 (answered exactly like a missing record), 403 (sees it, may not do this).
 * The test (test/integration/access-records.test.ts) builds the records and checks every cell.
 */
export const RELATIONS = ['own', 'team', 'grant', 'colleague', 'admin', 'r-admin', 'r-colleague'] as const;
export type Relation = (typeof RELATIONS)[number];
export type RecordCell = 'OK' | 403 | 404;
export interface RecordRow {
  route: string;
  body?: Record<string, unknown>;
  cells: Record<Relation, RecordCell>;
}

const OK = 'OK' as const;
function row(route: string, cells: RecordCell[], body?: Record<string, unknown>): RecordRow {
  const c = Object.fromEntries(RELATIONS.map((r, i) => [r, cells[i]!])) as RecordRow['cells'];
  return { route: route.trim().replace(/\s+/g, ' '), cells: c, ...(body ? { body } : {}) };
}

// `:id` is the case, `:person` its client; `:user` a user to add to the team.
// prettier-ignore
export const RECORD_MATRIX: RecordRow[] = [
  //   route                              own  team grant coll admin r-adm r-coll
  row('GET    /api/cases/:id',            [OK,  OK,  OK,   404, OK,   404,  404]),
  row('GET    /api/cases/:id/notes',      [OK,  OK,  OK,   404, OK,   404,  404]),
  row('GET    /api/cases/:id/tasks',      [OK,  OK,  OK,   404, OK,   404,  404]),
  row('GET    /api/cases/:id/time',       [OK,  OK,  OK,   404, OK,   404,  404]),
  row('GET    /api/cases/:id/timeline',   [OK,  OK,  OK,   404, OK,   404,  404]),
  row('PATCH  /api/cases/:id',            [OK,  OK,  403,  404, 403,  404,  404], { court: 'Суд' }),
  row('POST   /api/cases/:id/notes',      [OK,  OK,  403,  404, 403,  404,  404], { body: 'x' }),
  row('POST   /api/cases/:id/tasks',      [OK,  OK,  403,  404, 403,  404,  404], { title: 'x' }),
  row('POST   /api/cases/:id/time',       [OK,  OK,  403,  404, 403,  404,  404], { workedOn: '2026-01-02', minutes: 5, activity: 'other' }),
  row('POST   /api/cases/:id/members',    [OK,  403, 403,  404, OK,   404,  404], { userId: ':user', role: 'grant' }),
  row('GET    /api/people/:person',       [OK,  OK,  OK,   404, OK,   404,  404]),
];
