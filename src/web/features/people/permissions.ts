import type { Me } from '../auth/api';
import { can } from '../auth/queries';

/**
 * Lawyers, documenters and administrators add and edit people: the capabilities that write the
 * records people appear in. The server decides again on every request; this only hides buttons.
 */
export function canEditPeople(me: Me | null | undefined): boolean {
  return can(me, 'cases.write') || can(me, 'violations.write');
}

/** Reading the registry follows reading the records people appear in. */
export const PEOPLE_READ = ['cases.read', 'violations.read'];

/** Intake belongs to legal aid: it creates cases. */
export function canRunIntake(me: Me | null | undefined): boolean {
  return can(me, 'cases.write');
}
