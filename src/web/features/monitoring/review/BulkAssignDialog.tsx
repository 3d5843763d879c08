import { Button, Divider, Group, Select, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../components/AppModal';
import { useFormat } from '../../../intl/format';
import { useMe } from '../../auth/queries';
import { submissionsApi } from '../api';
import { MonErrorAlert } from '../MonErrorAlert';

/**
 * Give the selected reports to one reviewer, or take their assignee off. The list is everyone who
 * may review at least one of them, with how many each may take (a region coordinator only their
 * region's); the server checks each report again and leaves the others as they were.
 */
export function BulkAssignDialog({
  ids,
  pending,
  error,
  onAssign,
  onClose,
}: {
  ids: string[];
  pending: boolean;
  error: unknown;
  onAssign: (userId: string | null) => void;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const me = useMe().data;
  const [who, setWho] = useState<string | null>(null);
  const reviewers = useQuery({
    queryKey: ['monitoring', 'reviewers-of', ids],
    queryFn: () => submissionsApi.reviewersOfMany(ids),
  });
  const total = fmt.number(ids.length);
  const options = (reviewers.data?.items ?? []).map((r) => ({
    value: r.id,
    label: t('bulk.assignOption', {
      name: r.id === me?.id ? t('assign.you', { name: r.name }) : r.name,
      count: fmt.number(r.count),
      total,
    }),
  }));
  const n = ids.length;
  return (
    <AppModal opened onClose={onClose} title={t('bulk.assignTitle', { count: n, n: total })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (who) onAssign(who);
        }}
      >
        <Stack>
          <Select
            label={t('assign.choose')}
            description={t('bulk.assignHint')}
            placeholder={t('assign.pick')}
            searchable
            nothingFoundMessage={t('assign.noneFound')}
            data={options}
            value={who}
            onChange={setWho}
            disabled={reviewers.isPending}
            data-testid="bulk-assign-select"
          />
          <MonErrorAlert error={error ?? reviewers.error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel', { ns: 'ui' })}
            </Button>
            <Button type="submit" disabled={!who} loading={pending} data-testid="bulk-assign-confirm">
              {t('bulk.assignSubmit')}
            </Button>
          </Group>
          {/* Apart from the choice above: taking the assignee off is the other way out of this dialog. */}
          <Divider />
          <Group>
            <Button
              variant="default"
              size="xs"
              onClick={() => onAssign(null)}
              disabled={pending}
              data-testid="bulk-unassign"
            >
              {t('bulk.unassign')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
