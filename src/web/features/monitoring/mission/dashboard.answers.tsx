import { Card, EmptyState, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../intl/format';
import { useL10n } from '../l10n';
import { countText, shares, WITHHELD, type DashboardData } from './dashboard.common';

type Row = DashboardData['answers'][number];

/**
 * Answers counted per question of one kind of form, as bars with shares of those who answered it: the
 * reports' own questions first, then each repeat group's under a heading of its own (ADR 0038), since
 * those count entries (interviews), not reports, and must not be read beside the reports' figures.
 */
export function Answers({ s, kind }: { s: DashboardData; kind: 'checklist' | 'incident' }): ReactElement {
  const { t } = useTranslation('monitoring');
  const rows = s.answers.filter((a) => a.kind === kind);
  if (rows.length === 0) return <EmptyState p="md" title={t('dashboard.noAnswers')} />;
  // Verified figures before anything is verified: one line, not thirty cards of "0 answers · 0 %"
  // that a reader of the public page would take for "no problems".
  if (s.counts === 'verified' && rows.every((a) => a.total === 0))
    return <EmptyState p="md" title={t('dashboard.noVerifiedAnswers')} data-testid="no-verified-answers" />;
  const own = rows.filter((a) => !a.group);
  // Each form's groups in the order their questions come.
  const groups = new Map<string, Row[]>();
  for (const a of rows) {
    if (!a.group) continue;
    const key = `${a.formId}:${a.group.key}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return (
    <Stack gap="lg">
      {own.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {own.map((a) => (
            <AnswerCard key={`${a.formId}:${a.field}`} a={a} />
          ))}
        </SimpleGrid>
      )}
      {[...groups].map(([key, g]) => (
        <EntryGroup key={key} rows={g} />
      ))}
    </Stack>
  );
}

/** A repeat group's questions: how many entries in how many reports, then a card per question. */
function EntryGroup({ rows }: { rows: Row[] }): ReactElement {
  const { t } = useTranslation('monitoring');
  const l10n = useL10n();
  const fmt = useFormat();
  const g = rows[0]!.group!;
  const num = (n: number | null) => countText(n, fmt.number);
  return (
    <Stack gap="xs" data-testid={`entries-${g.key}`}>
      <Title order={3} size="h5">
        {t('dashboard.entriesHeading', {
          group: l10n(g.label) || g.key,
          entries: t('dashboard.entryCount', { count: g.entries ?? 0, n: num(g.entries) }),
          reports: t('dashboard.inReports', { count: g.reports ?? 0, n: num(g.reports) }),
        })}
      </Title>
      {g.entries === 0 ? (
        <Text size="sm" c="dimmed" data-testid="entries-none">
          {t('dashboard.noEntries')}
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('dashboard.entriesHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {rows.map((a) => (
              <AnswerCard key={a.field} a={a} />
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

/** One question's answers, each with its share of those who answered (reports, or a group's entries). */
function AnswerCard({ a }: { a: Row }): ReactElement {
  const { t } = useTranslation('monitoring');
  const l10n = useL10n();
  const fmt = useFormat();
  const num = (n: number | null) => countText(n, fmt.number);
  const p = shares(
    a.counts.map((c) => c.n),
    a.total,
  );
  return (
    <Card withBorder padding="sm" radius="md" data-testid={`answer-${a.field}`}>
      <Text fw={600} size="sm" mb={4}>
        {l10n(a.label) || a.field}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {/* A withheld total (public page, 1 to 4) read "— answers": say it in words. */}
        {a.total === null
          ? t('dashboard.answeredWithheld')
          : t(a.group ? 'dashboard.answeredEntries' : 'dashboard.answered', {
              count: a.total,
              n: num(a.total),
            })}
      </Text>
      <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {a.counts.map((c, i) => (
          <li key={c.value}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {l10n(c.label) || c.value}
              </Text>
              <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
                {c.n === null || p[i] === null
                  ? WITHHELD
                  : t('dashboard.countPercent', { n: fmt.number(c.n), p: p[i] })}
              </Text>
            </Group>
            <Progress value={p[i] ?? 0} size="sm" aria-hidden />
          </li>
        ))}
      </Stack>
    </Card>
  );
}
