import {
  Autocomplete,
  Button,
  Card,
  EmptyState,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { PageLoader } from '../../components/PageLoader';
import { TableScroll } from '../../components/TableScroll';
import { useFormat } from '../../intl/format';
import { usePhone } from '../../components/usePhone';
import { casesApi, type Case, type TimeActivity, type TimeEntry } from './api';
import { TIME_ACTIVITIES } from './codes';
import { todayInBishkek, useDuration } from './labels';
import { useInvalidateCase, useTime } from './queries';
import { DayInput } from '../../components/DayInput';

interface TimeForm {
  workedOn: string;
  minutes: number | string;
  activity: string;
  funder: string;
  note: string;
}

function AddTime({ c }: { c: Case }): ReactElement {
  const { t } = useTranslation('cases');
  const invalidate = useInvalidateCase(c.id);
  const required = (v: string) => (v ? null : t('ui:common.validation.required'));
  const form = useForm<TimeForm>({
    initialValues: { workedOn: todayInBishkek(), minutes: '', activity: '', funder: '', note: '' },
    validate: {
      workedOn: required,
      activity: required,
      minutes: (v) =>
        Number.isInteger(v) && Number(v) >= 1 && Number(v) <= 1440 ? null : t('time.minutesInvalid'),
    },
  });
  const add = useMutation({
    mutationFn: (v: TimeForm) =>
      casesApi.addTime(c.id, {
        workedOn: v.workedOn,
        minutes: Number(v.minutes),
        activity: v.activity as TimeActivity,
        ...(v.funder.trim() ? { funder: v.funder.trim() } : {}),
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
      }),
    onSuccess: async () => {
      form.setValues({ minutes: '', activity: '', funder: '', note: '' });
      await invalidate();
    },
    onError: (e) => form.setErrors(fieldErrors(e)),
  });
  return (
    <Card withBorder radius="md" padding="md">
      <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate data-testid="time-form">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs">
          <DayInput name="workedOn" label={t('time.date')} required {...form.getInputProps('workedOn')} />
          <NumberInput
            name="minutes"
            label={t('time.minutesLabel')}
            description={t('time.minutesHint')}
            required
            min={1}
            max={1440}
            // Whole numbers, but a typed "7,5" is kept and refused, never read as 75.
            allowDecimal
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            allowNegative={false}
            {...form.getInputProps('minutes')}
          />
          <Select
            name="activity"
            label={t('time.activity')}
            placeholder={t('form.choose')}
            required
            data={TIME_ACTIVITIES.map((a) => ({ value: a, label: t(`activity.${a}`) }))}
            comboboxProps={{ withinPortal: true }}
            data-testid="time-activity"
            {...form.getInputProps('activity')}
            value={form.values.activity || null}
            onChange={(v: string | null) => form.setFieldValue('activity', v ?? '')}
          />
          <Autocomplete
            name="funder"
            label={t('time.funder')}
            data={c.funders}
            maxLength={60}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('funder')}
          />
        </SimpleGrid>
        <TextInput
          name="timeNote"
          label={t('time.note')}
          maxLength={2000}
          mt="xs"
          {...form.getInputProps('note')}
        />
        <ErrorAlert error={add.error} />
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={add.isPending} data-testid="time-submit">
            {t('time.add')}
          </Button>
        </Group>
      </form>
    </Card>
  );
}

function TimeTable({ items }: { items: TimeEntry[] }): ReactElement {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const duration = useDuration();
  return (
    <TableScroll minWidth={640} label={t('tabs.time')}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('time.date')}</Table.Th>
            <Table.Th>{t('time.who')}</Table.Th>
            <Table.Th>{t('time.activity')}</Table.Th>
            <Table.Th>{t('time.funder')}</Table.Th>
            <Table.Th ta="end">{t('time.duration')}</Table.Th>
            <Table.Th>{t('time.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id} data-testid="time-entry">
              <Table.Td>{fmt.date(e.workedOn)}</Table.Td>
              <Table.Td>{e.userName}</Table.Td>
              <Table.Td>{t(`activity.${e.activity}`)}</Table.Td>
              <Table.Td>{e.funder ?? '—'}</Table.Td>
              <Table.Td ta="end">{duration(e.minutes)}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.note ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** Phone layout: one small card per entry. */
function TimeCards({ items }: { items: TimeEntry[] }): ReactElement {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const duration = useDuration();
  return (
    <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('tabs.time')}>
      {items.map((e) => (
        <Stack
          key={e.id}
          component="li"
          gap={2}
          p="sm"
          data-testid="time-entry"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
        >
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" fw={600}>
              {t(`activity.${e.activity}`)}
            </Text>
            <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {duration(e.minutes)}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {[fmt.date(e.workedOn), e.userName, e.funder].filter(Boolean).join(' · ')}
          </Text>
          {e.note && (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {e.note}
            </Text>
          )}
        </Stack>
      ))}
    </Stack>
  );
}

/** Time spent on the case by activity and funder, with the total. */
export function TimeTab({ c }: { c: Case }): ReactElement {
  const { t } = useTranslation('cases');
  const duration = useDuration();
  const phone = usePhone();
  const time = useTime(c.id);
  const items = [...(time.data?.items ?? [])].sort((a, b) => b.workedOn.localeCompare(a.workedOn));
  return (
    <Stack>
      {c.canEdit && <AddTime c={c} />}
      {time.isPending && <PageLoader />}
      <ErrorAlert error={time.error} />
      {time.data && (
        <Text fw={600} data-testid="time-total" role="status">
          {t('time.total', { total: duration(time.data.totalMinutes) })}
        </Text>
      )}
      <Card withBorder radius="md" padding={0}>
        {time.data && items.length === 0 && <EmptyState p="lg" title={t('time.empty')} />}
        {items.length > 0 && (phone ? <TimeCards items={items} /> : <TimeTable items={items} />)}
      </Card>
    </Stack>
  );
}
