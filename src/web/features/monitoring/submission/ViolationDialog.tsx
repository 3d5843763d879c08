import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../components/AppModal';
import { submissionsApi } from '../api';
import { MonErrorAlert } from '../MonErrorAlert';

/**
 * "Make a violation record" from a report, with the one decision to take before it exists: whether only
 * its members may see it, on by default, as for a case made from a report — an incident report may tell
 * of torture and name the people it happened to.
 */
export function ViolationDialog({ id, onClose }: { id: string; onClose: () => void }): ReactElement {
  const { t } = useTranslation('monitoring');
  const navigate = useNavigate();
  const [restricted, setRestricted] = useState(true);
  const make = useMutation({
    mutationFn: () => submissionsApi.toViolation(id, { restricted }),
    onSuccess: (r) => void navigate({ to: '/violations/$id', params: { id: r.eventId } }),
  });
  return (
    <AppModal opened onClose={onClose} title={t('review.violationDialog.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          make.mutate();
        }}
      >
        <Stack>
          <Checkbox
            label={t('review.violationDialog.restricted')}
            checked={restricted}
            onChange={(e) => setRestricted(e.currentTarget.checked)}
            data-testid="violation-restricted"
          />
          <Text size="sm" c="dimmed">
            {t('review.violationDialog.hint')}
          </Text>
          <MonErrorAlert error={make.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel', { ns: 'ui' })}
            </Button>
            <Button type="submit" loading={make.isPending} data-testid="violation-make">
              {t('review.makeViolation')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
