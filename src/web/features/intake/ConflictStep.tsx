import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../intl/format';
import { SUCCESS_GREEN } from '../users/status';
import { useRoleList } from '../people/MatchList';
import { RoleBadges } from '../people/PersonBadges';
import { useNameMatch } from '../people/queries';
import type { Match } from '../people/api';
import { intakeApi, type Intake, type IntakeConflict } from './api';
import { AnchorLink } from '../people/AnchorLink';

/**
 * Who matched, when this user may know. The stored check keeps no names, and opening a person one may
 * not see is audited as a refused look, so names come from a fresh match of the person's name (which
 * withholds hidden people itself); a person found only under another name gets a link instead.
 */
function MatchedName({
  item,
  known,
  pending,
}: {
  item: IntakeConflict;
  known: Match | undefined;
  pending: boolean;
}): ReactElement {
  const { t } = useTranslation('intake');
  const { t: tp } = useTranslation('people');
  if (pending && !known) {
    return (
      <Text size="sm" c="dimmed">
        {t('common.loading')}
      </Text>
    );
  }
  if (known?.visible && known.name) {
    return (
      <AnchorLink to="/people/$id" params={{ id: item.personId }} fw={600} size="sm">
        {known.name}
      </AnchorLink>
    );
  }
  if (known) {
    return (
      <Text size="sm" fw={600} fs="italic" data-testid="conflict-hidden">
        {tp('match.hidden')}
      </Text>
    );
  }
  return (
    <AnchorLink to="/people/$id" params={{ id: item.personId }} size="sm">
      {t('conflicts.otherName')}
    </AnchorLink>
  );
}

/** One person whose name matches: who, why, in which roles, and whether it is a conflict. */
function ConflictItem({
  item,
  known,
  pending,
}: {
  item: IntakeConflict;
  known: Match | undefined;
  pending: boolean;
}): ReactElement {
  const { t } = useTranslation('intake');
  const { t: tp } = useTranslation('people');
  const roleList = useRoleList();
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
          <MatchedName item={item} known={known} pending={pending} />
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
            color="red.9"
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
  const names = useNameMatch(list.length > 0 ? (intake.personName ?? '') : '', {
    forRole: 'client',
    excludeId: intake.personId ?? undefined,
    delay: 0,
  });
  const known = new Map(names.matches.map((m) => [m.id, m]));
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
                <ConflictItem
                  key={c.personId}
                  item={c}
                  known={known.get(c.personId)}
                  pending={names.pending}
                />
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
