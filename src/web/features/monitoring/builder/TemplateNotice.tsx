import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { formsApi } from '../api';
import { MonErrorAlert } from '../MonErrorAlert';
import { monitoringKeys, useInvalidate } from '../queries';

/**
 * "A newer template is available" (ADR 0022): the template shipped with this release differs from the
 * form. Offered, never forced — loaded as a draft the administrator compares and publishes as usual,
 * or put aside until the shipped file changes again. An open draft or unsaved edits are replaced
 * only after a yes.
 */
export function TemplateNotice({
  formId,
  draftVersion,
  dirty,
  onLoaded,
}: {
  formId: string;
  draftVersion: number | null;
  dirty: boolean;
  onLoaded: (version: number) => void;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const invalidate = useInvalidate();
  const [confirm, setConfirm] = useState(false);
  const load = useMutation({
    mutationFn: () => formsApi.loadTemplate(formId, draftVersion !== null),
    onSuccess: async (r) => {
      setConfirm(false);
      await invalidate(monitoringKeys.forms);
      onLoaded(r.version);
    },
  });
  const dismiss = useMutation({
    mutationFn: () => formsApi.dismissTemplate(formId),
    onSuccess: () => invalidate(monitoringKeys.forms),
  });
  const askFirst = draftVersion !== null || dirty;
  return (
    <Alert color="blue" variant="light" title={t('builder.template.title')} data-testid="template-notice">
      <Stack gap="sm">
        <Text size="sm">{t('builder.template.body')}</Text>
        <Group gap="xs">
          <Button
            size="xs"
            onClick={() => (askFirst ? setConfirm(true) : load.mutate())}
            loading={load.isPending && !confirm}
            data-testid="template-load"
          >
            {t('builder.template.load')}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => dismiss.mutate()}
            loading={dismiss.isPending}
            data-testid="template-dismiss"
          >
            {t('builder.template.dismiss')}
          </Button>
        </Group>
        <MonErrorAlert error={confirm ? null : (load.error ?? dismiss.error)} />
      </Stack>
      <ConfirmModal
        opened={confirm}
        title={t('builder.template.confirmTitle')}
        confirmLabel={t('builder.template.confirm')}
        danger
        loading={load.isPending}
        error={load.error}
        onConfirm={() => load.mutate()}
        onClose={() => setConfirm(false)}
      >
        {draftVersion !== null
          ? t('builder.template.confirmDraft', { version: draftVersion })
          : t('builder.template.confirmUnsaved')}
      </ConfirmModal>
    </Alert>
  );
}
