import { Badge } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { districtName, isDistrictId, isRegionCode, regionName } from '../../../core/geo/regions';
import type { MissionStatus, SubmissionStatus } from './api';
import { useLocale } from './l10n';

const MISSION_COLOR: Record<MissionStatus, string> = { draft: 'gray', active: 'green', closed: 'dark' };
const SUBMISSION_COLOR: Record<SubmissionStatus, string> = {
  received: 'blue',
  in_review: 'yellow',
  verified: 'teal',
  published: 'green',
  rejected: 'red',
};

export function MissionStatusBadge({ status }: { status: MissionStatus }): ReactElement {
  const { t } = useTranslation('monitoring');
  return (
    // Never cut to "Жүрүп …" when a table column is narrow: the label is two short words at most.
    // A coloured dot beside text in the page's own colour: green text on a light green badge failed
    // the contrast check (axe) even in green's darkest shade.
    <Badge variant="dot" color={MISSION_COLOR[status]} tt="none" miw="max-content">
      {t(`missionStatus.${status}`)}
    </Badge>
  );
}

export function SubmissionStatusBadge({ status }: { status: SubmissionStatus }): ReactElement {
  const { t } = useTranslation('monitoring');
  return (
    // As the mission's badge: full width in a narrow column ("Алы…" said nothing), readable contrast.
    <Badge
      variant="dot"
      color={SUBMISSION_COLOR[status]}
      tt="none"
      miw="max-content"
      data-testid="submission-status"
    >
      {t(`status.${status}`)}
    </Badge>
  );
}

/** `(code) => region name` in the UI language; an unknown code shows as itself. */
export function useRegionName(): (code: string | null | undefined) => string {
  const lng = useLocale();
  return (code) => (code ? (isRegionCode(code) ? regionName(code, lng) : code) : '');
}

/** A district's name in the page's language (an unknown id shows as stored). */
export function useDistrictName(): (id: string | null | undefined) => string {
  const lng = useLocale();
  return (id) => (id ? (isDistrictId(id) ? districtName(id, lng) : id) : '');
}

/**
 * "Public" beside a published mission; once it runs (or ran), a link to its public results page, as
 * the organisation would share it.
 */
export function PublicBadge({
  mission,
  size,
}: {
  mission: { id: string; status: MissionStatus };
  size?: 'xs' | 'sm';
}): ReactElement {
  const { t } = useTranslation('monitoring');
  const common = { size, variant: 'outline', color: 'grape', tt: 'none', miw: 'max-content' } as const;
  if (mission.status === 'draft') return <Badge {...common}>{t('missions.public')}</Badge>;
  return (
    <Badge
      {...common}
      component="a"
      href={`/results/${mission.id}`}
      target="_blank"
      rel="noopener"
      title={t('results.link')}
      style={{ cursor: 'pointer' }}
      data-testid="mission-public-badge"
    >
      {t('missions.public')}
    </Badge>
  );
}
