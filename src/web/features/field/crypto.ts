/**
 * Local encryption of the field app's answers and media (docs/adr/0012-field-app-offline.md): AES-GCM
 * with a WebCrypto key made at login, non-extractable (the page can use it but never read its bytes),
 * kept in IndexedDB and deleted on logout. The record id is the additional data, so a ciphertext
 * copied onto another record does not decrypt.
 */

/** An encrypted value as stored: a fresh 96-bit IV per encryption and the ciphertext with its tag. */
export interface Sealed {
  iv: Uint8Array;
  data: ArrayBuffer;
}

/** A new AES-256-GCM key whose bytes can never leave WebCrypto. */
export function newDeviceKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export async function sealBytes(key: CryptoKey, bytes: BufferSource, aad: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(aad) },
    key,
    bytes,
  );
  return { iv, data };
}

export async function openBytes(
  key: CryptoKey,
  sealed: Sealed,
  aad: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: sealed.iv as Uint8Array<ArrayBuffer>, additionalData: encoder.encode(aad) },
    key,
    sealed.data,
  );
  return new Uint8Array(plain);
}

export function sealJson(key: CryptoKey, value: unknown, aad: string): Promise<Sealed> {
  return sealBytes(key, encoder.encode(JSON.stringify(value)), aad);
}

export async function openJson<T>(key: CryptoKey, sealed: Sealed, aad: string): Promise<T> {
  return JSON.parse(decoder.decode(await openBytes(key, sealed, aad))) as T;
}

/** Hex SHA-256 of a file, which the upload API asks for so a resumed upload is the same file. */
export async function sha256Hex(bytes: BufferSource): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}
