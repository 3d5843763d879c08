import type { QueryClient } from '@tanstack/react-query';
import { redirect } from '@tanstack/react-router';
import { authKeys, fetchMeOrNull } from './features/auth/queries';
import { healthQuery, setupStatusQuery } from './features/system/queries';

/** The observers' offline field app (issue #5): /field and below, outside the app shell. */
export function isFieldPath(pathname: string): boolean {
  return pathname === '/field' || pathname.startsWith('/field/');
}

/**
 * Route guards run in `beforeLoad`, before any page renders, so two components can never
 * bounce the visitor between pages while a lazy route is still loading.
 */
export async function rootGuard(queryClient: QueryClient, pathname: string): Promise<void> {
  if (isFieldPath(pathname)) {
    return; // The field app starts with no connection; it checks its session itself (FieldApp).
  }
  const health = await queryClient.ensureQueryData(healthQuery);
  if (health.sealed) {
    return; // Root shows the sealed screen whatever the address.
  }
  const status = await queryClient.ensureQueryData(setupStatusQuery);
  if (status.needsSetup && pathname !== '/setup') {
    redirect({ to: '/setup', replace: true, throw: true });
  }
  if (!status.needsSetup && pathname === '/setup') {
    redirect({ to: '/', replace: true, throw: true });
  }
}

/** Pages inside the app shell need a full session; otherwise go to login and come back after. */
export async function appGuard(queryClient: QueryClient, href: string): Promise<void> {
  const health = await queryClient.ensureQueryData(healthQuery);
  if (health.sealed) {
    return;
  }
  const me = await queryClient.ensureQueryData({ queryKey: authKeys.me, queryFn: fetchMeOrNull });
  if (!me) {
    redirect({
      to: '/login',
      search: { redirect: href === '/' ? undefined : href },
      replace: true,
      throw: true,
    });
  }
}
