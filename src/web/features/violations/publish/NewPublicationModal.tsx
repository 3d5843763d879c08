import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../../components/AppModal';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { fieldErrors } from '../../../components/errors';
import { useRequired } from '../../../components/useRequired';
import { STATS_BY, type StatsBy } from '../stats/api';
import { StatsFilterBar } from '../stats/StatsFilterBar';
import { statsFiltersOf, UNITS, type StatsFilterKey, type StatsFilters, type Unit } from '../stats/search';
import { publishApi } from './api';
import { useInvalidatePublications } from './queries';

const DEFAULT_BY: StatsBy[] = ['actType', 'region', 'period'];

/** A new draft dataset: what to count, over which records, broken down how, and the smallest cell. */
export function NewPublicationModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}): ReactElement {
  const { t } = useTranslation('vstats');
  const invalidate = useInvalidatePublications();
  const [title, setTitle] = useState('');
  const [filters, setFilters] = useState<StatsFilters>({});
  const [by, setBy] = useState<StatsBy[]>(DEFAULT_BY);
  const [unit, setUnit] = useState<Unit>('acts');
  const [threshold, setThreshold] = useState<number>(5);
  const create = useMutation({
    mutationFn: () =>
      publishApi.create({
        title: title.trim(),
        filters: statsFiltersOf(filters),
        breakdowns: by,
        unit,
        threshold,
      }),
    onSuccess: async (r) => {
      await invalidate();
      setTitle('');
      onCreated(r.id);
    },
  });
  const errors = fieldErrors(create.error);
  const formRef = useRef<HTMLFormElement>(null);
  const required = useRequired({ title, breakdowns: by.join(',') });
  const setFilter = (key: StatsFilterKey, value: string | undefined) =>
    setFilters((f) => ({ ...f, [key]: value, ...(key === 'region' ? { district: undefined } : {}) }));

  return (
    <AppModal opened={opened} onClose={onClose} title={t('publish.newTitle')} size="xl">
      <form
        ref={formRef}
        onSubmit={(e) => {
          e.preventDefault();
          if (required.check(formRef.current)) create.mutate();
        }}
        noValidate
      >
        <Stack>
          <TextInput
            label={t('publish.fieldTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            maxLength={200}
            error={required.error('title') ?? errors.title}
            data-testid="publication-title"
          />
          <Text size="sm" fw={600}>
            {t('publish.filters')}
          </Text>
          <StatsFilterBar search={filters} onChange={setFilter} onReset={() => setFilters({})} />
          <Checkbox.Group
            label={t('publish.breakdowns')}
            value={by}
            error={required.error('breakdowns') ? t('publish.breakdownsRequired') : errors.breakdowns}
            onChange={(v) => setBy(STATS_BY.filter((b) => v.includes(b)))}
          >
            <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing={6} mt={6}>
              {STATS_BY.map((b) => (
                <Checkbox key={b} value={b} label={t(`breakdown.${b}`)} data-testid={`publication-by-${b}`} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('unit.label')}
              data={UNITS.map((u) => ({ value: u, label: t(`unit.${u}`) }))}
              value={unit}
              onChange={(v) => v && setUnit(v)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <NumberInput
              label={t('publish.threshold')}
              description={t('publish.thresholdHint')}
              value={threshold}
              onChange={(v) => setThreshold(typeof v === 'number' ? v : 5)}
              min={3}
              max={100}
              // Whole numbers, but a typed "7,5" is kept and refused, never read as 75.
              allowDecimal
              error={errors.threshold}
              data-testid="publication-threshold"
            />
          </SimpleGrid>
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('publish.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="publication-create">
              {t('publish.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
