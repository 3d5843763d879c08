import { Button, Card, DataList, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';
import { useFormat } from '../../intl/format';
import { usePhone } from '../../components/usePhone';
import type { Case } from './api';
import { CaseLinks } from './CaseLinks';
import { CloseCaseModal, ReopenCaseModal } from './CloseCaseModal';
import { EditCaseModal } from './EditCaseModal';
import { useGeoNames } from './labels';
import { useVocabLabels } from './queries';

function Field({ label, children }: { label: string; children: ReactNode }): ReactElement {
  const { t } = useTranslation('cases');
  const empty = children === null || children === undefined || children === '';
  return (
    <DataList.Item>
      <DataList.ItemLabel c="dimmed">{label}</DataList.ItemLabel>
      <DataList.ItemValue style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {empty ? (
          <Text span c="dimmed" fz="inherit">
            {t('overview.notGiven')}
          </Text>
        ) : (
          children
        )}
      </DataList.ItemValue>
    </DataList.Item>
  );
}

/** Every field of the case; edit, close and reopen for the team. */
export function OverviewTab({ c }: { c: Case }): ReactElement {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const geo = useGeoNames();
  const types = useVocabLabels('case_type');
  const problems = useVocabLabels('legal_problem');
  const closing = useVocabLabels('closing_code');
  const [editOpen, edit] = useDisclosure(false);
  const [closeOpen, closeDialog] = useDisclosure(false);
  const [reopenOpen, reopenDialog] = useDisclosure(false);
  const phone = usePhone();
  const lead = c.team.find((m) => m.role === 'lead');
  const open = c.status === 'open';

  return (
    <Stack>
      {c.canEdit && (
        <Group gap="xs">
          {open && (
            <Button variant="default" onClick={edit.open} data-testid="edit-case">
              {t('overview.edit')}
            </Button>
          )}
          {open ? (
            <Button variant="default" color="red.8" onClick={closeDialog.open} data-testid="close-case">
              {t('close.open')}
            </Button>
          ) : (
            <Button variant="default" onClick={reopenDialog.open} data-testid="reopen-case">
              {t('reopen.open')}
            </Button>
          )}
        </Group>
      )}
      <Card withBorder radius="md" padding="md">
        <DataList
          withDivider
          labelWidth={180}
          orientation={phone ? 'vertical' : 'horizontal'}
          data-testid="case-fields"
        >
          <Field label={t('fields.number')}>{c.number}</Field>
          <Field label={t('fields.title')}>{c.title}</Field>
          <Field label={t('fields.type')}>{types.label(c.type)}</Field>
          <Field label={t('fields.status')}>{t(`status.${c.status}`)}</Field>
          <Field label={t('fields.stage')}>{c.stage ? t(`stage.${c.stage}`) : null}</Field>
          <Field label={t('fields.problems')}>
            {c.problemCodes.map((p) => problems.label(p)).join(', ')}
          </Field>
          <Field label={t('fields.summary')}>{c.summary}</Field>
          <Field label={t('fields.restricted')}>
            {c.restricted ? (
              <Group gap={4} component="span">
                <Icon name="lock" size={16} />
                {t('restricted.yes')}
              </Group>
            ) : (
              t('restricted.no')
            )}
          </Field>
          <Field label={t('fields.lead')}>{lead?.name}</Field>
          <Field label={t('fields.region')}>{c.region ? geo.region(c.region) : null}</Field>
          <Field label={t('fields.district')}>{c.district ? geo.district(c.district) : null}</Field>
          <Field label={t('fields.court')}>{c.court}</Field>
          <Field label={t('fields.judge')}>{c.judge}</Field>
          <Field label={t('fields.docketNumber')}>{c.docketNumber}</Field>
          <Field label={t('fields.funders')}>{c.funders.join(', ')}</Field>
          <Field label={t('fields.openedOn')}>{fmt.date(c.openedOn)}</Field>
          {!open && <Field label={t('fields.closedOn')}>{c.closedOn ? fmt.date(c.closedOn) : null}</Field>}
          {!open && (
            <Field label={t('fields.closingCode')}>
              {c.closingCode ? closing.label(c.closingCode) : null}
            </Field>
          )}
          {!open && <Field label={t('fields.outcome')}>{c.outcomeSummary}</Field>}
        </DataList>
      </Card>
      <Card withBorder radius="md" padding="md">
        <Title order={2} size="h4" mb="sm">
          {t('links.title')}
        </Title>
        <CaseLinks c={c} />
      </Card>
      {c.canEdit && open && <EditCaseModal key={c.updatedAt} c={c} opened={editOpen} onClose={edit.close} />}
      {c.canEdit && open && <CloseCaseModal c={c} opened={closeOpen} onClose={closeDialog.close} />}
      {c.canEdit && !open && <ReopenCaseModal c={c} opened={reopenOpen} onClose={reopenDialog.close} />}
    </Stack>
  );
}
