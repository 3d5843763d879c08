import {
  Alert,
  Button,
  Card,
  Group,
  Progress,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Icon } from '../../../components/icons';
import { saveFile } from '../../../components/saveFile';
import { useFormat } from '../../../intl/format';
import { can, useMe } from '../../auth/queries';
import { EXPORT_FORMATS, exportsApi, type ExportFormat, type ExportStatus, type Mission } from '../api';
import { ExportRows, useExportGroups, type ExportGroup } from './ExportRows';

const FORMAT_NAMES: Record<ExportFormat, string> = { csv: 'CSV', xlsx: 'XLSX', geojson: 'GeoJSON' };

/*
 * The last export's job id, per user and mission, in sessionStorage: it survives a reload of this tab
 * but not the tab itself, and is never written to localStorage (a shared computer in an NGO office
 * would otherwise keep a pointer to a whole mission's reports). Storage may be unavailable (private
 * mode): the panel then forgets the export on reload.
 */
const storageKey = (userId: string, missionId: string) => `ukuk.monExport.${userId}.${missionId}`;
function loadJob(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}
function storeJob(key: string, jobId: string | null): void {
  try {
    if (jobId) sessionStorage.setItem(key, jobId);
    else sessionStorage.removeItem(key);
  } catch {
    // Kept for this page view only.
  }
}

const working = (s: ExportStatus | undefined) => s?.status === 'queued' || s?.status === 'running';

/** The export's status, polled every second while it runs; the panel and its job card share the query. */
function useExportStatus(jobId: string | null) {
  return useQuery({
    queryKey: ['monitoring', 'export', jobId],
    queryFn: () => exportsApi.status(jobId!),
    enabled: jobId !== null,
    refetchInterval: (query) => (working(query.state.data) ? 1000 : false),
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
  });
}

/**
 * Export of a mission's submissions (issue #5 item 7) for those who review it: the same people the
 * server lets export (an administrator, or a coordinator of the mission); an observer sees nothing.
 */
export function ExportPanel({ mission }: { mission: Mission }): ReactElement | null {
  const me = useMe().data;
  if (!me || mission.scope === 'observer' || !can(me, 'monitoring.review')) return null;
  const key = storageKey(me.id, mission.id);
  return <ExportBody key={key} storage={key} mission={mission} />;
}

function ExportBody({ storage, mission }: { storage: string; mission: Mission }): ReactElement {
  const { t } = useTranslation('monitoring');
  const missionId = mission.id;
  // False for the sole active administrator: the server then runs an export with names at once.
  const needsApproval = mission.namedExportApproval;
  const groups = useExportGroups(mission);
  const isAdmin = useMe().data?.role === 'admin';
  const [format, setFormat] = useState<ExportFormat>('csv');
  // A repeat group's key: one row per entry of it (CSV and XLSX only).
  const [entries, setEntries] = useState<string | null>(null);
  const perEntry = format === 'geojson' ? null : entries;
  // Redacted unless asked: names and free text need a second administrator's approval where one exists.
  const [named, setNamed] = useState(false);
  const [jobId, setJobId] = useState<string | null>(() => loadJob(storage));
  const remember = (id: string | null) => {
    storeJob(storage, id);
    setJobId(id);
  };
  // A fresh password + 2FA is asked by the API client; four-eyes answers 409 export.approval_requested,
  // shown translated like the case list's export, under a title that says nothing broke.
  const start = useMutation({
    mutationFn: () =>
      exportsApi.start(missionId, { format, redacted: !named, ...(perEntry ? { entries: perEntry } : {}) }),
    onSuccess: (r) => remember(r.jobId),
  });
  // While the last export is written, another would take its place on this panel and leave it
  // running unseen (a million rows, or a second administrator's approval, spent for nothing).
  const busy = working(useExportStatus(jobId).data);
  return (
    <Card withBorder radius="md" padding="md" id="export-panel" data-testid="export-panel">
      <Title order={2} size="h4" mb={4}>
        {t('exports.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('exports.intro')}
      </Text>
      <Stack gap="sm">
        <div>
          <Text size="sm" fw={500} mb={4} id="export-format-label">
            {t('exports.formatLabel')}
          </Text>
          <SegmentedControl
            value={format}
            onChange={setFormat}
            data={EXPORT_FORMATS.map((f) => ({ value: f, label: FORMAT_NAMES[f] }))}
            aria-labelledby="export-format-label"
            data-testid="export-format"
          />
          <Text size="xs" c="dimmed" mt={4}>
            {t(`exports.formatHint.${format}`)}
          </Text>
        </div>
        {groups.length > 0 && format !== 'geojson' && (
          <ExportRows groups={groups} value={perEntry} onChange={setEntries} />
        )}
        <Switch
          checked={named}
          onChange={(e) => setNamed(e.currentTarget.checked)}
          label={t('exports.named')}
          description={t(
            !needsApproval
              ? 'exports.namedHintDirect'
              : // "An administrator other than you" said to a coordinator, who is none, read wrong.
                isAdmin
                ? 'exports.namedHint'
                : 'exports.namedHintCoordinator',
          )}
          color="orange"
          data-testid="export-named"
        />
        <Group>
          <Button
            onClick={() => start.mutate()}
            loading={start.isPending}
            disabled={busy}
            aria-describedby={busy ? 'export-wait' : undefined}
            leftSection={<Icon name="download" size={16} />}
            data-testid="export-start"
          >
            {t('exports.start')}
          </Button>
          {busy && (
            <Text size="sm" c="dimmed" id="export-wait" data-testid="export-wait">
              {t('exports.wait')}
            </Text>
          )}
        </Group>
        <ErrorAlert
          error={start.error}
          title={
            start.error instanceof ApiError && start.error.code === 'export.approval_requested'
              ? t('exports.approvalTitle')
              : undefined
          }
        />
        {jobId && <ExportJob key={jobId} jobId={jobId} groups={groups} onGone={() => remember(null)} />}
      </Stack>
    </Card>
  );
}

/** The last export: progress polled every second while it runs, then its file, or why there is none. */
function ExportJob({
  jobId,
  groups,
  onGone,
}: {
  jobId: string;
  groups: ExportGroup[];
  onGone: () => void;
}): ReactElement | null {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const q = useExportStatus(jobId);
  const download = useMutation({ mutationFn: () => exportsApi.download(jobId), onSuccess: saveFile });
  // Another person's export (a shared tab after a new login) or one that is gone answers 404: forget it.
  const gone = q.error instanceof ApiError && q.error.code === 'mon_export.not_found';
  useEffect(() => {
    if (gone) onGone();
  }, [gone, onGone]);
  if (gone) return null;
  if (q.error) return <ErrorAlert error={q.error} />;
  const s = q.data;
  if (!s) return null;
  // The cleanup may delete the file between two polls: the download's 410 says so as well.
  const expired =
    s.status === 'expired' ||
    (download.error instanceof ApiError && download.error.code === 'mon_export.expired');
  const name = FORMAT_NAMES[s.format] ?? s.format;
  const n = fmt.number(s.total);
  return (
    <Card withBorder radius="sm" padding="sm" bg="var(--mantine-color-gray-light)" data-testid="export-job">
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {t('exports.last', {
            format: name,
            kind: t(s.redacted ? 'exports.kindRedacted' : 'exports.kindNamed'),
          })}
        </Text>
        {s.entries && (
          <Text size="sm" data-testid="export-job-entries">
            {t('exports.lastEntries', { group: groups.find((g) => g.key === s.entries)?.label ?? s.entries })}
          </Text>
        )}
        {expired ? (
          <Alert color="yellow" variant="light" role="alert" data-testid="export-expired">
            {t('exports.expired', { count: s.keepDays })}
          </Alert>
        ) : s.status === 'failed' ? (
          <Alert color="red" variant="light" role="alert" data-testid="export-failed">
            {t('exports.failed')}
          </Alert>
        ) : (
          <>
            <Progress
              value={Math.round(s.progress * 100)}
              color={s.status === 'done' ? 'teal' : 'blue'}
              striped={working(s)}
              animated={working(s)}
              aria-label={t('exports.progressLabel')}
            />
            <Text size="sm" role="status" data-testid={`export-status-${s.status}`}>
              {s.status === 'queued'
                ? t('exports.queued')
                : s.status === 'running'
                  ? t('exports.running', { count: s.total, rows: fmt.number(s.rows), n })
                  : // Rows per entry: the count is of reports read; the file has a row per entry of each.
                    t(s.entries ? 'exports.doneEntries' : 'exports.done', {
                      count: s.rows,
                      n: fmt.number(s.rows),
                    })}
            </Text>
            {s.status === 'done' && s.expiresAt && (
              <Text size="xs" c="dimmed" data-testid="export-expires">
                {t('exports.expires', { when: fmt.dateTime(s.expiresAt) })}
              </Text>
            )}
            {s.status === 'done' && (
              <Group>
                <Button
                  variant="light"
                  onClick={() => download.mutate()}
                  loading={download.isPending}
                  leftSection={<Icon name="download" size={16} />}
                  data-testid="export-download"
                >
                  {t('exports.download', { format: name })}
                </Button>
              </Group>
            )}
            <ErrorAlert error={download.error} />
          </>
        )}
      </Stack>
    </Card>
  );
}
