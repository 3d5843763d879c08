/** The sections of a case page, in the order a lawyer works through them. */
export const CASE_TABS = [
  'overview',
  'people',
  'team',
  'notes',
  'tasks',
  'time',
  'hearings',
  'documents',
  'timeline',
] as const;
export type CaseTab = (typeof CASE_TABS)[number];

/** Router `validateSearch` for /cases/$id: only a known tab survives. */
export function caseTabSearch(search: Record<string, unknown>): { tab?: CaseTab } {
  const tab = CASE_TABS.find((k) => k === search.tab);
  return tab && tab !== 'overview' ? { tab } : {};
}
