import { shouldPolyfill as needsLocale } from '@formatjs/intl-locale/should-polyfill.js';
import { shouldPolyfill as needsPluralRules } from '@formatjs/intl-pluralrules/should-polyfill.js';
import { shouldPolyfill as needsNumberFormat } from '@formatjs/intl-numberformat/should-polyfill.js';
import { shouldPolyfill as needsDateTimeFormat } from '@formatjs/intl-datetimeformat/should-polyfill.js';

/**
 * Debian's Chromium ships without Kyrgyz ICU data, so `ky` silently formats as en-US.
 * We force the FormatJS polyfills in that case. `polyfill-force` replaces the global
 * constructor, so ru and en data must be loaded too, or they fall back to ky formats.
 * Imports use literal specifiers (Vite cannot resolve template-literal bare imports) and
 * stay dynamic so browsers with full ICU never download them. Loaded through `loadIntlPolyfills`.
 */
export async function forceIntlPolyfills(): Promise<void> {
  if (needsLocale()) {
    await import('@formatjs/intl-locale/polyfill-force.js');
  }
  if (needsPluralRules('ky')) {
    await import('@formatjs/intl-pluralrules/polyfill-force.js');
    await Promise.all([
      import('@formatjs/intl-pluralrules/locale-data/ky.js'),
      import('@formatjs/intl-pluralrules/locale-data/ru.js'),
      import('@formatjs/intl-pluralrules/locale-data/en.js'),
    ]);
  }
  if (needsNumberFormat('ky')) {
    await import('@formatjs/intl-numberformat/polyfill-force.js');
    await Promise.all([
      import('@formatjs/intl-numberformat/locale-data/ky.js'),
      import('@formatjs/intl-numberformat/locale-data/ru.js'),
      import('@formatjs/intl-numberformat/locale-data/en.js'),
    ]);
  }
  if (needsDateTimeFormat('ky')) {
    await import('@formatjs/intl-datetimeformat/polyfill-force.js');
    await Promise.all([
      import('@formatjs/intl-datetimeformat/locale-data/ky.js'),
      import('@formatjs/intl-datetimeformat/locale-data/ru.js'),
      import('@formatjs/intl-datetimeformat/locale-data/en.js'),
      import('@formatjs/intl-datetimeformat/add-golden-tz.js'),
    ]);
  }
}
