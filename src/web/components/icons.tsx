import type { ReactElement } from 'react';

// A handful of stroke icons (Tabler-style geometry, drawn here so no icon package is needed).
// They are decorative: every control they sit in carries its own translated label.
const PATHS = {
  home: ['M5 12H3l9-9 9 9h-2', 'M5 12v7a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-7'],
  pin: ['M12 21s-6-5.5-6-10a6 6 0 0 1 12 0c0 4.5-6 10-6 10z', 'M10 11a2 2 0 1 0 4 0 2 2 0 0 0-4 0'],
  phone: ['M6 4h3l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v3a2 2 0 0 1-2 2A15 15 0 0 1 4 6a2 2 0 0 1 2-2'],
  scale: [
    'M7 20h10',
    'M6 6l6-1 6 1',
    'M12 3v17',
    'M9 12 6 6l-3 6a3 3 0 0 0 6 0',
    'M21 12l-3-6-3 6a3 3 0 0 0 6 0',
  ],
  alert: [
    'M12 9v4',
    'M10.36 3.59 2.26 17.13A1.91 1.91 0 0 0 3.89 20h16.22a1.91 1.91 0 0 0 1.64-2.87L13.64 3.59a1.91 1.91 0 0 0-3.28 0z',
    'M12 16h.01',
  ],
  eye: ['M10 12a2 2 0 1 0 4 0 2 2 0 0 0-4 0', 'M21 12c-2.4 4-5.4 6-9 6s-6.6-2-9-6c2.4-4 5.4-6 9-6s6.6 2 9 6'],
  megaphone: [
    'M18 8a3 3 0 0 1 0 6',
    'M10 8v11a1 1 0 0 1-1 1H8a1 1 0 0 1-1-1v-5',
    'M12 8l4.5-3.8a.9.9 0 0 1 1.5.7v12.2a.9.9 0 0 1-1.5.7L12 14H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1h8',
  ],
  school: ['M22 9 12 5 2 9l10 4 10-4v6', 'M6 10.6V16a6 3 0 0 0 12 0v-5.4'],
  film: [
    'M6 4h12a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z',
    'M8 4v16',
    'M16 4v16',
    'M4 8h4',
    'M4 16h4',
    'M4 12h16',
    'M16 8h4',
    'M16 16h4',
  ],
  books: [
    'M6 4h2a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z',
    'M10 4h2a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1h-2a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z',
    'M5 8h4',
    'M9 16h4',
    'm14 5 2.5-.6 4 14.4-2.5.6z',
  ],
  network: [
    'M12 5a2 2 0 1 0 0 .01',
    'M5 19a2 2 0 1 0 0 .01',
    'M19 19a2 2 0 1 0 0 .01',
    'M12 7v5',
    'M12 12l-5.5 5.5',
    'M12 12l5.5 5.5',
  ],
  chart: ['M3 3v18h18', 'M7 16v-3', 'M11 16V9', 'M15 16v-5', 'M19 16V7'],
  users: [
    'M5 7a4 4 0 1 0 8 0 4 4 0 0 0-8 0',
    'M3 21v-2a4 4 0 0 1 4-4h4a4 4 0 0 1 4 4v2',
    'M16 3.13a4 4 0 0 1 0 7.75',
    'M21 21v-2a4 4 0 0 0-3-3.85',
  ],
  list: ['M9 6h11', 'M9 12h11', 'M9 18h11', 'M5 6v.01', 'M5 12v.01', 'M5 18v.01'],
  lock: [
    'M7 11h10a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2v-6a2 2 0 0 1 2-2z',
    'M11 16a1 1 0 1 0 2 0 1 1 0 0 0-2 0',
    'M8 11V7a4 4 0 1 1 8 0v4',
  ],
  logout: [
    'M14 8V6a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h7a2 2 0 0 0 2-2v-2',
    'M9 12h12l-3-3',
    'M18 15l3-3',
  ],
  user: ['M8 7a4 4 0 1 0 8 0 4 4 0 0 0-8 0', 'M6 21v-2a4 4 0 0 1 4-4h4a4 4 0 0 1 4 4v2'],
  globe: [
    'M3 12a9 9 0 1 0 18 0 9 9 0 0 0-18 0',
    'M3.6 9h16.8',
    'M3.6 15h16.8',
    'M11.5 3a17 17 0 0 0 0 18',
    'M12.5 3a17 17 0 0 1 0 18',
  ],
  shield: ['M12 3a12 12 0 0 0 8.5 3A12 12 0 0 1 12 21 12 12 0 0 1 3.5 6 12 12 0 0 0 12 3'],
  copy: [
    'M9 9h10a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H9a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2z',
    'M17 9V5a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2',
  ],
  download: ['M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2', 'M7 11l5 5 5-5', 'M12 4v12'],
  check: ['M5 12l5 5L20 7'],
  dots: ['M12 5v.01', 'M12 12v.01', 'M12 19v.01'],
  chevron: ['M6 9l6 6 6-6'],
  plus: ['M12 5v14', 'M5 12h14'],
  calendar: [
    'M4 7a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2z',
    'M16 3v4',
    'M8 3v4',
    'M4 11h16',
    'M8 15h2v2H8z',
  ],
  bell: [
    'M10 5a2 2 0 1 1 4 0 7 7 0 0 1 4 6v3a4 4 0 0 0 2 3H4a4 4 0 0 0 2-3v-3a7 7 0 0 1 4-6',
    'M9 17v1a3 3 0 0 0 6 0v-1',
  ],
  chevronLeft: ['M15 6l-6 6 6 6'],
  chevronRight: ['M9 6l6 6-6 6'],
  inbox: ['M4 6a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2z', 'M4 13h3l3 3h4l3-3h3'],
  trash: [
    'M4 7h16',
    'M10 11v6',
    'M14 11v6',
    'M5 7l1 12a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2l1-12',
    'M9 7V4a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v3',
  ],
  pencil: ['M4 20h4L18.5 9.5a2.83 2.83 0 0 0-4-4L4 16v4', 'M13.5 6.5l4 4'],
  merge: [
    'M7 18a2 2 0 1 0 0 .01',
    'M7 6a2 2 0 1 0 0 .01',
    'M17 12a2 2 0 1 0 0 .01',
    'M7 8v8',
    'M7 8a4 4 0 0 0 4 4h4',
  ],
  key: [
    'M16.56 3.84l3.6 3.6a2.88 2.88 0 0 1 0 4.07l-2.64 2.64a2.88 2.88 0 0 1-4.07 0l-.3-.3-6.56 6.56a2 2 0 0 1-1.24.58L5.17 21H4a1 1 0 0 1-1-1v-1.17a2 2 0 0 1 .59-1.42L4 17h2v-2h2v-2l2.14-2.14-.3-.3a2.88 2.88 0 0 1 0-4.07l2.65-2.65a2.88 2.88 0 0 1 4.07 0z',
    'M15 9h.01',
  ],
} as const;

export type IconName = keyof typeof PATHS;

/** A decorative 24×24 stroke icon, hidden from assistive technology. */
export function Icon({
  name,
  size = 18,
  stroke = 1.8,
}: {
  name: IconName;
  size?: number;
  stroke?: number;
}): ReactElement {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={stroke}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
