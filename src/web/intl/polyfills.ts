/** True when this browser's ICU lacks Kyrgyz (Debian Chromium), so `ky` would format as en-US. */
function lacksKyrgyz(): boolean {
  const supported = [
    Intl.PluralRules.supportedLocalesOf(['ky']),
    Intl.NumberFormat.supportedLocalesOf(['ky']),
    Intl.DateTimeFormat.supportedLocalesOf(['ky']),
  ];
  return supported.some((list) => list.length === 0);
}

/**
 * Loads the FormatJS polyfills only where needed. The cheap native check keeps the polyfills'
 * own detection code (and its locale lists) out of the first bundle.
 */
export async function loadIntlPolyfills(): Promise<void> {
  if (lacksKyrgyz()) {
    const { forceIntlPolyfills } = await import('./polyfill-force');
    await forceIntlPolyfills();
  }
}
