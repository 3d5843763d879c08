import { useMediaQuery } from '@mantine/hooks';

/**
 * Whether the screen is phone-sized (at most 40em, 640 px): lists become cards, filters take the full
 * width. Read at the first render, not after it: a phone never flashes the desktop table first.
 */
export function usePhone(): boolean {
  return useMediaQuery('(max-width: 40em)', false, { getInitialValueInEffect: false });
}
