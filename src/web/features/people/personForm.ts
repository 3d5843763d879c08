import { randomId } from '@mantine/hooks';
import type {
  AgeGroup,
  ContactKind,
  IdKind,
  Person,
  PersonInput,
  PersonPatchInput,
  Script,
  Sex,
  Vulnerability,
} from './api';

/** How much of the date of birth is known. */
export type BirthPrecision = 'year' | 'month' | 'date';

export interface NameValue {
  key: string;
  full: string;
  /** 'auto' = detect from the letters. */
  script: Script | 'auto';
}
export interface IdValue {
  key: string;
  kind: IdKind | null;
  number: string;
}
export interface ContactValue {
  key: string;
  kind: ContactKind | null;
  value: string;
  safe: boolean;
  hours: string;
}

/** The person form's values: every field starts empty (nothing is assumed about a person). */
export interface PersonFormValues {
  names: NameValue[];
  aliases: string[];
  kind: Person['kind'] | null;
  groupSize: number | string;
  sex: Sex | null;
  gender: string;
  birthPrecision: BirthPrecision | null;
  birthDate: string;
  ageGroup: AgeGroup | null;
  region: string | null;
  district: string | null;
  idNumbers: IdValue[];
  contacts: ContactValue[];
  address: string;
  vulnerabilities: Vulnerability[];
  notes: string;
}

export const newName = (full = ''): NameValue => ({ key: randomId(), full, script: 'auto' });
export const newId = (): IdValue => ({ key: randomId(), kind: null, number: '' });
export const newContact = (): ContactValue => ({
  key: randomId(),
  kind: null,
  value: '',
  safe: false,
  hours: '',
});

/** A blank form; `name` pre-fills only what the user has already typed elsewhere (intake search). */
export function emptyValues(name = ''): PersonFormValues {
  return {
    names: [newName(name)],
    aliases: [],
    kind: null,
    groupSize: '',
    sex: null,
    gender: '',
    birthPrecision: null,
    birthDate: '',
    ageGroup: null,
    region: null,
    district: null,
    idNumbers: [],
    contacts: [],
    address: '',
    vulnerabilities: [],
    notes: '',
  };
}

function precisionOf(date: string | null): BirthPrecision | null {
  if (!date) return null;
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'date';
}

/** The form filled from a stored person (edit mode). */
export function fromPerson(p: Person): PersonFormValues {
  return {
    names: p.names.map((n) => ({ key: randomId(), full: n.full, script: n.script })),
    aliases: [...p.aliases],
    kind: p.kind,
    groupSize: p.groupSize ?? '',
    sex: p.sex === 'unknown' ? null : p.sex,
    gender: p.gender ?? '',
    birthPrecision: precisionOf(p.birthDate),
    birthDate: p.birthDate ?? '',
    ageGroup: p.ageGroup === 'unknown' ? null : p.ageGroup,
    region: p.region,
    district: p.district,
    idNumbers: p.idNumbers.map((i) => ({ key: randomId(), ...i })),
    contacts: (p.contacts ?? []).map((c) => ({ key: randomId(), ...c, hours: c.hours ?? '' })),
    address: p.address ?? '',
    vulnerabilities: [...p.vulnerabilities],
    notes: p.notes ?? '',
  };
}

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;

/** The script most of a name's letters are written in; null while there are no letters. */
export function detectScript(text: string): Script | null {
  const cyr = text.match(CYRILLIC)?.length ?? 0;
  const lat = text.match(LATIN)?.length ?? 0;
  if (cyr === 0 && lat === 0) {
    return /\p{L}/u.test(text) ? 'other' : null;
  }
  return cyr >= lat ? 'cyrl' : 'latn';
}

/** Shortens or keeps a partial date when the precision changes ("1990-05-17" → "1990-05"). */
export function withPrecision(date: string, precision: BirthPrecision | null): string {
  const len = precision === 'year' ? 4 : precision === 'month' ? 7 : 10;
  return precision ? date.slice(0, len) : '';
}

const trimmed = (s: string) => s.trim();

/** The request body for a new person: only what was filled in is sent. */
export function toCreateBody(v: PersonFormValues): PersonInput {
  const body: PersonInput = {
    names: v.names
      .filter((n) => n.full.trim())
      .map((n) => {
        const script = n.script === 'auto' ? detectScript(n.full) : n.script;
        return { full: n.full.trim(), ...(script ? { script } : {}) };
      }),
  };
  const aliases = v.aliases.map(trimmed).filter(Boolean);
  if (aliases.length) body.aliases = aliases;
  if (v.kind) body.kind = v.kind;
  if (v.kind === 'group' && v.groupSize !== '') body.groupSize = Number(v.groupSize);
  if (v.sex) body.sex = v.sex;
  if (v.gender.trim()) body.gender = v.gender.trim();
  if (v.birthPrecision && v.birthDate.trim()) body.birthDate = v.birthDate.trim();
  if (v.ageGroup) body.ageGroup = v.ageGroup;
  if (v.region) body.region = v.region;
  if (v.region && v.district) body.district = v.district;
  const ids = v.idNumbers.filter((i) => i.kind || i.number.trim());
  if (ids.length) body.idNumbers = ids.map((i) => ({ kind: i.kind ?? 'other', number: i.number.trim() }));
  const contacts = v.contacts.filter((c) => c.kind || c.value.trim());
  if (contacts.length) {
    body.contacts = contacts.map((c) => ({
      kind: c.kind ?? 'other',
      value: c.value.trim(),
      safe: c.safe,
      ...(c.hours.trim() ? { hours: c.hours.trim() } : {}),
    }));
  }
  if (v.address.trim()) body.address = v.address.trim();
  if (v.vulnerabilities.length) body.vulnerabilities = v.vulnerabilities;
  if (v.notes.trim()) body.notes = v.notes.trim();
  return body;
}

/**
 * The PATCH body: the fields that differ from the stored person. A cleared text is sent as "" and a
 * cleared list as [], so the server empties it; sex and age group go back to "unknown".
 */
export function toPatchBody(v: PersonFormValues, initial: PersonFormValues): PersonPatchInput {
  const now = toCreateBody(v);
  const before = toCreateBody(initial);
  const cleared: PersonPatchInput = {
    aliases: [],
    gender: '',
    idNumbers: [],
    contacts: [],
    address: '',
    vulnerabilities: [],
    notes: '',
    sex: 'unknown',
    ageGroup: 'unknown',
  };
  const patch: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(now), ...Object.keys(before)]) as Set<keyof PersonInput>;
  for (const k of keys) {
    const a = JSON.stringify(now[k]);
    if (a !== JSON.stringify(before[k])) {
      const value = now[k] ?? cleared[k];
      if (value !== undefined) patch[k] = value;
    }
  }
  return patch;
}

/** Server field paths → form paths (list items of tag inputs point at the whole input). */
export function formErrorPaths(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    const key = path.replace(/^(aliases|vulnerabilities)\.\d+$/, '$1');
    out[key] ??= message;
  }
  return out;
}
