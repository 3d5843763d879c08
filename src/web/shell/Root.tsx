import { useQueryClient } from '@tanstack/react-query';
import { Outlet, useRouter, useRouterState } from '@tanstack/react-router';
import { useEffect, type ReactElement } from 'react';
import { onApiEvent } from '../api/client';
import { CrashScreen } from '../components/CrashScreen';
import { PageLoader } from '../components/PageLoader';
import { authKeys } from '../features/auth/queries';
import { systemKeys, useHealth, useSetupStatus } from '../features/system/queries';
import { SealedPage } from '../features/system/SealedPage';
import { isFieldPath } from '../guards';
import { applyLocale, browserLocale, storedLocale } from '../i18n';

/** A sealed system or a lost session, noticed by any request, re-runs the route guards. */
function useApiEvents(): void {
  const queryClient = useQueryClient();
  const router = useRouter();
  useEffect(
    () =>
      onApiEvent((event) => {
        if (event === 'sealed') {
          void queryClient.invalidateQueries({ queryKey: systemKeys.health });
        } else if (queryClient.getQueryData(authKeys.me)) {
          queryClient.setQueryData(authKeys.me, null);
          void router.invalidate();
        }
      }),
    [queryClient, router],
  );
}

/**
 * The sealed screen beats every page; the first-run and login redirects live in the route
 * guards (guards.ts).
 */
export function Root(): ReactElement {
  useApiEvents();
  const health = useHealth();
  const sealed = health.data?.sealed;
  const status = useSetupStatus(sealed === false);
  const orgLocale = status.data?.defaultLocale;

  useEffect(() => {
    // Visitors whose browser speaks none of our languages get the organisation's default.
    if (orgLocale && !storedLocale() && !browserLocale()) {
      void applyLocale(orgLocale);
    }
  }, [orgLocale]);

  const field = useRouterState({ select: (s) => isFieldPath(s.location.pathname) });

  if (field) {
    return <Outlet />; // The field app works offline: it never waits for (or fails on) the health check.
  }
  if (health.isPending) {
    return <PageLoader minHeight="100vh" />;
  }
  if (health.isError) {
    return <CrashScreen />;
  }
  if (health.data.sealed) {
    return <SealedPage mode={health.data.sealMode} />;
  }
  return <Outlet />;
}
