import type { Assignment } from './db';

export interface SiteGroup {
  siteId: string;
  siteName: string;
  siteCode: string;
  missionTitle: string;
  missionKind: string;
  /** Planned visits (ADR 0037): said on the card when more than one, so the observer knows the plan. */
  visits: number;
  rows: Assignment[];
}

/** The assigned forms grouped by site, in the order the server gave them. */
export function bySite(rows: Assignment[]): SiteGroup[] {
  const m = new Map<string, SiteGroup>();
  for (const r of rows) {
    const g = m.get(r.siteId) ?? {
      siteId: r.siteId,
      siteName: r.siteName,
      siteCode: r.siteCode,
      missionTitle: r.missionTitle,
      missionKind: r.missionKind,
      visits: r.visits ?? 1,
      rows: [],
    };
    g.rows.push(r);
    m.set(r.siteId, g);
  }
  return [...m.values()];
}

/**
 * The i18next context that words the sites heading by the missions' kind (courts, institutions,
 * places; elections have no variant and keep «участки»). With no site yet, or sites of missions of
 * different kinds, `any`: a neutral word («места наблюдения»), since «участки» is only elections'.
 */
export function kindContext(rows: Assignment[]): { context: string } {
  const kinds = new Set(rows.map((r) => r.missionKind));
  return { context: kinds.size === 1 ? [...kinds][0]! : 'any' };
}
