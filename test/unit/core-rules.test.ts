import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { pickLocale } from '../../src/core/i18n/index.ts';
import { UUID_RE, uuidv7 } from '../../src/core/ids.ts';
import { ROLES } from '../../src/core/roles.ts';
import { normalizeEmail, normalizeText, tokenize } from '../../src/core/text.ts';
import {
  CAPABILITIES,
  can,
  canSeeRecord,
  registerRecordRule,
  requireCap,
  requireReauth,
  type Actor,
} from '../../src/server/platform/access/policy.ts';
import { entryHash, GENESIS } from '../../src/server/platform/audit/audit.ts';
import { checkPasswordPolicy } from '../../src/server/platform/auth/passwords.ts';
import { totpCode, verifyTotp } from '../../src/server/platform/auth/totp.ts';
import { AppError } from '../../src/server/platform/errors.ts';

const actor = (role: Actor['role'], reauthUntil: string | null = null): Actor => ({
  userId: 'u',
  role,
  sessionId: 's',
  reauthUntil,
});

describe('text rules', () => {
  test('Kyrgyz letters fold case but stay distinct; ё folds to е', () => {
    assert.equal(normalizeText('  ӨКМӨТ  ҮЙ ҢАЛА '), 'өкмөт үй ңала');
    assert.equal(normalizeText('Алёна'), 'алена');
    assert.notEqual(normalizeText('өкмөт'), normalizeText('окмот'));
    assert.deepEqual(tokenize('Исмаилова, Айгүл-Өмүрбек'), ['исмаилова', 'айгүл', 'өмүрбек']);
    assert.equal(normalizeEmail(' Aigul@Example.ORG '), 'aigul@example.org');
  });
  test('normalisation is idempotent (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        (s) => normalizeText(normalizeText(s)) === normalizeText(s),
      ),
      { numRuns: 300 },
    );
  });
  test('language from Accept-Language', () => {
    assert.equal(pickLocale('ky-KG,ru;q=0.8'), 'ky');
    assert.equal(pickLocale('de-DE,ru;q=0.5,en;q=0.4'), 'ru');
    assert.equal(pickLocale('fr', 'ky'), 'ky');
    assert.equal(pickLocale(undefined), 'en');
  });
});

describe('ids', () => {
  test('UUIDv7: valid, unique and time-ordered', () => {
    const ids = Array.from({ length: 2000 }, () => uuidv7());
    assert.ok(ids.every((i) => UUID_RE.test(i) && i[14] === '7'));
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual([...ids].sort(), ids);
  });
});

describe('access policy', () => {
  test('admin has every capability; unknown capability for others is denied', () => {
    for (const cap of CAPABILITIES) assert.ok(can(actor('admin'), cap));
    assert.ok(!can(actor('monitor'), 'cases.read'));
    assert.ok(!can(actor('trainer'), 'violations.read'));
    assert.ok(!can(actor('lawyer'), 'users.manage'));
  });
  test('only admins manage users, read the audit log and seal', () => {
    for (const role of ROLES) {
      for (const cap of ['users.manage', 'audit.read', 'system.seal'] as const)
        assert.equal(can(actor(role), cap), role === 'admin', `${role} ${cap}`);
    }
  });
  test('requireCap: no actor → unauthenticated, wrong role → forbidden', () => {
    assert.throws(
      () => requireCap(null, 'audit.read'),
      (e: AppError) => e.code === 'auth.unauthenticated',
    );
    assert.throws(
      () => requireCap(actor('viewer'), 'audit.read'),
      (e: AppError) => e.code === 'auth.forbidden',
    );
  });
  test('re-authentication expires', () => {
    assert.throws(
      () => requireReauth(actor('admin')),
      (e: AppError) => e.code === 'auth.reauth_required',
    );
    assert.throws(() => requireReauth(actor('admin', new Date(Date.now() - 1).toISOString())));
    requireReauth(actor('admin', new Date(Date.now() + 60_000).toISOString()));
  });
  test('records without a registered rule are invisible; rules decide need-to-know', () => {
    assert.equal(canSeeRecord(actor('admin'), 'unknown.kind', {}), false);
    registerRecordRule<{ team: string[] }>('test.case', (a, r) => r.team.includes(a.userId));
    assert.equal(canSeeRecord(actor('lawyer'), 'test.case', { team: ['u'] }), true);
    assert.equal(canSeeRecord(actor('lawyer'), 'test.case', { team: ['other'] }), false);
  });
});

describe('passwords and TOTP', () => {
  test('policy: length, common passwords, account-derived', () => {
    assert.throws(
      () => checkPasswordPolicy('short', 'password'),
      (e: AppError) => e.code === 'validation.failed',
    );
    assert.throws(
      () => checkPasswordPolicy('password1234', 'password'),
      (e: AppError) => e.code === 'auth.password_too_common',
    );
    assert.throws(
      () => checkPasswordPolicy('aigul-secret-2026', 'password', ['aigul']),
      (e: AppError) => e.code === 'auth.password_too_common',
    );
    assert.throws(() => checkPasswordPolicy('aaaaaaaaaaaaaaa', 'password'));
    checkPasswordPolicy('Тоо-суу-жол 2026 кыш', 'password');
  });
  test('TOTP: accepts ±1 step, refuses a step already used', () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const now = Date.now();
    const step = Math.floor(now / 30_000);
    assert.equal(verifyTotp(secret, totpCode(secret, now), 0, now), step);
    assert.equal(verifyTotp(secret, totpCode(secret, now), step, now), null, 'replay');
    assert.equal(verifyTotp(secret, totpCode(secret, now - 30_000), 0, now), step - 1);
    assert.equal(verifyTotp(secret, totpCode(secret, now - 90_000), 0, now), null);
    assert.equal(verifyTotp(secret, 'abcdef', 0, now), null);
  });
});

describe('audit hash', () => {
  test('any change to content or link changes the hash', () => {
    const e = {
      seq: 1,
      id: 'i',
      at: 't',
      actor_id: 'a',
      action: 'x',
      entity_type: null,
      entity_id: null,
      details: '{}',
    };
    const h = entryHash(GENESIS, e);
    assert.notEqual(entryHash(GENESIS, { ...e, action: 'y' }), h);
    assert.notEqual(entryHash(GENESIS, { ...e, seq: 2 }), h);
    assert.notEqual(entryHash('f'.repeat(64), e), h);
    assert.equal(entryHash(GENESIS, { ...e }), h);
  });
});
