import type { z } from 'zod';
import { api, query } from '../../api/client';
import type { Stats as StatsSchema } from '../../../core/schemas/cases';

export type Stats = z.infer<typeof StatsSchema>;
export type Breakdown = Stats['byType'];

/** Legal-aid statistics (aggregates only; no names ever leave the server here). */
export const statsApi = {
  get: (year: number) => api.get<Stats>(`/api/cases/stats${query({ year })}`),
};

/** Download links: the browser fetches them with the session cookie, like any page. */
export const statsLinks = {
  export: (year: number, format: 'csv' | 'xlsx') => `/api/cases/stats/export${query({ year, format })}`,
  report: (year: number, lang: string) => `/api/cases/stats/report.pdf${query({ year, lang })}`,
};
