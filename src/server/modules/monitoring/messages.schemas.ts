import { z } from 'zod';
import { Uuid } from '../../../core/schemas/common.ts';
import { RegionCode } from '../../../core/schemas/geo.ts';
import { Lines } from './missions.schemas.ts';

/** Messages from coordinators to observers (ADR 0033). A phone screen's worth: 1,000 characters. */
export const MESSAGE_MAX = 1000;

export const MessageCreate = z.strictObject({
  // Something visible: a text of zero-width characters only would show the observers an empty card.
  text: Lines(MESSAGE_MAX)
    .min(1)
    .regex(/[^\s\u200b-\u200d\u2060\ufeff]/),
  /** One region's observers, or null for every observer of the mission. */
  region: RegionCode.nullable(),
});

/** What a reviewer sees of a message in the mission's list. */
export const MissionMessage = z.object({
  id: Uuid,
  text: z.string(),
  region: z.string().nullable(),
  at: z.string(),
  author: z.object({ id: Uuid, name: z.string() }),
  /** Observers it is addressed to now (assigned to a site of the mission, in its region). */
  recipients: z.number(),
  /** Of them, those who tapped "Got it". */
  read: z.number(),
  withdrawnAt: z.string().nullable(),
  /** The caller may withdraw it: its author, or a coordinator of the whole mission. */
  canWithdraw: z.boolean(),
});
export const MissionMessages = z.object({ items: z.array(MissionMessage) });

/** What the field app downloads: messages to the logged-in observer from their active missions. */
export const FieldMessage = z.object({
  id: Uuid,
  missionId: Uuid,
  missionTitle: z.string(),
  text: z.string(),
  at: z.string(),
  read: z.boolean(),
});
export const FieldMessages = z.object({ items: z.array(FieldMessage) });

/** "Got it" for messages read on the phone, sent in one go when it is back online. */
export const MessagesRead = z.strictObject({ ids: z.array(Uuid).min(1).max(100) });
export const MessagesReadResult = z.object({ read: z.number() });
