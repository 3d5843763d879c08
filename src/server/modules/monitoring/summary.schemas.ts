import { z } from 'zod';
import { Uuid } from '../../../core/schemas/common.ts';
import { L10nSchema } from './submissions.schemas.ts';

/** Dashboard shapes; a `null` count is withheld (public summary, small cells). */
const Count = z.number().nullable();
export const Summary = z.object({
  missionId: Uuid,
  expected: z.number(),
  received: z.number(),
  byRegion: z.array(z.object({ region: z.string(), expected: z.number(), received: z.number() })),
  incidents: z.object({ total: Count, critical: Count }),
  overTime: z.array(z.object({ hour: z.string(), n: Count, critical: Count })),
  answers: z.array(
    z.object({
      formId: Uuid,
      field: z.string(),
      label: L10nSchema,
      total: Count,
      counts: z.array(z.object({ value: z.string(), label: L10nSchema, n: Count })),
    }),
  ),
});
export const SitesStatus = z.object({
  items: z.array(
    z.object({
      siteId: Uuid,
      code: z.string(),
      name: z.string(),
      region: z.string(),
      district: z.string().nullable(),
      lat: z.number().nullable(),
      lon: z.number().nullable(),
      expected: z.number(),
      received: z.number(),
    }),
  ),
});
