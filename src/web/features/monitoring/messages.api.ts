import { api } from '../../api/client';

/** Wire types and calls of coordinators' messages to observers (ADR 0033). */
export interface MissionMessage {
  id: string;
  text: string;
  /** One region's observers, or null for every observer of the mission. */
  region: string | null;
  at: string;
  author: { id: string; name: string };
  /** Observers it is addressed to now, and those of them who tapped "Got it". */
  recipients: number;
  read: number;
  withdrawnAt: string | null;
  canWithdraw: boolean;
}

/** The server's limit (messages.schemas.ts): about a phone screen. */
export const MESSAGE_MAX = 1000;

const enc = encodeURIComponent;

export const messagesApi = {
  list: (missionId: string) =>
    api.get<{ items: MissionMessage[] }>(`/api/monitoring/missions/${enc(missionId)}/messages`),
  send: (missionId: string, body: { text: string; region: string | null }) =>
    api.post<{ id: string; recipients: number }>(`/api/monitoring/missions/${enc(missionId)}/messages`, body),
  withdraw: (id: string) => api.post<{ ok: true }>(`/api/monitoring/messages/${enc(id)}/withdraw`, {}),
};
