import { Table } from '@mantine/core';
import { useEffect, useRef, useState, type ReactElement, type ReactNode, type RefObject } from 'react';

/** Which sides of a box have more content past its edge (scrolled out of sight). */
function useOverflowSides(): [RefObject<HTMLDivElement | null>, { left: boolean; right: boolean }] {
  const ref = useRef<HTMLDivElement>(null);
  const [sides, setSides] = useState({ left: false, right: false });
  useEffect(() => {
    const box = ref.current?.querySelector<HTMLElement>('[role=region]');
    if (!box) return;
    const update = () => {
      // A pixel of slack: zoomed pages leave fractions that never scroll away.
      const left = box.scrollLeft > 1;
      const right = box.scrollLeft + box.clientWidth < box.scrollWidth - 1;
      setSides((s) => (s.left === left && s.right === right ? s : { left, right }));
    };
    update();
    box.addEventListener('scroll', update, { passive: true });
    const seen = new ResizeObserver(update);
    seen.observe(box);
    if (box.firstElementChild) seen.observe(box.firstElementChild);
    return () => {
      box.removeEventListener('scroll', update);
      seen.disconnect();
    };
  }, []);
  return [ref, sides];
}

/**
 * A table that scrolls sideways inside its own box on narrow screens. It is focusable and
 * labelled so keyboard users can scroll it too (axe: scrollable-region-focusable). A shade on the
 * edge that has more columns past it says so: on a phone the cut-off columns (a form's status, its
 * actions menu) otherwise looked like all there was.
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
  const [ref, sides] = useOverflowSides();
  return (
    <div
      ref={ref}
      className="table-scroll"
      data-more-left={sides.left || undefined}
      data-more-right={sides.right || undefined}
    >
      <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="region" aria-label={label}>
        {children}
      </Table.ScrollContainer>
    </div>
  );
}
