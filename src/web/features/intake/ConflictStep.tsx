import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../intl/format';
import { SUCCESS_GREEN } from '../users/status';
import { useRoleList } from '../people/MatchList';
import { RoleBadges } from '../people/PersonBadges';
import { usePerson } from '../people/queries';
import { intakeApi, type Intake, type IntakeConflict } from './api';
import { AnchorLink } from '../people/AnchorLink';

/** One person whose name matches: who (when this user may know), why, in which roles, and whether it is a conflict. */
function ConflictItem({ item }: { item: IntakeConflict }): ReactElement {
  const { t } = useTranslation('intake');
  const { t: tp } = useTranslation('people');
  const roleList = useRoleList();
  const person = usePerson(item.personId);
  const name = person.data?.names[0]?.full;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="li"
      data-testid="conflict-item"
      data-conflict={item.conflict ? 'true' : 'false'}
      style={item.conflict ? { borderColor: 'var(--mantine-color-red-8)', borderWidth: 2 } : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" align="flex-start">
          {name ? (
            <AnchorLink to="/people/$id" params={{ id: item.personId }} fw={600} size="sm">
              {name}
            </AnchorLink>
          ) : (
            <Text size="sm" fw={600} fs="italic">
              {person.isPending ? t('common.loading') : tp('match.hidden')}
            </Text>
          )}
          <Badge variant="default" size="lg" tt="none">
            {tp('match.score', { score: Math.round(item.score * 100) })}
          </Badge>
        </Group>
        <Text size="sm" data-testid="conflict-reasons">
          {item.reasons.map((r) => tp(`errors:match_reason.${r}`, { defaultValue: r })).join('; ')}
        </Text>
        <RoleBadges roles={item.roles} empty={tp('match.noRoles')} />
        {item.conflict && (
          <Alert
            color="red"
            variant="filled"
            p="xs"
            title={t('conflicts.conflict')}
            data-testid="conflict-flag"
          >
            {t('conflicts.explain', { roles: roleList(item.roles) })}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/** Step 5: check the person's names against everyone in every role; conflicts are shown in red. */
export function ConflictStep({
  intake,
  onStored,
  onBack,
  onNext,
}: {
  intake: Intake;
  onStored: (i: Intake) => void;
  onBack: () => void;
  onNext: () => void;
}): ReactElement {
  const { t } = useTranslation('intake');
  const fmt = useFormat();
  const run = useMutation({ mutationFn: () => intakeApi.conflictCheck(intake.id), onSuccess: onStored });
  const list = intake.conflicts ?? [];
  const conflicts = list.filter((c) => c.conflict).length;
  const checked = intake.conflictCheckedAt !== null;
  return (
    <Stack>
      <Text size="sm">{t('conflicts.hint')}</Text>
      <Group>
        <Button
          onClick={() => run.mutate()}
          loading={run.isPending}
          variant={checked ? 'default' : 'filled'}
          data-testid="run-conflict-check"
        >
          {checked ? t('conflicts.runAgain') : t('conflicts.run')}
        </Button>
        {checked && (
          <Text size="sm" c="dimmed">
            {t('conflicts.checkedAt', { date: fmt.dateTime(intake.conflictCheckedAt) })}
          </Text>
        )}
      </Group>
      <ErrorAlert error={run.error} />
      {checked && (
        <Stack gap="sm" aria-live="polite" data-testid="conflict-results">
          {conflicts > 0 ? (
            <Alert
              color="red"
              variant="light"
              title={t('conflicts.found', { count: conflicts })}
              data-testid="conflicts-found"
            >
              {t('conflicts.foundHint')}
            </Alert>
          ) : (
            <Alert
              color={SUCCESS_GREEN}
              variant="light"
              title={t('conflicts.none')}
              data-testid="conflicts-none"
            >
              {list.length > 0 ? t('conflicts.similarOnly', { count: list.length }) : t('conflicts.noneHint')}
            </Alert>
          )}
          {list.length > 0 && (
            <Stack
              gap="xs"
              component="ul"
              m={0}
              p={0}
              style={{ listStyle: 'none' }}
              aria-label={t('conflicts.listLabel')}
            >
              {list.map((c) => (
                <ConflictItem key={c.personId} item={c} />
              ))}
            </Stack>
          )}
        </Stack>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          {t('actions.back')}
        </Button>
        <Button onClick={onNext} disabled={!checked} data-testid="step-submit">
          {t('actions.continue')}
        </Button>
      </Group>
    </Stack>
  );
}
