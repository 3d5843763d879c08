import { queryOptions, useQuery } from '@tanstack/react-query';
import { systemApi } from './api';

/** Query keys for system state; none depend on language. */
export const systemKeys = {
  health: ['system', 'health'] as const,
  setupStatus: ['system', 'setup-status'] as const,
};

export const healthQuery = queryOptions({
  queryKey: systemKeys.health,
  queryFn: systemApi.health,
  staleTime: 10_000,
});
export const setupStatusQuery = queryOptions({
  queryKey: systemKeys.setupStatus,
  queryFn: systemApi.setupStatus,
  staleTime: 60_000,
});

/** Health, polled slowly so a seal from another session is noticed. */
export function useHealth() {
  return useQuery({ ...healthQuery, refetchInterval: 60_000 });
}

/** Whether the first-run wizard is still needed, plus org name and default language. */
export function useSetupStatus(enabled = true) {
  return useQuery({ ...setupStatusQuery, enabled });
}
