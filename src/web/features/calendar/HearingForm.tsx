import {
  Button,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldErrors } from '../../components/errors';
import { calendarApi, type Conflict, type Hearing, type HearingInput, type HearingPatch } from './api';
import { useInvalidateCalendar } from './queries';
import { addDays, bishkekToIso, isoToBishkek, todayBishkek } from './time';
import { DayInput } from '../../components/DayInput';

interface Values {
  kind: 'hearing' | 'deadline';
  date: string;
  start: string;
  end: string;
  court: string;
  room: string;
  lawyerId: string;
  note: string;
}

const TIME = /^\d{2}:\d{2}$/;
const FIELD_OF: Record<string, keyof Values> = { startsAt: 'start', endsAt: 'end' };

function initialValues(h: Hearing | null, meId: string): Values {
  if (!h) {
    return {
      kind: 'hearing',
      date: addDays(todayBishkek(), 1),
      start: '10:00',
      end: '11:00',
      court: '',
      room: '',
      lawyerId: meId,
      note: '',
    };
  }
  const s = isoToBishkek(h.startsAt);
  return {
    kind: h.kind,
    date: s.day,
    start: s.time,
    end: h.endsAt ? isoToBishkek(h.endsAt).time : '',
    court: h.court ?? '',
    room: h.room ?? '',
    lawyerId: h.lawyerId,
    note: h.note ?? '',
  };
}

function toInput(v: Values): HearingInput {
  const hearing = v.kind === 'hearing';
  return {
    kind: v.kind,
    startsAt: bishkekToIso(v.date, v.start),
    ...(hearing && v.end ? { endsAt: bishkekToIso(v.date, v.end) } : {}),
    ...(v.court.trim() ? { court: v.court.trim() } : {}),
    ...(v.room.trim() ? { room: v.room.trim() } : {}),
    ...(v.note.trim() ? { note: v.note.trim() } : {}),
    ...(v.lawyerId ? { lawyerId: v.lawyerId } : {}),
  };
}

/** Only what changed, so the audit and the case timeline say what really happened. */
function toPatch(v: Values, h: Hearing): HearingPatch {
  const was = initialValues(h, h.lawyerId);
  const p: HearingPatch = {};
  if (v.kind !== was.kind) p.kind = v.kind;
  if (v.date !== was.date || v.start !== was.start) p.startsAt = bishkekToIso(v.date, v.start);
  if (v.kind === 'hearing' && (v.end !== was.end || p.startsAt || p.kind))
    p.endsAt = v.end ? bishkekToIso(v.date, v.end) : null;
  if (v.court.trim() !== was.court) p.court = v.court.trim() || null;
  if (v.room.trim() !== was.room) p.room = v.room.trim() || null;
  if (v.note.trim() !== was.note) p.note = v.note.trim() || null;
  if (v.lawyerId && v.lawyerId !== was.lawyerId) p.lawyerId = v.lawyerId;
  return p;
}

/** Add or edit a hearing or deadline of a case; the parent shows the clashes the server reports. */
export function HearingFormModal({
  caseId,
  hearing,
  opened,
  meId,
  team,
  onClose,
  onSaved,
}: {
  caseId: string;
  hearing: Hearing | null;
  opened: boolean;
  meId: string;
  team: { userId: string; name: string }[];
  onClose: () => void;
  onSaved: (conflicts: Conflict[]) => void;
}): ReactElement {
  const { t } = useTranslation('calendar');
  const invalidate = useInvalidateCalendar();
  const form = useForm<Values>({
    initialValues: initialValues(hearing, meId),
    validate: {
      date: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t('form.required')),
      start: (v) => (TIME.test(v) ? null : t('form.required')),
      end: (v, all) =>
        all.kind === 'deadline' || !v ? null : TIME.test(v) && v > all.start ? null : t('form.endAfterStart'),
    },
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      hearing ? calendarApi.update(hearing.id, toPatch(v, hearing)) : calendarApi.create(caseId, toInput(v)),
    onSuccess: async (r) => {
      onSaved(r.conflicts);
      await invalidate();
    },
    onError: (e) => {
      const errs = fieldErrors(e);
      form.setErrors(Object.fromEntries(Object.entries(errs).map(([k, m]) => [FIELD_OF[k] ?? k, m])));
    },
  });
  const isHearing = form.values.kind === 'hearing';
  const lawyers = team.length ? team : [];
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={hearing ? t('hearings.editTitle') : t('hearings.addTitle')}
      size="lg"
    >
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="hearing-form">
        <Stack>
          <SegmentedControl
            data={[
              { value: 'hearing', label: t('kind.hearing') },
              { value: 'deadline', label: t('kind.deadline') },
            ]}
            aria-label={t('fields.kind')}
            {...form.getInputProps('kind')}
            data-testid="hearing-kind"
          />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <DayInput name="hearingDate" label={t('fields.date')} required {...form.getInputProps('date')} />
            <TextInput
              type="time"
              name="hearingStart"
              label={isHearing ? t('fields.start') : t('fields.time')}
              required
              {...form.getInputProps('start')}
            />
            {isHearing && (
              <TextInput
                type="time"
                name="hearingEnd"
                label={t('fields.end')}
                {...form.getInputProps('end')}
              />
            )}
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {t('timeZoneNote')}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              name="hearingCourt"
              label={t('fields.court')}
              maxLength={200}
              {...form.getInputProps('court')}
            />
            <TextInput
              name="hearingRoom"
              label={t('fields.room')}
              maxLength={50}
              {...form.getInputProps('room')}
            />
          </SimpleGrid>
          {lawyers.length > 0 && (
            <Select
              name="hearingLawyer"
              label={t('fields.lawyer')}
              data={lawyers.map((m) => ({ value: m.userId, label: m.name }))}
              allowDeselect={false}
              {...form.getInputProps('lawyerId')}
            />
          )}
          <Textarea
            name="hearingNote"
            label={t('fields.note')}
            description={t('hearings.noteHint')}
            autosize
            minRows={2}
            maxLength={5000}
            {...form.getInputProps('note')}
          />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('hearings.close')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="hearing-save">
              {t('hearings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
