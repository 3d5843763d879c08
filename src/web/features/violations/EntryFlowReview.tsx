import { Alert, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon } from '../../components/icons';
import { useVocabLabel } from '../../components/VocabPicker';
import { AnchorLink } from '../people/AnchorLink';
import { useGeoNames } from '../people/labels';
import type { FlowState, SaveProgress } from './entryFlow';
import { usePartialDates } from './labels';

function Mark({ saved }: { saved: boolean }): ReactElement {
  const { t } = useTranslation('violations');
  return saved ? (
    <Badge color="green.9" variant="light" tt="none" leftSection={<Icon name="check" size={12} />}>
      {t('flow.saved')}
    </Badge>
  ) : (
    <Badge color="gray" variant="outline" tt="none">
      {t('flow.notSaved')}
    </Badge>
  );
}

/**
 * Step 6: everything entered, to check before saving; while and after saving, which parts reached
 * the server. A failure in the middle leaves the saved parts on the event page, where the rest can
 * be added; "try again" continues from the failed part and never makes a second event.
 */
export function ReviewStep({
  state,
  progress,
  error,
  started,
}: {
  state: FlowState;
  progress: SaveProgress;
  error: unknown;
  started: boolean;
}): ReactElement {
  const { t } = useTranslation('violations');
  const geo = useGeoNames();
  const dates = usePartialDates();
  const actType = useVocabLabel('esf_types_of_acts');
  const ptype = useVocabLabel('esf_types_of_perpetrators');
  const reliability = useVocabLabel('esf_reliability');
  const e = state.event;
  const place = [geo.region(e.region), geo.district(e.district), e.place.trim()].filter(Boolean).join(', ');
  const victim = (id: string) => state.victims.find((v) => v.id === id)?.name ?? '';
  return (
    <Stack data-testid="flow-review">
      {error !== null && (
        <Alert color="red" variant="light" title={t('flow.failedTitle')} data-testid="flow-failed">
          <Stack gap="xs">
            <ErrorAlert error={error} />
            <Text size="sm">{progress.eventId ? t('flow.failedPartly') : t('flow.failedNothing')}</Text>
            {progress.eventId && (
              <AnchorLink
                to="/violations/$id"
                params={{ id: progress.eventId }}
                data-testid="flow-open-event"
              >
                {t('flow.openEvent')}
              </AnchorLink>
            )}
          </Stack>
        </Alert>
      )}
      <Card withBorder radius="md" padding="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2} miw={0}>
            <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
              {e.title}
            </Title>
            <Text size="sm">
              {[dates.period(e.startDate, e.endDate), place].filter(Boolean).join(' · ') ||
                t('form.notGiven')}
            </Text>
            {e.restricted && (
              <Text size="sm" c="red.8">
                {t('restricted.yes')}
              </Text>
            )}
          </Stack>
          {started && <Mark saved={progress.eventId !== null} />}
        </Group>
      </Card>
      <Card withBorder radius="md" padding="sm">
        <Title order={3} size="h5" mb="xs">
          {t('flow.reviewActs', { count: state.acts.length })}
        </Title>
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {state.acts.map((a) => (
            <Stack key={a.key} gap={2} component="li" data-testid="flow-review-act">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {[victim(a.victimId), actType(a.actType), dates.period(a.startDate, a.endDate)]
                    .filter(Boolean)
                    .join(' — ')}
                </Text>
                {started && <Mark saved={Boolean(progress.acts[a.key])} />}
              </Group>
              <List size="sm" withPadding>
                {state.perps
                  .filter((p) => p.actKey === a.key)
                  .map((p) => (
                    <List.Item key={p.key}>
                      {[p.person.name, p.perpetratorType ? ptype(p.perpetratorType) : null]
                        .filter(Boolean)
                        .join(' — ')}
                      {started && progress.perps.includes(p.key) ? ` ✓` : ''}
                    </List.Item>
                  ))}
              </List>
            </Stack>
          ))}
        </Stack>
      </Card>
      <Card withBorder radius="md" padding="sm">
        <Title order={3} size="h5" mb="xs">
          {t('flow.reviewSources', { count: state.sources.length })}
        </Title>
        {state.sources.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('flow.noSources')}
          </Text>
        ) : (
          <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {state.sources.map((s) => (
              <Group key={s.key} component="li" justify="space-between" wrap="nowrap">
                <Text size="sm">
                  {[s.source?.name ?? t('source.unnamed'), s.reliability ? reliability(s.reliability) : null]
                    .filter(Boolean)
                    .join(' — ')}
                </Text>
                {started && <Mark saved={progress.sources.includes(s.key)} />}
              </Group>
            ))}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
