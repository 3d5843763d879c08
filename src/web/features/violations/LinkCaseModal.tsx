import { Button, Group, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { casesApi } from '../cases/api';
import { violationsApi, type Act } from './api';
import { useInvalidateEvent } from './queries';

/**
 * Link one act to a legal case. The search lists only cases the user may see (the case list's own
 * need-to-know); the server then checks edit rights on the chosen case, so a lawyer who can read a
 * case but is not on its team gets a clear refusal here rather than a silent link.
 */
export function LinkCaseModal({
  eventId,
  act,
  onClose,
}: {
  eventId: string;
  act: Act;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation('violations');
  const invalidate = useInvalidateEvent(eventId);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const linked = new Set(act.cases.map((c) => c.id));
  const found = useQuery({
    queryKey: ['cases', 'link-search', debounced],
    queryFn: () => casesApi.list({ q: debounced || undefined }),
  });
  const link = useMutation({
    mutationFn: (caseId: string) => violationsApi.linkCase(act.id, caseId),
    onSuccess: async (fresh) => {
      await invalidate(fresh);
      onClose();
    },
  });
  const items = (found.data?.items ?? []).filter((c) => !linked.has(c.id)).slice(0, 8);

  return (
    <AppModal opened onClose={onClose} title={t('caseLink.title')} size="lg">
      <Stack>
        <TextInput
          label={t('caseLink.search')}
          description={t('caseLink.searchHint')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          data-autofocus
          data-testid="case-link-search"
        />
        <ErrorAlert error={link.error ?? found.error} />
        {found.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('caseLink.none')}
          </Text>
        )}
        <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {items.map((c) => (
            <li key={c.id}>
              <UnstyledButton
                onClick={() => link.mutate(c.id)}
                disabled={link.isPending}
                data-testid="case-link-option"
                p="xs"
                w="100%"
                style={{ borderRadius: 6, border: '1px solid var(--mantine-color-default-border)' }}
              >
                <Text size="sm" fw={600}>
                  {t('overview.case', { number: c.number })}
                </Text>
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {c.title}
                </Text>
              </UnstyledButton>
            </li>
          ))}
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('caseLink.cancel')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
