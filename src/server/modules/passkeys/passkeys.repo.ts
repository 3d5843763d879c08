import type { Executor } from '../../platform/db/db.ts';
import type { WebauthnCredentialsTable } from '../../platform/db/schema.ts';

export const passkeysRepo = {
  insert(db: Executor, row: WebauthnCredentialsTable) {
    return db.insertInto('webauthn_credentials').values(row).execute();
  },
  forUser(db: Executor, userId: string) {
    return db
      .selectFrom('webauthn_credentials')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
  },
  byCredentialId(db: Executor, credentialId: string) {
    return db
      .selectFrom('webauthn_credentials')
      .selectAll()
      .where('credential_id', '=', credentialId)
      .executeTakeFirst();
  },
  async remove(db: Executor, userId: string, id: string): Promise<boolean> {
    const r = await db
      .deleteFrom('webauthn_credentials')
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  },
  /** Advance the signature counter only forwards (a cloned authenticator shows a counter going back). */
  async use(db: Executor, id: string, counter: number): Promise<void> {
    await db
      .updateTable('webauthn_credentials')
      .set({ counter, last_used_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
  },
  setChallenge(db: Executor, sessionId: string, challenge: string | null) {
    return db
      .updateTable('sessions')
      .set({
        challenge,
        challenge_expires_at: challenge ? new Date(Date.now() + 5 * 60_000).toISOString() : null,
      })
      .where('id', '=', sessionId)
      .execute();
  },
  /** Read and clear the session's challenge in one step: a challenge can be answered once. */
  async takeChallenge(db: Executor, sessionId: string): Promise<string | null> {
    const row = await db
      .selectFrom('sessions')
      .select(['challenge', 'challenge_expires_at'])
      .where('id', '=', sessionId)
      .executeTakeFirst();
    if (!row?.challenge) return null;
    const r = await db
      .updateTable('sessions')
      .set({ challenge: null, challenge_expires_at: null })
      .where('id', '=', sessionId)
      .where('challenge', '=', row.challenge)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return null;
    return row.challenge_expires_at && Date.parse(row.challenge_expires_at) > Date.now()
      ? row.challenge
      : null;
  },
};
