import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';
import { fieldErrors } from '../../components/errors';
import { addPasskey } from './ceremony';
import { PasskeyError } from './PasskeyError';
import { useInvalidatePasskeys } from './queries';

const MAX_NAME = 100;

/** Asks for a name, then runs re-auth (if the server wants it) and the browser's passkey dialog. */
export function AddPasskeyModal({
  opened,
  onClose,
  onAdded,
}: {
  opened: boolean;
  onClose: () => void;
  onAdded: (name: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  const invalidate = useInvalidatePasskeys();
  const form = useForm({
    initialValues: { name: '' },
    validate: { name: (v) => (v.trim() ? null : t('common.validation.required')) },
  });
  const add = useMutation({
    mutationFn: (name: string) => addPasskey(name),
    onSuccess: async (_res, name) => {
      await invalidate();
      form.reset();
      onAdded(name);
    },
    onError: (e) => form.setErrors(fieldErrors(e)),
  });
  const close = () => {
    form.reset();
    add.reset();
    onClose();
  };
  return (
    <AppModal opened={opened} onClose={close} title={t('passkeys.addModal.title')}>
      <form onSubmit={form.onSubmit((v) => add.mutate(v.name.trim()))} noValidate>
        <Stack>
          <TextInput
            name="passkeyName"
            label={t('passkeys.addModal.nameLabel')}
            description={t('passkeys.addModal.nameHint')}
            placeholder={t('passkeys.addModal.namePlaceholder')}
            maxLength={MAX_NAME}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Text size="sm" c="dimmed">
            {t('passkeys.addModal.explain')}
          </Text>
          <PasskeyError error={add.error} context="add" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('passkeys.addModal.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
