import fs from 'node:fs';
import path from 'node:path';
import {
  createHmac,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';
import { uuidv7 } from '../../../core/ids.ts';
import type { Db, Executor } from '../db/db.ts';
import { AppError } from '../errors.ts';
import { open, seal } from './aead.ts';
import { Envelope } from './envelope.ts';

export type SealMode = 'keyfile' | 'passphrase';
const now = () => new Date().toISOString();
const NODE_LIVE_MS = 60_000;

/** Argon2id parameters for the seal passphrase (deliberately heavier than for login passwords). */
async function passphraseKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  return Buffer.from(
    await hashRaw(passphrase, {
      salt,
      memoryCost: 65536,
      timeCost: 3,
      parallelism: 1,
      outputLen: 32,
      algorithm: 2,
    }),
  );
}

/** The key's check value stored in `keyring.kek_check`: tells a wrong key file from the right one. */
export function checkValue(kek: Buffer): string {
  return createHmac('sha256', kek).update('ukuk kek check v1').digest('hex');
}

/** Constant-time comparison of two check values. */
export function sameCheck(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Holds the key-encryption key (KEK) of this process, and keeps it in step with the cluster's sealed
 * state in the database. Key-file mode reads the KEK from a 0600 file; passphrase ("sealed") mode keeps
 * it only wrapped by an admin passphrase, so every node starts sealed. When one node (or the CLI) is
 * unsealed, it hands the KEK to the other live nodes wrapped to their in-memory X25519 keys: whoever
 * holds the disk or a dump cannot unwrap those. See docs/adr/0003-encryption.md.
 */
export class Keyring {
  readonly nodeId = uuidv7();
  private readonly nodeKey: { publicKey: KeyObject; privateKey: KeyObject };
  private kek: Buffer | null = null;
  private env: Envelope | null = null;
  private mode: SealMode | null = null;
  private epoch = -1;
  private lastHeartbeat = 0;
  private wroteKeyFile = false;
  private listeners: Array<(sealed: boolean) => void> = [];

  constructor(
    private readonly db: Db,
    private readonly keyFile: string,
  ) {
    this.nodeKey = generateKeyPairSync('x25519');
  }

  get initialized(): boolean {
    return this.mode !== null;
  }
  get sealMode(): SealMode | null {
    return this.mode;
  }
  get sealed(): boolean {
    return this.mode !== null && this.kek === null;
  }

  /** The envelope service; throws `system.sealed` when this node holds no key. */
  envelope(): Envelope {
    if (!this.env) throw new AppError('system.sealed');
    return this.env;
  }

  /** Called with `true` when the key is dropped (sealed) and `false` when it is back; returns an unsubscribe. */
  onChange(fn: (sealed: boolean) => void): () => void {
    this.listeners.push(fn);
    return () => {
      this.listeners = this.listeners.filter((f) => f !== fn);
    };
  }

  /** Create the KEK at first setup, in the given mode, inside the setup transaction. */
  async create(tx: Executor, mode: SealMode, passphrase?: string): Promise<void> {
    const kek = randomBytes(32);
    let wrapped: string | null = null;
    let salt: Buffer | null = null;
    if (mode === 'passphrase') {
      if (!passphrase) throw new Error('a passphrase is required for sealed mode');
      salt = randomBytes(16);
      wrapped = seal(await passphraseKey(passphrase, salt), kek, 'kek').toString('base64');
    }
    await tx
      .insertInto('keyring')
      .values({
        id: 'main',
        mode,
        kek_check: checkValue(kek),
        kek_wrapped: wrapped,
        kdf_salt: salt ? salt.toString('base64') : null,
        created_at: now(),
      })
      .execute();
    await tx
      .insertInto('system_state')
      .values({ id: 'main', sealed: 0, epoch: 1, updated_at: now() })
      .execute();
    // Key-file mode writes the file; in passphrase mode the KEK exists on disk only in wrapped form.
    if (mode === 'keyfile') {
      writeKeyFile(this.keyFile, kek);
      this.wroteKeyFile = true;
    }
    this.setKey(kek, mode, 1);
  }

  /** Undo `create` after its transaction failed: forget the key and remove the file it wrote. */
  abandonCreate(): void {
    if (this.wroteKeyFile) fs.rmSync(this.keyFile, { force: true });
    this.wroteKeyFile = false;
    this.drop();
    this.mode = null;
  }

  /** Register this node and load the current state. Call once at start, then `sync()` periodically. */
  async start(): Promise<void> {
    await this.db
      .insertInto('node_keys')
      .values({
        node_id: this.nodeId,
        public_key: this.nodeKey.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
        wrapped_kek: null,
        epoch: 0,
        last_seen_at: now(),
      })
      .execute();
    this.lastHeartbeat = Date.now();
    await this.sync();
  }

  async stop(): Promise<void> {
    this.drop();
    await this.db.deleteFrom('node_keys').where('node_id', '=', this.nodeId).execute();
  }

  /** Bring this node in step with the database: drop the key when sealed, pick it up when unsealed. */
  async sync(): Promise<void> {
    const ring = await this.db.selectFrom('keyring').selectAll().where('id', '=', 'main').executeTakeFirst();
    const state = await this.db
      .selectFrom('system_state')
      .selectAll()
      .where('id', '=', 'main')
      .executeTakeFirst();
    if (Date.now() - this.lastHeartbeat > 10_000) {
      this.lastHeartbeat = Date.now();
      await this.db
        .updateTable('node_keys')
        .set({ last_seen_at: now() })
        .where('node_id', '=', this.nodeId)
        .execute();
    }
    if (!ring || !state) return;
    this.mode = ring.mode as SealMode;
    if (state.sealed) {
      if (this.kek) this.drop();
      this.epoch = state.epoch;
      return;
    }
    if (this.kek && this.epoch === state.epoch) return;
    let kek: Buffer | null = null;
    if (ring.mode === 'keyfile') {
      kek = readKeyFile(this.keyFile);
    } else {
      const mine = await this.db
        .selectFrom('node_keys')
        .selectAll()
        .where('node_id', '=', this.nodeId)
        .executeTakeFirst();
      if (mine?.wrapped_kek && mine.epoch === state.epoch)
        kek = this.unwrapFromPeer(mine.wrapped_kek, state.epoch);
    }
    if (kek && sameCheck(checkValue(kek), ring.kek_check))
      this.setKey(kek, ring.mode as SealMode, state.epoch);
    else if (this.kek) this.drop();
  }

  /** Panic button: mark the cluster sealed, forget every handed-out key and end every session. */
  async seal(): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const state = await tx
        .selectFrom('system_state')
        .select('epoch')
        .where('id', '=', 'main')
        .executeTakeFirstOrThrow();
      await tx
        .updateTable('system_state')
        .set({ sealed: 1, epoch: state.epoch + 1, updated_at: now() })
        .execute();
      await tx.updateTable('node_keys').set({ wrapped_kek: null, epoch: 0 }).execute();
      await tx.deleteFrom('sessions').execute();
    });
    this.drop();
  }

  /**
   * Unseal with the passphrase (passphrase mode) or from the key file (key-file mode). Works in a server
   * or in the CLI: the KEK is handed to every live node that is registered now.
   */
  async unseal(passphrase: string | undefined): Promise<void> {
    const ring = await this.db.selectFrom('keyring').selectAll().where('id', '=', 'main').executeTakeFirst();
    if (!ring) throw new AppError('system.not_sealed');
    let kek: Buffer;
    if (ring.mode === 'passphrase') {
      if (!passphrase || !ring.kek_wrapped || !ring.kdf_salt) throw new AppError('system.unseal_failed');
      try {
        const k = await passphraseKey(passphrase, Buffer.from(ring.kdf_salt, 'base64'));
        kek = open(k, Buffer.from(ring.kek_wrapped, 'base64'), 'kek');
      } catch {
        throw new AppError('system.unseal_failed');
      }
    } else {
      const k = readKeyFile(this.keyFile);
      if (!k) throw new AppError('system.unseal_failed');
      kek = k;
    }
    if (!sameCheck(checkValue(kek), ring.kek_check)) throw new AppError('system.unseal_failed');
    const epoch = await this.db.transaction().execute(async (tx) => {
      const state = await tx
        .selectFrom('system_state')
        .selectAll()
        .where('id', '=', 'main')
        .executeTakeFirstOrThrow();
      const next = state.sealed ? state.epoch + 1 : state.epoch;
      await tx.updateTable('system_state').set({ sealed: 0, epoch: next, updated_at: now() }).execute();
      if (ring.mode === 'passphrase') await this.handOut(tx, kek, next);
      return next;
    });
    this.setKey(kek, ring.mode as SealMode, epoch);
  }

  /** Wrap the KEK to each live node lacking it, for this epoch. */
  private async handOut(tx: Executor, kek: Buffer, epoch: number): Promise<void> {
    const since = new Date(Date.now() - NODE_LIVE_MS).toISOString();
    const nodes = await tx.selectFrom('node_keys').selectAll().where('last_seen_at', '>=', since).execute();
    for (const n of nodes) {
      if (n.wrapped_kek && n.epoch === epoch) continue;
      const peer = createPublicKey({ key: Buffer.from(n.public_key, 'base64'), format: 'der', type: 'spki' });
      const eph = generateKeyPairSync('x25519');
      const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: peer });
      const k = Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), `ukuk node wrap ${n.node_id}`, 32));
      const box = seal(k, kek, `node:${n.node_id}:${epoch}`);
      const ephPub = eph.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
      await tx
        .updateTable('node_keys')
        .set({ wrapped_kek: `${ephPub}.${box.toString('base64')}`, epoch })
        .where('node_id', '=', n.node_id)
        .execute();
    }
  }

  private unwrapFromPeer(wrapped: string, epoch: number): Buffer | null {
    const [ephPub, box] = wrapped.split('.');
    if (!ephPub || !box) return null;
    try {
      const peer = createPublicKey({ key: Buffer.from(ephPub, 'base64'), format: 'der', type: 'spki' });
      const shared = diffieHellman({ privateKey: this.nodeKey.privateKey, publicKey: peer });
      const k = Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), `ukuk node wrap ${this.nodeId}`, 32));
      return open(k, Buffer.from(box, 'base64'), `node:${this.nodeId}:${epoch}`);
    } catch {
      return null;
    }
  }

  private setKey(kek: Buffer, mode: SealMode, epoch: number): void {
    const was = this.sealed;
    this.kek = kek;
    this.env = new Envelope(kek);
    this.mode = mode;
    this.epoch = epoch;
    if (was) this.listeners.forEach((fn) => fn(false));
  }

  private drop(): void {
    if (this.kek) this.kek.fill(0);
    this.kek = null;
    this.env = null;
    this.listeners.forEach((fn) => fn(true));
  }
}

export function writeKeyFile(file: string, kek: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, `${kek.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  fs.chmodSync(file, 0o600);
}

export function readKeyFile(file: string): Buffer | null {
  try {
    const k = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    return k.length === 32 ? k : null;
  } catch {
    return null;
  }
}
