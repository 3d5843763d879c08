import { Card, DataList, Stack } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Intake } from './api';
import { EligibilityResult } from './EligibilityResult';
import { UrgencyBadge } from './IntakeBadges';
import { useVocab } from './queries';

function Item({ label, children }: { label: string; children: ReactNode }): ReactElement {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

/** A decided intake's answers, read-only. */
export function IntakeOverview({ intake }: { intake: Intake }): ReactElement {
  const { t } = useTranslation('intake');
  const problems = useVocab('legal_problem');
  const types = useVocab('case_type');
  const none = t('summary.none');
  const conflicts = intake.conflicts?.filter((c) => c.conflict).length ?? 0;
  return (
    <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }} maw={960}>
      <Stack>
        <DataList labelWidth={180} withDivider>
          <Item label={t('problem.description')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{intake.description ?? none}</span>
          </Item>
          <Item label={t('problem.codes')}>
            {intake.problemCodes.map((c) => problems.labelOf(c)).join(', ') || none}
          </Item>
          <Item label={t('problem.caseType')}>{intake.caseType ? types.labelOf(intake.caseType) : none}</Item>
          <Item label={t('urgency.label')}>
            <UrgencyBadge urgency={intake.urgency} />
          </Item>
          <Item label={t('steps.conflicts')}>
            {intake.conflictCheckedAt === null
              ? t('summary.notChecked')
              : conflicts > 0
                ? t('conflicts.found', { count: conflicts })
                : t('conflicts.none')}
          </Item>
        </DataList>
        <EligibilityResult intake={intake} />
      </Stack>
    </Card>
  );
}
