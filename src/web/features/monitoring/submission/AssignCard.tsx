import { Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/queries';
import { submissionsApi, type Submission } from '../api';
import { MonErrorAlert } from '../MonErrorAlert';
import { monitoringKeys } from '../queries';

/**
 * Who takes this report: one reviewer, chosen from those who may review it (the server's list and
 * rule), or "take it" in one click. Their "Mine" queue lists it; someone else's lock keeps it as is.
 */
export function AssignCard({ s, locked }: { s: Submission; locked: boolean }): ReactElement {
  const { t } = useTranslation('monitoring');
  const qc = useQueryClient();
  const me = useMe().data;
  const reviewers = useQuery({
    queryKey: ['monitoring', 'reviewers', s.id],
    queryFn: () => submissionsApi.reviewers(s.id),
  });
  const assign = useMutation({
    mutationFn: (userId: string | null) => submissionsApi.assign(s.id, userId),
    onSuccess: (next) => {
      qc.setQueryData(monitoringKeys.submission(s.id), next);
      void qc.invalidateQueries({ queryKey: ['monitoring', 'submissions'] });
    },
  });
  const options = (reviewers.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }));
  // The current assignee stays readable even if they have since left the list.
  if (s.assignee && !options.some((o) => o.value === s.assignee!.id))
    options.unshift({ value: s.assignee.id, label: s.assignee.name });
  const mine = !!me && s.assignee?.id === me.id;
  const mayTake = !!me && !mine && (reviewers.data?.items ?? []).some((r) => r.id === me.id);
  return (
    <Card withBorder radius="md" padding="md" data-testid="assign-card">
      <Title order={2} size="h4" mb="sm">
        {t('assign.title')}
      </Title>
      <Stack gap="xs">
        <Text size="sm" c={s.assignee ? undefined : 'dimmed'} data-testid="assignee">
          {s.assignee
            ? mine
              ? t('assign.you', { name: s.assignee.name })
              : s.assignee.name
            : t('assign.nobody')}
        </Text>
        <Select
          label={t('assign.choose')}
          placeholder={t('assign.pick')}
          searchable
          clearable
          nothingFoundMessage={t('assign.noneFound')}
          data={options}
          value={s.assignee?.id ?? null}
          disabled={locked || assign.isPending}
          onChange={(v) => assign.mutate(v)}
          data-testid="assign-select"
        />
        {mayTake && (
          <Group>
            <Button
              size="sm"
              variant="light"
              disabled={locked}
              loading={assign.isPending && assign.variables === me.id}
              onClick={() => assign.mutate(me.id)}
              data-testid="assign-me"
            >
              {t('assign.me')}
            </Button>
          </Group>
        )}
        <MonErrorAlert error={assign.error ?? reviewers.error} />
      </Stack>
    </Card>
  );
}
