import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { AppModal } from '../../../components/AppModal';
import { MonErrorAlert, monErrorMessage } from '../MonErrorAlert';
import { reportIdIn } from '../submission/DuplicateDialog';

/**
 * Marks a selection as copies of one report, named by its address (the reviewer has it open, or copies
 * it from the queue). A refusal of the original itself comes back for the whole batch, at the field.
 */
export function BulkDuplicateDialog({
  title,
  pending,
  error,
  onMark,
  onEdit,
  onClose,
}: {
  title: string;
  pending: boolean;
  error: unknown;
  onMark: (original: string, reason: string) => void;
  onEdit: () => void;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const [pasted, setPasted] = useState('');
  const [reason, setReason] = useState('');
  const original = reportIdIn(pasted);
  const atField = error instanceof ApiError && error.code.startsWith('submissions.duplicate_');
  return (
    <AppModal opened onClose={onClose} title={title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (original) onMark(original, reason.trim());
        }}
      >
        <Stack>
          <TextInput
            label={t('duplicates.paste')}
            description={`${t('bulk.duplicatesHint')} ${t('duplicates.pasteHint')}`}
            withAsterisk
            value={pasted}
            onChange={(e) => {
              setPasted(e.currentTarget.value);
              onEdit();
            }}
            error={
              pasted.trim() && !original
                ? t('duplicates.pasteBad')
                : atField
                  ? monErrorMessage(t, error)
                  : undefined
            }
            data-testid="bulk-duplicate-paste"
          />
          <Textarea
            label={t('duplicates.reason')}
            description={t('duplicates.reasonHint')}
            autosize
            minRows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="bulk-duplicate-reason"
          />
          {!atField && <MonErrorAlert error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel', { ns: 'ui' })}
            </Button>
            <Button
              type="submit"
              color="red.8"
              disabled={!original}
              loading={pending}
              data-testid="bulk-duplicate-confirm"
            >
              {t('duplicates.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
