import { Anchor, type AnchorProps } from '@mantine/core';
import { useRouter } from '@tanstack/react-router';
import type { MouseEvent, ReactElement, ReactNode } from 'react';

/**
 * A link to a person's page (`/people/$id`, the people module's route), followed inside the app
 * without a page load; a modified click opens it the browser's way (new tab).
 */
export function PersonLink({
  personId,
  children,
  ...props
}: AnchorProps & { personId: string; children: ReactNode; 'data-testid'?: string }): ReactElement {
  const router = useRouter();
  const href = `/people/${encodeURIComponent(personId)}`;
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    router.history.push(href);
  };
  return (
    <Anchor href={href} onClick={follow} {...props}>
      {children}
    </Anchor>
  );
}
