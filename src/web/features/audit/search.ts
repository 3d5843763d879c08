/** Audit filters live in the URL so a filtered view can be bookmarked or shared with a colleague. */
export interface AuditSearch {
  action?: string;
  actorId?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

const KEYS = ['action', 'actorId', 'entityType', 'entityId', 'from', 'to'] as const;

/** Keeps only known, non-empty string filters. */
export function auditSearchSchema(search: Record<string, unknown>): AuditSearch {
  const out: AuditSearch = {};
  for (const k of KEYS) {
    const v = search[k];
    if (typeof v === 'string' && v.trim()) {
      out[k] = v.trim();
    }
  }
  return out;
}
