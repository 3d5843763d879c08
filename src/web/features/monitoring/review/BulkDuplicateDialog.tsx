import { Stack, TextInput } from '@mantine/core';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { AppModal } from '../../../components/AppModal';
import { monErrorMessage } from '../MonErrorAlert';
import { DuplicateFooter, reportIdIn } from '../submission/DuplicateDialog';

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
          <DuplicateFooter
            reason={reason}
            onReason={setReason}
            error={atField ? null : error}
            ready={Boolean(original)}
            pending={pending}
            onClose={onClose}
            testIds={{ reason: 'bulk-duplicate-reason', confirm: 'bulk-duplicate-confirm' }}
          />
        </Stack>
      </form>
    </AppModal>
  );
}
