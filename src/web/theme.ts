import { Button, createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

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

export const theme = createTheme({
  primaryColor: 'ukuk',
  primaryShade: 8,
  colors: { ukuk },
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
