import { Card, EmptyState, Group, Stack } from '@mantine/core';
import { useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import type { EvidenceOwner } from './api';
import { EvidenceItem } from './EvidenceItem';
import { EvidenceUpload } from './EvidenceUpload';
import { useEvidence, useInvalidateEvidence } from './queries';
import { VerifyAll } from './VerifyAll';

export interface EvidenceTabProps {
  eventId: string;
  canEdit: boolean;
  /** The event's acts, already labelled by the event page ("Torture — A. Isaeva"). */
  acts: { id: string; label: string }[];
}

/**
 * The evidence of one event: upload (editors), every item with its full SHA-256, download, integrity
 * check (one or all) and custody log. Rendered by the event page as its evidence tab.
 */
export function EvidenceTab({ eventId, canEdit, acts }: EvidenceTabProps): ReactElement {
  const owner = useMemo<EvidenceOwner>(() => ({ kind: 'event', id: eventId }), [eventId]);
  return <EvidenceList owner={owner} canEdit={canEdit} acts={acts} testId="evidence-tab" />;
}

/** The list and upload for any owner (an event, or a person for person-only evidence). */
export function EvidenceList({
  owner,
  canEdit,
  acts = [],
  testId,
}: {
  owner: EvidenceOwner;
  canEdit: boolean;
  acts?: { id: string; label: string }[];
  testId: string;
}): ReactElement {
  const { t } = useTranslation('vstats');
  const list = useEvidence(owner);
  const invalidate = useInvalidateEvidence(owner);
  const items = list.data?.items ?? [];
  const actLabel = new Map(acts.map((a) => [a.id, a.label]));
  return (
    <Stack data-testid={testId}>
      {canEdit && <EvidenceUpload owner={owner} acts={acts} />}
      {items.length > 0 && (
        <Group gap="sm" align="flex-start">
          <VerifyAll items={items} onDone={invalidate} />
        </Group>
      )}
      {list.isPending && <PageLoader minHeight={80} />}
      <ErrorAlert error={list.error} />
      {list.data && items.length === 0 && (
        <Card withBorder radius="md">
          <EmptyState
            title={t('evidence.empty')}
            description={canEdit ? t('evidence.emptyHint') : undefined}
            data-testid="evidence-empty"
          />
        </Card>
      )}
      {items.length > 0 && (
        <Stack
          gap="sm"
          component="ul"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t('evidence.listLabel')}
        >
          {items.map((ev) => (
            <EvidenceItem
              key={ev.id}
              ev={ev}
              actLabel={ev.actId ? actLabel.get(ev.actId) : undefined}
              onVerified={invalidate}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
