import type { Event, PersonRef } from './api';
import type { ChosenPerson } from './PersonChooser';

export type EventRole = 'victim' | 'perpetrator' | 'source' | 'intervening_party';
export const EVENT_ROLES: readonly EventRole[] = ['victim', 'perpetrator', 'source', 'intervening_party'];

export interface EventPerson {
  person: PersonRef;
  roles: EventRole[];
}

/** Everyone in the event once, with every role they hold in it (victim of one act, source of another). */
export function eventPeople(e: Event): EventPerson[] {
  const byId = new Map<string, EventPerson>();
  const add = (p: PersonRef | null, role: EventRole) => {
    if (!p) return;
    const entry = byId.get(p.id) ?? { person: p, roles: [] };
    if (!entry.roles.includes(role)) entry.roles.push(role);
    byId.set(p.id, entry);
  };
  for (const a of e.acts) {
    add(a.victim, 'victim');
    for (const i of a.involvements) add(i.perpetrator, 'perpetrator');
  }
  for (const i of e.information) add(i.source, 'source');
  for (const i of e.interventions) add(i.party, 'intervening_party');
  return [...byId.values()];
}

/** The people holding a role whose names this user may see, for one-click reuse. */
export function knownIn(e: Event, role: EventRole): ChosenPerson[] {
  return eventPeople(e)
    .filter((p) => p.roles.includes(role) && p.person.name)
    .map((p) => ({ id: p.person.id, name: p.person.name ?? '' }));
}
