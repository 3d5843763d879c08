import type { TFunction } from 'i18next';
import type { Act, ActCreate, ActDetails, ActPatch, DetailKind, RightsScheme } from './api';
import { RIGHTS_SCHEMES } from './api';
import { partialDatesInWrongOrder } from '../../../core/partial-date.ts';
import { dateError } from './eventForm';
import type { ChosenPerson } from './PersonChooser';

/** Add-on detail fields (HURIDOCS add-on formats) with the vocabulary each one draws from. */
export const DETAIL_FIELDS = {
  arrest: [
    ['detentionType', 'esf_types_of_detention'],
    ['whereabouts', 'esf_whereabouts'],
    ['legalCounsel', 'esf_legal_counsel'],
    ['courtType', 'esf_types_of_courts'],
  ],
  torture: [
    ['intent', 'esf_intent'],
    ['statementsSigned', 'esf_statements_signed'],
    ['medicalAttention', 'esf_medical_attention'],
  ],
  killing: [
    ['autopsyResults', 'esf_autopsy_results'],
    ['deathCertificate', 'esf_death_certificate'],
  ],
} as const satisfies Record<DetailKind, readonly (readonly [keyof ActDetails, string])[]>;

export type DetailCode = (typeof DETAIL_FIELDS)[DetailKind][number][0];

export interface ActFormValues {
  victim: ChosenPerson | null;
  actType: string;
  startDate: string;
  endDate: string;
  region: string;
  district: string;
  place: string;
  locationType: string;
  methods: string[];
  consequences: string;
  statusAtEnd: string;
  nationalLaw: string[];
  instruments: string[];
  rights: Record<RightsScheme, string[]>;
  detailKind: DetailKind | '';
  details: Partial<Record<DetailCode, string>>;
  releasedOn: string;
  detailNotes: string;
}

export function emptyAct(victim: ChosenPerson | null = null): ActFormValues {
  return {
    victim,
    actType: '',
    startDate: '',
    endDate: '',
    region: '',
    district: '',
    place: '',
    locationType: '',
    methods: [],
    consequences: '',
    statusAtEnd: '',
    nationalLaw: [],
    instruments: [],
    rights: { kg_constitution: [], intl_rights: [], esf_rights_typology: [] },
    detailKind: '',
    details: {},
    releasedOn: '',
    detailNotes: '',
  };
}

/** The edit form starts from the act as it is. */
export function formFromAct(a: Act): ActFormValues {
  const v = emptyAct(a.victim.name ? { id: a.victim.id, name: a.victim.name } : null);
  const rights = { ...v.rights };
  for (const r of a.rights) rights[r.scheme] = [...rights[r.scheme], r.code];
  const d = a.details;
  const details: ActFormValues['details'] = {};
  if (d) for (const [k] of DETAIL_FIELDS[d.kind]) if (d[k]) details[k] = d[k];
  return {
    ...v,
    actType: a.actType,
    startDate: a.startDate ?? '',
    endDate: a.endDate ?? '',
    region: a.region ?? '',
    district: a.district ?? '',
    place: a.place ?? '',
    locationType: a.locationType ?? '',
    methods: a.methods,
    consequences: a.consequences ?? '',
    statusAtEnd: a.statusAtEnd ?? '',
    nationalLaw: a.nationalLaw,
    instruments: a.instruments,
    rights,
    detailKind: d?.kind ?? '',
    details,
    releasedOn: d?.releasedOn ?? '',
    detailNotes: d?.notes ?? '',
  };
}

const text = (s: string) => s.trim() || undefined;

function detailsOf(v: ActFormValues): ActDetails | undefined {
  if (!v.detailKind) return undefined;
  const out: ActDetails = { kind: v.detailKind };
  for (const [k] of DETAIL_FIELDS[v.detailKind]) {
    const code = v.details[k];
    if (code) out[k] = code;
  }
  if (v.detailKind === 'arrest' && v.releasedOn) out.releasedOn = v.releasedOn;
  if (v.detailNotes.trim()) out.notes = v.detailNotes.trim();
  return out;
}

const rightsOf = (v: ActFormValues) =>
  RIGHTS_SCHEMES.flatMap((scheme) => v.rights[scheme].map((code) => ({ scheme, code })));

/** A new act: only what was filled in is sent. */
export function toActCreate(v: ActFormValues): ActCreate {
  const list = (l: string[]) => (l.length ? l : undefined);
  const rights = rightsOf(v);
  return {
    victimId: v.victim?.id ?? '',
    actType: v.actType,
    startDate: text(v.startDate),
    endDate: text(v.endDate),
    region: text(v.region),
    district: text(v.district),
    place: text(v.place),
    locationType: text(v.locationType),
    methods: list(v.methods),
    consequences: text(v.consequences),
    statusAtEnd: text(v.statusAtEnd),
    nationalLaw: list(v.nationalLaw),
    instruments: list(v.instruments),
    rights: rights.length ? rights : undefined,
    details: detailsOf(v),
  };
}

/** A change: cleared fields are sent as null so the server clears them too. */
export function toActPatch(v: ActFormValues): ActPatch {
  const orNull = (s: string) => s.trim() || null;
  return {
    ...(v.victim ? { victimId: v.victim.id } : {}),
    actType: v.actType,
    startDate: orNull(v.startDate),
    endDate: orNull(v.endDate),
    region: orNull(v.region),
    district: orNull(v.district),
    place: orNull(v.place),
    locationType: orNull(v.locationType),
    methods: v.methods,
    consequences: orNull(v.consequences),
    statusAtEnd: orNull(v.statusAtEnd),
    nationalLaw: v.nationalLaw,
    instruments: v.instruments,
    rights: rightsOf(v),
    details: detailsOf(v) ?? null,
  };
}

/** Checks before sending: a victim, a type of act, well-formed dates in order. */
export function actErrors(t: TFunction<'violations'>, v: ActFormValues): Record<string, string> {
  const out: Record<string, string> = {};
  if (!v.victim) out.victimId = t('act.victimRequired');
  if (!v.actType) out.actType = t('form.required');
  const s = dateError(t, v.startDate);
  if (s) out.startDate = s;
  const e = dateError(t, v.endDate);
  if (e) out.endDate = e;
  if (!s && !e && partialDatesInWrongOrder(v.startDate, v.endDate))
    out.endDate = t('errors:violation.dates_order');
  const r = v.detailKind === 'arrest' ? dateError(t, v.releasedOn) : null;
  if (r) out['details.releasedOn'] = r;
  return out;
}
