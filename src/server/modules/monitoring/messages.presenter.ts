import type { z } from 'zod';
import type { Envelope } from '../../platform/crypto/envelope.ts';
import type { MissionMessagesTable } from '../../platform/db/schema.monitoring.ts';
import type * as S from './messages.schemas.ts';

type Row = Pick<MissionMessagesTable, 'id' | 'dek' | 'body_enc'>;

/** A message's text, opened with its own key (field `body`). */
function textOf(env: Envelope, r: Row): string {
  return env.openRecordKey('mission_messages', r.id, r.dek).decrypt('body', r.body_enc) ?? '';
}

/** A message as a reviewer's list shows it: the counts and the right to withdraw come from the service. */
export function presentMissionMessage(
  env: Envelope,
  r: MissionMessagesTable,
  extra: { authorName: string; recipients: number; read: number; canWithdraw: boolean },
): z.infer<typeof S.MissionMessage> {
  return {
    id: r.id,
    text: textOf(env, r),
    region: r.region,
    at: r.created_at,
    author: { id: r.author_id, name: extra.authorName },
    recipients: extra.recipients,
    read: extra.read,
    withdrawnAt: r.withdrawn_at,
    canWithdraw: extra.canWithdraw,
  };
}

/** A message as the field app downloads it. */
export function presentFieldMessage(
  env: Envelope,
  r: Row & { mission_id: string; title: string; created_at: string; readBy: string | null },
): z.infer<typeof S.FieldMessage> {
  return {
    id: r.id,
    missionId: r.mission_id,
    missionTitle: r.title,
    text: textOf(env, r),
    at: r.created_at,
    read: r.readBy !== null,
  };
}
