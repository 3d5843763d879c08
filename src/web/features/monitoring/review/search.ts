/** Router `validateSearch` for /monitoring/review: `?queue=mine` opens the "Mine" tab (the bell's link). */
export function reviewSearch(search: Record<string, unknown>): { queue?: 'mine' } {
  return search.queue === 'mine' ? { queue: 'mine' } : {};
}
