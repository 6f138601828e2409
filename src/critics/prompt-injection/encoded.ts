// Encoded-payload detector: base64, hex or ROT13 payloads whose decoded text triggers the injection phrases (one level).
import type { Violation } from '../../core/index.js';
import type { Detector } from '../rule-critic.js';
import { COMMON_WORDS } from '../text/common-words.js';
import { ENCODED_PAYLOAD } from './rules.js';

/**
 * A base64 (standard or URL-safe) or hex blob. At most 8192 characters per match, a multiple of 4 and of 2, so a
 * longer blob is read in chunks that stay aligned for both encodings.
 */
export const ENCODED_BLOB = /[A-Za-z0-9+/_-]{16,8192}={0,2}/g;

/** At most this many decoded characters are scanned per text (all blobs together, in one pass). */
export const MAX_DECODED_CHARS = 8_192;
/** Share of printable characters a decoded blob needs to be read as text. */
const MIN_PRINTABLE = 0.9;

/** Scans decoded text with the critic's own phrase rules; spans are offsets in the text it is given. */
export type PhraseScan = (decoded: string) => readonly Violation[];

export interface Decoded {
  readonly encoding: 'base64' | 'hex' | 'rot13';
  readonly text: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
/**
 * Share of bytes that must look like ASCII text before a blob is decoded at all. The injection phrases are English,
 * and the test keeps 100 KB of long words ("Internationalization …") from costing one decode each.
 */
const MIN_ASCII_SHARE = 0.85;

function isHexCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}

function isHex(s: string): boolean {
  let digit = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isHexCode(c)) return false;
    if (c <= 57) digit = true;
  }
  return digit;
}

/** Printable ASCII bytes (0x20–0x7E) have a high hex digit of 2–7. */
function looksLikeAsciiHex(hex: string): boolean {
  let ascii = 0;
  for (let i = 0; i < hex.length; i += 2) {
    const c = hex.charCodeAt(i);
    if (c >= 50 && c <= 55) ascii++;
  }
  return ascii / (hex.length / 2) >= MIN_ASCII_SHARE;
}

/** The first character of each base64 quartet holds a byte's top six bits: 'I'–'Z' or 'a'–'f' for printable ASCII. */
function looksLikeAsciiBase64(b64: string): boolean {
  let ascii = 0;
  let quartets = 0;
  for (let i = 0; i < b64.length; i += 4) {
    const c = b64.charCodeAt(i);
    quartets++;
    if ((c >= 73 && c <= 90) || (c >= 97 && c <= 102)) ascii++;
  }
  return ascii / quartets >= MIN_ASCII_SHARE;
}

function printable(text: string): boolean {
  let ok = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 32 && c !== 127) || c === 9 || c === 10 || c === 13) ok++;
  }
  return text.length > 0 && ok / text.length >= MIN_PRINTABLE;
}

function asText(bytes: Buffer): string | undefined {
  try {
    const text = utf8.decode(bytes);
    return printable(text) ? text : undefined;
  } catch {
    return undefined; // not UTF-8: binary data, not a message
  }
}

/** The text a blob encodes, or undefined when it does not decode to (mostly ASCII) text. */
export function decodeBlob(blob: string): Decoded | undefined {
  const body = blob.startsWith('0x') ? blob.slice(2) : blob;
  if (isHex(body)) {
    if (body.length % 2 !== 0 || !looksLikeAsciiHex(body)) return undefined;
    const text = asText(Buffer.from(body, 'hex'));
    return text === undefined ? undefined : { encoding: 'hex', text };
  }
  if (!looksLikeAsciiBase64(blob)) return undefined;
  const text = asText(Buffer.from(blob, 'base64'));
  return text === undefined ? undefined : { encoding: 'base64', text };
}

// ---- ROT13 ------------------------------------------------------------------------------------------------------

/**
 * ROT13 of words frequent in English text and in injections ("the", "and", "you", "ignore", "previous", "rules" …):
 * a text with none of them is not read for ROT13 at all, so ordinary text costs one regex test.
 */
export const ROT13_HINT =
  /\b(?:gur|naq|lbh|lbhe|nyy|vtaber|cerivbhf|cevbe|vafgehpgvbaf|ehyrf|flfgrz|cebzcg|sbetrg|qvfertneq)\b/i;
const WORD = /[A-Za-z]+/g;
/** Words an injection is made of, beside the common ones. */
const INJECTION_WORDS: ReadonlySet<string> = new Set(
  (
    'ignore previous prior preceding earlier instructions instruction rules prompt system forget disregard override ' +
    'bypass reveal print repeat developer mode jailbreak pretend act unrestricted guidelines above hidden secret ' +
    'restrictions filters safety now free answer'
  ).split(' '),
);

export function rot13(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const base = c >= 97 && c <= 122 ? 97 : c >= 65 && c <= 90 ? 65 : 0;
    out += base === 0 ? text[i] : String.fromCharCode(((c - base + 13) % 26) + base);
  }
  return out;
}

function isKnown(word: string): boolean {
  const lower = word.toLowerCase();
  return COMMON_WORDS.has(lower) || INJECTION_WORDS.has(lower);
}

/** A gap between two words of one run: spaces and light punctuation on one line. */
function joinsRun(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let i = from; i < to; i++) if (!' ,\'"-:'.includes(text[i]!)) return false;
  return true;
}

/**
 * Stretches that read as English only after ROT13: runs of words whose ROT13 is a known word where the word is not
 * ("vtaber nyy cerivbhf vafgehpgvbaf"), at least two of them and at least half the run. A word that is English as
 * written ends a run, so ordinary text never doubles.
 */
export function rot13Runs(text: string): Array<{ start: number; end: number }> {
  const runs: Array<{ start: number; end: number }> = [];
  if (!ROT13_HINT.test(text)) return runs;
  let start = -1;
  let end = -1;
  let hits = 0;
  let words = 0;
  const close = (): void => {
    if (start >= 0 && hits >= 2 && hits * 2 >= words) runs.push({ start, end });
    start = -1;
    hits = 0;
    words = 0;
  };
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const known = isKnown(word);
    const decoded = isKnown(rot13(word));
    if (start >= 0 && !joinsRun(text, end, m.index)) close();
    if (known && !decoded) {
      close();
      continue;
    }
    if (decoded && !known) {
      if (start < 0) start = m.index;
      hits++;
    }
    if (start >= 0) {
      words++;
      if (decoded) end = m.index + word.length;
    }
  }
  close();
  return runs;
}

interface Payload {
  readonly start: number;
  readonly blob: string;
  readonly encoding: Decoded['encoding'];
  /** Where its decoded text begins in the joined text that is scanned. */
  readonly offset: number;
}

/** The payload whose decoded text holds `offset` (payloads are in offset order). */
function payloadAt(payloads: readonly Payload[], offset: number): Payload {
  let lo = 0;
  let hi = payloads.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (payloads[mid]!.offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return payloads[lo]!;
}

function reportOf(payload: Payload, inner: Violation): Violation {
  const v: Violation = {
    rule: ENCODED_PAYLOAD.id,
    message: `${ENCODED_PAYLOAD.message}: ${inner.message}`,
    severity: Math.max(ENCODED_PAYLOAD.severity, inner.severity),
    span: { start: payload.start, end: payload.start + payload.blob.length, text: payload.blob },
    encoding: payload.encoding,
    decodedRule: inner.rule,
    decodedMatch: inner.span?.text,
  };
  if (inner.clause !== undefined) v.clause = inner.clause;
  if (inner['escalate'] === true) v['escalate'] = true;
  return v;
}

/**
 * Decodes every blob that holds text, joins the decoded texts one per line (a line ends a sentence, so no phrase
 * spans two payloads) and scans them in one pass: one report per payload, for its most severe match.
 */
export function createEncodedPayloadDetector(scan: PhraseScan): Detector {
  return {
    id: ENCODED_PAYLOAD.id,
    target: 'input',
    regexes: [ENCODED_BLOB, ROT13_HINT, WORD],
    detect(text) {
      const payloads: Payload[] = [];
      let joined = '';
      for (const m of text.matchAll(ENCODED_BLOB)) {
        if (joined.length >= MAX_DECODED_CHARS) break;
        const decoded = decodeBlob(m[0]);
        if (decoded === undefined) continue;
        payloads.push({ start: m.index, blob: m[0], encoding: decoded.encoding, offset: joined.length });
        joined += decoded.text.slice(0, MAX_DECODED_CHARS - joined.length) + '\n';
      }
      for (const run of rot13Runs(text)) {
        if (joined.length >= MAX_DECODED_CHARS) break;
        const blob = text.slice(run.start, run.end);
        payloads.push({ start: run.start, blob, encoding: 'rot13', offset: joined.length });
        joined += rot13(blob).slice(0, MAX_DECODED_CHARS - joined.length) + '\n';
      }
      if (payloads.length === 0) return [];
      const worst = new Map<Payload, Violation>();
      for (const v of scan(joined)) {
        const payload = payloadAt(payloads, v.span?.start ?? 0);
        const current = worst.get(payload);
        if (current === undefined || v.severity > current.severity) worst.set(payload, v);
      }
      return [...worst].map(([payload, inner]) => reportOf(payload, inner));
    },
  };
}
