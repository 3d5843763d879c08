/**
 * The id a report gets on the device when it is opened: the server stores a report once per id
 * (issue #5: a retry, replay or double tap stores once), so it must never repeat.
 *
 * A UUIDv7 (RFC 9562: 48 bits of milliseconds, then 74 random bits) rather than a random v4: the
 * server keeps a unique index on these ids, and ids that grow with time are written at the end of
 * that index, a page or two per batch of reports, where random ones land on a different page each
 * (measured on election day's load: the index of random ids was most of what each commit wrote).
 * The random bits keep two devices, or two reports in one millisecond, from ever colliding.
 */
export function newClientId(now: number = Date.now()): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = 0x70 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
