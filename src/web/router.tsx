import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
} from '@tanstack/react-router';
import { CrashScreen } from './components/CrashScreen';
import { appGuard, rootGuard } from './guards';
import { auditSearchSchema } from './features/audit/search';
import { calendarSearchSchema } from './features/calendar/search';
import { caseTabSearch } from './features/cases/caseTabs';
import { caseSearchSchema } from './features/cases/search';
import { peopleSearchSchema } from './features/people/search';
import { statsSearchSchema } from './features/stats/search';
import { publicationsSearchSchema } from './features/violations/publish/search';
import { eventSearchSchema, eventTabSearch } from './features/violations/search';
import { statsSearchSchema as violationStatsSearchSchema } from './features/violations/stats/search';
import { AppLayout } from './shell/AppLayout';
import { NotFoundPage } from './shell/NotFoundPage';
import { Root } from './shell/Root';
import { reviewSearch } from './features/monitoring/review/search';

interface RouterContext {
  queryClient: QueryClient;
}

/** `?redirect=` survives the login steps; anything that is not a string is dropped. */
function redirectSearch(search: Record<string, unknown>): { redirect?: string } {
  return typeof search.redirect === 'string' ? { redirect: search.redirect } : {};
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Root,
  beforeLoad: ({ context, location }) => rootGuard(context.queryClient, location.pathname),
  notFoundComponent: NotFoundPage,
  errorComponent: CrashScreen,
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  component: lazyRouteComponent(() => import('./features/setup/SetupPage'), 'SetupPage'),
});
const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: redirectSearch,
  component: lazyRouteComponent(() => import('./features/auth/LoginPage'), 'LoginPage'),
});
/** The TOTP step also carries whether the password step offered a passkey. */
function totpSearch(search: Record<string, unknown>): { redirect?: string; passkey?: boolean } {
  return { ...redirectSearch(search), ...(search.passkey === true ? { passkey: true } : {}) };
}

const totpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login/totp',
  validateSearch: totpSearch,
  component: lazyRouteComponent(() => import('./features/auth/TotpPage'), 'TotpPage'),
});
const enrollRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/enroll',
  validateSearch: redirectSearch,
  component: lazyRouteComponent(() => import('./features/auth/EnrollPage'), 'EnrollPage'),
});
const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invite/$token',
  component: lazyRouteComponent(() => import('./features/auth/InvitePage'), 'InvitePage'),
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: ({ context, location }) => appGuard(context.queryClient, location.href),
  component: AppLayout,
});
const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./features/dashboard/DashboardPage'), 'DashboardPage'),
});
const profileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/profile',
  component: lazyRouteComponent(() => import('./features/profile/ProfilePage'), 'ProfilePage'),
});
const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/users',
  component: lazyRouteComponent(() => import('./features/users/UsersPage'), 'UsersPage'),
});
const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/audit',
  validateSearch: auditSearchSchema,
  component: lazyRouteComponent(() => import('./features/audit/AuditPage'), 'AuditPage'),
});
const eligibilityRulesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/eligibility',
  component: lazyRouteComponent(
    () => import('./features/intake/EligibilityRulesPage'),
    'EligibilityRulesPage',
  ),
});
const vocabRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/vocab',
  component: lazyRouteComponent(() => import('./features/vocab/VocabListPage'), 'VocabListPage'),
});
const vocabSchemeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/vocab/$scheme',
  component: lazyRouteComponent(() => import('./features/vocab/VocabSchemePage'), 'VocabSchemePage'),
});
const casesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases',
  validateSearch: caseSearchSchema,
  component: lazyRouteComponent(() => import('./features/cases/CasesPage'), 'CasesPage'),
});
const caseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/cases/$id',
  validateSearch: caseTabSearch,
  component: lazyRouteComponent(() => import('./features/cases/CasePage'), 'CasePage'),
});
const statsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/stats',
  validateSearch: statsSearchSchema,
  component: lazyRouteComponent(() => import('./features/stats/StatsPage'), 'StatsPage'),
});
const violationStatsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/violations/stats',
  validateSearch: violationStatsSearchSchema,
  component: lazyRouteComponent(
    () => import('./features/violations/stats/ViolationStatsPage'),
    'ViolationStatsPage',
  ),
});
const publicationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/violations/publications',
  validateSearch: publicationsSearchSchema,
  component: lazyRouteComponent(
    () => import('./features/violations/publish/PublicationsPage'),
    'PublicationsPage',
  ),
});

const eventsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/violations',
  validateSearch: eventSearchSchema,
  component: lazyRouteComponent(() => import('./features/violations/EventsPage'), 'EventsPage'),
});
const newEventRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/violations/new',
  component: lazyRouteComponent(() => import('./features/violations/EntryFlowPage'), 'EntryFlowPage'),
});
const eventRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/violations/$id',
  validateSearch: eventTabSearch,
  component: lazyRouteComponent(() => import('./features/violations/EventPage'), 'EventPage'),
});

const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people',
  validateSearch: peopleSearchSchema,
  component: lazyRouteComponent(() => import('./features/people/PeoplePage'), 'PeoplePage'),
});
const newPersonRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people/new',
  component: lazyRouteComponent(() => import('./features/people/NewPersonPage'), 'NewPersonPage'),
});
const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people/$id',
  component: lazyRouteComponent(() => import('./features/people/PersonPage'), 'PersonPage'),
});
const intakesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/intake',
  component: lazyRouteComponent(() => import('./features/intake/IntakeListPage'), 'IntakeListPage'),
});
const newIntakeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/intake/new',
  component: lazyRouteComponent(() => import('./features/intake/NewIntakePage'), 'NewIntakePage'),
});
const intakeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/intake/$id',
  component: lazyRouteComponent(() => import('./features/intake/IntakePage'), 'IntakePage'),
});

const calendarRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/calendar',
  validateSearch: calendarSearchSchema,
  component: lazyRouteComponent(() => import('./features/calendar/CalendarPage'), 'CalendarPage'),
});

/* Monitoring (issue #5). The field app and the public form live outside the app shell: the field app
   must start offline, and the public form has no session. */
const fieldRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/field',
  component: lazyRouteComponent(() => import('./features/field/FieldApp'), 'FieldApp'),
});
const fieldSplatRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/field/$',
  component: lazyRouteComponent(() => import('./features/field/FieldApp'), 'FieldApp'),
});
const publicReportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/report',
  component: lazyRouteComponent(() => import('./features/monitoring/PublicReportPage'), 'PublicReportPage'),
});
/* The published results of a mission: anyone, no session (issue #5 item 5). */
const publicResultsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/results/$id',
  component: lazyRouteComponent(() => import('./features/monitoring/PublicResultsPage'), 'PublicResultsPage'),
});
const missionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/monitoring',
  component: lazyRouteComponent(() => import('./features/monitoring/MissionsPage'), 'MissionsPage'),
});
const missionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/monitoring/missions/$id',
  component: lazyRouteComponent(() => import('./features/monitoring/MissionPage'), 'MissionPage'),
});
const formsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/monitoring/forms',
  component: lazyRouteComponent(() => import('./features/monitoring/FormsPage'), 'FormsPage'),
});
const formBuilderRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/monitoring/forms/$id',
  component: lazyRouteComponent(() => import('./features/monitoring/FormBuilderPage'), 'FormBuilderPage'),
});
const reviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/monitoring/review',
  validateSearch: reviewSearch,
  component: lazyRouteComponent(() => import('./features/monitoring/ReviewPage'), 'ReviewPage'),
});
const submissionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/monitoring/submissions/$id',
  component: lazyRouteComponent(() => import('./features/monitoring/SubmissionPage'), 'SubmissionPage'),
});

const routeTree = rootRoute.addChildren([
  setupRoute,
  loginRoute,
  totpRoute,
  enrollRoute,
  inviteRoute,
  fieldRoute,
  fieldSplatRoute,
  publicReportRoute,
  publicResultsRoute,
  appRoute.addChildren([
    dashboardRoute,
    profileRoute,
    usersRoute,
    auditRoute,
    eligibilityRulesRoute,
    vocabRoute,
    vocabSchemeRoute,
    casesRoute,
    caseRoute,
    statsRoute,
    violationStatsRoute,
    publicationsRoute,
    calendarRoute,
    eventsRoute,
    newEventRoute,
    eventRoute,
    peopleRoute,
    newPersonRoute,
    personRoute,
    intakesRoute,
    newIntakeRoute,
    intakeRoute,
    missionsRoute,
    missionRoute,
    formsRoute,
    formBuilderRoute,
    reviewRoute,
    submissionRoute,
  ]),
]);

/** Builds the router; the query client travels in the context for loaders that need it. */
export function buildRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPendingComponent: () => null,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof buildRouter>;
  }
}
