import type { TFunction } from 'i18next';
import type { ActCreate, InvolvementCreate } from './api';
import { partialDatesInWrongOrder } from '../../../core/partial-date.ts';
import { dateError, EMPTY_EVENT, eventErrors, type EventFormValues } from './eventForm';
import type { SourceValues } from './InformationModal';
import type { ChosenPerson } from './PersonChooser';

/**
 * The guided "who did what to whom" entry: its state lives in the page's memory only (never in the
 * browser's storage), and is saved through the API in order at the last step.
 */
export const FLOW_STEPS = ['what', 'victims', 'acts', 'perpetrators', 'source', 'review'] as const;
export type FlowStep = (typeof FLOW_STEPS)[number];

export interface FlowAct {
  key: string;
  victimId: string;
  actType: string;
  methods: string[];
  startDate: string;
  endDate: string;
}
export interface FlowPerp {
  key: string;
  actKey: string;
  person: ChosenPerson;
  perpetratorType: string;
  degree: string;
}
export interface FlowSource extends SourceValues {
  key: string;
}
export interface FlowState {
  event: EventFormValues;
  victims: ChosenPerson[];
  acts: FlowAct[];
  perps: FlowPerp[];
  sources: FlowSource[];
}

export const EMPTY_FLOW: FlowState = { event: EMPTY_EVENT, victims: [], acts: [], perps: [], sources: [] };

let counter = 0;
/** A key for a row of the flow (React keys and the save plan; never sent). */
export function flowKey(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}`;
}

export type StepErrors = Record<string, string>;

/** What stops a step from moving on; an empty object means it may. */
export function stepErrors(t: TFunction<'violations'>, step: FlowStep, s: FlowState): StepErrors {
  switch (step) {
    case 'what':
      return eventErrors(t, s.event);
    case 'victims':
      return s.victims.length ? {} : { victims: t('flow.victimsRequired') };
    case 'acts': {
      const out: StepErrors = {};
      for (const v of s.victims)
        if (!s.acts.some((a) => a.victimId === v.id)) out[`victim.${v.id}`] = t('flow.actRequired');
      for (const a of s.acts) {
        if (!a.actType) out[`${a.key}.actType`] = t('form.required');
        const sd = dateError(t, a.startDate);
        const ed = dateError(t, a.endDate);
        if (sd) out[`${a.key}.startDate`] = sd;
        if (ed) out[`${a.key}.endDate`] = ed;
        if (!sd && !ed && partialDatesInWrongOrder(a.startDate, a.endDate))
          out[`${a.key}.endDate`] = t('errors:violation.dates_order');
      }
      return out;
    }
    case 'perpetrators':
      // Perpetrators are often unknown at first: an act may be saved without one.
      return {};
    case 'source': {
      const out: StepErrors = {};
      for (const src of s.sources) {
        if (!src.source && !src.materialType) out[`${src.key}.sourceId`] = t('flow.sourceEmpty');
        const d = dateError(t, src.receivedOn);
        if (d) out[`${src.key}.receivedOn`] = d;
      }
      return out;
    }
    case 'review':
      return {};
  }
}

/**
 * The errors still shown after an edit, given the step's check before and after it. An error the
 * check raised goes as soon as it is fixed (or takes the check's new wording: an invalid date that
 * is now only too early); none is added before the next press of Next, so typing is not scolded. An
 * error only the server raised (a refused save) stays until then: this side cannot re-check it.
 */
export function errorsAfterEdit(shown: StepErrors, before: StepErrors, now: StepErrors): StepErrors {
  const out: StepErrors = {};
  for (const [k, msg] of Object.entries(shown)) {
    if (k in now) out[k] = now[k]!;
    else if (!(k in before)) out[k] = msg;
  }
  return out;
}

/** The act as the API takes it. */
export function actBody(a: FlowAct): ActCreate {
  return {
    victimId: a.victimId,
    actType: a.actType,
    ...(a.methods.length ? { methods: a.methods } : {}),
    ...(a.startDate ? { startDate: a.startDate } : {}),
    ...(a.endDate ? { endDate: a.endDate } : {}),
  };
}

export function involvementBody(p: FlowPerp): InvolvementCreate {
  return {
    perpetratorId: p.person.id,
    ...(p.perpetratorType ? { perpetratorType: p.perpetratorType } : {}),
    ...(p.degree ? { degree: p.degree } : {}),
  };
}

/** What has reached the server so far: a retry continues from here and never makes a second event. */
export interface SaveProgress {
  eventId: string | null;
  acts: Record<string, string>;
  perps: string[];
  sources: string[];
}
export const NO_PROGRESS: SaveProgress = { eventId: null, acts: {}, perps: [], sources: [] };

/** A state with everything dropped that no longer belongs (acts of a removed victim, and so on). */
export function pruned(s: FlowState): FlowState {
  const victims = new Set(s.victims.map((v) => v.id));
  const acts = s.acts.filter((a) => victims.has(a.victimId));
  const actKeys = new Set(acts.map((a) => a.key));
  return { ...s, acts, perps: s.perps.filter((p) => actKeys.has(p.actKey)) };
}
