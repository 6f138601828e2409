// The passes of normalize.ts over code units: NFKC per segment, invisibles and digits, then look-alikes word by word.
import { CONFUSABLES, digitValue, isInvisible } from './normalize-tables.js';

export const NON_ASCII = /[\u0080-\u{10ffff}]/u;
const MARK = /^\p{M}/u;
const MARKS = /\p{M}/gu;
const LETTER_OR_MARK = /^[\p{L}\p{M}]/u;

// What each code point is, computed once: a flag byte per BMP code point, a map for the others.
const KNOWN = 1;
const INVISIBLE = 2;
/** Belongs to the character before it: a combining mark, a Hangul vowel or final, or NFKC makes it a mark. */
const CONTINUES = 4;
const LETTER = 8;
const MARK_FLAG = 16;
/** Stands for itself when alone (its normalised form is the character). */
const SELF = 32;
/** In the look-alike table. */
const CONFUSABLE = 64;
const bmpFlags = new Uint8Array(0x10000);
const astralFlags = new Map<number, number>();
/** The normalised form of a code point standing alone, when it is not SELF. */
const aloneForms = new Map<number, string>();

/** A Hangul medial vowel or final consonant (conjoining jamo): it composes with the leading consonant before it. */
function isJamoTail(cp: number): boolean {
  return (cp >= 0x1161 && cp <= 0x11ff) || (cp >= 0xd7b0 && cp <= 0xd7ff);
}

function flagsOf(cp: number): number {
  let flags = cp <= 0xffff ? bmpFlags[cp]! : (astralFlags.get(cp) ?? 0);
  if (flags !== 0) return flags;
  const ch = String.fromCodePoint(cp);
  flags = KNOWN;
  if (isInvisible(cp)) flags |= INVISIBLE;
  else {
    if (CONFUSABLES.has(cp)) flags |= CONFUSABLE;
    if (MARK.test(ch)) flags |= MARK_FLAG | CONTINUES;
    else if (LETTER_OR_MARK.test(ch)) flags |= LETTER;
    // A Hangul vowel or final joins the syllable before it, also in its compatibility and half-width forms ("ﾡￂ" is
    // "가"): otherwise a second pass would compose what the first left apart.
    const nfkc = ch.normalize('NFKC');
    if (MARK.test(nfkc) || isJamoTail(cp) || isJamoTail(nfkc.codePointAt(0) ?? 0)) flags |= CONTINUES;
    const alone = normalizeSegment(ch);
    if (alone === ch) flags |= SELF;
    else aloneForms.set(cp, alone);
  }
  if (cp <= 0xffff) bmpFlags[cp] = flags;
  else if (astralFlags.size < 65_536) astralFlags.set(cp, flags);
  return flags;
}

const segmentCache = new Map<string, string>();

/**
 * A base character and its marks: NFKC, digits of any script made ASCII, and every mark dropped when the base is
 * ASCII or a Latin letter with diacritics ("é" → "e", "i\u0301\u0308" → "i"). Results are cached (bounded).
 */
function normalizeSegment(segment: string): string {
  let out = segmentCache.get(segment);
  if (out !== undefined) return out;
  const nfkc = segment.normalize('NFKC');
  out = nfkc;
  if (NON_ASCII.test(nfkc)) {
    out = '';
    for (const ch of nfkc) {
      const cp = ch.codePointAt(0)!;
      if (isInvisible(cp)) continue;
      const digit = digitValue(cp);
      out += digit >= 0 ? String.fromCharCode(48 + digit) : ch;
    }
    const first = out.charCodeAt(0);
    // Latin-1, Latin Extended-A/B and Latin Extended Additional hold the precomposed Latin letters.
    if (first < 0x250 || (first >= 0x1e00 && first <= 0x1eff)) {
      const bare = out.normalize('NFD').replace(MARKS, '').normalize('NFC');
      if (bare.charCodeAt(0) < 0x80) out = bare;
    }
  }
  if (segmentCache.size >= 4096) segmentCache.clear();
  segmentCache.set(segment, out);
  return out;
}

/** Output under construction: the text and, per code unit, where its source starts and ends in the original. */
class Builder {
  length = 0;
  /** The text's code units: written one by one and made a string once (a flat one, fast to read). */
  units: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  confusable = false;

  constructor(capacity: number) {
    const size = Math.max(16, capacity);
    this.units = new Uint16Array(size);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
  }

  #reserve(n: number): void {
    if (this.length + n <= this.starts.length) return;
    const size = Math.max(this.starts.length * 2, this.length + n);
    const units = new Uint16Array(size);
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    units.set(this.units.subarray(0, this.length));
    starts.set(this.starts.subarray(0, this.length));
    ends.set(this.ends.subarray(0, this.length));
    this.units = units;
    this.starts = starts;
    this.ends = ends;
  }

  unit(code: number, from: number, to: number): void {
    this.#reserve(1);
    this.units[this.length] = code;
    this.starts[this.length] = from;
    this.ends[this.length++] = to;
  }

  identity(text: string, from: number, to: number): void {
    this.#reserve(to - from);
    for (let k = from; k < to; k++, this.length++) {
      this.units[this.length] = text.charCodeAt(k);
      this.starts[this.length] = k;
      this.ends[this.length] = k + 1;
    }
  }

  segment(out: string, from: number, to: number): void {
    this.#reserve(out.length);
    for (let k = 0; k < out.length; k++, this.length++) {
      const code = out.charCodeAt(k);
      this.units[this.length] = code;
      this.starts[this.length] = from;
      this.ends[this.length] = to;
      if (!this.confusable && CONFUSABLES.has(code)) this.confusable = true;
    }
  }

  /** The code point at `j` (a surrogate pair read as one). */
  codePointAt(j: number): number {
    const c = this.units[j]!;
    if (c >= 0xd800 && c <= 0xdbff && j + 1 < this.length) {
      const d = this.units[j + 1]!;
      if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
    }
    return c;
  }

  text(): string {
    let out = '';
    for (let at = 0; at < this.length; at += 8192) {
      out += String.fromCharCode(...this.units.subarray(at, Math.min(this.length, at + 8192)));
    }
    return out;
  }
}

/** Set by segmentEnd: where the invisible characters after the segment end (they are dropped with it). */
let scannedTo = 0;

/** Where the segment whose base ends at `j` ends: past its continuation characters and invisibles between them. */
function segmentEnd(text: string, j: number): number {
  let end = j;
  let k = j;
  while (k < text.length) {
    const cp = text.codePointAt(k)!;
    if (cp < 0x80) break;
    const flags = flagsOf(cp);
    if ((flags & (INVISIBLE | CONTINUES)) === 0) break;
    k += cp > 0xffff ? 2 : 1;
    if ((flags & CONTINUES) !== 0) end = k;
  }
  scannedTo = k;
  return end;
}

/** NFKC per segment, invisibles dropped, digits made ASCII: one pass, each output unit mapped to its source. */
function firstPass(text: string): Builder {
  const b = new Builder(text.length + 16);
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) < 0x80) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) < 0x80) j++;
      // The run's last character is a segment of its own when marks follow it.
      const last = j < text.length && segmentEnd(text, j) > j ? j - 1 : j;
      if (last > i) b.identity(text, i, last);
      i = last;
      if (i === j) {
        // Invisible characters right after the run are dropped here, not looked at again one by one.
        if (j < text.length) i = scannedTo;
        continue;
      }
    }
    const cp = text.codePointAt(i)!;
    const base = i + (cp > 0xffff ? 2 : 1);
    const end = segmentEnd(text, base);
    const next = scannedTo;
    if (end === base) {
      const flags = cp < 0x80 ? SELF : flagsOf(cp);
      if ((flags & SELF) !== 0) {
        b.identity(text, i, base);
        if ((flags & CONFUSABLE) !== 0) b.confusable = true;
      } else if ((flags & INVISIBLE) === 0) b.segment(aloneForms.get(cp)!, i, base);
    } else {
      let raw = '';
      // An ASCII character with marks only is that character (see normalizeSegment): "Zalgo" text costs no NFKC.
      let marksOnly = cp < 0x80;
      for (let k = i; k < end;) {
        const c = text.codePointAt(k)!;
        const n = c > 0xffff ? 2 : 1;
        const flags = c < 0x80 ? 0 : flagsOf(c);
        if ((flags & INVISIBLE) === 0) {
          if (k > i && (flags & MARK_FLAG) === 0) marksOnly = false;
          raw += text.slice(k, k + n);
        }
        k += n;
      }
      b.segment(marksOnly ? text[i]! : normalizeSegment(raw), i, end);
    }
    i = Math.max(end, next);
  }
  return b;
}

function isLetterCode(cp: number): boolean {
  return cp < 0x80 ? (cp | 32) >= 97 && (cp | 32) <= 122 : (flagsOf(cp) & LETTER) !== 0;
}

function isMarkCode(cp: number): boolean {
  return cp >= 0x80 && (flagsOf(cp) & MARK_FLAG) !== 0;
}

/**
 * Folds look-alikes word by word: a word is folded when it has an ASCII letter ("іgnоrе") or all its letters are
 * look-alikes ("оре"), and left alone otherwise, so Russian or Greek words keep their letters ("привет").
 */
function foldConfusables(b: Builder): Builder {
  const out = new Builder(b.length);
  const { units, starts, ends, length } = b;
  let i = 0;
  while (i < length) {
    let j = i;
    let ascii = false;
    let foreign = false;
    while (j < length) {
      const c = b.codePointAt(j);
      const letter = isLetterCode(c);
      // Digits, '@' and '$' hold a word together: leet folding may make them letters ("аA@а" is one word).
      if (!letter && !isMarkCode(c) && !(c <= 57 && c >= 48) && c !== 64 && c !== 36) break;
      if (letter && c < 0x80) ascii = true;
      else if (letter && !CONFUSABLES.has(c)) foreign = true;
      j += c > 0xffff ? 2 : 1;
    }
    if (j === i) j = i + 1;
    const fold = ascii || !foreign;
    for (let k = i; k < j; k++) {
      const folded = fold ? CONFUSABLES.get(units[k]!) : undefined;
      if (folded === undefined) {
        out.unit(units[k]!, starts[k]!, ends[k]!);
        continue;
      }
      // The marks of a folded letter's segment go, as they do after an ASCII letter in the first pass; what else
      // continues the segment (a Hangul final) stays.
      out.unit(folded, starts[k]!, ends[k]!);
      while (k + 1 < j && (flagsOf(b.codePointAt(k + 1)) & CONTINUES) !== 0) {
        const c = b.codePointAt(k + 1);
        const n = c > 0xffff ? 2 : 1;
        if ((flagsOf(c) & MARK_FLAG) === 0) {
          for (let u = k + 1; u < k + 1 + n; u++) out.unit(units[u]!, starts[u]!, ends[u]!);
        }
        k += n;
      }
    }
    i = j;
  }
  return out;
}

/** The normalised code units of `text` and, per unit, where its source starts and ends in `text`. */
export function normalizeUnits(text: string): { text: string; starts: Int32Array; ends: Int32Array } {
  let b = firstPass(text);
  if (b.confusable) b = foldConfusables(b);
  return { text: b.text(), starts: b.starts.subarray(0, b.length), ends: b.ends.subarray(0, b.length) };
}
