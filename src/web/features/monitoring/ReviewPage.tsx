import { Alert, EmptyState, Stack, Tabs } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { AppPagination } from '../../components/AppPagination';
import { PageLoader } from '../../components/PageLoader';
import { useFormat } from '../../intl/format';
import { usePhone } from '../../components/usePhone';
import { useSessionState } from '../../components/useSessionState';
import { MATCHING_MAX, missionsApi, submissionsApi, type BulkResult, type SubmissionsQuery } from './api';
import { useLocale } from './l10n';
import { regionChoices, siteContext } from './siteWords';
import { MonErrorAlert } from './MonErrorAlert';
import { MonitoringNav } from './MonitoringNav';
import { monitoringKeys, useMissions, useSubmissions } from './queries';
import { can, useMe } from '../auth/queries';
import { BulkBar, BulkOutcome } from './review/BulkBar';
import { narrowing, REVIEW_TABS, type ReviewTab } from './review/search';
import { ReviewResults, type Selection } from './review/ReviewResults';
import { ErasingNotice } from './review/ErasingNotice';
import { QueueCount } from './review/QueueCount';
import { QueueChanged } from './review/QueueChanged';
import { FilterNotice } from './review/FilterNotice';
import { saveTrail } from './review/trail';
import { NO_FILTERS, ReviewFilters, readFilters } from './review/ReviewFilters';

/** Rows per page (the server's page size). */
const PAGE_SIZE = 50;
/** How often the tabs' counts are read again while the page is in view. */
const COUNTS_EVERY_MS = 30_000;

/** Triage queues of submissions with filters by mission, kind of form, status and region (and site). */
export function ReviewPage(): ReactElement {
  const { t } = useTranslation('monitoring');
  const lng = useLocale();
  const fmt = useFormat();
  const phone = usePhone();
  const missions = useMissions();
  const { queue, erased, erasing, site, clock, mission, arrive } = useSearch({
    from: '/app/monitoring/review',
  });
  const narrowed = narrowing({ site, clock, mission });
  const navigate = useNavigate({ from: '/monitoring/review' });
  // The open queue lives in the address (see review/search.ts), not in component state.
  const tab: ReviewTab = queue ?? 'all';
  // Another tab keeps the view of an erase request (its reports, by queue), as it does the filters.
  const setTab = (v: ReviewTab) =>
    void navigate({
      search: {
        ...(v === 'all' ? {} : { queue: v }),
        ...(erasing ? { erasing } : {}),
        ...narrowed,
      },
    });
  const me = useMe().data;
  // The filters outlive a visit to a report (its "← Review" link, the browser's back): per user, per tab.
  const [filters, setFilters] = useSessionState(
    `ukuk.reviewFilters.${me?.id ?? ''}`,
    NO_FILTERS,
    readFilters,
  );
  const { status, reg, kind } = filters;
  // A mission kept from an earlier visit that this user no longer sees (deleted, or taken off it) is dropped.
  const missionId =
    filters.missionId && missions.data && !missions.data.items.some((m) => m.id === filters.missionId)
      ? null
      : filters.missionId;
  // Arriving from a site's "N reports" link (the sites tab): all of that site's reports, in its mission;
  // from the dashboard's "not on the chart" link, that mission's incident reports with a wrong clock.
  // Once: the mark leaves the address at once, so coming back from a report keeps what was chosen since.
  useEffect(() => {
    if (!(site || clock) || !arrive) return;
    setFilters({ ...NO_FILTERS, missionId: mission ?? null, ...(clock ? { kind: 'incident' } : {}) });
    void navigate({
      search: { ...(queue ? { queue } : {}), ...narrowing({ site, clock, mission }) },
      replace: true,
    });
  }, [site, clock, arrive, mission, queue, setFilters, navigate]);
  const [page, setPage] = useState(1);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [outcome, setOutcome] = useState<BulkResult | null>(null);
  const reviewer = can(me, 'monitoring.review');
  // Another queue (a tab, the bell's link, back/forward) starts on its first page with nothing selected.
  useEffect(() => {
    setPage(1);
    setPicked(new Set());
  }, [tab]);
  // The filters every tab shares; each tab's count is taken under them.
  const shared = {
    ...(missionId ? { missionId } : {}),
    ...(status ? { status } : {}),
    ...(reg ? { region: reg } : {}),
    ...(kind ? { formKind: kind } : {}),
    ...(site ? { siteId: site } : {}),
    ...(clock ? { clock } : {}),
    ...(erasing ? { erasing } : {}),
  };
  const counts = useQuery({
    queryKey: [...monitoringKeys.submissions({}), 'queues', shared],
    queryFn: () => submissionsApi.queues(shared),
    enabled: reviewer,
    placeholderData: keepPreviousData,
    // The tabs stay current on election day; the list waits for the reviewer (QueueChanged).
    refetchInterval: COUNTS_EVERY_MS,
  });
  const filter: Omit<SubmissionsQuery, 'page'> = {
    ...shared,
    ...(tab === 'critical'
      ? { critical: '1' }
      : tab === 'mine'
        ? { assignee: 'me' }
        : tab !== 'all'
          ? { queue: tab }
          : {}),
  };
  const q: SubmissionsQuery = { ...filter, ...(page > 1 ? { page } : {}) };
  // "Reports appear here as observers send them" is wrong when a filter or queue hides the reports.
  const filtered = Object.keys(filter).length > 0;
  // A region coordinator's mission offers only their regions; names in the reader's alphabetical order.
  const chosen = useQuery({
    queryKey: monitoringKeys.mission(missionId ?? ''),
    queryFn: () => missionsApi.get(missionId!),
    enabled: missionId !== null,
  });
  const regions = regionChoices(chosen.data, lng);
  const list = useSubmissions(q);
  const items = list.data?.items ?? [];
  // The report page's "← Review" returns to this list, and its "Next report" follows this page's order.
  const trailIds = items.map((r) => r.id).join(',');
  useEffect(() => {
    if (!me?.id) return;
    const search = { ...(queue ? { queue } : {}), ...(erasing ? { erasing } : {}) };
    saveTrail(me.id, {
      search: { ...search, ...narrowing({ site, clock, mission }) },
      ids: trailIds ? trailIds.split(',') : [],
    });
  }, [me?.id, queue, erasing, site, clock, mission, trailIds]);
  const total = list.data?.total ?? 0;
  // What the open tab holds now, beside what the list on the screen was read with. Compared only when
  // both were read for the filters now chosen and the counts are the later reading: just after a change
  // the list may come back before the counts, which must not flash "the queue changed".
  const settled =
    counts.data &&
    list.data &&
    !counts.isPlaceholderData &&
    !list.isPlaceholderData &&
    !list.isFetching &&
    counts.dataUpdatedAt >= list.dataUpdatedAt;
  const drift = settled && counts.data ? counts.data[tab] - total : 0;
  // Every report the filter matches, beyond this page (the server sends ids only, at most 1,000).
  const matching = useMutation({
    mutationFn: () => submissionsApi.matching(filter),
    onSuccess: (r) => setPicked(new Set(r.ids)),
  });
  const wholePage = items.length > 0 && items.every((r) => picked.has(r.id));
  // A selection belongs to the page it was made on: another filter or page starts afresh.
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
      setPicked(new Set());
    };
  const selection: Selection | undefined = reviewer
    ? {
        ids: picked,
        toggle: (id) =>
          setPicked((old) => {
            const next = new Set(old);
            if (!next.delete(id)) next.add(id);
            return next;
          }),
        toggleAll: (ids) => setPicked((old) => (ids.every((id) => old.has(id)) ? new Set() : new Set(ids))),
      }
    : undefined;
  return (
    <>
      <MonitoringNav current="review" />
      <PageHeader
        title={t('review.title')}
        description={list.data ? t('review.count', { count: total, n: fmt.number(total) }) : undefined}
      />
      {erased === 1 && (
        <Alert color="green" variant="light" mb="md" role="status" data-testid="erased-notice">
          {t('erase.erased')}
        </Alert>
      )}
      {erasing && <ErasingNotice total={list.data?.total} />}
      {/* Pills on a phone: wrapped over three rows, underlined tabs put the open tab's line far above the
          list's bottom line, and the two read as unrelated. */}
      <Tabs value={tab} onChange={(v) => v && setTab(v as ReviewTab)} variant={phone ? 'pills' : 'default'}>
        {/* The queues wrap onto a second line on a phone: scrolled sideways, "urgent" and "critical"
            were off-screen with nothing to show they were there. */}
        <Tabs.List aria-label={t('review.queues')} mb="md" style={{ flexWrap: 'wrap' }}>
          {REVIEW_TABS.map((k) => (
            <Tabs.Tab
              key={k}
              value={k}
              data-testid={`queue-${k}`}
              style={{ whiteSpace: 'nowrap' }}
              // Narrower than Mantine's default: the seven Kyrgyz queue names took two lines at 1280 px.
              px={phone ? undefined : 'xs'}
              rightSection={counts.data && <QueueCount n={counts.data[k]} k={k} />}
            >
              {t(`queue.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Stack>
        <ReviewFilters
          value={filters}
          missionId={missionId}
          missions={missions.data?.items ?? []}
          regions={regions}
          phone={phone}
          onChange={reset(setFilters)}
        />
        {site && (
          <FilterNotice
            text={
              items[0]?.siteName
                ? t('review.siteFilter', { site: items[0].siteName })
                : t('review.siteFilterUnnamed', siteContext(chosen.data?.kind))
            }
            testId="review-site"
            onClear={() => void navigate({ search: queue ? { queue } : {} })}
          />
        )}
        {clock && (
          <FilterNotice
            text={t('review.clockFilter')}
            testId="review-clock"
            // Back to all the mission's reports: the link chose incident reports too.
            onClear={() => {
              setFilters({ ...filters, kind: null });
              void navigate({ search: queue ? { queue } : {} });
            }}
          />
        )}
        <MonErrorAlert error={list.error} />
        {drift !== 0 && (
          <QueueChanged more={drift} onShow={() => void Promise.all([list.refetch(), counts.refetch()])} />
        )}
        {list.isPending && <PageLoader />}
        {list.data &&
          items.length === 0 &&
          // A queue emptied with no filter set: say what the queue holds, not "try fewer filters".
          (tab !== 'all' && Object.keys(shared).length === 0 ? (
            <EmptyState
              p="lg"
              title={t(`review.emptyQueue.${tab}`)}
              description={t(`review.emptyQueueHint.${tab}`)}
              data-testid="review-empty-queue"
            />
          ) : filtered ? (
            <EmptyState
              p="lg"
              title={t('review.emptyFiltered')}
              description={t('review.emptyFilteredHint')}
              data-testid="review-empty-filtered"
            />
          ) : (
            <EmptyState p="lg" title={t('review.empty')} description={t('review.emptyHint')} />
          ))}
        <MonErrorAlert error={matching.error} />
        {outcome && <BulkOutcome result={outcome} onClose={() => setOutcome(null)} />}
        {picked.size > 0 && (
          <BulkBar
            ids={[...picked]}
            more={
              wholePage && total > picked.size && picked.size < MATCHING_MAX
                ? { total, pending: matching.isPending, onSelect: () => matching.mutate() }
                : undefined
            }
            onClear={() => setPicked(new Set())}
            onStart={() => setOutcome(null)}
            onResult={(r) => {
              setOutcome(r);
              setPicked(new Set());
            }}
          />
        )}
        {items.length > 0 && (
          <ReviewResults items={items} phone={phone} selection={selection} kind={chosen.data?.kind} />
        )}
        {total > PAGE_SIZE && (
          <AppPagination
            total={Math.ceil(total / PAGE_SIZE)}
            value={page}
            onChange={(p) => {
              setPage(p);
              setPicked(new Set());
            }}
            siblings={phone ? 0 : 1}
          />
        )}
      </Stack>
    </>
  );
}
