/**
 * Whether a time a phone gave can be right: not before 2000 (a clock reset to 1 January 1970) and not
 * more than a day after the server received the report (a clock set ahead). One rule for the report
 * page's "the phone's clock was wrong" note and for the day a violation record made from a report
 * happened (review.convert.text.ts), so that the two never disagree about the same report.
 */
const EARLIEST = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;

export function plausiblePhoneTime(ms: number, receivedMs: number): boolean {
  return !Number.isNaN(ms) && ms >= EARLIEST && ms <= receivedMs + DAY_MS;
}
