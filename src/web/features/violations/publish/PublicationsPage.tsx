import { Badge, Button, Card, EmptyState, Grid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Icon } from '../../../components/icons';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoader } from '../../../components/PageLoader';
import { useFormat } from '../../../intl/format';
import { NewPublicationModal } from './NewPublicationModal';
import { PublicationDetail, STATUS_COLOR } from './PublicationDetail';
import { usePublications } from './queries';

/**
 * `/violations/publications`: anonymised aggregate datasets for the public site. A draft is previewed
 * exactly as it would appear (small cells withheld); publishing asks for confirmation and a fresh
 * re-authentication, and is audited.
 */
export function PublicationsPage(): ReactElement {
  const { t } = useTranslation('vstats');
  const fmt = useFormat();
  const { id } = useSearch({ from: '/app/violations/publications' });
  const navigate = useNavigate({ from: '/violations/publications' });
  const list = usePublications();
  const [newOpen, newModal] = useDisclosure(false);
  const items = list.data?.items ?? [];
  const open = (pid: string) => void navigate({ search: { id: pid } });
  return (
    <>
      <PageHeader
        title={t('publish.title')}
        description={t('publish.description')}
        actions={
          <Button
            leftSection={<Icon name="plus" size={16} />}
            onClick={newModal.open}
            data-testid="publication-new"
          >
            {t('publish.new')}
          </Button>
        }
      />
      {list.isPending && <PageLoader />}
      <ErrorAlert error={list.error} />
      {list.data && items.length === 0 && (
        <Card withBorder radius="md">
          <EmptyState
            p="xl"
            title={t('publish.empty')}
            description={t('publish.emptyHint')}
            data-testid="publications-empty"
          />
        </Card>
      )}
      {items.length > 0 && (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack
              gap="xs"
              component="ul"
              m={0}
              p={0}
              style={{ listStyle: 'none' }}
              aria-label={t('publish.listLabel')}
            >
              {items.map((p) => (
                <li key={p.id}>
                  <UnstyledButton
                    onClick={() => open(p.id)}
                    aria-current={p.id === id ? 'true' : undefined}
                    w="100%"
                    data-testid="publication-row"
                  >
                    <Card withBorder radius="md" p="sm" bg={p.id === id ? 'ukuk.0' : undefined}>
                      <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {p.title}
                      </Text>
                      <Badge color={STATUS_COLOR[p.status]} variant="filled" tt="none" size="sm" mt={4}>
                        {t(`publish.status.${p.status}`)}
                      </Badge>
                      <Text size="xs" c="dimmed" mt={2}>
                        {fmt.dateTime(p.publishedAt ?? p.createdAt)}
                      </Text>
                    </Card>
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            {id ? (
              <PublicationDetail key={id} id={id} />
            ) : (
              <Text c="dimmed" size="sm">
                {t('publish.pick')}
              </Text>
            )}
          </Grid.Col>
        </Grid>
      )}
      <NewPublicationModal
        opened={newOpen}
        onClose={newModal.close}
        onCreated={(pid) => {
          newModal.close();
          open(pid);
        }}
      />
    </>
  );
}
