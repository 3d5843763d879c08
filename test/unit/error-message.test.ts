import assert from 'node:assert/strict';
import { test } from 'node:test';
import i18next from 'i18next';
import { ApiError, apiErrorOf } from '../../src/web/api/client.ts';
import { errorMessage } from '../../src/web/components/errors.ts';
import en from '../../src/core/i18n/locales/en/errors.json' with { type: 'json' };
import ru from '../../src/core/i18n/locales/ru/errors.json' with { type: 'json' };

const i18n = i18next.createInstance();
await i18n.init({
  lng: 'ru',
  ns: ['errors', 'ui'],
  resources: { ru: { errors: ru, ui: {} }, en: { errors: en, ui: {} } },
  interpolation: { escapeValue: false },
});

test("the app words a server error in the language on screen with the error's values", () => {
  // What the server sends (in English, say, for a request made before the language changed).
  const e = apiErrorOf(409, {
    error: {
      code: 'submissions.locked',
      message: 'Aigul is working on this submission right now.',
      params: { name: 'Aigul' },
    },
  });
  assert.equal(errorMessage(i18n.t, e), 'С этим отчётом сейчас работает Aigul.');
  const limit = apiErrorOf(429, {
    error: { code: 'uploads.daily_limit', message: '…', params: { mb: 2048 } },
  });
  assert.match(errorMessage(i18n.t, limit), /2048 МБ/);
});

test('an unknown code falls back to the server message', () => {
  const e = new ApiError(400, 'made.up', 'The server said so.');
  assert.equal(errorMessage(i18n.t, e), 'The server said so.');
});
