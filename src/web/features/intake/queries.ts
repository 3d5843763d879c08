import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { asLocale } from '../../i18n';
import { intakeApi, type Intake, type IntakeStatus, type VocabTerm } from './api';

export const intakeKeys = {
  all: ['intakes'] as const,
  list: (status?: IntakeStatus) => ['intakes', 'list', status ?? 'all'] as const,
  detail: (id: string) => ['intakes', 'detail', id] as const,
  vocab: (scheme: string) => ['vocab', scheme] as const,
  assignable: ['cases', 'assignable-users'] as const,
  rules: ['settings', 'eligibility'] as const,
};

const noRetryOn4xx = (count: number, e: unknown) => !(e instanceof ApiError && e.status < 500) && count < 2;

export function useIntakes(status?: IntakeStatus) {
  return useQuery({ queryKey: intakeKeys.list(status), queryFn: () => intakeApi.list(status) });
}

export function useIntake(id: string) {
  return useQuery({ queryKey: intakeKeys.detail(id), queryFn: () => intakeApi.get(id), retry: noRetryOn4xx });
}

/** Puts the server's answer to a step into the cache (the intake page re-renders from it). */
export function useStoreIntake(): (intake: Intake) => Promise<void> {
  const queryClient = useQueryClient();
  return async (intake) => {
    queryClient.setQueryData(intakeKeys.detail(intake.id), intake);
    await queryClient.invalidateQueries({ queryKey: ['intakes', 'list'] });
  };
}

/** A vocabulary's active terms with labels in the UI language (falling back to English, then the code). */
export function useVocab(scheme: string) {
  const { i18n } = useTranslation();
  const lng = asLocale(i18n.language) ?? 'ky';
  const q = useQuery({
    queryKey: intakeKeys.vocab(scheme),
    queryFn: () => intakeApi.vocab(scheme),
    staleTime: 5 * 60_000,
  });
  const label = (term: VocabTerm) => term.labels[lng] || term.labels.en || term.code;
  const terms = q.data?.terms ?? [];
  return {
    ...q,
    options: terms
      .filter((term) => term.active)
      .map((term) => ({ value: term.code, label: label(term), parent: term.parent })),
    labelOf: (code: string) => {
      const term = terms.find((x) => x.code === code);
      return term ? label(term) : code;
    },
  };
}

/** Users who may lead a case. */
export function useAssignableUsers(enabled = true) {
  return useQuery({ queryKey: intakeKeys.assignable, queryFn: intakeApi.assignableUsers, enabled });
}

/** The eligibility rules, to explain a result; users without access simply see no explanation. */
export function useEligibilityRules() {
  return useQuery({
    queryKey: intakeKeys.rules,
    queryFn: intakeApi.eligibilityRules,
    retry: noRetryOn4xx,
    staleTime: 60_000,
  });
}
