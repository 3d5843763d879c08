import { Anchor, type AnchorProps } from '@mantine/core';
import { useRouter } from '@tanstack/react-router';
import type { MouseEvent, ReactElement, ReactNode } from 'react';

/**
 * A link to a case page by plain path (the case module owns that route). Navigates inside the app
 * without a reload; a modified click (new tab) keeps the browser's default.
 */
export function CaseLink({
  caseId,
  children,
  label,
  ...props
}: AnchorProps & { caseId: string; children: ReactNode; label?: string }): ReactElement {
  const router = useRouter();
  const href = `/cases/${caseId}`;
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    router.history.push(href);
  };
  return (
    <Anchor href={href} onClick={onClick} aria-label={label} {...props}>
      {children}
    </Anchor>
  );
}
