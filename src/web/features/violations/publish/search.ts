/** Router `validateSearch` for /violations/publications: the open dataset's id. */
export function publicationsSearchSchema(search: Record<string, unknown>): { id?: string } {
  return typeof search.id === 'string' && /^[0-9a-f-]{36}$/i.test(search.id) ? { id: search.id } : {};
}
