import safeRegex from 'safe-regex2';
import { describe, expect, it } from 'vitest';
import { LOOPBACK_HOST, isLoopbackHost } from './loopback-host.js';

describe('isLoopbackHost', () => {
  it('accepts localhost, any 127.x.y.z and [::1], with or without a port, in any case', () => {
    for (const host of [
      'localhost',
      'localhost:8080',
      'LocalHost:80',
      '127.0.0.1',
      '127.0.0.1:65535',
      '127.1.2.3',
      '127.255.255.255:1',
      '[::1]',
      '[::1]:8080',
    ])
      expect(isLoopbackHost(host), host).toBe(true);
  });

  it('refuses other names, look-alikes, out-of-range octets or ports, and a missing Host', () => {
    for (const host of [
      undefined,
      '',
      'evil.example',
      'evil.example:8080',
      'localhost.evil.example',
      'localhost.',
      '127.0.0.1.evil.example',
      'evil.127.0.0.1',
      '127.0.0.256',
      '127.0.0',
      '128.0.0.1',
      '0.0.0.0',
      '10.0.0.1:8080',
      '::1',
      '[::2]',
      '[::ffff:127.0.0.1]',
      'localhost:65536',
      'localhost:',
      'localhost:80:80',
      'user@localhost',
      ' localhost',
    ])
      expect(isLoopbackHost(host), String(host)).toBe(false);
  });

  it('uses a ReDoS-safe pattern', () => {
    expect(safeRegex(LOOPBACK_HOST)).toBe(true);
  });
});
