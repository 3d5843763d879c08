import type { AnchorProps } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';
import { AnchorLink } from './AnchorLink';

/** A link to a case page (`/cases/$id`). */
export function CaseLink({
  caseId,
  children,
  ...props
}: AnchorProps & { caseId: string; children: ReactNode; 'data-testid'?: string }): ReactElement {
  return (
    <AnchorLink to="/cases/$id" params={{ id: caseId }} {...props}>
      {children}
    </AnchorLink>
  );
}
