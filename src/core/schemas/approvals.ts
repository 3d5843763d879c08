import { z } from 'zod';
import { IsoTime } from './common.ts';

export const ApprovalList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      targetId: z.string(),
      targetName: z.string(),
      requestedBy: z.string(),
      requestedByName: z.string(),
      requestedAt: IsoTime,
      mine: z.boolean(),
      /** A request about a selection: how many records it names. */
      count: z.number().optional(),
    }),
  ),
});
