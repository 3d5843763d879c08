import { Group, Select } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { SUBMISSION_STATUSES, type Mission, type SubmissionStatus } from '../api';

export const FORM_KINDS = ['checklist', 'incident'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

/** The review list's own filters, kept per user in this browser tab (ReviewPage's useSessionState). */
export interface Filters {
  missionId: string | null;
  status: SubmissionStatus | null;
  reg: string | null;
  /** Checklists or incident reports: on election day the incidents drown among thousands of checklists. */
  kind: FormKind | null;
}
export const NO_FILTERS: Filters = { missionId: null, status: null, reg: null, kind: null };
const oneOf =
  <T extends string>(list: readonly T[]) =>
  (v: unknown): T | null =>
    (list as readonly unknown[]).includes(v) ? (v as T) : null;
export const readStatus = oneOf(SUBMISSION_STATUSES);
export const readKind = oneOf(FORM_KINDS);
const str = (v: unknown) => (typeof v === 'string' && v.length <= 64 ? v : null);

/** What sessionStorage gave back, with anything not understood dropped. */
export function readFilters(v: unknown): Filters {
  const o = v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  return {
    missionId: str(o.missionId),
    status: readStatus(o.status),
    reg: str(o.reg),
    kind: readKind(o.kind),
  };
}

interface Props {
  value: Filters;
  /** The mission filter as shown (a remembered mission no longer visible is already dropped). */
  missionId: string | null;
  missions: Pick<Mission, 'id' | 'title'>[];
  regions: { value: string; label: string }[];
  phone: boolean;
  onChange: (next: Filters) => void;
}

/** Mission, kind of form, status and region of the reports listed. */
export function ReviewFilters({ value, missionId, missions, regions, phone, onChange }: Props): ReactElement {
  const { t } = useTranslation('monitoring');
  return (
    <Group gap="sm" align="flex-end">
      <Select
        label={t('review.mission')}
        placeholder={t('review.allMissions')}
        clearable
        searchable
        data={missions.map((m) => ({ value: m.id, label: m.title }))}
        value={missionId}
        onChange={(v) => onChange({ ...value, missionId: v })}
        w={phone ? '100%' : 240}
        data-testid="review-mission"
      />
      <Select
        label={t('builder.kind')}
        placeholder={t('forms.allKinds')}
        clearable
        data={FORM_KINDS.map((k) => ({ value: k, label: t(`forms:kind.${k}`) }))}
        value={value.kind}
        onChange={(v) => onChange({ ...value, kind: readKind(v) })}
        w={phone ? '100%' : 200}
        data-testid="review-kind"
      />
      <Select
        label={t('review.status')}
        placeholder={t('review.allStatuses')}
        clearable
        data={SUBMISSION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        value={value.status}
        onChange={(v) => onChange({ ...value, status: readStatus(v) })}
        w={phone ? '100%' : 180}
      />
      <Select
        label={t('sites.region')}
        placeholder={t('sites.allRegions')}
        clearable
        data={regions}
        value={value.reg}
        onChange={(v) => onChange({ ...value, reg: v })}
        w={phone ? '100%' : 200}
      />
    </Group>
  );
}
