import { Text } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../people/AnchorLink';
import { useFormat } from '../../../intl/format';
import type { Site } from '../api';
import { siteContext } from '../siteWords';

/**
 * Checklists received of those expected; a staffed site still owing one stands out (orange), as the
 * coordinator calls its observer. "—" where nothing is expected and nothing came (no observer). A site
 * visited more than once says how many visits its figure stands for (ADR 0037).
 */
export function Checklists({ s, kind, card }: { s: Site; kind: string; card?: boolean }): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const visits =
    s.visits > 1 ? (
      <Text span={card} size="xs" c="dimmed" data-testid="site-visits-planned">
        {card ? ' · ' : ''}
        {t('sites.visitsPlanned', { ...siteContext(kind), count: s.visits, n: fmt.number(s.visits) })}
      </Text>
    ) : null;
  const missing = s.received < s.expected;
  const text =
    s.expected === 0 && s.received === 0
      ? '—'
      : t('sites.ofExpected', { received: fmt.number(s.received), expected: fmt.number(s.expected) });
  const figure = (
    <Text
      span
      size="sm"
      c={missing ? 'orange.8' : undefined}
      fw={missing ? 600 : undefined}
      data-testid="site-checklists"
    >
      {card ? t('sites.checklistsLine', { value: text }) : text}
    </Text>
  );
  if (!visits) return figure;
  return card ? (
    <Text size="sm">
      {figure}
      {visits}
    </Text>
  ) : (
    <>
      {figure}
      {visits}
    </>
  );
}

/**
 * How many reports came from the site and when the last arrived, linking to them in the review list:
 * on election day the coordinator phones the observers who went quiet. Reviewers only (null otherwise).
 */
export function Reports({ s, missionId }: { s: Site; missionId: string }): ReactElement | null {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  if (s.reports === null) return null;
  if (s.reports === 0)
    // Nothing to say of a site nobody watches and nothing came from: its "—" says it.
    return s.expected === 0 ? null : (
      <Text size="xs" c="dimmed" data-testid="site-reports">
        {t('sites.noReports')}
      </Text>
    );
  const what = t('sites.reportsLine', {
    count: s.reports,
    n: fmt.number(s.reports),
    time: fmt.recent(s.lastReportAt),
  });
  return (
    <AnchorLink
      to="/monitoring/review"
      search={{ site: s.id, mission: missionId, arrive: 1 }}
      size="xs"
      display="block"
      // The visible words, and whose reports they are (every row has such a link).
      aria-label={t('sites.reportsOf', { site: s.name, what })}
      data-testid="site-reports"
    >
      {what}
    </AnchorLink>
  );
}
