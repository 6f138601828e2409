import { describe, expect, it } from 'vitest';
import { AuthFailures, clientKey } from './auth-failures.js';

describe('clientKey', () => {
  it('counts IPv4 by address, IPv4-mapped IPv6 as IPv4, and IPv6 by its /64', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('2001:db8::1')).toBe('2001:0db8:0000:0000::/64');
    expect(clientKey('2001:DB8:0:0:ffff:1:2:3')).toBe('2001:0db8:0000:0000::/64');
    expect(clientKey('2001:db8:0:1::1')).toBe('2001:0db8:0000:0001::/64');
    expect(clientKey('fe80::1%eth0')).toBe('fe80:0000:0000:0000::/64');
    expect(clientKey('::1')).toBe('0000:0000:0000:0000::/64');
  });
});

describe('AuthFailures', () => {
  it('refuses a client after max failures until its window ends, counting from its first failure', () => {
    let now = 1_000_000;
    const failures = new AuthFailures({ max: 3, windowMs: 60_000 }, { now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(failures.retryAfterSeconds('198.51.100.1')).toBe(0);
      failures.fail('198.51.100.1');
      now += 1_000;
    }
    expect(failures.retryAfterSeconds('198.51.100.1')).toBe(57); // the window opened 3 s ago
    expect(failures.retryAfterSeconds('198.51.100.2')).toBe(0);
    now += 56_500;
    expect(failures.retryAfterSeconds('198.51.100.1')).toBe(1);
    now += 500;
    expect(failures.retryAfterSeconds('198.51.100.1')).toBe(0);
    failures.fail('198.51.100.1'); // a new window: one failure so far
    expect(failures.retryAfterSeconds('198.51.100.1')).toBe(0);
  });

  it('counts every address of one IPv6 /64 together', () => {
    const failures = new AuthFailures({ max: 2, windowMs: 60_000 });
    failures.fail('2001:db8::1');
    failures.fail('2001:db8::2');
    expect(failures.retryAfterSeconds('2001:db8::ffff')).toBeGreaterThan(0);
    expect(failures.retryAfterSeconds('2001:db8:0:1::1')).toBe(0);
  });

  it('remembers at most maxAddresses clients, forgetting the least recently failed', () => {
    const failures = new AuthFailures({ max: 1, windowMs: 60_000 }, { maxAddresses: 100 });
    for (let i = 0; i < 10_000; i++) failures.fail(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
    expect(failures.size).toBe(100);
    expect(failures.retryAfterSeconds('10.0.39.15')).toBeGreaterThan(0); // the last one, 9,999
    expect(failures.retryAfterSeconds('10.0.0.0')).toBe(0); // long forgotten
  });
});
