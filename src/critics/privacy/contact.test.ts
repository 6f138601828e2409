// E-mail and IP detectors: exact spans, and the code, version and private-network strings they let pass.
import { describe, expect, it } from 'vitest';
import type { Detector } from '../rule-critic.js';
import { tokenize } from '../text/tokens.js';
import { emailDetector, ipAddressDetector, isGlobalIPv6, isPublicIPv4 } from './contact.js';

function spans(detector: Detector, text: string): string[] {
  const input = { inputText: '', modelResponse: text, context: {}, traceId: 'detector-test' };
  return detector.detect(text, tokenize(text), input).map((v) => {
    expect(text.slice(v.span!.start, v.span!.end)).toBe(v.span!.text);
    return v.span!.text;
  });
}

describe('emailDetector', () => {
  it('reads addresses spelled out to hide them, with the span of the spelled form', () => {
    const text = 'Mail jane [at] example [dot] com or bob(at)corp(dot)co(dot)uk, or Jo {AT} mail.org, also x@y.com.';
    expect(spans(emailDetector, text)).toEqual([
      'jane [at] example [dot] com',
      'bob(at)corp(dot)co(dot)uk',
      'Jo {AT} mail.org',
      'x@y.com',
    ]);
  });

  it('lets prose with a bracketed "at" pass', () => {
    expect(spans(emailDetector, 'See [at] the [dot] end; meet (at) noon; a [at] b.')).toEqual([]);
  });

  it('reports addresses with their exact span', () => {
    expect(spans(emailDetector, 'Write to Jane.Doe+news@mail.example.co.uk, or bob@corp.io.')).toEqual([
      'Jane.Doe+news@mail.example.co.uk',
      'bob@corp.io',
    ]);
  });

  it('lets e-mail-shaped strings in code and URLs pass', () => {
    const text =
      'git@github.com:owner/repo.git, npm i left-pad@1.3.0, icon@2x.png, https://user@proxy.example.com/, ' +
      'a..b@example.com, user@localhost, obj@handler.call(x), @media print';
    expect(spans(emailDetector, text)).toEqual([]);
  });
});

describe('ipAddressDetector', () => {
  it('reports public IPv4 and global IPv6 addresses', () => {
    expect(spans(ipAddressDetector, 'Hits from 203.0.113.42 and 2001:db8:85a3::8a2e:370:7334.')).toEqual([
      '203.0.113.42',
      '2001:db8:85a3::8a2e:370:7334',
    ]);
  });

  it('lets version and section numbers pass (the V8 false positive)', () => {
    const text = 'Upgrade to version 1.2.3.4, install v5.6.7.8, see section 4.1.2.3, Chrome/120.0.0.0.';
    expect(spans(ipAddressDetector, text)).toEqual([]);
  });

  it('lets private, loopback and well-known service addresses pass', () => {
    const text = 'Use 192.168.1.1, 10.0.0.8, 127.0.0.1, 172.20.1.1, 8.8.8.8, ::1, fe80::1:2:3 and 255.255.255.0.';
    expect(spans(ipAddressDetector, text)).toEqual([]);
  });

  it('does not read longer dotted numbers, times or paths as addresses', () => {
    expect(spans(ipAddressDetector, 'OID 1.3.6.1.4.1, 999.1.1.1, at 10:00:30, std::vector, A::B.')).toEqual([]);
  });

  it('classifies address ranges', () => {
    expect(isPublicIPv4('100.63.0.1')).toBe(true);
    expect(isPublicIPv4('100.64.0.1')).toBe(false);
    expect(isPublicIPv4('172.32.0.1')).toBe(true);
    expect(isGlobalIPv6('2606:4700::1111')).toBe(true);
    expect(isGlobalIPv6('fd00::1:2:3')).toBe(false);
  });
});
