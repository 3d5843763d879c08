import { createHash } from 'node:crypto';
import type { RecordKey } from '../crypto/envelope.ts';
import type { FileStore, StoredFile } from './store.ts';

/**
 * Thumbnails of pictures (evidence, observers' photos): at most 320 px, re-encoded as JPEG with NO
 * metadata at all — EXIF with GPS position and camera serial, XMP, IPTC, ICC are all dropped (sharp
 * keeps none unless asked). The caller stores it encrypted beside the untouched original.
 */
export const THUMB_PX = 320;
export const IMAGE_TYPES = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'image/heif',
]);
/** Decoding bound: a "decompression bomb" image is refused rather than allocating gigabytes. */
const MAX_PIXELS = 120_000_000;

/** A metadata-free JPEG thumbnail of an image, or null when the image cannot be decoded. */
export async function makeThumbnail(image: Buffer): Promise<Buffer | null> {
  try {
    // Loaded at first use: libvips is memory every process would carry, and most never make a thumbnail.
    const { default: sharp } = await import('sharp');
    return await sharp(image, { limitInputPixels: MAX_PIXELS, pages: 1 })
      .rotate() // apply the EXIF orientation before the EXIF block is dropped
      .resize(THUMB_PX, THUMB_PX, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80 })
      .toBuffer();
  } catch {
    return null;
  }
}

async function* once(b: Buffer): AsyncGenerator<Buffer> {
  yield b;
}

/**
 * The thumbnail of a stored picture, stored beside it under the same record key as `thumbField`.
 * The original is re-hashed while it is read: a file that no longer matches its recorded SHA-256 and
 * size gets no derived copy (verification reports it). `unreadable`: the original could not be read
 * (the caller logs it); null: it changed, or is no picture sharp can decode. The caller records the
 * returned file, and removes it when another run recorded one first.
 */
export async function storeThumbnail(
  store: FileStore,
  key: RecordKey,
  original: { field: string; storageKey: string; sha256: string; size: number },
  thumbField: string,
): Promise<StoredFile | null | 'unreadable'> {
  const hash = createHash('sha256');
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const c of store.read(key, original.field, original.storageKey)) {
      hash.update(c);
      size += c.length;
      parts.push(c);
    }
  } catch {
    return 'unreadable';
  }
  if (hash.digest('hex') !== original.sha256 || size !== original.size) return null;
  const thumb = await makeThumbnail(Buffer.concat(parts));
  if (!thumb) return null;
  return store.write(key, thumbField, once(thumb), {
    maxBytes: thumb.length,
    tooLarge: () => new Error('thumbnail larger than itself'),
  });
}
