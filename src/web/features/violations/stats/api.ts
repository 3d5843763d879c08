import type { z } from 'zod';
import type * as S from '../../../../core/schemas/violation-stats';
import { api, query } from '../../../api/client';
import type { StatsFilters, Unit } from './search';

export type ViolationStats = z.infer<typeof S.ViolationStats>;
export type StatsBreakdown = z.infer<typeof S.StatsBreakdown>;
export type StatsBy = S.StatsBy;

/** Plain copy of the schema's list (the schema module itself pulls in zod). */
export const STATS_BY = [
  'actType',
  'right',
  'perpetratorType',
  'region',
  'district',
  'period',
  'sex',
  'ageGroup',
  'vulnerability',
] as const satisfies readonly StatsBy[];

export interface StatsOptions {
  unit: Unit;
  level?: number;
  period?: 'year' | 'month';
}

/** Statistics of violation records (aggregates only) and their exports. */
export const vstatsApi = {
  get: (filters: StatsFilters, o: StatsOptions) =>
    api.get<ViolationStats>(
      `/api/violations/stats${query({ ...filters, unit: o.unit, level: o.level, period: o.period, by: STATS_BY.join(',') })}`,
    ),
  /** CSV/XLSX of the filtered records; `redacted: false` makes the server ask for re-authentication. */
  export: (filters: StatsFilters, format: 'csv' | 'xlsx', redacted: boolean) =>
    api.download('/api/violations/export', { format, filters, redacted }),
};
