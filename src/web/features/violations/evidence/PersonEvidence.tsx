import { Card, Stack, Text, Title } from '@mantine/core';
import { useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../auth/queries';
import type { EvidenceOwner } from './api';
import { EvidenceList } from './EvidenceTab';

/**
 * Evidence on a person's page: files about this person that belong to no event (a medical report
 * before any event is recorded, an ID photo). Shown to those who may read violation records.
 */
export function PersonEvidence({ personId }: { personId: string }): ReactElement | null {
  const { t } = useTranslation('vstats');
  const me = useMe().data;
  const owner = useMemo<EvidenceOwner>(() => ({ kind: 'person', id: personId }), [personId]);
  if (!can(me, 'violations.read')) return null;
  return (
    <Card withBorder radius="md" p={{ base: 'sm', sm: 'md' }} data-testid="person-evidence">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('evidence.personTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('evidence.personHint')}
        </Text>
        <EvidenceList owner={owner} canEdit={can(me, 'violations.write')} testId="person-evidence-list" />
      </Stack>
    </Card>
  );
}
