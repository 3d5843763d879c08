import { resources } from '../../../core/i18n/index.ts';
import { LOCALES, ROLES, type Locale, type Role } from '../../../core/roles.ts';
import { Email, PersonName } from '../../../core/schemas/common.ts';
import { PhoneNumber } from '../../../core/schemas/users.ts';
import { normalizeEmail, normalizeText } from '../../../core/text.ts';
import { parseCsvRows, tidyCells } from '../../../core/csv.ts';

/**
 * The check of a list of people to invite (CSV: e-mail, name, role, language, phone). Pure: whether an
 * address already has an account is the service's question (users.importer.ts).
 */

export interface PersonLine {
  line: number;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  phone: string | null;
}

export interface PersonIssue {
  line: number;
  field: string;
  code:
    | 'required'
    | 'columns'
    | 'over_limit'
    | 'invalid_email'
    | 'duplicate'
    | 'email_taken'
    | 'too_long'
    | 'unknown_role'
    | 'admin_not_in_list'
    | 'unknown_language'
    | 'invalid_phone';
}

export const PEOPLE_HEADER = ['email', 'name', 'role', 'language', 'phone'];
/** An election's observers, a training's participants: more at once is a mistake or a second file. */
export const MAX_PEOPLE = 500;

// A role is named by its code only: the roles' names mislead across languages (Russian calls the
// viewer «Наблюдатель», the word for an election observer, who is a monitor here). A language may be
// its code or its name in any of the three languages ("Кыргызча").
const roleByCode = new Map<string, Role>(ROLES.map((r) => [r, r]));
const localeByName = new Map<string, Locale>();
for (const l of LOCALES) {
  localeByName.set(l, l);
  for (const n of LOCALES) localeByName.set(normalizeText(resources[l].ui.language.names[n]), n);
}

/** Check every line; the import is all or nothing, so every problem is reported at once. */
export function checkPeopleCsv(
  text: string,
  fallback: Locale,
): { lines: PersonLine[]; issues: PersonIssue[] } {
  // Blank lines are skipped, but every issue names the record's own line in the file.
  const rows = parseCsvRows(text).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const issues: PersonIssue[] = [];
  const lines: PersonLine[] = [];
  const hasHeader = rows[0]?.cells[0]?.trim().toLowerCase() === 'email';
  const body = rows.slice(hasHeader ? 1 : 0);
  if (body.length === 0) return { lines, issues: [{ line: 1, field: 'line', code: 'required' }] };
  if (body.length > MAX_PEOPLE) return { lines, issues: [{ line: 1, field: 'line', code: 'over_limit' }] };
  const seen = new Set<string>();
  body.forEach(({ line, cells: r }) => {
    const clean = tidyCells(r);
    const [emailRaw = '', nameRaw = '', roleRaw = '', langRaw = '', phoneRaw = ''] = clean;
    const before = issues.length;
    if (r.length > PEOPLE_HEADER.length) issues.push({ line, field: 'line', code: 'columns' });
    const email = normalizeEmail(emailRaw);
    if (!email) issues.push({ line, field: 'email', code: 'required' });
    else if (!Email.safeParse(email).success) issues.push({ line, field: 'email', code: 'invalid_email' });
    else if (seen.has(email)) issues.push({ line, field: 'email', code: 'duplicate' });
    seen.add(email);
    if (!nameRaw) issues.push({ line, field: 'name', code: 'required' });
    else if (!PersonName.safeParse(nameRaw).success) issues.push({ line, field: 'name', code: 'too_long' });
    const role = roleRaw ? roleByCode.get(roleRaw.toLowerCase()) : 'monitor';
    if (!role) issues.push({ line, field: 'role', code: 'unknown_role' });
    // An administrator is invited one by one: it asks for a second administrator's approval.
    else if (role === 'admin') issues.push({ line, field: 'role', code: 'admin_not_in_list' });
    const locale = langRaw ? localeByName.get(normalizeText(langRaw)) : fallback;
    if (!locale) issues.push({ line, field: 'language', code: 'unknown_language' });
    const phone = phoneRaw ? PhoneNumber.safeParse(phoneRaw) : null;
    if (phone && !phone.success) issues.push({ line, field: 'phone', code: 'invalid_phone' });
    if (issues.length === before)
      lines.push({ line, email, name: nameRaw, role: role!, locale: locale!, phone: phone?.data ?? null });
  });
  return { lines, issues: issues.slice(0, 200) };
}
