import { api, query } from '../../api/client';
import type { AuditSearch } from './search';

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  details: unknown;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBad: { seq: number; reason: string } | null;
}

/** Bishkek is UTC+6 all year (no DST), so a calendar day maps to a fixed UTC range. */
export function dayBoundary(day: string | undefined, end: boolean): string | undefined {
  if (!day) {
    return undefined;
  }
  const d = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}+06:00`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Audit log reading and chain verification. */
export const auditApi = {
  page: (filters: AuditSearch, cursor: string | null, limit = 50) =>
    api.get<AuditPage>(
      `/api/audit${query({
        action: filters.action,
        actorId: filters.actorId,
        entityType: filters.entityType,
        entityId: filters.entityId,
        from: dayBoundary(filters.from, false),
        to: dayBoundary(filters.to, true),
        cursor,
        limit,
      })}`,
    ),
  verify: () => api.post<VerifyResult>('/api/audit/verify'),
};
