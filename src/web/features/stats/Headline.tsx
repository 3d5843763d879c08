import { Card, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../intl/format';
import type { Stats } from './api';

function Figure({
  value,
  label,
  help,
  testId,
  strong,
}: {
  value: number;
  label: string;
  help?: string;
  testId: string;
  strong?: boolean;
}): ReactElement {
  const fmt = useFormat();
  return (
    <Card
      withBorder
      radius="md"
      p={strong ? 'lg' : { base: 'sm', sm: 'lg' }}
      data-testid={testId}
      bg={strong ? 'ukuk.0' : undefined}
    >
      <Stack gap={4}>
        <Text
          fw={700}
          fz={strong ? 36 : { base: 22, sm: 28 }}
          lh={1.1}
          c="ukuk.9"
          data-testid={`${testId}-value`}
        >
          {fmt.number(value)}
        </Text>
        <Text fw={600} fz={strong ? 'md' : { base: 'sm', sm: 'md' }}>
          {label}
        </Text>
        {help && (
          <Text size="xs" c="dimmed">
            {help}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/**
 * The headline sentence of a donor report, as figures: people assisted (each person once, however
 * many cases), of them victims of human-rights violations, and the cases. The definitions come from
 * the server, so the text says exactly what was counted.
 */
export function Headline({ s }: { s: Stats }): ReactElement {
  const { t } = useTranslation('cases');
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Figure
          strong
          value={s.people}
          label={t('stats.people', { count: s.people })}
          help={s.definitions.people}
          testId="stats-people"
        />
        <Figure
          strong
          value={s.victims}
          label={t('stats.victims', { count: s.victims })}
          help={s.definitions.victims}
          testId="stats-victims"
        />
      </SimpleGrid>
      <SimpleGrid cols={3} spacing={{ base: 'xs', sm: 'md' }}>
        <Figure value={s.cases} label={t('stats.cases', { count: s.cases })} testId="stats-cases" />
        <Figure
          value={s.casesOpened}
          label={t('stats.opened', { count: s.casesOpened })}
          testId="stats-opened"
        />
        <Figure
          value={s.casesClosed}
          label={t('stats.closed', { count: s.casesClosed })}
          testId="stats-closed"
        />
      </SimpleGrid>
    </Stack>
  );
}
