import type { Me } from '../auth/api';
import { can } from '../auth/queries';

/**
 * Lawyers, documenters and administrators add and edit people (`people.write`). The server decides
 * again on every request; this only hides buttons that would not work.
 */
export function canEditPeople(me: Me | null | undefined): boolean {
  return can(me, 'people.write');
}
