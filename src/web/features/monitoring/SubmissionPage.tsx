import { Alert, Anchor, Badge, Button, Card, Flex, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { plausiblePhoneTime } from '../../../core/phone-clock';
import { ApiError } from '../../api/client';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { useFormat } from '../../intl/format';
import { can, useMe } from '../auth/queries';
import { AnchorLink } from '../people/AnchorLink';
import { SubmissionStatusBadge, useDistrictName, useRegionName } from './labels';
import { useL10n } from './l10n';
import { MonErrorAlert } from './MonErrorAlert';
import { ContactsModal } from './mission/ContactsModal';
import { MonitoringNav } from './MonitoringNav';
import { monitoringKeys, useFormVersion, useSubmission } from './queries';
import { siteContext } from './siteWords';
import { FlagBadges } from './review/ReviewResults';
import { nextInTrail, readTrail } from './review/trail';
import { AnswersCard } from './submission/AnswersCard';
import { Comments, History } from './submission/CommentsHistory';
import { PlaceDialog } from './submission/PlaceDialog';
import { LockBanner, ReviewPanel } from './submission/ReviewPanel';
import { TranslationsCard } from './submission/TranslationsCard';
import { useReviewLock } from './submission/useReviewLock';

/**
 * One submission under review. Keyed by the report: "Next report" stays on this route, and nothing typed
 * for one report (a comment, a rejection's reason) may follow the reviewer to the next.
 */
export function SubmissionPage(): ReactElement {
  const { id } = useParams({ from: '/app/monitoring/submissions/$id' });
  return <SubmissionView key={id} id={id} />;
}

/** One submission under review: answers by label, lock, state, flags, comments, history. */
function SubmissionView({ id }: { id: string }): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const l10n = useL10n();
  const region = useRegionName();
  const district = useDistrictName();
  const me = useMe().data;
  const q = useSubmission(id);
  const reviewer = can(me, 'monitoring.review');
  const lock = useReviewLock(id, reviewer && q.isSuccess);
  const version = useFormVersion(q.data?.formVersionId);
  const [contact, setContact] = useState(false);
  const [placing, setPlacing] = useState(false);
  const qc = useQueryClient();
  // The list this report was opened from (review/trail.ts): "← Review" goes back to it, "Next" on in it.
  const trail = useMemo(() => readTrail(me?.id), [me?.id]);
  const next = nextInTrail(trail, id);
  if (q.isPending) return <PageLoader />;
  if (q.error instanceof ApiError && q.error.status === 404)
    return (
      <>
        <MonitoringNav current="review" />
        <Alert color="gray" title={t('submission.notFound')} data-testid="submission-not-found">
          <Anchor component={Link} to="/monitoring/review">
            {t('submission.back')}
          </Anchor>
        </Alert>
      </>
    );
  if (!q.data) return <MonErrorAlert error={q.error} />;
  const s = q.data;
  const lockedByOther = !!s.lock && s.lock.userId !== me?.id;
  const def = version.data?.definition;
  return (
    <>
      <MonitoringNav current="review" />
      <Stack gap={6} mb="md">
        <Group justify="space-between" gap="xs">
          <AnchorLink to="/monitoring/review" search={trail?.search ?? {}} size="sm">
            {t('submission.back')}
          </AnchorLink>
          {next && (
            <AnchorLink
              to="/monitoring/submissions/$id"
              params={{ id: next }}
              size="sm"
              data-testid="submission-next"
            >
              {t('submission.next')}
            </AnchorLink>
          )}
        </Group>
        <PageHeader title={l10n(def?.title) || t('submission.title')} />
        <Group gap="xs" mt={-12}>
          <SubmissionStatusBadge status={s.status} />
          <FlagBadges flags={s.flags} critical={s.critical} copies={s.duplicates.length} />
          {s.source === 'public' && (
            <Badge variant="outline" tt="none">
              {t('review.publicReport')}
            </Badge>
          )}
        </Group>
      </Stack>
      <Stack gap="md">
        {reviewer && <LockBanner s={s} refused={lock.refused} away={lock.away} onRetry={lock.retry} />}
        {/* In one column (below md) the review comes right after the details: after thirty answers the
            reviewer had to scroll the whole report to reach "Verify". CSS order, not a second place in
            the tree, so a tablet turned mid-rejection keeps its open dialog (app.css). */}
        <Flex
          className="submission-layout"
          direction={{ base: 'column', md: 'row' }}
          gap="md"
          align={{ base: 'stretch', md: 'flex-start' }}
        >
          <Stack gap="md" style={{ flex: 2, minWidth: 0 }} className="submission-col">
            <Card withBorder radius="md" padding="md" className="submission-details">
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                <Meta
                  label={t('submission.submittedAt')}
                  value={fmt.dateTime(s.submittedAt)}
                  note={clockWrong(s.submittedAt, s.receivedAt) ? t('submission.clockWrong') : undefined}
                />
                <Meta label={t('submission.receivedAt')} value={fmt.dateTime(s.receivedAt)} />
                <Meta label={t('sites.region')} value={region(s.region) || '—'} />
                {s.district && <Meta label={t('sites.district')} value={district(s.district)} />}
                {reviewer && s.placeRegions.length > 0 && (
                  // A public report has no site to place it: the reviewer places it (the "to geolocate" queue).
                  <div>
                    <Button
                      size="compact-sm"
                      variant="light"
                      leftSection={<Icon name="pin" size={14} />}
                      disabled={lockedByOther}
                      onClick={() => setPlacing(true)}
                      data-testid="submission-place"
                    >
                      {t(s.region ? 'place.change' : 'place.set')}
                    </Button>
                  </div>
                )}
                {s.site && (
                  <Meta
                    label={t('review.site', siteContext(s.missionKind))}
                    value={`${s.site.code} · ${s.site.name}`}
                  />
                )}
                {s.observerName && <Meta label={t('review.observer')} value={s.observerName} />}
                {reviewer && s.siteId && s.site && (
                  // Verification by phone: the reviewer asks the station's observer what they saw.
                  <div>
                    <Button
                      size="compact-sm"
                      variant="light"
                      leftSection={<Icon name="phone" size={14} />}
                      onClick={() => setContact(true)}
                      aria-label={t('sites.contacts.openNamed', {
                        ...siteContext(s.missionKind),
                        site: s.site.name,
                      })}
                      data-testid="submission-contact"
                    >
                      {t('sites.contacts.open')}
                    </Button>
                  </div>
                )}
                {s.missionId && (
                  <div>
                    <Text size="xs" c="dimmed">
                      {t('review.mission')}
                    </Text>
                    <AnchorLink to="/monitoring/missions/$id" params={{ id: s.missionId }} size="sm">
                      {s.missionTitle ?? t('submission.openMission')}
                    </AnchorLink>
                  </div>
                )}
              </SimpleGrid>
            </Card>
            <div className="submission-answers">
              <AnswersCard
                s={s}
                definition={def}
                error={version.error}
                canCorrect={reviewer && !lockedByOther}
              />
            </div>
            {/* Translations and comments are the reviewers' work, not part of the observer's report. */}
            {reviewer && <TranslationsCard s={s} locked={lockedByOther} />}
            {reviewer && <Comments s={s} />}
          </Stack>
          <Stack gap="md" style={{ flex: 1, minWidth: 0 }} className="submission-col">
            {reviewer && (
              <div className="submission-review">
                <ReviewPanel s={s} locked={lockedByOther} />
              </div>
            )}
            <History s={s} reviewer={reviewer} definition={def} />
          </Stack>
        </Flex>
      </Stack>
      {contact && s.siteId && s.site && (
        <ContactsModal
          site={{ id: s.siteId, name: s.site.name }}
          kind={s.missionKind}
          onClose={() => setContact(false)}
        />
      )}
      {placing && (
        <PlaceDialog
          s={s}
          onClose={() => setPlacing(false)}
          onDone={(next) => {
            setPlacing(false);
            qc.setQueryData(monitoringKeys.submission(s.id), next);
            void qc.invalidateQueries({ queryKey: ['monitoring', 'submissions'] });
          }}
        />
      )}
    </>
  );
}

function Meta({ label, value, note }: { label: string; value: string | null; note?: string }): ReactElement {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value ?? '—'}</Text>
      {note && (
        <Text size="xs" c="orange.8" data-testid="meta-note">
          {note}
        </Text>
      )}
    </div>
  );
}

/**
 * A time the phone gave that cannot be right (core/phone-clock.ts). The dashboard leaves such reports
 * off its chart and sends the reader here.
 */
const clockWrong = (submittedAt: string, receivedAt: string) =>
  !plausiblePhoneTime(Date.parse(submittedAt), Date.parse(receivedAt));
