import { Alert, Box, Button, Group, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../../../../core/forms/types';
import { Icon } from '../../../components/icons';
import { saveFile } from '../../../components/saveFile';
import type { Locale } from '../../../i18n';
import { formsApi, type FormDetail } from '../api';
import { useLocale } from '../l10n';
import { MonErrorAlert } from '../MonErrorAlert';
import { PreviewPane } from './PreviewPane';
import { VersionList } from './VersionList';

/**
 * A form this user may read but not change (the public report form for a coordinator, ADR 0024): why,
 * the form as people see it, and its versions — no editor whose changes could not be saved.
 */
export function ReadOnlyForm({
  form,
  definition,
}: {
  form: FormDetail;
  definition: FormDefinition;
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const [lang, setLang] = useState<Locale>(useLocale());
  const phone = useMediaQuery('(max-width: 62em)', false, { getInitialValueInEffect: false });
  const preview = <PreviewPane def={definition} lang={lang} setLang={setLang} />;
  const exporter = useMutation({ mutationFn: () => formsApi.exportOne(form.id), onSuccess: saveFile });
  const versions = <VersionList form={form} />;
  return (
    <Stack gap="md">
      <Alert color="gray" variant="light" data-testid="form-read-only">
        {t('builder.adminOnly')}
      </Alert>
      <Button
        variant="default"
        w="fit-content"
        onClick={() => exporter.mutate()}
        loading={exporter.isPending}
        leftSection={<Icon name="download" size={16} />}
      >
        {t('forms.export')}
      </Button>
      <MonErrorAlert error={exporter.error} />
      {phone ? (
        <>
          {preview}
          {versions}
        </>
      ) : (
        <Group align="flex-start" gap="lg" wrap="nowrap">
          <Box style={{ flex: 1, minWidth: 0 }}>{versions}</Box>
          <Box w={400} style={{ flexShrink: 0 }}>
            {preview}
          </Box>
        </Group>
      )}
    </Stack>
  );
}
