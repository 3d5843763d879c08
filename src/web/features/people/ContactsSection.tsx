import { ActionIcon, Button, Flex, Paper, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icons';
import { CONTACT_KINDS, ID_KINDS } from './api';
import { useCodeOptions } from './labels';
import { newContact, newId, type PersonFormValues } from './personForm';
import { FormSection } from './FormSection';

type Form = UseFormReturnType<PersonFormValues>;

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }): ReactElement {
  return (
    <ActionIcon variant="subtle" color="red.8" size="lg" mt={{ xs: 26 }} aria-label={label} onClick={onClick}>
      <Icon name="trash" />
    </ActionIcon>
  );
}

/** Identity document numbers (also used by the duplicate check). */
export function IdNumbersSection({ form }: { form: Form }): ReactElement {
  const { t } = useTranslation('people');
  const kinds = useCodeOptions('idKind', ID_KINDS);
  return (
    <FormSection legend={t('form.sections.ids')}>
      <Stack gap="sm">
        {form.values.idNumbers.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('form.noIds')}
          </Text>
        )}
        {form.values.idNumbers.map((item, i) => (
          <Flex key={item.key} gap="xs" direction={{ base: 'column', xs: 'row' }}>
            <Select
              w={{ base: '100%', xs: 220 }}
              label={t('form.idKind')}
              data={kinds}
              required
              {...form.getInputProps(`idNumbers.${i}.kind`)}
            />
            <TextInput
              style={{ flex: 1 }}
              label={t('form.idNumber')}
              required
              autoComplete="off"
              {...form.getInputProps(`idNumbers.${i}.number`)}
            />
            <RemoveButton
              label={t('form.removeId', { n: i + 1 })}
              onClick={() => form.removeListItem('idNumbers', i)}
            />
          </Flex>
        ))}
        {form.values.idNumbers.length < 10 && (
          <Button
            variant="subtle"
            leftSection={<Icon name="plus" size={16} />}
            style={{ alignSelf: 'flex-start' }}
            onClick={() => form.insertListItem('idNumbers', newId())}
          >
            {t('form.addId')}
          </Button>
        )}
      </Stack>
    </FormSection>
  );
}

/** Ways to reach the person, each with whether it is safe to use and when. */
export function ContactsSection({ form }: { form: Form }): ReactElement {
  const { t } = useTranslation('people');
  const kinds = useCodeOptions('contactKind', CONTACT_KINDS);
  return (
    <FormSection legend={t('form.sections.contacts')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('form.contactsHint')}
        </Text>
        {form.values.contacts.map((item, i) => (
          <Paper key={item.key} withBorder p="sm" radius="md">
            <Stack gap="xs">
              <Flex gap="xs" direction={{ base: 'column', xs: 'row' }}>
                <Select
                  w={{ base: '100%', xs: 180 }}
                  label={t('form.contactKind')}
                  data={kinds}
                  required
                  {...form.getInputProps(`contacts.${i}.kind`)}
                />
                <TextInput
                  style={{ flex: 1 }}
                  label={t('form.contactValue')}
                  required
                  autoComplete="off"
                  {...form.getInputProps(`contacts.${i}.value`)}
                />
                <RemoveButton
                  label={t('form.removeContact', { n: i + 1 })}
                  onClick={() => form.removeListItem('contacts', i)}
                />
              </Flex>
              <Flex gap="sm" direction={{ base: 'column', xs: 'row' }} align={{ xs: 'center' }}>
                <Switch
                  label={t('form.safe')}
                  description={t('form.safeHint')}
                  {...form.getInputProps(`contacts.${i}.safe`, { type: 'checkbox' })}
                />
                <TextInput
                  style={{ flex: 1 }}
                  label={t('form.hours')}
                  placeholder={t('form.hoursPlaceholder')}
                  {...form.getInputProps(`contacts.${i}.hours`)}
                />
              </Flex>
            </Stack>
          </Paper>
        ))}
        {form.values.contacts.length < 10 && (
          <Button
            variant="subtle"
            leftSection={<Icon name="plus" size={16} />}
            style={{ alignSelf: 'flex-start' }}
            onClick={() => form.insertListItem('contacts', newContact())}
          >
            {t('form.addContact')}
          </Button>
        )}
      </Stack>
    </FormSection>
  );
}
