import { Stack } from '@mantine/core';
import type { ReactElement } from 'react';
import { PersonEvidence } from '../evidence/PersonEvidence';
import { PersonViolationRoles } from './PersonViolationRoles';

/** What the violations module adds to a person's page: their roles in events, and evidence about them. */
export function PersonViolationsSection({ personId }: { personId: string }): ReactElement {
  return (
    <Stack gap="md">
      <PersonViolationRoles personId={personId} />
      <PersonEvidence personId={personId} />
    </Stack>
  );
}
