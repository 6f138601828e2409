// Secret detectors: vendor tokens by prefix (AWS, GitHub, Slack, sk-…), PEM private keys, high-entropy assignments.
import type { Violation } from '../../core/types.js';
import type { Detector } from '../rule-critic.js';
import { ASSIGNMENT, AWS_ACCESS_KEY, GITHUB_TOKEN, PRIVATE_KEY_HEADER, SK_KEY, SLACK_TOKEN } from './patterns.js';
import { PRIVACY_DETECTORS, type DetectorSpec } from './rules.js';
import { entropy, hasLetterAndDigit, isDigitCode, MAX_PER_DETECTOR, violation } from './scan.js';

/** A detector for tokens recognised by their prefix; `accept` rejects placeholders ("ghp_xxxx…", "sk-your-key-here"). */
function prefixedTokenDetector(spec: DetectorSpec, regex: RegExp, accept: (token: string) => boolean): Detector {
  return {
    id: spec.id,
    target: 'response',
    regexes: [regex],
    detect(text) {
      const out: Violation[] = [];
      for (const m of text.matchAll(regex)) {
        if (out.length >= MAX_PER_DETECTOR) break;
        if (accept(m[0])) out.push(violation(spec, text, m.index, m.index + m[0].length));
      }
      return out;
    },
  };
}

/** The part after the vendor prefix (after the last '_' or the first '-'). */
function body(token: string, separator: '_' | '-'): string {
  return separator === '_' ? token.slice(token.lastIndexOf('_') + 1) : token.slice(token.indexOf('-') + 1);
}

// Random keys carry 4–6 bits per character; placeholders ("xxxx…", "abc123abc123…") carry 1–3.
export const awsAccessKeyDetector = prefixedTokenDetector(
  PRIVACY_DETECTORS.awsAccessKey,
  AWS_ACCESS_KEY,
  (t) => entropy(t.slice(4)) >= 2.5,
);
export const githubTokenDetector = prefixedTokenDetector(
  PRIVACY_DETECTORS.githubToken,
  GITHUB_TOKEN,
  (t) => entropy(body(t, '_')) >= 3,
);
export const slackTokenDetector = prefixedTokenDetector(
  PRIVACY_DETECTORS.slackToken,
  SLACK_TOKEN,
  (t) => hasLetterAndDigit(body(t, '-')) && entropy(body(t, '-')) >= 3,
);
export const openaiKeyDetector = prefixedTokenDetector(
  PRIVACY_DETECTORS.openaiKey,
  SK_KEY,
  (t) => hasLetterAndDigit(body(t, '-')) && entropy(body(t, '-')) >= 3.5,
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
    // The next END line, found once and reused, so that many headers cost one pass over the text.
    let nextEnd = -2;
    for (const m of text.matchAll(PRIVATE_KEY_HEADER)) {
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
  if ('$%<{['.includes(value[0]!) || value.includes('(')) return false;
  const lower = value.toLowerCase();
  if (PLACEHOLDER_WORDS.some((w) => lower.includes(w))) return false;
  return !VENDOR_PREFIXES.some((p) => value.startsWith(p));
}

function trimTrailingPunctuation(value: string): string {
  let end = value.length;
  while (end > 0 && '.)]}>'.includes(value[end - 1]!)) end--;
  return value.slice(0, end);
}

export const secretAssignmentDetector: Detector = {
  id: PRIVACY_DETECTORS.secretAssignment.id,
  target: 'response',
  regexes: [ASSIGNMENT],
  detect(text) {
    const out: Violation[] = [];
    for (const m of text.matchAll(ASSIGNMENT)) {
      if (out.length >= MAX_PER_DETECTOR) break;
      const value = trimTrailingPunctuation(m[2]!);
      if (value.length < 12 || !isSecretName(m[1]!) || !isSecretValue(value)) continue;
      const start = m.index + m[0].length - m[2]!.length;
      out.push(violation(PRIVACY_DETECTORS.secretAssignment, text, start, start + value.length, { name: m[1] }));
    }
    return out;
  },
};
