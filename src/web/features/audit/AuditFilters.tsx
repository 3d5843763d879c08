import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../auth/queries';
import { useUsers } from '../users/queries';
import { actionOptions, filterActions } from './actions';
import type { AuditSearch } from './search';
import { DayInput } from '../../components/DayInput';

const EMPTY = { action: '', actorId: '', entityType: '', entityId: '', from: '', to: '' };

function ActorField(props: { value: string; onChange: (v: string) => void }): ReactElement {
  const { t } = useTranslation();
  const me = useMe().data;
  const canListUsers = can(me, 'users.manage');
  const users = useUsers(canListUsers);
  if (!canListUsers) {
    return (
      <TextInput
        label={t('audit.filters.actorId')}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      />
    );
  }
  return (
    <Select
      label={t('audit.filters.actor')}
      placeholder={t('audit.filters.anyActor')}
      data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
      value={props.value || null}
      onChange={(v) => props.onChange(v ?? '')}
      searchable
      clearable
      nothingFoundMessage={t('audit.filters.noActor')}
    />
  );
}

/** A searchable picker of every action the server writes, by family; `fromUrl` stays selectable. */
function ActionField(props: {
  value: string;
  fromUrl: string | undefined;
  onChange: (v: string) => void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const data = useMemo(
    () => actionOptions(t, i18n.language, props.fromUrl),
    [t, i18n.language, props.fromUrl],
  );
  return (
    <Select
      label={t('audit.filters.action')}
      placeholder={t('audit.filters.anyAction')}
      data={data}
      value={props.value || null}
      onChange={(v) => props.onChange(v ?? '')}
      searchable
      clearable
      filter={filterActions}
      nothingFoundMessage={t('audit.filters.noAction')}
      maxDropdownHeight={360}
      data-testid="audit-filter-action"
    />
  );
}

/** Filter form; applying it writes the filters into the URL. */
export function AuditFilters({
  value,
  onApply,
}: {
  value: AuditSearch;
  onApply: (s: AuditSearch) => void;
}): ReactElement {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { ...EMPTY, ...value } });
  const apply = (v: typeof EMPTY) => {
    const out: AuditSearch = {};
    for (const [k, val] of Object.entries(v) as [keyof AuditSearch, string][]) {
      if (val.trim()) {
        out[k] = val.trim();
      }
    }
    onApply(out);
  };
  return (
    <form onSubmit={form.onSubmit(apply)} aria-label={t('audit.filters.label')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        <ActionField
          value={form.values.action}
          fromUrl={value.action}
          onChange={(v) => form.setFieldValue('action', v)}
        />
        <ActorField value={form.values.actorId} onChange={(v) => form.setFieldValue('actorId', v)} />
        <TextInput
          label={t('audit.filters.entityType')}
          placeholder={t('audit.filters.entityTypePlaceholder')}
          {...form.getInputProps('entityType')}
        />
        <TextInput label={t('audit.filters.entityId')} {...form.getInputProps('entityId')} />
        <DayInput label={t('audit.filters.from')} {...form.getInputProps('from')} />
        <DayInput label={t('audit.filters.to')} {...form.getInputProps('to')} />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button
          variant="default"
          onClick={() => {
            form.setValues(EMPTY);
            onApply({});
          }}
        >
          {t('audit.filters.reset')}
        </Button>
        <Button type="submit">{t('audit.filters.apply')}</Button>
      </Group>
    </form>
  );
}
