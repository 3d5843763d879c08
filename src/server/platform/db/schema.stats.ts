/**
 * Row types of the derived statistics tables (migration 0011, issue #3, ADR 0009). Rebuilt from cases,
 * case_people, people and person_vulnerabilities; not in backups.
 */

/** A year whose facts and counts are complete and maintained by every write. */
export interface CaseStatYearsTable {
  year: number;
  built_at: string;
}

/**
 * One fact: `subject_id` (a person, or a case for the case figures) counts in `year` under figure `dim`
 * with `value` ('' where the live data has null).
 */
export interface CaseStatFactsTable {
  year: number;
  subject_id: string;
  dim: string;
  value: string;
}

/** Number of facts per (year, dim, value): the figures the statistics page shows. */
export interface CaseStatCountsTable {
  year: number;
  dim: string;
  value: string;
  n: number;
}

export interface StatsTables {
  case_stat_years: CaseStatYearsTable;
  case_stat_facts: CaseStatFactsTable;
  case_stat_counts: CaseStatCountsTable;
}
