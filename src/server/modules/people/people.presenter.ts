import type { z } from 'zod';
import type * as S from '../../../core/schemas/people.ts';
import type { Envelope } from '../../platform/crypto/envelope.ts';
import type { PersonRow } from './people.repo.ts';

type Script = 'cyrl' | 'latn' | 'other';
type IdNumber = z.infer<typeof S.IdNumberInput>;
interface Contact {
  kind: z.infer<typeof S.ContactInput>['kind'];
  value: string;
  safe: boolean;
  hours: string | null;
}

/** The encrypted part of a person, decrypted. */
export interface PersonSecret {
  names: { full: string; script: Script }[];
  aliases: string[];
  gender: string | null;
  birthDate: string | null;
  idNumbers: IdNumber[];
  contacts: Contact[];
  address: string | null;
  notes: string | null;
}

export function detectScript(s: string): Script {
  if (/\p{Script=Cyrillic}/u.test(s)) return 'cyrl';
  if (/\p{Script=Latin}/u.test(s)) return 'latn';
  return 'other';
}

function json<T>(v: string | null, fallback: T): T {
  return v === null ? fallback : (JSON.parse(v) as T);
}

export function decryptPerson(env: Envelope, row: PersonRow): PersonSecret {
  const key = env.openRecordKey('people', row.id, row.dek);
  return {
    names: json(key.decrypt('names', row.names_enc), []),
    aliases: json(key.decrypt('aliases', row.aliases_enc), []),
    gender: key.decrypt('gender', row.gender_enc),
    birthDate: key.decrypt('birth_date', row.birth_date_enc),
    idNumbers: json(key.decrypt('id_numbers', row.id_numbers_enc), []),
    contacts: json(key.decrypt('contacts', row.contacts_enc), []),
    address: key.decrypt('address', row.address_enc),
    notes: key.decrypt('notes', row.notes_enc),
  };
}

/** Only the names: lists and match results decrypt no more than they show. */
export function decryptNames(env: Envelope, row: PersonRow): { names: string[]; aliases: string[] } {
  const key = env.openRecordKey('people', row.id, row.dek);
  const names = json<{ full: string }[]>(key.decrypt('names', row.names_enc), []).map((n) => n.full);
  return { names, aliases: json<string[]>(key.decrypt('aliases', row.aliases_enc), []) };
}

export function displayName(names: readonly string[]): string {
  return names[0] ?? '—';
}

type PersonView = z.infer<typeof S.Person>;

export function presentPerson(
  row: PersonRow,
  secret: PersonSecret,
  vulnerabilities: string[],
  roles: PersonView['roles'],
  showContacts: boolean,
): PersonView {
  return {
    id: row.id,
    names: secret.names,
    aliases: secret.aliases,
    kind: row.kind as PersonView['kind'],
    groupSize: row.group_size,
    sex: row.sex as PersonView['sex'],
    gender: secret.gender,
    birthDate: secret.birthDate,
    ageGroup: row.age_group as PersonView['ageGroup'],
    region: row.region,
    district: row.district,
    idNumbers: secret.idNumbers,
    contacts: showContacts ? secret.contacts : null,
    address: showContacts ? secret.address : null,
    contactsHidden: !showContacts,
    vulnerabilities: vulnerabilities as PersonView['vulnerabilities'],
    notes: secret.notes,
    roles,
    mergedInto: row.merged_into,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
