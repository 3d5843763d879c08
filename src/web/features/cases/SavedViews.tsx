import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../components/AppModal';
import { Icon } from '../../components/icons';
import { filtersOf, loadViews, sameFilters, storeViews, type CaseSearch, type SavedView } from './search';

/**
 * Named filter sets: save the current filters, pick one again, forget one. Stored on this device per
 * user (preferences only, no case content).
 */
export function SavedViews({
  userId,
  search,
  onPick,
}: {
  userId: string;
  search: CaseSearch;
  onPick: (filters: CaseSearch) => void;
}): ReactElement {
  const { t } = useTranslation('cases');
  const [views, setViews] = useState<SavedView[]>(() => loadViews(userId));
  const [opened, { open, close }] = useDisclosure(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const current = filtersOf(search);
  const active = views.find((v) => sameFilters(v.filters, current));
  const hasFilters = Object.keys(current).length > 0;

  const update = (next: SavedView[]) => {
    setViews(next);
    storeViews(userId, next);
  };
  const save = () => {
    const trimmed = name.trim();
    if (!trimmed) {
      setError(t('views.nameRequired'));
      return;
    }
    update([...views.filter((v) => v.name !== trimmed), { name: trimmed, filters: current }]);
    setName('');
    setError(null);
    close();
  };

  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      {views.length > 0 && (
        <Select
          label={t('views.label')}
          placeholder={t('views.pick')}
          data={views.map((v) => v.name)}
          value={active?.name ?? null}
          onChange={(v) => {
            const view = views.find((x) => x.name === v);
            if (view) onPick(view.filters);
          }}
          allowDeselect={false}
          w={{ base: '100%', xs: 260 }}
          comboboxProps={{ withinPortal: true }}
          data-testid="saved-views"
        />
      )}
      <Button
        variant="default"
        leftSection={<Icon name="plus" size={16} />}
        onClick={open}
        disabled={!hasFilters || active !== undefined}
        data-testid="save-view"
      >
        {t('views.save')}
      </Button>
      {active && (
        <Button
          variant="subtle"
          color="red.8"
          onClick={() => update(views.filter((v) => v !== active))}
          data-testid="delete-view"
        >
          {t('views.delete', { name: active.name })}
        </Button>
      )}
      <AppModal opened={opened} onClose={close} title={t('views.saveTitle')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
          noValidate
        >
          <Stack>
            <TextInput
              name="viewName"
              label={t('views.name')}
              description={t('views.nameHint')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={error}
              required
              maxLength={60}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('ui:common.cancel')}
              </Button>
              <Button type="submit">{t('views.saveSubmit')}</Button>
            </Group>
          </Stack>
        </form>
      </AppModal>
    </Group>
  );
}
