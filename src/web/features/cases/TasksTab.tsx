import {
  Badge,
  Button,
  Card,
  Checkbox,
  EmptyState,
  Group,
  Paper,
  Select,
  Stack,
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
import { useFormat } from '../../intl/format';
import { casesApi, type Case, type Task } from './api';
import { todayInBishkek } from './labels';
import { useInvalidateCase, useTasks } from './queries';
import { DayInput } from '../../components/DayInput';

function AddTask({ c }: { c: Case }): ReactElement {
  const { t } = useTranslation('cases');
  const invalidate = useInvalidateCase(c.id);
  const form = useForm({
    initialValues: { title: '', dueOn: '', assigneeId: '' },
    validate: { title: (v: string) => (v.trim() ? null : t('ui:common.validation.required')) },
  });
  const add = useMutation({
    mutationFn: (v: typeof form.values) =>
      casesApi.addTask(c.id, {
        title: v.title.trim(),
        ...(v.dueOn ? { dueOn: v.dueOn } : {}),
        ...(v.assigneeId ? { assigneeId: v.assigneeId } : {}),
      }),
    onSuccess: async () => {
      form.reset();
      await invalidate();
    },
    onError: (e) => form.setErrors(fieldErrors(e)),
  });
  const team = c.team.filter((m) => m.role !== 'grant');
  return (
    <Card withBorder radius="md" padding="md">
      <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate data-testid="task-form">
        <Group align="flex-start" gap="xs" wrap="wrap">
          <TextInput
            name="taskTitle"
            label={t('tasks.title')}
            required
            maxLength={500}
            style={{ flex: '1 1 260px' }}
            {...form.getInputProps('title')}
          />
          <DayInput
            name="taskDue"
            label={t('tasks.due')}
            w={{ base: '100%', xs: 170 }}
            {...form.getInputProps('dueOn')}
          />
          <Select
            name="taskAssignee"
            label={t('tasks.assignee')}
            placeholder={t('form.choose')}
            data={team.map((m) => ({ value: m.userId, label: m.name }))}
            clearable
            w={{ base: '100%', xs: 220 }}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('assigneeId')}
            value={form.values.assigneeId || null}
            onChange={(v: string | null) => form.setFieldValue('assigneeId', v ?? '')}
          />
          <Button type="submit" mt={{ base: 0, xs: 25 }} loading={add.isPending} data-testid="task-submit">
            {t('tasks.add')}
          </Button>
        </Group>
        <ErrorAlert error={add.error} />
      </form>
    </Card>
  );
}

function TaskRow({ c, task, today }: { c: Case; task: Task; today: string }): ReactElement {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const invalidate = useInvalidateCase(c.id);
  const toggle = useMutation({
    mutationFn: (done: boolean) => casesApi.setTaskDone(c.id, task.id, done),
    onSuccess: () => invalidate(),
  });
  const assignee = c.team.find((m) => m.userId === task.assigneeId)?.name;
  const overdue = !task.done && task.dueOn !== null && task.dueOn < today;
  const meta = [
    task.dueOn ? t('tasks.dueOn', { date: fmt.date(task.dueOn) }) : null,
    assignee ? t('tasks.assignedTo', { name: assignee }) : null,
    task.done && task.doneAt ? t('tasks.doneAt', { date: fmt.dateTime(task.doneAt) }) : null,
  ].filter(Boolean);
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="sm"
      data-testid="task"
      data-done={task.done ? 'true' : 'false'}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Stack gap={4} miw={0}>
          <Checkbox
            label={task.title}
            checked={task.done}
            disabled={!c.canEdit || toggle.isPending}
            onChange={(e) => toggle.mutate(e.currentTarget.checked)}
            styles={{
              label: { textDecoration: task.done ? 'line-through' : undefined, overflowWrap: 'anywhere' },
            }}
            data-testid="task-done"
          />
          {meta.length > 0 && (
            <Text size="xs" c="dimmed" pl={32}>
              {meta.join(' · ')}
            </Text>
          )}
          <ErrorAlert error={toggle.error} />
        </Stack>
        {overdue && (
          <Badge color="red.8" variant="filled" style={{ flexShrink: 0 }}>
            {t('tasks.overdue')}
          </Badge>
        )}
      </Group>
    </Paper>
  );
}

/** Tasks with due dates and assignees; open ones first, soonest due first. */
export function TasksTab({ c }: { c: Case }): ReactElement {
  const { t } = useTranslation('cases');
  const tasks = useTasks(c.id);
  const today = todayInBishkek();
  const items = [...(tasks.data?.items ?? [])].sort(
    (a, b) =>
      Number(a.done) - Number(b.done) ||
      (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') ||
      a.createdAt.localeCompare(b.createdAt),
  );
  return (
    <Stack>
      {c.canEdit && <AddTask c={c} />}
      {tasks.isPending && <PageLoader />}
      <ErrorAlert error={tasks.error} />
      {tasks.data && items.length === 0 && (
        <Card withBorder radius="md">
          <EmptyState title={t('tasks.empty')} />
        </Card>
      )}
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('tabs.tasks')}>
        {items.map((task) => (
          <TaskRow key={task.id} c={c} task={task} today={today} />
        ))}
      </Stack>
    </Stack>
  );
}
