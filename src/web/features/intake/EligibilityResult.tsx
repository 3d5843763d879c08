import { Alert, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../intl/format';
import { SUCCESS_GREEN } from '../users/status';
import type { Intake } from './api';
import { useEligibilityRules } from './queries';

/** The computed (or overridden) result with the reason it was reached. */
export function EligibilityResult({ intake }: { intake: Intake }): ReactElement {
  const { t } = useTranslation('intake');
  const fmt = useFormat();
  const rules = useEligibilityRules();
  const { eligible, eligibilityBasis: basis } = intake;
  const e = intake.eligibility;
  const perPerson =
    e.householdIncome !== null && e.householdSize ? Math.round(e.householdIncome / e.householdSize) : null;
  const title =
    eligible === null
      ? t('eligibility.result.unknown')
      : eligible
        ? t('eligibility.result.eligible')
        : t('eligibility.result.notEligible');
  return (
    <Alert
      variant="light"
      color={eligible === null ? 'gray' : eligible ? SUCCESS_GREEN : 'red'}
      title={title}
      data-testid="eligibility-result"
      data-eligible={String(eligible)}
      role="status"
    >
      <Text size="sm" data-testid="eligibility-basis">
        {t(`eligibility.basis.${basis}`)}
      </Text>
      {basis === 'override' && intake.overrideReason && (
        <Text size="sm" mt={4}>
          {t('eligibility.overrideReason', { reason: intake.overrideReason })}
        </Text>
      )}
      {perPerson !== null && (
        <Text size="sm" mt={4}>
          {rules.data
            ? t('eligibility.perPersonWithLimit', {
                amount: fmt.number(perPerson),
                limit: fmt.number(rules.data.incomePerPersonMax),
              })
            : t('eligibility.perPerson', { amount: fmt.number(perPerson) })}
        </Text>
      )}
    </Alert>
  );
}
