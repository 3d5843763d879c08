import type { AppContext } from '../../platform/context.ts';
import { registerViolationPeople } from './violations.people.ts';
import { registerViolationJobs } from './violations.search.ts';

/**
 * Start-up wiring of the violations module, called from `createContext` on every process (server and
 * CLI): its jobs, and its hooks into the people registry (visibility through events, merge).
 */
export function registerViolations(ctx: AppContext): void {
  registerViolationJobs(ctx);
  registerViolationPeople();
}
