/**
 * Uploads are checked by content, not by name (SECURITY.md): the first bytes say what a file really is,
 * and a file whose extension or declared type disagrees with its content is refused. Only the kinds in
 * `TYPES` are accepted at all.
 */

/** What the first bytes say a file is. `zip-*` are ZIP packages told apart by their inner names. */
export type Kind =
  | 'pdf'
  | 'jpeg'
  | 'png'
  | 'gif'
  | 'webp'
  | 'heic'
  | 'docx'
  | 'xlsx'
  | 'odt'
  | 'ooxml'
  | 'zip'
  | 'cfbf'
  | 'rtf'
  | 'text'
  | 'mp3'
  | 'mp4'
  | 'm4a'
  | 'ogg'
  | 'wav'
  | 'mov'
  | 'webm';

interface TypeRule {
  /** Content kinds accepted under this extension. */
  kinds: readonly Kind[];
  /** The type stored and sent back (never the one the browser declared). */
  mime: string;
  /** Types a browser may declare for such a file; a different known type is a mismatch. */
  declared: readonly string[];
}

const OOXML_WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const OOXML_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ODT = 'application/vnd.oasis.opendocument.text';

/** The allow-list: lower-case extension → accepted content and the canonical type. */
export const TYPES: Readonly<Record<string, TypeRule>> = {
  pdf: { kinds: ['pdf'], mime: 'application/pdf', declared: ['application/pdf', 'application/x-pdf'] },
  jpg: { kinds: ['jpeg'], mime: 'image/jpeg', declared: ['image/jpeg', 'image/pjpeg'] },
  jpeg: { kinds: ['jpeg'], mime: 'image/jpeg', declared: ['image/jpeg', 'image/pjpeg'] },
  png: { kinds: ['png'], mime: 'image/png', declared: ['image/png'] },
  gif: { kinds: ['gif'], mime: 'image/gif', declared: ['image/gif'] },
  webp: { kinds: ['webp'], mime: 'image/webp', declared: ['image/webp'] },
  heic: {
    kinds: ['heic'],
    mime: 'image/heic',
    declared: ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'],
  },
  heif: {
    kinds: ['heic'],
    mime: 'image/heif',
    declared: ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'],
  },
  docx: { kinds: ['docx', 'ooxml'], mime: OOXML_WORD, declared: [OOXML_WORD] },
  xlsx: { kinds: ['xlsx', 'ooxml'], mime: OOXML_SHEET, declared: [OOXML_SHEET] },
  odt: { kinds: ['odt'], mime: ODT, declared: [ODT] },
  doc: { kinds: ['cfbf'], mime: 'application/msword', declared: ['application/msword'] },
  xls: { kinds: ['cfbf'], mime: 'application/vnd.ms-excel', declared: ['application/vnd.ms-excel'] },
  rtf: { kinds: ['rtf'], mime: 'application/rtf', declared: ['application/rtf', 'text/rtf'] },
  txt: { kinds: ['text'], mime: 'text/plain', declared: ['text/plain'] },
  // Windows browsers declare CSV as an Excel type.
  csv: {
    kinds: ['text'],
    mime: 'text/csv',
    declared: ['text/csv', 'text/plain', 'application/vnd.ms-excel'],
  },
  md: {
    kinds: ['text'],
    mime: 'text/markdown',
    declared: ['text/markdown', 'text/x-markdown', 'text/plain'],
  },
  mp3: { kinds: ['mp3'], mime: 'audio/mpeg', declared: ['audio/mpeg', 'audio/mp3'] },
  mp4: { kinds: ['mp4', 'm4a'], mime: 'video/mp4', declared: ['video/mp4', 'audio/mp4'] },
  m4a: {
    kinds: ['m4a', 'mp4'],
    mime: 'audio/mp4',
    declared: ['audio/mp4', 'audio/x-m4a', 'audio/m4a', 'video/mp4'],
  },
  ogg: {
    kinds: ['ogg'],
    mime: 'audio/ogg',
    declared: ['audio/ogg', 'video/ogg', 'application/ogg', 'audio/opus'],
  },
  opus: { kinds: ['ogg'], mime: 'audio/ogg', declared: ['audio/ogg', 'audio/opus', 'application/ogg'] },
  // Phone video: QuickTime (iPhone) and WebM (browsers' own recordings).
  mov: { kinds: ['mov', 'mp4'], mime: 'video/quicktime', declared: ['video/quicktime'] },
  webm: { kinds: ['webm'], mime: 'video/webm', declared: ['video/webm', 'audio/webm'] },
  wav: {
    kinds: ['wav'],
    mime: 'audio/wav',
    declared: ['audio/wav', 'audio/x-wav', 'audio/wave', 'audio/vnd.wave'],
  },
};

/** Declared types we recognise: one of them that does not fit the extension is a mismatch. */
const KNOWN_DECLARED = new Set([
  ...Object.values(TYPES).flatMap((t) => t.declared),
  'application/zip',
  'application/x-zip-compressed',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-dosexec',
  'application/x-executable',
  'application/vnd.microsoft.portable-executable',
  'application/x-sh',
  'application/javascript',
  'text/javascript',
  'text/html',
  'image/svg+xml',
  'image/avif',
  'image/bmp',
  'image/tiff',
  'video/quicktime',
]);

/** Bytes the sniffer wants to see before deciding (ZIP packages name their parts near the start). */
export const SNIFF_BYTES = 64 * 1024;

const startsWith = (b: Buffer, sig: number[] | string, at = 0) => {
  const s = typeof sig === 'string' ? Buffer.from(sig, 'latin1') : Buffer.from(sig);
  return b.length >= at + s.length && b.subarray(at, at + s.length).equals(s);
};

/** Names of the entries of a ZIP package found in its first bytes (local file headers). */
function zipEntries(head: Buffer): { name: string; body: Buffer }[] {
  const out: { name: string; body: Buffer }[] = [];
  // Scanning for each header signature also finds entries that follow a streamed entry (data descriptor).
  let at = head.indexOf('PK\x03\x04', 0, 'latin1');
  while (at >= 0 && at + 30 <= head.length && out.length < 200) {
    const nameLen = head.readUInt16LE(at + 26);
    const extraLen = head.readUInt16LE(at + 28);
    const size = head.readUInt32LE(at + 18);
    const nameEnd = at + 30 + nameLen;
    if (nameEnd > head.length) break;
    const start = nameEnd + extraLen;
    out.push({
      name: head.subarray(at + 30, nameEnd).toString('utf8'),
      body: head.subarray(Math.min(start, head.length), Math.min(start + size, head.length)),
    });
    at = head.indexOf('PK\x03\x04', at + 30, 'latin1');
  }
  return out;
}

function zipKind(head: Buffer): Kind {
  const entries = zipEntries(head);
  const first = entries[0];
  if (first?.name === 'mimetype') {
    // OpenDocument stores its type first and uncompressed.
    return first.body.toString('latin1') === ODT ? 'odt' : 'zip';
  }
  const names = entries.map((e) => e.name);
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  if (names.some((n) => n === '[Content_Types].xml' || n === '_rels/.rels' || n.startsWith('docProps/')))
    return 'ooxml';
  return 'zip';
}

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx']);
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'dash',
  'M4V ',
  'M4VP',
]);
const M4A_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A ']);

/** ISO base media (`ftyp` box): HEIC images, MP4 video, M4A audio. */
function ftypKind(head: Buffer): Kind | null {
  if (!startsWith(head, 'ftyp', 4)) return null;
  const boxLen = Math.min(head.readUInt32BE(0), head.length);
  const major = head.subarray(8, 12).toString('latin1');
  const compatible: string[] = [];
  for (let i = 16; i + 4 <= boxLen; i += 4) compatible.push(head.subarray(i, i + 4).toString('latin1'));
  if (HEIC_BRANDS.has(major)) return 'heic';
  if (major === 'mif1' || major === 'msf1') return compatible.some((b) => HEIC_BRANDS.has(b)) ? 'heic' : null;
  if (M4A_BRANDS.has(major)) return 'm4a';
  if (major === 'qt  ') return 'mov';
  if (MP4_BRANDS.has(major) || compatible.some((b) => MP4_BRANDS.has(b))) return 'mp4';
  return null;
}

/** Matroska's EBML header whose DocType (element 0x4282, one-byte size) is `webm`; Matroska itself is not accepted. */
function isWebm(head: Buffer): boolean {
  if (!startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return false;
  const at = head.subarray(0, 64).indexOf(Buffer.from([0x42, 0x82]));
  const size = head[at + 2] ?? 0;
  if (at < 0 || (size & 0x80) === 0) return false;
  return head.subarray(at + 3, at + 3 + (size & 0x7f)).toString('latin1') === 'webm';
}

function isMp3Frame(b: Buffer): boolean {
  // Frame sync (11 bits), a real MPEG version, layer III.
  const b1 = b[1] ?? 0;
  return b[0] === 0xff && (b1 & 0xe0) === 0xe0 && (b1 & 0x18) !== 0x08 && (b1 & 0x06) === 0x02;
}

/** Could these first bytes start a UTF-8 text file? (The whole file is checked while it streams.) */
function looksLikeText(head: Buffer, complete: boolean): boolean {
  if (head.includes(0)) return false;
  try {
    // A multi-byte character cut at the end of the head is fine unless the file ends there.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/** What the first bytes of a file are, or null when they match nothing on the allow-list. */
export function sniff(head: Buffer, complete: boolean): Kind | null {
  if (head.subarray(0, 1024).includes('%PDF-', 0, 'latin1')) return 'pdf';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a')) return 'gif';
  if (startsWith(head, 'RIFF') && startsWith(head, 'WEBP', 8)) return 'webp';
  if (startsWith(head, 'RIFF') && startsWith(head, 'WAVE', 8)) return 'wav';
  if (startsWith(head, 'PK\x03\x04')) return zipKind(head);
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'cfbf';
  if (startsWith(head, '{\\rtf')) return 'rtf';
  if (startsWith(head, 'OggS')) return 'ogg';
  if (isWebm(head)) return 'webm';
  // An ID3v2 tag (major version 2–4) or a bare MPEG frame.
  if ((startsWith(head, 'ID3') && [2, 3, 4].includes(head[3] ?? 0)) || isMp3Frame(head)) return 'mp3';
  const iso = ftypKind(head);
  if (iso) return iso;
  if (looksLikeText(head, complete)) return 'text';
  return null;
}

/** The lower-case extension of a file name ('' when it has none). */
export function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

export type TypeDecision =
  | { ok: true; kind: Kind; mime: string; extension: string }
  | { ok: false; reason: 'type_not_allowed' | 'type_mismatch' };

/**
 * Decide whether a file may be stored: its extension must be on the allow-list (a name without one
 * takes the extension of its content), its content must be what the extension says, and a type the
 * browser declared must not say otherwise.
 */
export function decideType(
  name: string,
  declared: string | undefined,
  head: Buffer,
  complete: boolean,
): TypeDecision {
  const kind = sniff(head, complete);
  let ext = extensionOf(name);
  if (!ext) {
    // Without an extension the content names the type, unless it is ambiguous (DOC or XLS?).
    if (!kind || kind === 'cfbf') return { ok: false, reason: 'type_not_allowed' };
    ext = Object.keys(TYPES).find((e) => TYPES[e]!.kinds[0] === kind) ?? '';
  }
  const rule = TYPES[ext];
  if (!rule) return { ok: false, reason: 'type_not_allowed' };
  if (!kind || !rule.kinds.includes(kind)) return { ok: false, reason: 'type_mismatch' };
  const d = (declared ?? '').split(';')[0]!.trim().toLowerCase();
  if (d && KNOWN_DECLARED.has(d) && !rule.declared.includes(d)) return { ok: false, reason: 'type_mismatch' };
  return { ok: true, kind, mime: rule.mime, extension: ext };
}

/**
 * Checks the whole content of a text file as it streams (valid UTF-8, no NUL byte): the first bytes
 * alone cannot prove that a file is text. Other kinds need no streaming check.
 */
export class TextCheck {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private ok = true;

  update(chunk: Buffer): void {
    if (!this.ok) return;
    if (chunk.includes(0)) {
      this.ok = false;
      return;
    }
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      this.ok = false;
    }
  }

  /** True when everything seen was UTF-8 text without NUL and nothing was cut mid-character. */
  final(): boolean {
    if (!this.ok) return false;
    try {
      this.decoder.decode();
      return true;
    } catch {
      return false;
    }
  }
}
