// Secret detectors: vendor tokens by prefix (AWS, GitHub, Slack, sk-…), PEM private keys, high-entropy assignments, passwords in prose.
import type { Violation } from '../../core/index.js';
import type { Detector } from '../rule-critic.js';
import {
  ASSIGNMENT,
  AWS_ACCESS_KEY,
  CREDENTIAL_PAIR,
  GITHUB_TOKEN,
  PASSWORD_PROSE,
  PRIVATE_KEY_HEADER,
  SK_KEY,
  SLACK_TOKEN,
} from './patterns.js';
import { COMMON_WORDS } from '../text/common-words.js';
import { PRIVACY_DETECTORS, type DetectorSpec } from './rules.js';
import { prosePasswords, trimTrailingPunctuation } from './secrets-prose.js';
import {
  entropy,
  hasLetterAndDigit,
  isDigitCode,
  isKeyCode,
  isPlaceholder,
  MAX_PER_DETECTOR,
  scanMarked,
  violation,
} from './scan.js';

/**
 * A detector for tokens recognised by their prefix; `accept` rejects placeholders ("ghp_xxxx…", "sk-your-key-here").
 * Every match contains one of `markers`, so a text without any is not scanned. includes() looks for a marker's first
 * character and then compares, so a marker that starts with a rare character ('k-' rather than 'sk-') is cheapest.
 */
function prefixedTokenDetector(
  spec: DetectorSpec,
  regex: RegExp,
  markers: readonly string[],
  accept: (token: string) => boolean,
): Detector {
  return {
    id: spec.id,
    target: 'response',
    regexes: [regex],
    detect(text) {
      const out: Violation[] = [];
      scanMarked(text, regex, markers, out, (m) =>
        accept(m[0]) ? violation(spec, text, m.index, m.index + m[0].length) : undefined,
      );
      // A key split into groups by spaces ("AKIA ABCD EFGH IJKL MNOP"): each marker's word is read with its groups.
      for (const marker of markers) {
        for (
          let at = text.indexOf(marker);
          at >= 0 && out.length < MAX_PER_DETECTOR;
          at = text.indexOf(marker, at + 1)
        ) {
          if (out.some((v) => v.span!.start <= at && at < v.span!.end)) continue;
          const found = spacedToken(text, at, regex, accept);
          if (found === undefined) continue;
          out.push(violation(spec, text, found[0], found[1], { split: true }));
        }
      }
      if (out.length > 1) out.sort((a, b) => a.span!.start - b.span!.start);
      return out;
    },
  };
}

/** The end of the run of key characters ([A-Za-z0-9_-]) from `i`. */
function keyRunEnd(text: string, i: number): number {
  while (i < text.length && isKeyCode(text.charCodeAt(i))) i++;
  return i;
}

/** Most groups a split key is read with, and the longest group. */
const MAX_GROUPS = 32;
const MAX_GROUP = 16;

/**
 * The span of a key written in groups split by single spaces, from the word holding the marker at `at`. The groups
 * must have one length (the last may be shorter), at least two of them, and none a common English word: ordinary words
 * after a key prefix differ in length, and the words after a key are not read as its groups. The joined groups must match the vendor's pattern from the word's start and pass `accept`; when the groups
 * run on past the key, fewer groups are tried.
 */
function spacedToken(
  text: string,
  at: number,
  regex: RegExp,
  accept: (token: string) => boolean,
): [number, number] | undefined {
  let start = at;
  while (start > 0 && at - start < MAX_GROUP && isKeyCode(text.charCodeAt(start - 1))) start--;
  const firstEnd = keyRunEnd(text, at);
  const ends: number[] = [];
  /** The joined text's length with each group. */
  const lengths: number[] = [];
  let joined = text.slice(start, firstEnd);
  let end = firstEnd;
  let size = 0;
  while (ends.length < MAX_GROUPS && text.charCodeAt(end) === 32 && isKeyCode(text.charCodeAt(end + 1))) {
    const groupEnd = keyRunEnd(text, end + 1);
    const length = groupEnd - end - 1;
    if (length > MAX_GROUP || (size > 0 && length > size)) break;
    // The sentence goes on after the key ("… 5Hs2 and more"): a common word is not one of its groups.
    if (COMMON_WORDS.has(text.slice(end + 1, groupEnd).toLowerCase())) break;
    if (size === 0) size = length;
    joined += text.slice(end + 1, groupEnd);
    ends.push(groupEnd);
    lengths.push(joined.length);
    end = groupEnd;
    if (length < size) break; // a shorter group is the last
  }
  if (ends.length < 2 || size < 2) return undefined;
  for (let k = ends.length; k >= 2; k--) {
    const candidate = joined.slice(0, lengths[k - 1]);
    regex.lastIndex = 0;
    const m = regex.exec(candidate);
    regex.lastIndex = 0;
    if (m !== null && m.index === 0 && m[0].length === candidate.length && accept(m[0])) return [start, ends[k - 1]!];
  }
  return undefined;
}

/** The part after the vendor prefix (after the last '_' or the first '-'). */
function body(token: string, separator: '_' | '-'): string {
  return separator === '_' ? token.slice(token.lastIndexOf('_') + 1) : token.slice(token.indexOf('-') + 1);
}

// Random keys carry 4–6 bits per character; placeholders ("xxxx…", "abc123abc123…") carry 1–3.
export const awsAccessKeyDetector = prefixedTokenDetector(
  PRIVACY_DETECTORS.awsAccessKey,
  AWS_ACCESS_KEY,
  ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
  // AWS's documentation writes every sample key id with the suffix EXAMPLE (AKIAIOSFODNN7EXAMPLE): a placeholder.
  // Its documented sample id's first 13 characters ("AKIAIOSFODNN7…") in any variant are a sample too.
  (t) => entropy(t.slice(4)) >= 2.5 && !isPlaceholder(t) && !t.startsWith('AKIAIOSFODNN7'),
);
export const githubTokenDetector = prefixedTokenDetector(
  PRIVACY_DETECTORS.githubToken,
  GITHUB_TOKEN,
  ['_'],
  (t) => entropy(body(t, '_')) >= 3,
);
export const slackTokenDetector = prefixedTokenDetector(
  PRIVACY_DETECTORS.slackToken,
  SLACK_TOKEN,
  ['xox'],
  (t) => hasLetterAndDigit(body(t, '-')) && entropy(body(t, '-')) >= 3,
);
export const openaiKeyDetector = prefixedTokenDetector(
  PRIVACY_DETECTORS.openaiKey,
  SK_KEY,
  ['k-'],
  (t) => hasLetterAndDigit(body(t, '-')) && entropy(body(t, '-')) >= 3.5 && !isPlaceholder(t),
);

// ---- PEM private keys ------------------------------------------------------------------------------------------

/** A real key body starts right after its header with at least this many base64 characters. */
const MIN_KEY_BODY = 64;
/** How far after a header the body is looked for, and how far away its END line may be. */
const BODY_WINDOW = 256;
const MAX_PEM_LENGTH = 16_384;

function isBase64Code(code: number): boolean {
  return (
    isDigitCode(code) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 43 ||
    code === 47 ||
    code === 61
  );
}

/** True when key material follows `from` (a format illustration has "..." or nothing between BEGIN and END). */
function hasKeyBody(text: string, from: number): boolean {
  let count = 0;
  for (let i = from; i < text.length && i < from + BODY_WINDOW && count < MIN_KEY_BODY; i++) {
    const c = text.charCodeAt(i);
    if (c === 45 /* '-' */) return false;
    if (isBase64Code(c)) count++;
  }
  return count >= MIN_KEY_BODY;
}

export const privateKeyDetector: Detector = {
  id: PRIVACY_DETECTORS.privateKey.id,
  target: 'response',
  regexes: [PRIVATE_KEY_HEADER],
  detect(text) {
    const out: Violation[] = [];
    if (!text.includes('-----BEGIN ')) return out;
    // The next END line, found once and reused, so that many headers cost one pass over the text.
    let nextEnd = -2;
    PRIVATE_KEY_HEADER.lastIndex = 0;
    for (let m = PRIVATE_KEY_HEADER.exec(text); m !== null; m = PRIVATE_KEY_HEADER.exec(text)) {
      if (out.length >= MAX_PER_DETECTOR) break;
      const start = m.index;
      const headerEnd = start + m[0].length;
      if (!hasKeyBody(text, headerEnd)) continue;
      if (nextEnd !== -1 && nextEnd < headerEnd) nextEnd = text.indexOf('-----END ', headerEnd);
      let end = headerEnd;
      if (nextEnd >= 0 && nextEnd - headerEnd <= MAX_PEM_LENGTH) {
        const close = text.indexOf('-----', nextEnd + 9);
        end = close >= 0 && close - nextEnd <= 80 ? close + 5 : nextEnd;
      }
      out.push(violation(PRIVACY_DETECTORS.privateKey, text, start, end));
    }
    PRIVATE_KEY_HEADER.lastIndex = 0;
    return out;
  },
};

// ---- generic assignments ---------------------------------------------------------------------------------------

/** Names (lower-cased, '-' and '.' read as '_') whose value is a secret: `DB_PASSWORD`, `apiKey`, `client-secret`. */
const SECRET_NAMES = [
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'secret',
  'api_key',
  'apikey',
  'token',
  'access_key',
  'accesskey',
  'secret_key',
  'secretkey',
  'private_key',
  'privatekey',
  'credential',
  'credentials',
] as const;

const MIN_SECRET_BITS = 48;
const PLACEHOLDER_WORDS = ['your', 'example', 'xxxx', '****', 'placeholder', 'changeme', 'redacted', 'dummy', 'env'];
/** Prefixes the vendor detectors own: their stricter checks decide, and a key is reported once. */
const VENDOR_PREFIXES = [
  'AKIA',
  'ASIA',
  'ABIA',
  'ACCA',
  'ghp_',
  'gho_',
  'ghu_',
  'ghs_',
  'ghr_',
  'github_pat_',
  'xox',
  'sk-',
  // secrets-vendors.ts
  'sk_live_',
  'rk_live_',
  'AIza',
  'SG.',
  'shpat_',
  'shpca_',
  'shppa_',
  'shpss_',
  'hf_',
  'hvs.',
  'hvb.',
  'hvr.',
  'npm_',
  'glpat-',
  'cfut_',
  'cfat_',
  'cfk_',
  'eyJ',
];

export function isSecretName(name: string): boolean {
  const normal = name.toLowerCase().replaceAll('-', '_').replaceAll('.', '_');
  return SECRET_NAMES.some((s) => normal.endsWith(s));
}

/**
 * About 48 bits of entropy or more (a random 12–16 character string, not "Password1234"), letters and digits, and
 * not a placeholder or a reference to one (`${API_KEY}`, `process.env.TOKEN`, `getPassword()`).
 */
export function isSecretValue(value: string): boolean {
  const perChar = entropy(value);
  if (value.length < 12 || perChar < 3 || perChar * value.length < MIN_SECRET_BITS || !hasLetterAndDigit(value))
    return false;
  // A URL's password is judged by secrets-urls.ts.
  if ('$%<{['.includes(value[0]!) || value.includes('(') || value.includes('://')) return false;
  const lower = value.toLowerCase();
  if (PLACEHOLDER_WORDS.some((w) => lower.includes(w))) return false;
  return !VENDOR_PREFIXES.some((p) => value.startsWith(p));
}

function isAsciiWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/**
 * Where an ASSIGNMENT match whose ':' or '=' is at `separator` must start (never before `from`), or -1: the name is
 * the word that ends right before it, an optional quote and at most three blanks. Only there can the pattern match.
 */
function assignmentStart(text: string, separator: number, from: number): number {
  let i = separator;
  while (i > from && separator - i < 3 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  if (i > from && (text.charCodeAt(i - 1) === 34 || text.charCodeAt(i - 1) === 39)) i--;
  let start = i;
  while (start > from && isAsciiWordCode(text.charCodeAt(start - 1))) start--;
  const first = text.charCodeAt(start) | 32;
  if (start === i || i - start > 61 || first < 97 || first > 122) return -1;
  // \b: the word must not go on before `from`.
  return start > 0 && isAsciiWordCode(text.charCodeAt(start - 1)) ? -1 : start;
}

export const secretAssignmentDetector: Detector = {
  id: PRIVACY_DETECTORS.secretAssignment.id,
  target: 'response',
  regexes: [ASSIGNMENT, PASSWORD_PROSE, CREDENTIAL_PAIR],
  detect(text) {
    const out: Violation[] = [];
    // The matches a global scan would find, in order: ASSIGNMENT (sticky) is tried once per ':' or '=', where the name
    // before it starts. The next of each separator is remembered, so that a text full of one costs one pass for the other.
    let colon = text.indexOf(':');
    let equals = text.indexOf('=');
    let from = 0;
    for (;;) {
      if (colon >= 0 && colon < from) colon = text.indexOf(':', from);
      if (equals >= 0 && equals < from) equals = text.indexOf('=', from);
      const separator = colon < 0 ? equals : equals < 0 ? colon : Math.min(colon, equals);
      if (separator < 0) break;
      const start = assignmentStart(text, separator, from);
      let m: RegExpExecArray | null = null;
      if (start >= 0) {
        ASSIGNMENT.lastIndex = start;
        m = ASSIGNMENT.exec(text);
      }
      if (m === null) {
        from = separator + 1;
        continue;
      }
      from = m.index + m[0].length;
      if (out.length >= MAX_PER_DETECTOR) break;
      const value = trimTrailingPunctuation(m[2]!);
      if (value.length < 12 || !isSecretName(m[1]!) || !isSecretValue(value)) continue;
      const valueStart = m.index + m[0].length - m[2]!.length;
      out.push(
        violation(PRIVACY_DETECTORS.secretAssignment, text, valueStart, valueStart + value.length, { name: m[1] }),
      );
    }
    ASSIGNMENT.lastIndex = 0;
    const assigned = out.length;
    prosePasswords(text, out);
    if (out.length > assigned && assigned > 0) out.sort((a, b) => a.span!.start - b.span!.start);
    return out;
  },
};
