import { Button, Group, Loader, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { PersonSummary } from './api';
import { useGeoNames } from './labels';
import { RoleBadges } from './PersonBadges';
import { usePeople } from './queries';

/** Search the registry (any script) and pick one person; `excludeId` is left out of the results. */
export function PersonPicker({
  excludeId,
  label,
  onPick,
}: {
  excludeId?: string;
  label: string;
  onPick: (p: PersonSummary) => void;
}): ReactElement {
  const { t } = useTranslation('people');
  const geo = useGeoNames();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const results = usePeople({ q: debounced }, 1);
  const items = debounced ? (results.data?.items ?? []).filter((p) => p.id !== excludeId) : [];
  return (
    <Stack gap="sm">
      <TextInput
        type="search"
        label={label}
        placeholder={t('filters.searchPlaceholder')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        rightSection={results.isFetching && debounced ? <Loader size="xs" /> : null}
        data-autofocus
        data-testid="person-picker-search"
      />
      <ErrorAlert error={results.error} />
      {debounced && results.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('empty.filteredTitle')}
        </Text>
      )}
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-live="polite">
        {items.slice(0, 10).map((p) => (
          <Paper key={p.id} component="li" withBorder p="xs" radius="md" data-testid="person-picker-item">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Stack gap={2} miw={0}>
                <Text size="sm" fw={600}>
                  {p.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {[...p.otherNames, geo.region(p.region)].filter(Boolean).join(' · ')}
                </Text>
                <RoleBadges roles={p.roles} />
              </Stack>
              <Button
                size="xs"
                variant="light"
                onClick={() => onPick(p)}
                aria-label={t('picker.chooseNamed', { name: p.name })}
              >
                {t('picker.choose')}
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
