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
