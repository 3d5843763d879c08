// The colours the interface puts text in pass WCAG AA (4.5:1) in every place Mantine uses them:
// a light badge or button (shade 9 on shade 1, and on shade 2 under the pointer), coloured text on
// white (shade 8) and white text on a filled badge or button (shade 8). axe checks rendered pages in
// the browser tests; this checks every colour the code names, including pages no test renders.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { theme } from '../../src/web/theme.ts';
import { DEFAULT_THEME } from '@mantine/core';

const USED = ['ukuk', 'gray', 'red', 'green', 'orange', 'yellow', 'teal', 'blue', 'cyan', 'lime', 'grape'];

function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

test('every colour the interface uses keeps text at 4.5:1 or more', () => {
  const failures: string[] = [];
  for (const name of USED) {
    const s = theme.colors?.[name] ?? DEFAULT_THEME.colors[name]!;
    const pairs: [string, string, string][] = [
      ['light badge', s[9], s[1]],
      ['light button hovered', s[9], s[2]],
      ['text on white', s[8], '#ffffff'],
      ['white on filled', '#ffffff', s[8]],
    ];
    for (const [where, fg, bg] of pairs) {
      const r = contrast(fg, bg);
      if (r < 4.5) failures.push(`${name} ${where}: ${r.toFixed(2)}:1`);
    }
  }
  assert.deepEqual(failures, []);
});

test('the check itself fails on Mantine’s own amber', () => {
  const y = DEFAULT_THEME.colors.yellow;
  assert.ok(contrast(y[9], y[1]) < 4.5);
});
