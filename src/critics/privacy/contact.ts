// Contact-detail detectors: e-mail addresses and public IP addresses (validator); phone numbers are in phone.ts.
import type Validator from 'validator';
import { lazyPackage } from '../../core/index.js';
import type { Violation } from '../../core/index.js';
import type { Detector } from '../rule-critic.js';
import type { Token } from '../text/tokens.js';
import { EMAIL_DOMAIN, IPV4, IPV6, SPELLED_EMAIL } from './patterns.js';
import { PRIVACY_DETECTORS } from './rules.js';
import { charIs, continuesNumber, isWordCode, MAX_PER_DETECTOR, precededBy, violation } from './scan.js';

/** validator, loaded by the first candidate checked, not by `import 'eleanor'`. */
const validator = lazyPackage<typeof Validator>({
  name: 'validator',
  user: 'the privacy critic',
  code: 'CRITIC_ERROR',
});

// ---- e-mail ----------------------------------------------------------------------------------------------------

const LOCAL_PART_MAX = 64;

function isLocalCode(code: number): boolean {
  // RFC 5322 dot-atom characters people actually use: letters, digits and . _ % + -
  return isWordCode(code) || code === 46 || code === 37 || code === 43 || code === 45;
}

/** Asset and source-file suffixes that look like top-level domains in code ("icon@2x.png", "a@b.js"). */
const FILE_SUFFIXES: ReadonlySet<string> = new Set(
  'png jpg jpeg gif svg webp ico bmp js mjs cjs ts tsx jsx css scss less json yaml yml toml lock txt html htm xml map vue'.split(
    ' ',
  ),
);

/** The e-mail addresses in `text`, as [start, end) offsets. */
function findEmails(text: string, max: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // Every candidate starts at an '@'.
  if (!text.includes('@')) return out;
  EMAIL_DOMAIN.lastIndex = 0;
  for (let m = EMAIL_DOMAIN.exec(text); m !== null; m = EMAIL_DOMAIN.exec(text)) {
    if (out.length >= max) break;
    const at = m.index;
    const end = at + m[0].length;
    const after = text[end];
    if (charIs(text, end, isWordCode) || after === '-' || after === '@' || after === '(') continue;
    // "git@github.com:owner/repo.git" is an SSH remote.
    if (after === ':' && end + 1 < text.length && text[end + 1] !== ' ' && text[end + 1] !== '\n') continue;
    let start = at;
    while (start > 0 && at - start < LOCAL_PART_MAX && isLocalCode(text.charCodeAt(start - 1))) start--;
    if (start === at || charIs(text, start - 1, isLocalCode)) continue;
    const before = text[start - 1];
    // "https://user@host", "ssh://git@host": credentials in a URL, not an address someone reads mail at.
    if (before === '/' || before === ':' || before === '@') continue;
    const address = text.slice(start, end);
    const tld = address.slice(address.lastIndexOf('.') + 1).toLowerCase();
    if (FILE_SUFFIXES.has(tld) || !validator().isEmail(address)) continue;
    out.push([start, end]);
  }
  EMAIL_DOMAIN.lastIndex = 0;
  return out;
}

const COMMON_TLDS: ReadonlySet<string> = new Set(
  'com net org edu gov mil int info biz name pro mobi app dev io ai co me tv xyz online site tech email mail cloud'.split(
    ' ',
  ),
);

/**
 * Addresses spelled out to hide them: "jane [at] example [dot] com", "jane(at)example(dot)com". The text is read
 * with each spelled '@' and '.' written as the character, and the spans mapped back.
 */
function findSpelledEmails(text: string, max: number): Array<[number, number]> {
  SPELLED_EMAIL.lastIndex = 0;
  const spelled = SPELLED_EMAIL.test(text);
  SPELLED_EMAIL.lastIndex = 0;
  if (!spelled) return [];
  // Per character of the rewritten text: where it starts and ends in `text`.
  const starts: number[] = [];
  const ends: number[] = [];
  let clean = '';
  let last = 0;
  const copy = (from: number, to: number): void => {
    clean += text.slice(from, to);
    for (let k = from; k < to; k++) {
      starts.push(k);
      ends.push(k + 1);
    }
  };
  for (const m of text.matchAll(SPELLED_EMAIL)) {
    copy(last, m.index);
    clean += m[1]!.toLowerCase() === 'at' ? '@' : '.';
    starts.push(m.index);
    ends.push(m.index + m[0].length);
    last = m.index + m[0].length;
  }
  copy(last, text.length);
  // Only addresses with a spelled '@' are new (the others are found in `text` itself), and prose ("see [at] the
  // [dot] end") is not an address: the domain must end in a country code or a common generic domain.
  return findEmails(clean, max)
    .filter(([start, end]) => ends[end - 1]! - starts[start]! !== end - start)
    .filter(([, end]) => {
      const tld = clean.slice(clean.lastIndexOf('.', end) + 1, end).toLowerCase();
      return tld.length === 2 || COMMON_TLDS.has(tld);
    })
    .map(([start, end]) => [starts[start]!, ends[end - 1]!]);
}

export const emailDetector: Detector = {
  id: PRIVACY_DETECTORS.email.id,
  target: 'response',
  regexes: [EMAIL_DOMAIN, SPELLED_EMAIL],
  detect(text) {
    const found = findEmails(text, MAX_PER_DETECTOR);
    if (found.length < MAX_PER_DETECTOR) {
      for (const [start, end] of findSpelledEmails(text, MAX_PER_DETECTOR - found.length)) {
        if (!found.some(([s, e]) => s < end && start < e)) found.push([start, end]);
      }
      found.sort((a, b) => a[0] - b[0]);
    }
    return found.map(([start, end]) => violation(PRIVACY_DETECTORS.email, text, start, end));
  },
};

// ---- IP addresses ----------------------------------------------------------------------------------------------

/** Words before a dotted quad that make it a version or section number ("version 1.2.3.4", "Chrome 120.0.0.0"). */
const VERSION_CUES: ReadonlySet<string> = new Set(
  (
    'version versions ver v release released build firmware patch update updated upgrade upgraded downgrade ' +
    'install installed pin pinned sdk runtime kernel driver bios package library chrome firefox safari edge ' +
    'windows macos ios android python node java section chapter clause paragraph figure table step item rule ' +
    'article oid'
  ).split(' '),
);

/** Public resolvers everyone configures: service addresses, not anyone's. */
const WELL_KNOWN_SERVICES: ReadonlySet<string> = new Set([
  '8.8.8.8',
  '8.8.4.4',
  '1.1.1.1',
  '1.0.0.1',
  '9.9.9.9',
  '149.112.112.112',
  '208.67.222.222',
  '208.67.220.220',
]);

/**
 * Globally routable, i.e. able to identify a subscriber: not "this network", private (RFC 1918), shared (CGNAT),
 * loopback, link-local, multicast, reserved or broadcast. Documentation ranges (TEST-NET) are reported, like
 * example.com addresses: a critic cannot tell an example from a leak.
 */
export function isPublicIPv4(address: string): boolean {
  const [a = 0, b = 0] = address.split('.').map(Number);
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
  if (a === 100 && b >= 64 && b <= 127) return false;
  if (a === 169 && b === 254) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  return !WELL_KNOWN_SERVICES.has(address);
}

/** Global unicast (2000::/3) only: loopback, link-local, unique-local and multicast addresses identify no one. */
export function isGlobalIPv6(address: string): boolean {
  if (address.startsWith(':')) return false;
  const first = Number.parseInt(address.slice(0, address.indexOf(':')), 16);
  return first >= 0x2000 && first <= 0x3fff;
}

function ipv4Violations(text: string, tokens: readonly Token[], out: Violation[]): void {
  IPV4.lastIndex = 0;
  for (let m = IPV4.exec(text); m !== null; m = IPV4.exec(text)) {
    if (out.length >= MAX_PER_DETECTOR) break;
    const start = m.index;
    const end = start + m[0].length;
    // 1.2.3.4.5 and 3.1.2.3.4 are not addresses; "v-1.2.3.4" is glued to a word.
    if (text[start - 1] === '.' || text[start - 1] === '-' || continuesNumber(text, end)) continue;
    if (!validator().isIP(m[0], 4) || !isPublicIPv4(m[0])) continue;
    if (precededBy(tokens, start, VERSION_CUES)) continue;
    out.push(violation(PRIVACY_DETECTORS.ipAddress, text, start, end));
  }
  IPV4.lastIndex = 0;
}

function isHexCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

/**
 * The first IPV6 match at or after `from`, as a global scan would find it. Every match has a ':' after at most four
 * hex digits, so the only place a match can start for the next ':' is right before the hex digits (up to four) that
 * lead to it: one sticky try per colon, and prose without colons costs one indexOf.
 */
function nextIpv6(text: string, from: number): RegExpExecArray | null {
  for (let colon = text.indexOf(':', from); colon >= 0; colon = text.indexOf(':', from)) {
    let start = colon;
    while (start > from && colon - start < 4 && isHexCode(text.charCodeAt(start - 1))) start--;
    IPV6.lastIndex = start;
    const m = IPV6.exec(text);
    if (m !== null) return m;
    from = colon + 1;
  }
  return null;
}

function ipv6Violations(text: string, out: Violation[]): void {
  for (let m = nextIpv6(text, 0); m !== null; m = nextIpv6(text, m.index + m[0].length)) {
    if (out.length >= MAX_PER_DETECTOR) break;
    const start = m.index;
    let candidate = m[0];
    if (candidate.endsWith(':') && !candidate.endsWith('::')) candidate = candidate.slice(0, -1);
    const end = start + candidate.length;
    const before = text[start - 1];
    if (charIs(text, start - 1, isWordCode) || before === ':' || before === '.') continue;
    if (charIs(text, end, isWordCode) || continuesNumber(text, end)) continue;
    // "A::B" (C++, Rust paths) and times have fewer colons than any address worth reporting.
    if (candidate.split(':').length < 4) continue;
    if (!validator().isIP(candidate, 6) || !isGlobalIPv6(candidate)) continue;
    out.push(violation(PRIVACY_DETECTORS.ipAddress, text, start, end));
  }
  IPV6.lastIndex = 0;
}

export const ipAddressDetector: Detector = {
  id: PRIVACY_DETECTORS.ipAddress.id,
  target: 'response',
  regexes: [IPV4, IPV6],
  detect(text, tokens) {
    const out: Violation[] = [];
    ipv4Violations(text, tokens, out);
    ipv6Violations(text, out);
    return out;
  },
};
