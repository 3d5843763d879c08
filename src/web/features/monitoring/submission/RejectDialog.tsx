import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { AppModal } from '../../../components/AppModal';
import { MonErrorAlert, monErrorMessage } from '../MonErrorAlert';

/**
 * Asks for the reason of a rejection (one report or a selection); shown while mounted, so each
 * rejection starts with an empty reason. The server decides whether a
 * reason is there (one rule, one translated message); its refusal is shown at the field, and the
 * button stays enabled so a reviewer who tries learns why instead of facing a dead button.
 */
export function RejectDialog({
  title,
  hint,
  pending,
  error,
  onReject,
  onEdit,
  onClose,
  testIds,
}: {
  title: string;
  hint: string;
  pending: boolean;
  /** The last refusal of the rejection, if any. */
  error: unknown;
  onReject: (reason: string) => void;
  /** The reason was edited: a refusal about a missing reason no longer applies. */
  onEdit: () => void;
  onClose: () => void;
  testIds: { reason: string; confirm: string };
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const [reason, setReason] = useState('');
  const missing = error instanceof ApiError && error.code === 'submissions.reason_required';
  return (
    <AppModal opened onClose={onClose} title={title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onReject(reason.trim());
        }}
      >
        <Stack>
          <Textarea
            label={t('review.reason')}
            description={hint}
            withAsterisk
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              if (missing) onEdit();
            }}
            error={missing ? monErrorMessage(t, error) : undefined}
            data-testid={testIds.reason}
          />
          {!missing && <MonErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel', { ns: 'ui' })}
            </Button>
            <Button type="submit" color="red.8" loading={pending} data-testid={testIds.confirm}>
              {t('transition.rejected')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
