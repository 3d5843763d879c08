import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { decideType, sniff, TextCheck } from '../../src/server/platform/files/sniff.ts';

const b = (...parts: (string | number[] | Buffer)[]) =>
  Buffer.concat(
    parts.map((p) =>
      typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.isBuffer(p) ? p : Buffer.from(p),
    ),
  );
const u32 = (n: number) => {
  const x = Buffer.alloc(4);
  x.writeUInt32BE(n);
  return x;
};
const ftyp = (major: string, ...compat: string[]) =>
  b(u32(16 + 4 * compat.length), 'ftyp', major, [0, 0, 0, 0], ...compat, randomBytes(64));

function zipEntry(name: string, data: string): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt32LE(data.length, 18);
  h.writeUInt32LE(data.length, 22);
  h.writeUInt16LE(name.length, 26);
  return b(h, name, data);
}

const SAMPLES: [string, Buffer][] = [
  ['pdf', b('%PDF-1.4\n', randomBytes(100))],
  ['jpeg', b([0xff, 0xd8, 0xff, 0xe0], randomBytes(100))],
  ['png', b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], randomBytes(100))],
  ['gif', b('GIF89a', randomBytes(100))],
  ['webp', b('RIFF', u32(100), 'WEBPVP8 ', randomBytes(100))],
  ['wav', b('RIFF', u32(100), 'WAVEfmt ', randomBytes(100))],
  ['heic', ftyp('heic', 'mif1', 'heic')],
  ['heic', ftyp('mif1', 'mif1', 'heic')],
  ['mp4', ftyp('isom', 'isom', 'avc1')],
  ['m4a', ftyp('M4A ', 'M4A ', 'isom')],
  ['mov', ftyp('qt  ', 'qt  ')],
  [
    'webm',
    b([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], 'webm', randomBytes(100)),
  ],
  [
    'odt',
    b(zipEntry('mimetype', 'application/vnd.oasis.opendocument.text'), zipEntry('content.xml', '<x/>')),
  ],
  ['docx', b(zipEntry('[Content_Types].xml', '<T/>'), zipEntry('word/document.xml', '<d/>'))],
  ['xlsx', b(zipEntry('[Content_Types].xml', '<T/>'), zipEntry('xl/workbook.xml', '<w/>'))],
  ['ooxml', b(zipEntry('[Content_Types].xml', '<T/>'))],
  ['zip', b(zipEntry('setup.exe', 'MZ'))],
  ['cfbf', b([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], randomBytes(100))],
  ['rtf', b('{\\rtf1\\ansi Hello}')],
  ['ogg', b('OggS', randomBytes(100))],
  ['mp3', b('ID3', [4, 0, 0], randomBytes(100))],
  ['mp3', b([0xff, 0xfb, 0x90, 0x64], randomBytes(100))],
  ['text', Buffer.from('Кыргызча текст, русский текст, English.\n')],
];

describe('content sniffing', () => {
  for (const [kind, bytes] of SAMPLES) {
    test(`recognises ${kind}`, () => assert.equal(sniff(bytes, true), kind));
  }

  test('refuses what is not on the allow-list', () => {
    assert.equal(sniff(b('MZ', [0x90, 0], randomBytes(200), [0]), true), null);
    assert.equal(sniff(b([0x7f], 'ELF', [2, 1, 1, 0]), true), null);
    assert.equal(sniff(ftyp('avif', 'avif', 'mif1'), true), null);
    const mkv = b([0x1a, 0x45, 0xdf, 0xa3, 0x93, 0x42, 0x82, 0x88], 'matroska', randomBytes(100));
    assert.equal(sniff(mkv, true), null, 'Matroska other than WebM is not on the list');
    assert.equal(sniff(Buffer.from([0xc3, 0x28]), true), null, 'invalid UTF-8 is not text');
  });

  test('the extension and the declared type must agree with the content', () => {
    const pdf = SAMPLES[0]![1];
    assert.deepEqual(decideType('a.pdf', 'application/pdf', pdf, true), {
      ok: true,
      kind: 'pdf',
      mime: 'application/pdf',
      extension: 'pdf',
    });
    assert.deepEqual(decideType('a.PDF', '', pdf, true).ok, true);
    assert.deepEqual(decideType('a.png', '', pdf, true), { ok: false, reason: 'type_mismatch' });
    assert.deepEqual(decideType('a.pdf', 'image/png', pdf, true), { ok: false, reason: 'type_mismatch' });
    assert.deepEqual(decideType('a.pdf', 'application/x-msdownload', pdf, true), {
      ok: false,
      reason: 'type_mismatch',
    });
    // An unknown declared type is no evidence either way (browsers vary).
    assert.equal(decideType('a.pdf', 'application/x-something', pdf, true).ok, true);
    assert.deepEqual(decideType('a.exe', '', pdf, true), { ok: false, reason: 'type_not_allowed' });
    assert.deepEqual(decideType('scan', '', pdf, true), {
      ok: true,
      kind: 'pdf',
      mime: 'application/pdf',
      extension: 'pdf',
    });
    assert.deepEqual(decideType('old', '', SAMPLES.find(([k]) => k === 'cfbf')![1], true), {
      ok: false,
      reason: 'type_not_allowed',
    });
    const docx = SAMPLES.find(([k]) => k === 'docx')![1];
    assert.equal(decideType('a.docx', '', docx, true).ok, true);
    assert.deepEqual(decideType('a.xlsx', '', docx, true), { ok: false, reason: 'type_mismatch' });
    assert.equal(
      decideType('list.csv', 'application/vnd.ms-excel', Buffer.from('a;b\n1;2\n'), true).ok,
      true,
    );
    const mov = SAMPLES.find(([k]) => k === 'mov')![1];
    assert.equal(decideType('IMG_0001.MOV', 'video/quicktime', mov, true).ok, true);
    assert.deepEqual(decideType('clip.mp4', '', mov, true), { ok: false, reason: 'type_mismatch' });
    assert.equal(decideType('clip.mov', '', SAMPLES.find(([k]) => k === 'mp4')![1], true).ok, true);
    const webm = SAMPLES.find(([k]) => k === 'webm')![1];
    assert.equal(decideType('voice.webm', 'audio/webm', webm, true).ok, true);
    assert.deepEqual(decideType('voice.webm', 'video/mp4', webm, true), {
      ok: false,
      reason: 'type_mismatch',
    });
  });

  test('a text file is checked to its end: a NUL or broken UTF-8 late in the file is caught', () => {
    const ok = new TextCheck();
    ok.update(Buffer.from('Өкмөт'.repeat(1000)).subarray(0, 1001)); // cut inside a character
    ok.update(Buffer.from('Өкмөт'.repeat(1000)).subarray(1001));
    assert.equal(ok.final(), true);
    const nul = new TextCheck();
    nul.update(Buffer.from('text'));
    nul.update(Buffer.from([0x61, 0x00]));
    assert.equal(nul.final(), false);
    const cut = new TextCheck();
    cut.update(Buffer.from([0x61, 0xd3]));
    assert.equal(cut.final(), false, 'ends in the middle of a character');
  });
});
