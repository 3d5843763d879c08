import { z } from 'zod';
import { IsoTime, Uuid } from './common.ts';
import { DistrictIdField, PartialDate, RegionCodeField } from './people.ts';

/**
 * Violation documentation on the HURIDOCS Events model (issue #4): the request and response shapes of
 * events, acts, involvements, information, interventions and the chain of events. Vocabulary codes
 * (HURIDOCS micro-thesauri, schemes `esf_*`) are checked against `vocab_terms` by the server, so a
 * code here is only a well-formed string. Dates are partial (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`): the
 * precision is how much of the date is given.
 */
export const EsfCode = z.string().regex(/^[a-z0-9_.]{1,60}$/);
export const EVENT_MEMBER_ROLES = ['lead', 'member', 'grant'] as const;
export const DETAIL_KINDS = ['arrest', 'torture', 'killing'] as const;
export const RIGHTS_SCHEMES = ['esf_rights_typology', 'kg_constitution', 'intl_rights'] as const;
/** Roles a person can hold in violation records (shown on the person's page). */
export const VIOLATION_PERSON_ROLES = ['victim', 'perpetrator', 'source', 'intervening_party'] as const;

const Text = (max: number) => z.string().trim().max(max);

const eventFields = {
  title: Text(300).min(1),
  description: Text(50_000).optional(),
  startDate: PartialDate.optional(),
  endDate: PartialDate.optional(),
  region: RegionCodeField.optional(),
  district: DistrictIdField.optional(),
  place: Text(300).optional(),
  violationStatus: EsfCode.optional(),
  restricted: z.boolean().optional(),
};
export const EventCreate = z.strictObject(eventFields);
export const EventPatch = z.strictObject({
  title: eventFields.title.optional(),
  description: Text(50_000).nullable().optional(),
  startDate: PartialDate.nullable().optional(),
  endDate: PartialDate.nullable().optional(),
  region: RegionCodeField.nullable().optional(),
  district: DistrictIdField.nullable().optional(),
  place: Text(300).nullable().optional(),
  violationStatus: EsfCode.nullable().optional(),
  restricted: z.boolean().optional(),
});

/** A person as shown inside a violation record: the name only when the actor may see the person. */
export const PersonRef = z.object({ id: Uuid, name: z.string().nullable() });

/** Add-on details: arrest/detention, torture, killing (HURIDOCS add-on formats), all optional codes. */
export const ActDetails = z.strictObject({
  kind: z.enum(DETAIL_KINDS),
  // arrest / detention
  detentionType: EsfCode.optional(),
  whereabouts: EsfCode.optional(),
  legalCounsel: EsfCode.optional(),
  courtType: EsfCode.optional(),
  releasedOn: PartialDate.optional(),
  // torture
  intent: EsfCode.optional(),
  statementsSigned: EsfCode.optional(),
  medicalAttention: EsfCode.optional(),
  // killing
  autopsyResults: EsfCode.optional(),
  deathCertificate: EsfCode.optional(),
  notes: Text(5_000).optional(),
});

const actFields = {
  victimId: Uuid,
  actType: EsfCode,
  startDate: PartialDate.optional(),
  endDate: PartialDate.optional(),
  region: RegionCodeField.optional(),
  district: DistrictIdField.optional(),
  place: Text(300).optional(),
  locationType: EsfCode.optional(),
  methods: z.array(EsfCode).max(30).optional(),
  consequences: Text(20_000).optional(),
  statusAtEnd: EsfCode.optional(),
  nationalLaw: z.array(EsfCode).max(30).optional(),
  instruments: z.array(EsfCode).max(30).optional(),
  rights: z
    .array(z.strictObject({ scheme: z.enum(RIGHTS_SCHEMES), code: EsfCode }))
    .max(40)
    .optional(),
  details: ActDetails.optional(),
};
export const ActCreate = z.strictObject(actFields);
export const ActPatch = z.strictObject({
  victimId: Uuid.optional(),
  actType: EsfCode.optional(),
  startDate: PartialDate.nullable().optional(),
  endDate: PartialDate.nullable().optional(),
  region: RegionCodeField.nullable().optional(),
  district: DistrictIdField.nullable().optional(),
  place: Text(300).nullable().optional(),
  locationType: EsfCode.nullable().optional(),
  methods: actFields.methods,
  consequences: Text(20_000).nullable().optional(),
  statusAtEnd: EsfCode.nullable().optional(),
  nationalLaw: actFields.nationalLaw,
  instruments: actFields.instruments,
  rights: actFields.rights,
  details: ActDetails.nullable().optional(),
});

export const InvolvementCreate = z.strictObject({
  perpetratorId: Uuid,
  degree: EsfCode.optional(),
  perpetratorType: EsfCode.optional(),
  status: EsfCode.optional(),
  remarks: Text(5_000).optional(),
});
export const Involvement = z.object({
  id: Uuid,
  actId: Uuid,
  perpetrator: PersonRef,
  degree: z.string().nullable(),
  perpetratorType: z.string().nullable(),
  status: z.string().nullable(),
  remarks: z.string().nullable(),
  createdAt: IsoTime,
});

export const Act = z.object({
  id: Uuid,
  eventId: Uuid,
  victim: PersonRef,
  actType: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  region: z.string().nullable(),
  district: z.string().nullable(),
  place: z.string().nullable(),
  locationType: z.string().nullable(),
  methods: z.array(z.string()),
  consequences: z.string().nullable(),
  statusAtEnd: z.string().nullable(),
  nationalLaw: z.array(z.string()),
  instruments: z.array(z.string()),
  rights: z.array(z.object({ scheme: z.enum(RIGHTS_SCHEMES), code: z.string() })),
  details: ActDetails.nullable(),
  involvements: z.array(Involvement),
  /** Legal cases linked to this act (`case_links` kind `violation_act`) that the actor may see. */
  cases: z.array(z.object({ id: Uuid, number: z.string() })),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});

export const InformationCreate = z.strictObject({
  sourceId: Uuid.optional(),
  connection: EsfCode.optional(),
  materialType: EsfCode.optional(),
  reliability: EsfCode.optional(),
  language: EsfCode.optional(),
  receivedOn: PartialDate.optional(),
  remarks: Text(5_000).optional(),
});
export const Information = z.object({
  id: Uuid,
  source: PersonRef.nullable(),
  connection: z.string().nullable(),
  materialType: z.string().nullable(),
  reliability: z.string().nullable(),
  language: z.string().nullable(),
  receivedOn: z.string().nullable(),
  remarks: z.string().nullable(),
  createdAt: IsoTime,
});

export const InterventionCreate = z.strictObject({
  partyId: Uuid.optional(),
  victimId: Uuid.optional(),
  type: EsfCode.optional(),
  intervenedOn: PartialDate.optional(),
  response: EsfCode.optional(),
  impact: EsfCode.optional(),
  status: EsfCode.optional(),
  remarks: Text(5_000).optional(),
});
export const Intervention = z.object({
  id: Uuid,
  party: PersonRef.nullable(),
  victim: PersonRef.nullable(),
  type: z.string().nullable(),
  intervenedOn: z.string().nullable(),
  response: z.string().nullable(),
  impact: z.string().nullable(),
  status: z.string().nullable(),
  remarks: z.string().nullable(),
  createdAt: IsoTime,
});

export const ChainCreate = z.strictObject({ toEventId: Uuid, type: EsfCode });
export const ChainLink = z.object({
  id: Uuid,
  direction: z.enum(['from', 'to']),
  eventId: Uuid,
  eventNumber: z.string(),
  eventTitle: z.string(),
  type: z.string(),
});

export const EventMemberBody = z.strictObject({ userId: Uuid, role: z.enum(EVENT_MEMBER_ROLES) });
export const EventMember = z.object({
  userId: Uuid,
  name: z.string(),
  role: z.enum(EVENT_MEMBER_ROLES),
  addedAt: IsoTime,
});

export const Event = z.object({
  id: Uuid,
  number: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  region: z.string().nullable(),
  district: z.string().nullable(),
  place: z.string().nullable(),
  violationStatus: z.string().nullable(),
  restricted: z.boolean(),
  /** The actor's membership, null when they see it as an unrestricted event. */
  myRole: z.enum(EVENT_MEMBER_ROLES).nullable(),
  canEdit: z.boolean(),
  acts: z.array(Act),
  information: z.array(Information),
  interventions: z.array(Intervention),
  chain: z.array(ChainLink),
  members: z.array(EventMember),
  /** Legal cases linked to the event (kind `violation_event`) that the actor may see. */
  cases: z.array(z.object({ id: Uuid, number: z.string() })),
  createdBy: Uuid,
  createdAt: IsoTime,
  updatedAt: IsoTime,
});

export const EventSummary = z.object({
  id: Uuid,
  number: z.string(),
  title: z.string(),
  startDate: z.string().nullable(),
  region: z.string().nullable(),
  violationStatus: z.string().nullable(),
  restricted: z.boolean(),
  acts: z.number(),
  victims: z.number(),
  actTypes: z.array(z.string()),
  updatedAt: IsoTime,
});

/** The event list: filters shared with statistics (same names), facets count events. */
export const EventsQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  region: RegionCodeField.optional(),
  district: DistrictIdField.optional(),
  actType: EsfCode.optional(),
  violationStatus: EsfCode.optional(),
  perpetratorType: EsfCode.optional(),
  reliability: EsfCode.optional(),
  from: PartialDate.optional(),
  to: PartialDate.optional(),
  mine: z.enum(['1']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});
export const Facet = z.array(z.object({ code: z.string(), count: z.number() }));
export const EventList = z.object({
  items: z.array(EventSummary),
  page: z.number(),
  hasMore: z.boolean(),
  total: z.number(),
  facets: z.object({ region: Facet, violationStatus: Facet, actType: Facet }),
});

/** A person's roles in violation records the actor may see (for the person's page). */
export const PersonViolationRoles = z.object({
  items: z.array(
    z.object({
      eventId: Uuid,
      eventNumber: z.string(),
      eventTitle: z.string(),
      role: z.enum(VIOLATION_PERSON_ROLES),
      actId: Uuid.nullable(),
      actType: z.string().nullable(),
    }),
  ),
});

export type EventT = z.infer<typeof Event>;
export type ActT = z.infer<typeof Act>;
export type EventSummaryT = z.infer<typeof EventSummary>;
