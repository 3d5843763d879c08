import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rateNetwork } from '../../src/server/platform/http/network.ts';

test('an IPv4 address is its own network, also written as IPv4-mapped IPv6', () => {
  assert.equal(rateNetwork('203.0.113.7'), '203.0.113.7');
  assert.equal(rateNetwork('::ffff:203.0.113.7'), '203.0.113.7');
  assert.notEqual(rateNetwork('203.0.113.7'), rateNetwork('203.0.113.8'));
});

test('IPv6 addresses of one /64 share a network however they are written; the next /64 does not', () => {
  const a = rateNetwork('2001:db8:12:34:1111:2222:3333:4444');
  assert.equal(a, '2001:db8:12:34::/64');
  for (const same of ['2001:db8:12:34::1', '2001:0db8:0012:0034:ffff::', '2001:DB8:12:34:0:0:0:9%eth0'])
    assert.equal(rateNetwork(same), a, same);
  assert.notEqual(rateNetwork('2001:db8:12:35::1'), a);
  assert.equal(rateNetwork('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(rateNetwork('::1'), '0:0:0:0::/64');
});
