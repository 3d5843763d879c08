import { Table } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';

/**
 * A table that scrolls sideways inside its own box on narrow screens. It is focusable and
 * labelled so keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export function TableScroll({
  minWidth,
  label,
  children,
}: {
  minWidth: number;
  label: string;
  children: ReactNode;
}): ReactElement {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="region" aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}
