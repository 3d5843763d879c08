import { Anchor, type AnchorProps } from '@mantine/core';
import { useRouter } from '@tanstack/react-router';
import type { MouseEvent, ReactElement, ReactNode } from 'react';

/** A link to a case page (`/cases/$id`), followed inside the app without a page load. */
export function CaseLink({
  caseId,
  children,
  ...props
}: AnchorProps & { caseId: string; children: ReactNode; 'data-testid'?: string }): ReactElement {
  const router = useRouter();
  const href = `/cases/${caseId}`;
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) {
      return;
    }
    e.preventDefault();
    router.history.push(href);
  };
  return (
    <Anchor href={href} onClick={follow} {...props}>
      {children}
    </Anchor>
  );
}
