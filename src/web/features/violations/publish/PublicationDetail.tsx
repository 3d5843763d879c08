import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import { useFormat } from '../../../intl/format';
import { can, useMe } from '../../auth/queries';
import { publishApi, type PublicationStatus } from './api';
import { DatasetPreview } from './DatasetPreview';
import { useInvalidatePublications, usePublication } from './queries';

export const STATUS_COLOR: Record<PublicationStatus, string> = {
  draft: 'gray.7',
  published: '#22693a',
  withdrawn: 'red.9',
};

/** One dataset: its preview, and publish (confirm + re-auth) or withdraw. */
export function PublicationDetail({ id }: { id: string }): ReactElement {
  const { t } = useTranslation('vstats');
  const fmt = useFormat();
  const pub = usePublication(id);
  // Drafts are for anyone who reads reports; publishing is an administrator's decision.
  const mayPublish = can(useMe().data, 'settings.manage');
  const invalidate = useInvalidatePublications();
  const [confirm, setConfirm] = useState<'publish' | 'withdraw' | null>(null);
  const act = useMutation({
    mutationFn: (what: 'publish' | 'withdraw') =>
      what === 'publish' ? publishApi.publish(id) : publishApi.withdraw(id),
    onSuccess: async () => {
      setConfirm(null);
      await invalidate();
    },
  });
  if (pub.isPending) return <PageLoader minHeight={120} />;
  if (pub.error) return <ErrorAlert error={pub.error} />;
  const p = pub.data;
  return (
    <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }} data-testid="publication-detail">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
            <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
              {p.title}
            </Title>
            <Group gap="xs">
              <Badge
                color={STATUS_COLOR[p.status]}
                variant="filled"
                tt="none"
                data-testid="publication-status"
              >
                {t(`publish.status.${p.status}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {p.publishedAt
                  ? t('publish.publishedAt', { time: fmt.dateTime(p.publishedAt) })
                  : t('publish.createdAt', { time: fmt.dateTime(p.createdAt) })}
              </Text>
            </Group>
          </Stack>
          <Group gap="xs">
            {mayPublish && p.status === 'draft' && (
              <Button onClick={() => setConfirm('publish')} data-testid="publication-publish">
                {t('publish.publish')}
              </Button>
            )}
            {mayPublish && p.status === 'published' && (
              <Button
                color="red"
                variant="light"
                onClick={() => setConfirm('withdraw')}
                data-testid="publication-withdraw"
              >
                {t('publish.withdraw')}
              </Button>
            )}
          </Group>
        </Group>
        {p.includesRestricted && (
          <Alert color="orange" variant="light">
            {t('publish.includesRestricted')}
          </Alert>
        )}
        {p.status === 'draft' && (
          <Text size="sm" c="dimmed">
            {t('publish.previewHint')}
          </Text>
        )}
        <DatasetPreview d={p.dataset} />
      </Stack>
      <ConfirmModal
        opened={confirm !== null}
        title={confirm === 'withdraw' ? t('publish.withdrawTitle') : t('publish.publishTitle')}
        confirmLabel={confirm === 'withdraw' ? t('publish.withdraw') : t('publish.publish')}
        danger={confirm === 'withdraw'}
        loading={act.isPending}
        error={act.error}
        onConfirm={() => confirm && act.mutate(confirm)}
        onClose={() => {
          setConfirm(null);
          act.reset();
        }}
      >
        {confirm === 'withdraw' ? t('publish.withdrawText') : t('publish.publishText')}
      </ConfirmModal>
    </Card>
  );
}
