import { Button, Card, DataList, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';
import { useVocabLabel } from '../../components/VocabPicker';
import { useFormat } from '../../intl/format';
import { useGeoNames } from '../people/labels';
import { usePhone } from '../../components/usePhone';
import type { Event } from './api';
import { CaseLinks } from './CaseLinks';
import { EditEventModal } from './EditEventModal';
import { usePartialDates } from './labels';

/** One labelled value; an empty one says "not given" rather than leaving a gap. */
export function Field({ label, children }: { label: string; children: ReactNode }): ReactElement {
  const { t } = useTranslation('violations');
  const empty = children === null || children === undefined || children === '';
  return (
    <DataList.Item>
      <DataList.ItemLabel c="dimmed">{label}</DataList.ItemLabel>
      <DataList.ItemValue style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {empty ? (
          <Text span c="dimmed" fz="inherit">
            {t('form.notGiven')}
          </Text>
        ) : (
          children
        )}
      </DataList.ItemValue>
    </DataList.Item>
  );
}

/** Every field of the event; "edit" for members who may change it. */
export function OverviewTab({ event }: { event: Event }): ReactElement {
  const { t } = useTranslation('violations');
  const fmt = useFormat();
  const geo = useGeoNames();
  const dates = usePartialDates();
  const status = useVocabLabel('esf_violation_status');
  const [editOpen, edit] = useDisclosure(false);
  const phone = usePhone();

  return (
    <Stack>
      {event.canEdit && (
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<Icon name="pencil" size={16} />}
            onClick={edit.open}
            data-testid="edit-event"
          >
            {t('edit.open')}
          </Button>
        </Group>
      )}
      <Card withBorder radius="md" padding="md">
        <DataList
          withDivider
          labelWidth={200}
          orientation={phone ? 'vertical' : 'horizontal'}
          data-testid="event-fields"
        >
          <Field label={t('fields.number')}>{event.number}</Field>
          <Field label={t('fields.title')}>{event.title}</Field>
          <Field label={t('fields.startDate')}>{dates.date(event.startDate)}</Field>
          <Field label={t('fields.endDate')}>{dates.date(event.endDate)}</Field>
          <Field label={t('fields.region')}>{geo.region(event.region)}</Field>
          <Field label={t('fields.district')}>{geo.district(event.district)}</Field>
          <Field label={t('fields.place')}>{event.place}</Field>
          <Field label={t('fields.violationStatus')}>
            {event.violationStatus ? status(event.violationStatus) : null}
          </Field>
          <Field label={t('fields.description')}>{event.description}</Field>
          <Field label={t('fields.restricted')}>
            {event.restricted ? (
              <Group gap={4} component="span">
                <Icon name="lock" size={16} />
                {t('restricted.yes')}
              </Group>
            ) : (
              t('restricted.no')
            )}
          </Field>
          <Field label={t('fields.updatedAt')}>{fmt.dateTime(event.updatedAt)}</Field>
        </DataList>
      </Card>
      <Card withBorder radius="md" padding="md">
        <Title order={2} size="h4" mb="sm">
          {t('overview.cases')}
        </Title>
        <CaseLinks cases={event.cases} />
      </Card>
      {event.canEdit && (
        <EditEventModal key={event.updatedAt} event={event} opened={editOpen} onClose={edit.close} />
      )}
    </Stack>
  );
}
