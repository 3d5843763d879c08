import { Card, EmptyState, Stack, Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useFormat } from '../../intl/format';
import type { Case, TimelineEntry } from './api';
import { useDuration } from './labels';
import { useTimeline, useVocabLabels } from './queries';

/** Kinds the catalog translates; anything newer shows a generic line with its code. */
export const TIMELINE_KINDS = [
  'case.created',
  'case.updated',
  'case.closed',
  'case.reopened',
  'member.added',
  'member.removed',
  'person.added',
  'person.removed',
  'link.added',
  'link.removed',
  'note.added',
  'task.added',
  'task.done',
  'task.reopened',
  'time.added',
  'document.uploaded',
  'document.downloaded',
  'hearing.added',
  'hearing.updated',
  'hearing.moved',
  'hearing.cancelled',
] as const;

/** Patch field names (as the server records them) → the catalog's field labels. */
const FIELD_KEYS: Record<string, string> = { problemCodes: 'problems' };

/** The parameters worth showing (codes and numbers only; ids are left out). */
function useDetails(): (e: TimelineEntry) => string[] {
  const { t } = useTranslation('cases');
  const duration = useDuration();
  const fmt = useFormat();
  const closing = useVocabLabels('closing_code');
  return (e) => {
    const p = e.params;
    const out: string[] = [];
    const str = (k: string) => (typeof p[k] === 'string' ? p[k] : null);
    const role = str('role');
    if (role) {
      const key = e.kind.startsWith('member.') ? `memberRole.${role}` : `personRole.${role}`;
      out.push(t(key, { defaultValue: role }));
    }
    const code = str('closingCode');
    if (code) out.push(closing.label(code));
    const activity = str('activity');
    if (activity) out.push(t(`activity.${activity}`, { defaultValue: activity }));
    if (typeof p.minutes === 'number') out.push(duration(p.minutes));
    const due = str('dueOn');
    if (due) out.push(t('tasks.dueOn', { date: fmt.date(due) }));
    const fields = e.kind === 'case.updated' ? str('fields') : null;
    if (fields)
      out.push(
        fields
          .split(',')
          .map((f) => t(`fields.${FIELD_KEYS[f] ?? f}`, { defaultValue: f }))
          .join(', '),
      );
    const linkKind = e.kind.startsWith('link.') ? str('kind') : null;
    if (linkKind) out.push(t(`links.kinds.${linkKind}`, { defaultValue: linkKind }));
    return out;
  };
}

/** Everything that happened on the case, newest first, in the reader's language. */
export function TimelineTab({ c }: { c: Case }): ReactElement {
  const { t } = useTranslation('cases');
  const fmt = useFormat();
  const timeline = useTimeline(c.id);
  const details = useDetails();
  const known = new Set<string>(TIMELINE_KINDS);
  const items = [...(timeline.data?.items ?? [])].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Stack>
      {timeline.isPending && <PageLoader />}
      <ErrorAlert error={timeline.error} />
      <Card withBorder radius="md" padding="xs">
        {timeline.data && items.length === 0 && <EmptyState p="lg" title={t('timeline.empty')} />}
        <Stack
          gap={0}
          component="ol"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t('tabs.timeline')}
        >
          {items.map((e) => {
            const what = known.has(e.kind)
              ? t(`timeline.kinds.${e.kind.replace('.', '_')}`)
              : t('timeline.unknown', { kind: e.kind });
            const extra = details(e);
            return (
              <Stack
                key={e.id}
                component="li"
                gap={2}
                p="xs"
                data-testid="timeline-entry"
                data-kind={e.kind}
                style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
              >
                <Text size="sm" fw={500}>
                  {what}
                  {extra.length > 0 && (
                    <Text span c="dimmed" fw={400}>
                      {` (${extra.join(', ')})`}
                    </Text>
                  )}
                </Text>
                <Text size="xs" c="dimmed">
                  {`${e.actorName ?? t('timeline.system')} · `}
                  <time dateTime={e.at}>{fmt.dateTime(e.at)}</time>
                </Text>
              </Stack>
            );
          })}
        </Stack>
      </Card>
    </Stack>
  );
}
