import type { L10n } from '../../../core/forms/types';
import type { MissionKind, MissionStatus } from './api';

/* Wire types of a mission's dashboard figures (issue #5 item 5), split from api.ts. */

/** What incidents and answers count: every report not rejected, or verified and published ones only. */
export type SummaryCounts = 'received' | 'verified';

export interface Summary {
  missionId: string;
  counts: SummaryCounts;
  expected: number;
  received: number;
  /** Sites with no observer assigned: nothing is expected from them, so they are counted apart. */
  unstaffed: number;
  /** Incidents whose phone time lies outside the mission's time (a reset clock): not charted. */
  overTimeOutside: number;
  byRegion: { region: string; expected: number; received: number; unstaffed: number }[];
  /** The district map's figures: by district id, or by region code for Bishkek and Osh. */
  byDistrict: { area: string; expected: number; received: number }[];
  /** Sites with no district: not on the district map. */
  unplaced: number;
  /** Verified figures asked for while reports verified before an update are still being counted. */
  verifiedPending?: boolean;
  /** `null` = withheld (small cells of a public summary). */
  incidents: { total: number | null; critical: number | null };
  overTime: { hour: string; n: number | null; critical: number | null }[];
  answers: {
    formId: string;
    /** A checklist's question, or an incident report's. */
    kind: 'checklist' | 'incident';
    /** The question's key; `group.child` for a repeat group's question. */
    field: string;
    label: L10n;
    /** The repeat group whose entries are counted, one per entry ("Interviews"); reviewers only. */
    group?: { key: string; label: L10n; entries: number | null; reports: number | null };
    total: number | null;
    counts: { value: string; label: L10n; n: number | null }[];
  }[];
}

/** The public page's figures: no staffing, small counts withheld (`null`), and the mission's heading. */
export interface PublicSummary extends Omit<
  Summary,
  'unstaffed' | 'overTimeOutside' | 'byRegion' | 'byDistrict' | 'unplaced' | 'expected' | 'received'
> {
  /** Withheld (null) when from 1 to 4. */
  expected: number | null;
  received: number | null;
  /** Every region; an expected count of 0 is withheld like a small one (it would say where nobody went). */
  byRegion: { region: string; expected: number | null; received: number | null }[];
  /** How `overTime` is grouped (core/timeline.ts): the public rows come grouped, then withheld. */
  overTimeStep: 'hour' | 'day' | 'week';
  /** When the answers shown were published: they move in steps of five reports or more (ADR 0039). */
  answersAsOf: string;
  mission: {
    title: string;
    kind: MissionKind;
    status: MissionStatus;
    startsOn: string | null;
    endsOn: string | null;
  };
}
