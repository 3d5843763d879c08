import { useEffect, useRef, type RefObject } from 'react';

/**
 * Keeps whatever the page scrolls to — a focused input, the next open question, a pad to sign — clear
 * of a bar fixed to the bottom of the screen: the page's scroll padding follows the bar's height
 * (WCAG 2.4.11, focus not obscured). Without it a question can sit whole "on screen" under the bar.
 */
export function useRoomBelow<T extends HTMLElement>(): RefObject<T | null> {
  const bar = useRef<T>(null);
  useEffect(() => {
    const el = bar.current;
    if (!el) return;
    const root = document.documentElement;
    const fit = () => {
      root.style.scrollPaddingBottom = `${el.offsetHeight + 8}px`;
    };
    fit();
    const watch = new ResizeObserver(fit);
    watch.observe(el);
    return () => {
      watch.disconnect();
      root.style.scrollPaddingBottom = '';
    };
  }, []);
  return bar;
}
