import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Client } from './client.ts';

/** Helpers of the evidence tests: uploads as a browser sends them, test files, the files folder. */

export type Err = { error: { code: string; message: string; fields?: { path: string; code: string }[] } };
export type Item = {
  id: string;
  eventId: string | null;
  actId: string | null;
  personId: string | null;
  name: string;
  description: string | null;
  mime: string;
  kind: string;
  size: number;
  sha256: string;
  hasThumbnail: boolean;
  derived: boolean;
  textIndexed: boolean;
  verifiedAt: string | null;
  verifyResult: string | null;
  uploadedBy: string;
};

/** A multipart upload exactly as a browser's FormData sends it, with cookies and the CSRF token. */
export async function uploadTo(
  c: Client,
  url: string,
  name: string,
  bytes: Buffer,
  opts: { type?: string; fields?: Record<string, string>; locale?: string } = {},
): Promise<{ status: number; body: Item & Err }> {
  if (c.csrf === null) await c.fetchCsrf();
  const form = new FormData();
  for (const [k, v] of Object.entries(opts.fields ?? {})) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: opts.type ?? '' }), name);
  const res = await fetch(`${c.baseUrl}${url}`, {
    method: 'POST',
    headers: {
      cookie: c.cookieHeader(),
      'x-csrf-token': c.csrf!,
      ...(opts.locale ? { 'x-ukuk-locale': opts.locale } : {}),
    },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Item & Err };
}

export async function fetchBytes(c: Client, url: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${c.baseUrl}${url}`, { headers: { ...headers, cookie: c.cookieHeader() } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Names of the stored files under `<dataDir>/files`. */
export function storedFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

/** A one-page PDF whose text (ASCII, Helvetica) pdftotext reads back. */
export function textPdf(lines: string[]): Buffer {
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = `BT /F1 12 Tf 72 720 Td 14 TL ${lines.map((l) => `(${esc(l)}) '`).join(' ')} ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A camera-like JPEG with EXIF: a GPS position (IFD3) and the marker as artist and description. */
export async function gpsJpeg(marker: string): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 900, channels: 3, background: '#884422' } })
    .jpeg()
    .withExif({
      IFD0: { Artist: marker, ImageDescription: marker },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '42/1 52/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '74/1 36/1 0/1',
      },
    })
    .toBuffer();
}

/** Does an EXIF block (as sharp's metadata gives it) point to a GPS IFD (tag 0x8825 in IFD0)? */
export function hasGpsIfd(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.subarray(
    exif.indexOf('II*\0', 0, 'latin1') >= 0 ? exif.indexOf('II*\0', 0, 'latin1') : 0,
  );
  if (tiff.toString('latin1', 0, 2) !== 'II') throw new Error('test expects little-endian EXIF');
  const ifd0 = tiff.readUInt32LE(4);
  const count = tiff.readUInt16LE(ifd0);
  for (let i = 0; i < count; i += 1) if (tiff.readUInt16LE(ifd0 + 2 + 12 * i) === 0x8825) return true;
  return false;
}
