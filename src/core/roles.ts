/** Role names are part of the API and CLI contract (issue #2). */
export const ROLES = [
  'admin',
  'coordinator',
  'lawyer',
  'documenter',
  'monitor',
  'trainer',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['ky', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
