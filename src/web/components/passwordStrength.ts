/** The server's minimum password length (SECURITY.md). */
export const MIN_PASSWORD_LENGTH = 12;

export type Strength = 'tooShort' | 'weak' | 'fair' | 'good' | 'strong';

/**
 * A rough, local hint only: the server is the authority (it also rejects common passwords).
 * Unicode classes so Cyrillic and Kyrgyz letters count as letters.
 */
export function passwordStrength(password: string): Strength {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return 'tooShort';
  }
  if (new Set(password).size < 6) {
    return 'weak';
  }
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{N}/u, /[^\p{L}\p{N}]/u].filter((r) => r.test(password)).length;
  const score =
    (length >= 16 ? 1 : 0) + (length >= 20 ? 1 : 0) + (classes >= 3 ? 1 : 0) + (classes >= 4 ? 1 : 0);
  if (score >= 3) {
    return 'strong';
  }
  if (score === 2) {
    return 'good';
  }
  return score === 1 ? 'fair' : 'weak';
}
