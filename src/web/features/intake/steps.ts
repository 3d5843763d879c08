import type { Intake } from './api';

/** The intake's stages, in order. */
export const STEPS = ['who', 'problem', 'urgency', 'eligibility', 'conflicts', 'decision'] as const;
export type Step = (typeof STEPS)[number];

/** Which stages hold an answer already (the wizard resumes at the first one that does not). */
export function stepsDone(intake: Intake | null): Record<Step, boolean> {
  return {
    who: Boolean(intake?.personId),
    problem: Boolean(intake?.description || intake?.caseType || intake?.problemCodes.length),
    urgency: Boolean(intake?.urgency),
    eligibility: intake !== null && (intake.eligible !== null || intake.eligibilityBasis !== 'unknown'),
    conflicts: Boolean(intake?.conflictCheckedAt),
    decision: intake?.status === 'decided',
  };
}

/** The step to open: the first without an answer (the decision once everything is answered). */
export function firstOpenStep(intake: Intake | null): number {
  const done = stepsDone(intake);
  const i = STEPS.findIndex((s) => !done[s]);
  return i === -1 ? STEPS.length - 1 : i;
}
