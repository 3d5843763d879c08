import Dexie, { type Table } from 'dexie';
import type { FormDefinition } from '../../../core/forms/types';
import type { Sealed } from './crypto';

/** One row of `GET /api/monitoring/assignments`: a site and a form version the observer reports on. */
export interface Assignment {
  missionId: string;
  siteId: string;
  formVersionId: string;
  missionTitle: string;
  missionKind: string;
  siteCode: string;
  siteName: string;
  region: string;
  district: string | null;
  /** Planned visits (ADR 0037; absent in what an older version downloaded: one). */
  visits?: number;
  /** The mission requires the PIN lock (absent in what an older version downloaded: not required). */
  fieldPin?: boolean;
}

/** A downloaded form version (definitions are not secret: they are the organisation's templates). */
export interface StoredForm {
  id: string;
  formId: string;
  version: number;
  kind: string;
  definition: FormDefinition;
}

/**
 * queued: waits to be sent (again); sent: the server has it (answers deleted from the device);
 * rejected: the server refused it for a reason a retry cannot fix (400 naming a field, 403/404/409):
 * it stays, readable, for correction.
 */
export type OutboxStatus = 'queued' | 'sent' | 'rejected';

export interface ServerProblem {
  status: number;
  code: string;
  message: string;
  details?: { path: string; code: string; params?: Record<string, string | number> }[];
  /** The message's values (a limit in MB…): the app words the message again in the language on screen. */
  params?: Record<string, string | number>;
}

export interface OutboxItem {
  /** Made on the device when the report is opened (clientId.ts, a UUIDv7): the server's idempotency key. */
  clientId: string;
  formVersionId: string;
  siteId: string;
  status: OutboxStatus;
  /** The answers, AES-GCM encrypted with the device key (AAD = clientId); null once sent. */
  sealed: Sealed | null;
  /** When the observer saved it (the report's own time, sent as submittedAt). */
  submittedAt: string;
  updatedAt: string;
  attempts: number;
  /** Epoch ms before which no automatic retry happens (backoff). */
  nextAttemptAt: number;
  critical: boolean;
  error: ServerProblem | null;
  serverId: string | null;
  sentAt: string | null;
}

/** A photo, recording, file or signature waiting to be uploaded; its id is the upload's clientId. */
export interface MediaItem {
  id: string;
  reportId: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  sealed: Sealed;
  uploadId: string | null;
}

/**
 * A coordinator's message as the phone keeps it (ADR 0033): its text and mission title sealed with the
 * device key (AAD `message:<id>`), like the reports. `owed`: read here, not yet told to the server.
 */
export interface StoredMessage {
  id: string;
  missionId: string;
  at: string;
  sealed: Sealed;
  read: boolean;
  owed: boolean;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export const FIELD_DB_NAME = 'ukuk-field';

/** The field app's IndexedDB database (Dexie). */
export class FieldDb extends Dexie {
  meta!: Table<MetaRow, string>;
  forms!: Table<StoredForm, string>;
  assignments!: Table<Assignment & { key: string }, string>;
  outbox!: Table<OutboxItem, string>;
  media!: Table<MediaItem, string>;
  messages!: Table<StoredMessage, string>;

  constructor(name = FIELD_DB_NAME) {
    super(name);
    this.version(1).stores({
      meta: 'key',
      forms: 'id',
      assignments: 'key, siteId, formVersionId',
      outbox: 'clientId, status, nextAttemptAt',
      media: 'id, reportId',
    });
    // 2: coordinators' messages (ADR 0033); nothing else changes, so no upgrade function.
    this.version(2).stores({ messages: 'id' });
  }
}

let shared: FieldDb | null = null;

/** The page's one database handle (reopened after a wipe). */
export function fieldDb(): FieldDb {
  shared ??= new FieldDb();
  return shared;
}

/** Forgets the shared handle (after the database was deleted). */
export function dropFieldDb(): void {
  shared = null;
}
