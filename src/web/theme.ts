import {
  Button,
  createTheme,
  DEFAULT_THEME,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

// A deep, calm blue: serious without being the default "startup" blue, and dark enough that
// white text on filled buttons passes WCAG AA.
const ukuk: MantineColorsTuple = [
  '#eef3fb',
  '#dbe4f3',
  '#b3c6e6',
  '#88a6d9',
  '#658bce',
  '#4f7ac8',
  '#4371c6',
  '#3460ae',
  '#2a559c',
  '#1c3d6e',
];

/**
 * Mantine's warm and green colours fail WCAG AA where we use them most: status badges (dark text,
 * shade 9, on shade 1), white text on a filled badge (shade 8) and coloured text on white (shade 8).
 * Green text on light green was 3.8:1, amber 2.7:1. Shades 8 and 9 of those colours are darkened just
 * enough for 4.8:1 (shade 8 against white), 5.2:1 (shade 9 against shade 1, a light badge) and 4.6:1
 * (shade 9 against shade 2, a light button under the pointer); computed with the WCAG formula,
 * checked by axe in the browser tests.
 */
function darker(name: string, shade8: string, shade9: string): MantineColorsTuple {
  const c = DEFAULT_THEME.colors[name]!;
  return [c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], shade8, shade9];
}

export const theme = createTheme({
  primaryColor: 'ukuk',
  primaryShade: 8,
  colors: {
    ukuk,
    blue: darker('blue', DEFAULT_THEME.colors.blue[8], '#165b9c'),
    red: darker('red', '#d72f2f', '#af2525'),
    cyan: darker('cyan', '#0b7d90', '#0a697a'),
    teal: darker('teal', '#08825d', '#077050'),
    green: darker('green', '#278238', '#237133'),
    lime: darker('lime', '#4d7e0b', '#46700a'),
    yellow: darker('yellow', '#a66100', '#9c5100'),
    orange: darker('orange', '#c34b0a', '#ab390c'),
  },
  fontFamily: '"Noto Sans", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  headings: { fontFamily: '"Noto Sans", system-ui, sans-serif', fontWeight: '700' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    // Kyrgyz and Russian labels run long: let buttons wrap instead of clipping on phones.
    Button: Button.extend({
      styles: {
        root: { height: 'auto', minHeight: 'var(--button-height)', paddingBlock: 6 },
        label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.3 },
      },
    }),
  },
});

/** Mantine's default "dimmed" grey is below 4.5:1 on white; use a darker one. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7] },
  dark: {},
});
