import { csvField, type Cell } from '../../../core/csv.ts';

/** Text helpers of the export renderer (exports.render.ts), which runs in the export worker threads. */

/**
 * A page's text, encoded as it is written into one scratch buffer that the renderer keeps from page to
 * page: no page-sized string to build and then copy. Each page leaves as an exact-size copy that owns
 * its memory, so it can move to the main thread without a copy: a page of 1,000 rows is about 0.4 MB,
 * and handing over the whole 1 MB scratch per page left up to 65 MB of pages waiting for the main
 * thread's garbage collector at the export's peak.
 */
export class PageBytes {
  private buf = Buffer.allocUnsafeSlow(1 << 20);
  private n = 0;

  put(s: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit; write() would silently cut what does not fit.
    if (this.buf.length - this.n < s.length * 3) {
      const next = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.n + s.length * 3));
      this.buf.copy(next, 0, 0, this.n);
      this.buf = next;
    }
    this.n += this.buf.write(s, this.n, 'utf8');
  }

  /** The bytes written since the last call, in an ArrayBuffer of their own; the scratch starts over. */
  take(): Uint8Array {
    const out = new Uint8Array(new ArrayBuffer(this.n));
    out.set(this.buf.subarray(0, this.n));
    this.n = 0;
    return out;
  }
}

/**
 * csvField for the values that repeat (labels, choice keys, numbers): each distinct short string is
 * escaped once. Unique values (ids, times, free text) go straight to csvField.
 */
export function escaper(): (v: Cell) => string {
  const memo = new Map<string, string>();
  return (v) => {
    if (v === null) return '';
    if (typeof v === 'number') return String(v);
    if (v.length > 40) return csvField(v);
    let e = memo.get(v);
    if (e === undefined) {
      if (memo.size >= 20_000) memo.clear();
      e = csvField(v);
      memo.set(v, e);
    }
    return e;
  };
}
