/**
 * The access matrix: who may call each API route. Written by hand as the specification; the test in
 * test/integration/access-matrix.test.ts checks the running server against it, fails on any route the
 * OpenAPI document has that this table lacks (a new route needs an access decision here), and on any
 * unexpected allow.
 *
 * Cells: OK = let through (the answer is not `auth.unauthenticated` / `auth.forbidden`), 401 = must
 * answer `auth.unauthenticated` (or the stage error of a half-way session), 403 = `auth.forbidden`.
 * Column `anon` is also used for an expired or forged session cookie.
 * `effects`: the route changes state in a way that would disturb the other checks (sealing, logging
 * out), so only its denied cells are exercised.
 */
export const ROLES_ORDER = [
  'admin',
  'coordinator',
  'lawyer',
  'documenter',
  'monitor',
  'trainer',
  'viewer',
] as const;
export type Cell = 'OK' | 401 | 403;
export interface Row {
  route: string;
  anon: Cell;
  roles: Record<(typeof ROLES_ORDER)[number], Cell>;
  effects?: boolean;
}

const OK = 'OK' as const;
function row(route: string, anon: Cell, cells: Cell[], effects = false): Row {
  const roles = Object.fromEntries(ROLES_ORDER.map((r, i) => [r, cells[i]!])) as Row['roles'];
  return { route: route.trim().replace(/\s+/g, ' '), anon, roles, effects };
}

// prettier-ignore
export const MATRIX: Row[] = [
  //   route                                   anon   admin coord lawyer docum monit train viewer
  row('GET    /api/health',                    OK,   [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('GET    /api/openapi.json',              OK,   [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('GET    /api/docs',                      OK,   [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('GET    /api/setup/status',              OK,   [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('POST   /api/setup',                     OK,   [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('GET    /api/auth/csrf',                 OK,   [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('POST   /api/auth/login',                OK,   [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('POST   /api/auth/totp',                 401,  [401,  401,  401,  401,  401,  401,  401]),
  row('GET    /api/auth/totp/enroll',          401,  [401,  401,  401,  401,  401,  401,  401]),
  row('POST   /api/auth/totp/enroll',          401,  [401,  401,  401,  401,  401,  401,  401]),
  row('POST   /api/auth/passkey/options',      401,  [401,  401,  401,  401,  401,  401,  401]),
  row('POST   /api/auth/passkey',              401,  [401,  401,  401,  401,  401,  401,  401]),
  row('POST   /api/auth/reauth',               401,  [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('POST   /api/auth/logout',               OK,   [OK,   OK,   OK,   OK,   OK,   OK,   OK], true),
  row('POST   /api/auth/logout-all',           401,  [OK,   OK,   OK,   OK,   OK,   OK,   OK], true),
  row('GET    /api/invite/:token',             OK,   [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('POST   /api/invite/:token',             OK,   [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('GET    /api/me',                        401,  [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('PATCH  /api/me',                        401,  [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('POST   /api/me/password',               401,  [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('POST   /api/me/recovery-codes',         401,  [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('GET    /api/me/sessions',               401,  [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('DELETE /api/me/sessions/:id',           401,  [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('GET    /api/me/passkeys',               401,  [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('POST   /api/me/passkeys/options',       401,  [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('POST   /api/me/passkeys',               401,  [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('DELETE /api/me/passkeys/:id',           401,  [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('GET    /api/users',                     401,  [OK,   403,  403,  403,  403,  403,  403]),
  row('POST   /api/users',                     401,  [OK,   403,  403,  403,  403,  403,  403]),
  row('PATCH  /api/users/:id',                 401,  [OK,   403,  403,  403,  403,  403,  403]),
  row('POST   /api/users/:id/reset-2fa',       401,  [OK,   403,  403,  403,  403,  403,  403]),
  row('POST   /api/users/:id/end-sessions',    401,  [OK,   403,  403,  403,  403,  403,  403]),
  row('POST   /api/users/:id/invite',          401,  [OK,   403,  403,  403,  403,  403,  403]),
  row('GET    /api/approvals',                 401,  [OK,   403,  403,  403,  403,  403,  403]),
  row('POST   /api/approvals/:id/approve',     401,  [OK,   403,  403,  403,  403,  403,  403]),
  row('POST   /api/approvals/:id/reject',      401,  [OK,   403,  403,  403,  403,  403,  403]),
  row('GET    /api/audit',                     401,  [OK,   403,  403,  403,  403,  403,  403]),
  row('POST   /api/audit/verify',              401,  [OK,   403,  403,  403,  403,  403,  403]),
  row('POST   /api/system/seal',               401,  [OK,   403,  403,  403,  403,  403,  403], true),
  row('POST   /api/system/unseal',             OK,   [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  // legal aid (issue #3): people registry, cases, intake
  row('POST   /api/people                           ', 401,  [OK,   403,  OK,   OK,   403,  403,  403]),
  row('GET    /api/people                           ', 401,  [OK,   OK,   OK,   OK,   403,  403,  403]),
  row('POST   /api/people/match                     ', 401,  [OK,   OK,   OK,   OK,   403,  403,  403]),
  row('GET    /api/people/:id                       ', 401,  [OK,   OK,   OK,   OK,   403,  403,  403]),
  row('PATCH  /api/people/:id                       ', 401,  [OK,   403,  OK,   OK,   403,  403,  403]),
  row('POST   /api/people/:id/merge                 ', 401,  [OK,   403,  OK,   OK,   403,  403,  403]),
  row('POST   /api/cases                            ', 401,  [OK,   403,  OK,   403,  403,  403,  403]),
  row('GET    /api/cases                            ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('GET    /api/cases/stats                      ', 401,  [OK,   OK,   OK,   OK,   403,  403,  OK]),
  row('GET    /api/cases/assignable-users           ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('GET    /api/cases/:id                        ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('PATCH  /api/cases/:id                        ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('POST   /api/cases/:id/members                ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('DELETE /api/cases/:id/members/:userId        ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('POST   /api/cases/:id/people                 ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('DELETE /api/cases/:id/people/:linkId         ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('POST   /api/cases/:id/links                  ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('DELETE /api/cases/:id/links/:kind/:targetId  ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('POST   /api/cases/:id/close                  ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('POST   /api/cases/:id/reopen                 ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('GET    /api/cases/:id/notes                  ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('POST   /api/cases/:id/notes                  ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('GET    /api/cases/:id/tasks                  ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('POST   /api/cases/:id/tasks                  ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('PATCH  /api/cases/:id/tasks/:taskId          ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('GET    /api/cases/:id/time                   ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('POST   /api/cases/:id/time                   ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('GET    /api/cases/:id/timeline               ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  // exports (issue #3, item 8); the case list needs re-auth: 401 auth.reauth_required counts as let through
  row('GET    /api/cases/stats/export               ', 401,  [OK,   OK,   OK,   OK,   403,  403,  OK]),
  row('GET    /api/cases/stats/report.pdf           ', 401,  [OK,   OK,   OK,   OK,   403,  403,  OK]),
  row('GET    /api/cases/export                     ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('GET    /api/vocab/:scheme                    ', 401,  [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('GET    /api/vocab                            ', 401,  [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('PATCH  /api/vocab/:scheme/:code              ', 401,  [OK,   403,  403,  403,  403,  403,  403]),
  row('POST   /api/vocab/:scheme/terms              ', 401,  [OK,   403,  403,  403,  403,  403,  403]),
  row('POST   /api/intakes                          ', 401,  [OK,   403,  OK,   403,  403,  403,  403]),
  row('GET    /api/intakes                          ', 401,  [OK,   403,  OK,   403,  403,  403,  403]),
  row('GET    /api/intakes/:id                      ', 401,  [OK,   403,  OK,   403,  403,  403,  403]),
  row('PATCH  /api/intakes/:id                      ', 401,  [OK,   403,  OK,   403,  403,  403,  403]),
  row('POST   /api/intakes/:id/conflict-check       ', 401,  [OK,   403,  OK,   403,  403,  403,  403]),
  row('POST   /api/intakes/:id/decision             ', 401,  [OK,   403,  OK,   403,  403,  403,  403]),
  row('GET    /api/settings/eligibility             ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('PUT    /api/settings/eligibility             ', 401,  [OK,   403,  403,  403,  403,  403,  403]),
  // case documents (issue #3, item 5)
  row('POST   /api/cases/:id/documents                   ', 401,  [OK,   403,  OK,   403,  403,  403,  403]),
  row('GET    /api/cases/:id/documents                   ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('GET    /api/cases/:id/documents/:docId/versions   ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('GET    /api/cases/:id/documents/:docId/download   ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('POST   /api/cases/:id/documents/:docId/verify     ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  // hearings, calendars, feed, notifications (issue #3, item 6)
  row('POST   /api/cases/:id/hearings                    ', 401,  [OK,   403,  OK,   403,  403,  403,  403]),
  row('GET    /api/cases/:id/hearings                    ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('PATCH  /api/hearings/:id                          ', 401,  [OK,   403,  OK,   403,  403,  403,  403]),
  row('POST   /api/hearings/:id/cancel                   ', 401,  [OK,   403,  OK,   403,  403,  403,  403]),
  row('GET    /api/calendar                              ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('GET    /api/calendar/feed                         ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('POST   /api/calendar/feed                         ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('DELETE /api/calendar/feed                         ', 401,  [OK,   OK,   OK,   403,  403,  403,  403]),
  row('GET    /api/calendar/feed/:token                  ', OK,   [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('GET    /api/notifications                         ', 401,  [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('POST   /api/notifications/read-all                ', 401,  [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('POST   /api/notifications/:id/read                ', 401,  [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  // violations (issue #4, core): events, acts and their parts; write = violations.write
  row('POST   /api/violations/events                   ', 401,  [OK,   403,  403,  OK,   403,  403,  403]),
  row('GET    /api/violations/events                   ', 401,  [OK,   OK,   OK,   OK,   403,  403,  403]),
  row('GET    /api/violations/assignable-users         ', 401,  [OK,   OK,   OK,   OK,   403,  403,  403]),
  row('GET    /api/violations/events/:id               ', 401,  [OK,   OK,   OK,   OK,   403,  403,  403]),
  row('PATCH  /api/violations/events/:id               ', 401,  [OK,   403,  403,  OK,   403,  403,  403]),
  row('POST   /api/violations/events/:id/acts          ', 401,  [OK,   403,  403,  OK,   403,  403,  403]),
  row('PATCH  /api/violations/acts/:actId              ', 401,  [OK,   403,  403,  OK,   403,  403,  403]),
  row('DELETE /api/violations/acts/:actId              ', 401,  [OK,   403,  403,  OK,   403,  403,  403]),
  row('POST   /api/violations/acts/:actId/involvements ', 401,  [OK,   403,  403,  OK,   403,  403,  403]),
  row('DELETE /api/violations/involvements/:id         ', 401,  [OK,   403,  403,  OK,   403,  403,  403]),
  row('POST   /api/violations/events/:id/information   ', 401,  [OK,   403,  403,  OK,   403,  403,  403]),
  row('DELETE /api/violations/information/:id          ', 401,  [OK,   403,  403,  OK,   403,  403,  403]),
  row('POST   /api/violations/events/:id/interventions ', 401,  [OK,   403,  403,  OK,   403,  403,  403]),
  row('DELETE /api/violations/interventions/:id        ', 401,  [OK,   403,  403,  OK,   403,  403,  403]),
  row('POST   /api/violations/events/:id/chain         ', 401,  [OK,   403,  403,  OK,   403,  403,  403]),
  row('DELETE /api/violations/chain/:id                ', 401,  [OK,   403,  403,  OK,   403,  403,  403]),
  row('PUT    /api/violations/events/:id/members       ', 401,  [OK,   OK,   OK,   OK,   403,  403,  403]),
  row('DELETE /api/violations/events/:id/members/:userId', 401,  [OK,   OK,   OK,   OK,   403,  403,  403]),
  row('POST   /api/violations/acts/:actId/cases        ', 401,  [OK,   OK,   OK,   OK,   403,  403,  403]),
  row('DELETE /api/violations/acts/:actId/cases/:caseId', 401,  [OK,   OK,   OK,   OK,   403,  403,  403]),
  row('GET    /api/people/:id/violations               ', 401,  [OK,   OK,   OK,   OK,   403,  403,  403]),
  // violations (issue #4, stats): statistics and exports of what the actor may see (export: re-auth
  // answers 401 auth.reauth_required, which counts as let through); publications drafted by readers,
  // published and withdrawn by administrators; public datasets for anyone
  row('GET    /api/violations/stats                     ', 401,  [OK,   OK,   OK,   OK,   403,  403,  403]),
  row('POST   /api/violations/export                    ', 401,  [OK,   OK,   OK,   OK,   403,  403,  403]),
  row('GET    /api/violations/publications              ', 401,  [OK,   OK,   OK,   OK,   403,  403,  403]),
  row('POST   /api/violations/publications              ', 401,  [OK,   OK,   OK,   OK,   403,  403,  403]),
  row('GET    /api/violations/publications/:id          ', 401,  [OK,   OK,   OK,   OK,   403,  403,  403]),
  row('POST   /api/violations/publications/:id/publish  ', 401,  [OK,   403,  403,  403,  403,  403,  403]),
  row('POST   /api/violations/publications/:id/withdraw ', 401,  [OK,   403,  403,  403,  403,  403,  403]),
  row('GET    /api/public/violations                    ', OK,   [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  row('GET    /api/public/violations/:id                ', OK,   [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  // violation evidence (issue #4, item 3)
  row('POST   /api/violations/events/:id/evidence        ', 401,  [OK,   403,  403,  OK,   403,  403,  403]),
  row('GET    /api/violations/events/:id/evidence        ', 401,  [OK,   OK,   OK,   OK,   403,  403,  403]),
  row('POST   /api/people/:id/evidence                   ', 401,  [OK,   403,  OK,   OK,   403,  403,  403]),
  row('GET    /api/people/:id/evidence                   ', 401,  [OK,   OK,   OK,   OK,   403,  403,  403]),
  row('GET    /api/violations/evidence/:id               ', 401,  [OK,   OK,   OK,   OK,   403,  403,  403]),
  row('GET    /api/violations/evidence/:id/download      ', 401,  [OK,   OK,   OK,   OK,   403,  403,  403]),
  row('GET    /api/violations/evidence/:id/thumbnail     ', 401,  [OK,   OK,   OK,   OK,   403,  403,  403]),
  row('GET    /api/violations/evidence/:id/custody       ', 401,  [OK,   OK,   OK,   OK,   403,  403,  403]),
  row('POST   /api/violations/evidence/:id/verify        ', 401,  [OK,   OK,   OK,   OK,   403,  403,  403]),
  row('POST   /api/violations/evidence/verify            ', 401,  [OK,   OK,   OK,   OK,   403,  403,  403]),
  // monitoring forms (issue #5): templates, versions, import/export
  // monitoring missions, sites, assignments, submissions, uploads, review, summaries (issue #5)
  row('GET    /api/monitoring/missions                      ', 401,  [OK,   OK,   403,  403,  OK,   403,  403]),
  row('POST   /api/monitoring/missions                      ', 401,  [OK,   OK,   403,  403,  403,  403,  403]),
  row('GET    /api/monitoring/missions/:id                  ', 401,  [OK,   OK,   403,  403,  OK,   403,  403]),
  row('PATCH  /api/monitoring/missions/:id                  ', 401,  [OK,   OK,   403,  403,  403,  403,  403]),
  row('PUT    /api/monitoring/missions/:id/forms            ', 401,  [OK,   OK,   403,  403,  403,  403,  403]),
  row('PUT    /api/monitoring/missions/:id/coordinators     ', 401,  [OK,   OK,   403,  403,  403,  403,  403]),
  row('GET    /api/monitoring/missions/:id/sites            ', 401,  [OK,   OK,   403,  403,  OK,   403,  403]),
  row('POST   /api/monitoring/missions/:id/sites            ', 401,  [OK,   OK,   403,  403,  403,  403,  403]),
  row('POST   /api/monitoring/missions/:id/sites/import     ', 401,  [OK,   OK,   403,  403,  403,  403,  403]),
  row('PATCH  /api/monitoring/sites/:id                     ', 401,  [OK,   OK,   403,  403,  403,  403,  403]),
  row('DELETE /api/monitoring/sites/:id                     ', 401,  [OK,   OK,   403,  403,  403,  403,  403]),
  row('PUT    /api/monitoring/sites/:id/observers           ', 401,  [OK,   OK,   403,  403,  403,  403,  403]),
  row('GET    /api/monitoring/observers                     ', 401,  [OK,   OK,   403,  403,  403,  403,  403]),
  row('GET    /api/monitoring/assignments                   ', 401,  [OK,   OK,   403,  403,  OK,   403,  403]),
  row('POST   /api/monitoring/submissions                   ', 401,  [OK,   OK,   403,  403,  OK,   403,  403]),
  row('GET    /api/monitoring/submissions                   ', 401,  [OK,   OK,   403,  403,  OK,   403,  403]),
  row('GET    /api/monitoring/submissions/:id               ', 401,  [OK,   OK,   403,  403,  OK,   403,  403]),
  row('POST   /api/monitoring/submissions/:id/lock          ', 401,  [OK,   OK,   403,  403,  403,  403,  403]),
  row('DELETE /api/monitoring/submissions/:id/lock          ', 401,  [OK,   OK,   403,  403,  403,  403,  403]),
  row('POST   /api/monitoring/submissions/:id/transition    ', 401,  [OK,   OK,   403,  403,  403,  403,  403]),
  row('PATCH  /api/monitoring/submissions/:id/flags         ', 401,  [OK,   OK,   403,  403,  403,  403,  403]),
  row('POST   /api/monitoring/submissions/:id/comments      ', 401,  [OK,   OK,   403,  403,  403,  403,  403]),
  row('POST   /api/monitoring/submissions/:id/to-violation  ', 401,  [OK,   403,  403,  403,  403,  403,  403]),
  row('POST   /api/monitoring/submissions/:id/to-case       ', 401,  [OK,   403,  403,  403,  403,  403,  403]),
  row('POST   /api/monitoring/uploads                       ', 401,  [OK,   OK,   403,  403,  OK,   403,  403]),
  row('PUT    /api/monitoring/uploads/:id                   ', 401,  [OK,   OK,   403,  403,  OK,   403,  403]),
  row('GET    /api/monitoring/uploads/:id                   ', 401,  [OK,   OK,   403,  403,  OK,   403,  403]),
  row('GET    /api/monitoring/missions/:id/summary          ', 401,  [OK,   OK,   403,  403,  403,  403,  403]),
  row('GET    /api/monitoring/missions/:id/sites-status     ', 401,  [OK,   OK,   403,  403,  403,  403,  403]),
  // monitoring public incident form and public summaries (issue #5)
  row('GET    /api/public/monitoring/missions/:id/summary   ', OK,   [OK,   OK,   OK,   OK,   OK,   OK,   OK]),
  // monitoring exports (issue #5)
];
