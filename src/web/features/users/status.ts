import type { User } from './api';

/** Darker than Mantine's green.9 (4.4:1 on white), which fails AA for small bold badge text. */
export const SUCCESS_GREEN = '#22693a';

/** Badge colours per account status, dark enough for white text (WCAG AA). */
export const STATUS_COLOR: Record<User['status'], string> = {
  active: SUCCESS_GREEN,
  invited: 'ukuk.8',
  disabled: 'gray.7',
};
