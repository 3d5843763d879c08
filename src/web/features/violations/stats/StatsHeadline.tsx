import { Card, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../intl/format';
import type { ViolationStats } from './api';

function Figure({
  value,
  label,
  help,
  testId,
}: {
  value: number;
  label: string;
  help: string;
  testId: string;
}): ReactElement {
  const fmt = useFormat();
  return (
    <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }} data-testid={testId}>
      <Stack gap={4}>
        <Text fw={700} fz={{ base: 26, sm: 32 }} lh={1.1} c="ukuk.9">
          <span data-testid={`${testId}-value`}>{fmt.number(value)}</span>{' '}
          <Text span fz={{ base: 'md', sm: 'lg' }} fw={600} c="inherit" data-testid={`${testId}-unit`}>
            {label}
          </Text>
        </Text>
        <Text size="xs" c="dimmed">
          {help}
        </Text>
      </Stack>
    </Card>
  );
}

/**
 * The four headline figures, each with its unit and the server's definition of it, and the group
 * victims apart: a group of unknown size is not "one victim", so groups are never added to victims.
 */
export function StatsHeadline({ s }: { s: ViolationStats }): ReactElement {
  const { t } = useTranslation('vstats');
  const fmt = useFormat();
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing={{ base: 'xs', sm: 'md' }}>
        <Figure
          value={s.events}
          label={t('unitWord.events', { count: s.events })}
          help={s.units.events}
          testId="vstats-events"
        />
        <Figure
          value={s.acts}
          label={t('unitWord.acts', { count: s.acts })}
          help={s.units.acts}
          testId="vstats-acts"
        />
        <Figure
          value={s.victims}
          label={t('unitWord.victims', { count: s.victims })}
          help={s.units.victims}
          testId="vstats-victims"
        />
        <Figure
          value={s.perpetrators}
          label={t('unitWord.perpetrators', { count: s.perpetrators })}
          help={s.units.perpetrators}
          testId="vstats-perpetrators"
        />
      </SimpleGrid>
      {s.groupVictims > 0 && (
        <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }} bg="gray.0" data-testid="vstats-groups">
          <Stack gap={4}>
            <Text fw={600}>
              {t('groups.figure', {
                count: s.groupVictims,
                formatted: fmt.number(s.groupVictims),
                size: fmt.number(s.groupVictimsSize),
              })}
            </Text>
            {s.groupVictimsWithoutSize > 0 && (
              <Text size="sm">
                {t('groups.withoutSize', {
                  count: s.groupVictimsWithoutSize,
                  formatted: fmt.number(s.groupVictimsWithoutSize),
                })}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('groups.note')} {s.units.groupVictims}
            </Text>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
