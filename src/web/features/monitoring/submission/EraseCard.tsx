import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { submissionsApi, type Submission } from '../api';
import { EraseDialog } from './EraseDialog';

/**
 * "Erase permanently" for an administrator on a rejected report (review.erase.ts): spam, or a report
 * that must not be kept. The server asks for re-authentication (the API client opens that dialog) and,
 * when another administrator is active, records a request that erases the report once they approve it.
 */
export function EraseCard({ s, locked }: { s: Submission; locked: boolean }): ReactElement {
  const { t } = useTranslation('monitoring');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const erase = useMutation({
    mutationFn: () => submissionsApi.erase(s.id),
    onSuccess: (r) => {
      setConfirming(false);
      if (r.status === 'requested') return;
      // Gone: its page would only say "not found" now; the queue says it was erased.
      qc.removeQueries({ queryKey: ['monitoring', 'submission', s.id] });
      void qc.invalidateQueries({ queryKey: ['monitoring', 'submissions'] });
      void navigate({ to: '/monitoring/review', search: { erased: 1 } });
    },
  });
  const close = () => {
    setConfirming(false);
    erase.reset();
  };
  return (
    <Card withBorder radius="md" padding="md" data-testid="erase-card">
      <Title order={2} size="h4" mb="xs">
        {t('erase.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('erase.intro')}
        </Text>
        {erase.data?.status === 'requested' ? (
          <Alert color="blue" variant="light" data-testid="erase-requested">
            {t('erase.requested')}
          </Alert>
        ) : (
          <Button
            color="red.8"
            variant="outline"
            w="fit-content"
            disabled={locked}
            onClick={() => setConfirming(true)}
            data-testid="erase-open"
          >
            {t('erase.button')}
          </Button>
        )}
      </Stack>
      <EraseDialog
        opened={confirming}
        title={t('erase.confirmTitle')}
        approval={t('erase.confirmApproval')}
        pending={erase.isPending}
        error={erase.error}
        onConfirm={() => erase.mutate()}
        onClose={close}
        confirmTestId="erase-confirm"
      />
    </Card>
  );
}
