const NUMBER = /^[A-Za-z]+-(\d{4})-(\d+)$/;

/**
 * The part of a case number that tells it apart, for a month cell too narrow for the whole number.
 * The server numbers every case `LA-<year>-<sequence>` (casesRepo.nextNumber), so cutting the end
 * of "LA-2026-00042" left only the prefix all cases share. The sequence keeps its leading zeros, as
 * people say and file it. The year stays when it is not the year on screen: a case opened last
 * year has hearings this January, and "LA-2025-00042" and "LA-2026-00042" must not both read "00042".
 * A number of any other shape is shown whole rather than guessed at.
 */
export function shortCaseNumber(number: string, shownYear: string): string {
  const [, year, seq] = NUMBER.exec(number) ?? [];
  if (!year || !seq) return number;
  return year === shownYear ? seq : `${year}-${seq}`;
}
