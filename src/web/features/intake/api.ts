import type { z } from 'zod';
import { api, query } from '../../api/client';
import type {
  DecisionBody,
  EligibilityRules as EligibilityRulesSchema,
  Intake as IntakeSchema,
  IntakePatch,
  IntakeSummary as IntakeSummarySchema,
  VocabReply,
} from '../../../core/schemas/cases';

export type Intake = z.infer<typeof IntakeSchema>;
export type IntakeSummary = z.infer<typeof IntakeSummarySchema>;
export type IntakePatchInput = z.infer<typeof IntakePatch>;
export type DecisionInput = z.infer<typeof DecisionBody>;
export type Urgency = NonNullable<Intake['urgency']>;
export type Decision = NonNullable<Intake['decision']>;
export type EligibilityBasis = Intake['eligibilityBasis'];
export type IntakeConflict = NonNullable<Intake['conflicts']>[number];
export type Vocab = z.infer<typeof VocabReply>;
export type VocabTerm = Vocab['terms'][number];
export type EligibilityRules = z.infer<typeof EligibilityRulesSchema>;
export type IntakeStatus = Intake['status'];

export const URGENCIES: readonly Urgency[] = ['critical', 'high', 'normal', 'low'];
export const DECISIONS: readonly Decision[] = ['accept', 'refer', 'reject'];

/** A user who may lead a case (for the accept decision). */
export interface AssignableUser {
  id: string;
  name: string;
  role: string;
}

/** Intake of a person asking for legal help, step by step; every step is saved as it is made. */
export const intakeApi = {
  list: (status?: IntakeStatus) => api.get<{ items: IntakeSummary[] }>(`/api/intakes${query({ status })}`),
  get: (id: string) => api.get<Intake>(`/api/intakes/${id}`),
  create: (personId: string) => api.post<{ id: string }>('/api/intakes', { personId }),
  update: (id: string, patch: IntakePatchInput) => api.patch<Intake>(`/api/intakes/${id}`, patch),
  conflictCheck: (id: string) => api.post<Intake>(`/api/intakes/${id}/conflict-check`),
  decide: (id: string, body: DecisionInput) => api.post<Intake>(`/api/intakes/${id}/decision`, body),
  vocab: (scheme: string) => api.get<Vocab>(`/api/vocab/${scheme}`),
  assignableUsers: () => api.get<{ items: AssignableUser[] }>('/api/cases/assignable-users'),
  eligibilityRules: () => api.get<EligibilityRules>('/api/settings/eligibility'),
  saveEligibilityRules: (rules: EligibilityRules) =>
    api.put<EligibilityRules>('/api/settings/eligibility', rules),
};
