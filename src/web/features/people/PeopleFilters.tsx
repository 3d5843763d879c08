import { Badge, Button, Collapse, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_PERSON_ROLES, VULNERABILITIES } from './api';
import { useCodeOptions, useGeoNames } from './labels';
import type { PeopleSearch } from './search';

/**
 * Search box and filters. The name search follows typing (debounced); filters apply at once. The
 * server matches names across Cyrillic and Latin, so "Ismailova" also finds "Исмаилова".
 */
export function PeopleFilters({
  value,
  onChange,
}: {
  value: PeopleSearch;
  onChange: (s: PeopleSearch) => void;
}): ReactElement {
  const { t } = useTranslation('people');
  const geo = useGeoNames();
  const vulnerabilities = useCodeOptions('vulnerability', VULNERABILITIES);
  const roles = useCodeOptions('role', CASE_PERSON_ROLES);
  const [q, setQ] = useState(value.q ?? '');
  const applyQ = useDebouncedCallback((text: string) => {
    const { page: _page, ...rest } = value;
    onChange({ ...rest, q: text.trim() || undefined });
  }, 350);
  const set = (key: 'region' | 'vulnerability' | 'role', v: string | null) => {
    const { page: _page, ...rest } = value;
    onChange({ ...rest, [key]: v ?? undefined });
  };
  const active = Boolean(value.q || value.region || value.vulnerability || value.role);
  const selected = [value.region, value.vulnerability, value.role].filter(Boolean).length;
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [open, toggle] = useDisclosure(false);
  return (
    <div role="search" aria-label={t('filters.label')}>
      <Stack gap="sm">
        <TextInput
          type="search"
          name="peopleSearch"
          label={t('filters.search')}
          placeholder={t('filters.searchPlaceholder')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            applyQ(e.currentTarget.value);
          }}
          data-testid="people-search"
        />
        {phone && (
          <Button
            variant="subtle"
            onClick={toggle.toggle}
            aria-expanded={open}
            aria-controls="people-filters"
            justify="space-between"
            fullWidth
          >
            {t('filters.toggle')}
            {selected > 0 && (
              <Badge ml="xs" variant="filled" size="sm">
                {selected}
              </Badge>
            )}
          </Button>
        )}
        <Collapse expanded={!phone || open} id="people-filters">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label={t('filters.region')}
              placeholder={t('filters.any')}
              data={geo.regionOptions()}
              value={value.region ?? null}
              onChange={(v) => set('region', v)}
              clearable
              searchable
              data-testid="filter-region"
            />
            <Select
              label={t('filters.vulnerability')}
              placeholder={t('filters.any')}
              data={vulnerabilities}
              value={value.vulnerability ?? null}
              onChange={(v) => set('vulnerability', v)}
              clearable
              data-testid="filter-vulnerability"
            />
            <Select
              label={t('filters.role')}
              placeholder={t('filters.any')}
              data={roles}
              value={value.role ?? null}
              onChange={(v) => set('role', v)}
              clearable
              data-testid="filter-role"
            />
          </SimpleGrid>
        </Collapse>
      </Stack>
      {active && (
        <Group justify="flex-end" mt="sm">
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              setQ('');
              onChange({});
            }}
          >
            {t('filters.reset')}
          </Button>
        </Group>
      )}
    </div>
  );
}
