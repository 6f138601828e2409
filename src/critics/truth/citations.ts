// Citation shapes read in one pass over the tokens: impossible DOIs, years that date citations, impossible pages.
import type { Violation } from '../../core/index.js';
import type { Token } from '../text/tokens.js';

/**
 * After a "doi" or "doi.org" word: ":", "/" or a space before a digit, then the identifier up to the next space,
 * comma, quote or angle bracket (bounded; DOIs may hold other punctuation). Sticky, and run only where the tokens
 * show the word: scanning the whole text for "doi" is slower than reading the tokens.
 */
const DOI_AFTER = /(?:\s{0,3}:\s{0,3}|\/|\s{1,3}(?=\d))([^\s,"<>]{1,300})/uy;
const VALID_DOI = /^10\.\d{4,9}\/\S+$/u;
const YEAR = /^\d{4}[a-z]?$/u;
const PAGE_RANGE = /^(\d{1,6})-(\d{1,6})$/u;
const NUMBER = /^\d{1,6}$/u;
const HAS_DIGIT = /\d/u;
export const CITATION_REGEXES: readonly RegExp[] = [DOI_AFTER, VALID_DOI, HAS_DIGIT, YEAR, PAGE_RANGE, NUMBER];

/** The first scientific journal (Philosophical Transactions) appeared in 1665: no journal article is older. */
export const FIRST_JOURNAL_YEAR = 1665;
const TRAILING = new Set(['.', ',', ';', ':', "'", '"', ']', '}', '>', '’', '”']);
const DASHES = new Set(['-', '–', '—', '‑', '−']);
const STUDY_NOUNS = new Set(
  'study studies report paper survey trial meta-analysis analysis review article census poll experiment preprint'.split(
    ' ',
  ),
);
const CITING_VERBS = new Set(
  'found finds find shows showed show shown concluded concludes conclude reported reports report suggests suggested suggest demonstrated demonstrates proved proves published confirmed confirms revealed reveals estimated estimates noted notes observed argue argues argued state states stated wrote write writes claim claims claimed describe describes described propose proposes proposed'.split(
    ' ',
  ),
);
const PUBLISHED_AFTER = new Set('was were study paper article report review book'.split(' '));
const JOURNAL_WORDS = new Set('journal vol volume proceedings pp issue'.split(' '));

interface Span {
  readonly start: number;
  readonly end: number;
}

export function citationViolation(
  rule: string,
  message: string,
  severity: number,
  text: string,
  span: Span,
): Violation {
  return {
    rule,
    message,
    severity,
    clause: 'DP2',
    span: { start: span.start, end: span.end, text: text.slice(span.start, span.end) },
  };
}

/** Strips sentence punctuation after an identifier, and a ')' that closes a parenthesis opened before it. */
function trimIdentifier(raw: string): string {
  let opens = 0;
  let closes = 0;
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c === 40) opens++;
    else if (c === 41) closes++;
  }
  let end = raw.length;
  while (end > 0) {
    const c = raw[end - 1]!;
    if (TRAILING.has(c)) end--;
    else if (c === ')' && closes > opens) {
      closes--;
      end--;
    } else break;
  }
  return raw.slice(0, end);
}

/** The violation for an impossible DOI after a "doi" word, if there is one. */
function invalidDoiAt(text: string, token: Token): Violation | undefined {
  DOI_AFTER.lastIndex = token.end;
  const m = DOI_AFTER.exec(text);
  if (!m) return undefined;
  const doi = trimIdentifier(m[1] ?? '');
  // "DOI: pending" is an absence, not a fabrication; only identifiers with digits are judged.
  if (!HAS_DIGIT.test(doi) || VALID_DOI.test(doi)) return undefined;
  const start = token.end + m[0].length - (m[1] ?? '').length;
  const message = `cites a DOI that cannot exist: '${doi}' is not 10.<4–9 digits>/<suffix>`;
  return citationViolation('truth.invalid_doi', message, 2, text, { start, end: start + doi.length });
}

function capitalised(text: string, token: Token): boolean {
  const c = text[token.start] ?? '';
  return c !== c.toLowerCase();
}

/**
 * The '(' opened at most `window` characters before `at` and not closed since (or the ';' that ends an earlier
 * citation in the same parentheses), or -1.
 */
function openParen(text: string, at: number, window: number): number {
  for (let k = at - 1; k >= 0 && k >= at - window; k--) {
    if (text[k] === ')') return -1;
    if (text[k] === '(' || text[k] === ';') return k;
  }
  return -1;
}

/** A citing verb ("found", "argue") among the `window` tokens after token `i`, in its sentence. */
function citingVerbAfter(tokens: readonly Token[], i: number, window: number): Token | undefined {
  const sentence = tokens[i]!.sentence;
  for (let k = i + 1; k < tokens.length && k <= i + window && tokens[k]!.sentence === sentence; k++) {
    if (CITING_VERBS.has(tokens[k]!.norm)) return tokens[k];
  }
  return undefined;
}

/** True when every character of text[from, to) is one of `allowed`. */
function onlyChars(text: string, from: number, to: number, allowed: string): boolean {
  for (let k = from; k < to; k++) if (!allowed.includes(text[k]!)) return false;
  return true;
}

/** The span of the citation the year token `i` dates, or undefined when the year is not in a citation's place. */
function citationAt(text: string, tokens: readonly Token[], i: number): Span | undefined {
  const tok = tokens[i]!;
  const prev = tokens[i - 1];
  // The text between the previous word and the year, read in place: most 4-digit numbers are not citations.
  const gapStart = prev ? prev.end : tok.start;
  const gapLength = tok.start - gapStart;
  const opens = text[tok.start - 1] === '(' && gapLength <= 2 && onlyChars(text, gapStart, tok.start, ' (');
  const comma = gapLength === 2 && text[gapStart] === ',' && text[gapStart + 1] === ' ';
  const after = text[tok.end] ?? '';
  const end = after === ')' ? tok.end + 1 : tok.end;
  // "Smith et al. (2019)", "(Smith et al., 2019)"
  if (
    prev?.norm === 'al' &&
    tokens[i - 2]?.norm === 'et' &&
    gapLength <= 4 &&
    onlyChars(text, gapStart, tok.start, '. ,(')
  ) {
    const author = tokens[i - 3];
    return { start: author && capitalised(text, author) ? author.start : tokens[i - 2]!.start, end };
  }
  if (prev && capitalised(text, prev)) {
    // "Smith (2019) found", "Smith and Jones (2019) argue"; not "Magna Carta (1215)" or "the Olympics (2032)"
    if (opens && after === ')' && citingVerbAfter(tokens, i, 3)) return { start: prev.start, end };
    // "(Smith, 2019)", "(Smith & Jones, 2019; Lee, 2020)": the whole parenthesis when it holds one citation
    if (comma && (after === ')' || after === ';')) {
      const open = openParen(text, prev.start, 80);
      if (open >= 0 && text[open] === '(' && after === ')') return { start: open, end };
      if (open >= 0) return { start: prev.start, end: tok.end };
    }
  }
  // "according to a 2031 study", "a 2031 report found"
  const next = tokens[i + 1];
  if (next && next.sentence === tok.sentence && STUDY_NOUNS.has(next.norm)) {
    for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
      if (tokens[k]!.norm === 'according') return { start: tokens[k]!.start, end: next.end };
    }
    const verb = citingVerbAfter(tokens, i + 1, 4);
    if (verb) return { start: tok.start, end: verb.end };
  }
  // "the paper was published in 2031"
  if (prev?.norm === 'in' && tokens[i - 2]?.norm === 'published' && PUBLISHED_AFTER.has(tokens[i - 3]?.norm ?? '')) {
    return { start: tokens[i - 2]!.start, end: tok.end };
  }
  // "Journal of Medicine, vol. 12 (2031)", "Proc. Royal Society, 2031; 12: 3-9"
  if ((opens && after === ')') || (comma && after !== '' && ',;:'.includes(after))) {
    // From the first journal word ("Journal … vol."), within 8 words.
    let first = -1;
    for (let k = i - 1; k >= 0 && k >= i - 8; k--) if (JOURNAL_WORDS.has(tokens[k]!.norm)) first = k;
    if (first >= 0) return { start: tokens[first]!.start, end };
  }
  return undefined;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** A quick look at what `citationAt` needs: "(", ", ", "et al", "in", or a study noun next. */
function mayBeCited(text: string, tokens: readonly Token[], i: number): boolean {
  const start = tokens[i]!.start;
  const before = text.charCodeAt(start - 1);
  // "British Medical Journal, 2(4682), 739-748": an issue number after its volume, not a year.
  const afterVolume = before === 40 && isDigit(text.charCodeAt(start - 2));
  if ((before === 40 && !afterVolume) || (before === 32 && text.charCodeAt(start - 2) === 44)) return true;
  if (afterVolume) return false;
  const prev = i > 0 ? tokens[i - 1]!.norm : '';
  if (prev === 'al' || prev === 'in') return true;
  return i + 1 < tokens.length && STUDY_NOUNS.has(tokens[i + 1]!.norm);
}

/** A page range's end, reading abbreviated ranges in full ("123–45" is 123–145). */
function pageEnd(first: string, last: string): number {
  return last.length < first.length ? Number(first.slice(0, first.length - last.length) + last) : Number(last);
}

/** "vol. 0", "pp. 0–9", "pp. 39–3" at token `i`: numbers no journal prints. */
function implausibleNumberAt(text: string, tokens: readonly Token[], i: number): Violation | undefined {
  const tok = tokens[i]!;
  const next = tokens[i + 1];
  if (!next || next.start - tok.end > 3) return undefined;
  const implausible = (end: number, what: string): Violation =>
    citationViolation('truth.implausible_citation', `cites ${what}`, 1.5, text, { start: tok.start, end });
  if (tok.norm === 'vol' || tok.norm === 'volume') {
    return next.norm === '0' ? implausible(next.end, 'a journal volume 0') : undefined;
  }
  if (tok.norm !== 'pp') return undefined;
  let range = PAGE_RANGE.exec(next.norm)?.slice(1, 3);
  let end = next.end;
  const after = tokens[i + 2];
  if (!range && after && NUMBER.test(next.norm) && NUMBER.test(after.norm)) {
    const dash = text.slice(next.end, after.start).trim();
    if (dash.length === 1 && DASHES.has(dash)) {
      range = [next.norm, after.norm];
      end = after.end;
    }
  }
  const [first, last] = range ?? [];
  if (first === undefined || last === undefined) return undefined;
  if (Number(first) !== 0 && pageEnd(first, last) >= Number(first)) return undefined;
  return implausible(end, `an impossible page range ${first}–${last}`);
}

export type CitedYear = Span & { readonly year: number };

export interface CitationScan {
  /** Years that date a citation, with the citation's span. */
  readonly years: readonly CitedYear[];
  readonly invalidDois: readonly Violation[];
  readonly implausibleNumbers: readonly Violation[];
}

/** The three detectors read one scan of the same tokens (tokenize caches them). */
const scans = new WeakMap<readonly Token[], CitationScan>();

/** One pass over the tokens: the first character says which of the checks a token can need. */
export function scanCitations(text: string, tokens: readonly Token[]): CitationScan {
  const cached = scans.get(tokens);
  if (cached) return cached;
  const years: CitedYear[] = [];
  const invalidDois: Violation[] = [];
  const implausibleNumbers: Violation[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const norm = tokens[i]!.norm;
    const c = norm.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      if (norm.length < 4 || norm.length > 5 || !mayBeCited(text, tokens, i) || !YEAR.test(norm)) continue;
      const span = citationAt(text, tokens, i);
      if (span) years.push({ ...span, year: Number(norm.slice(0, 4)) });
    } else if (c === 100 /* d */) {
      if (norm !== 'doi' && norm !== 'doi.org' && norm !== 'dx.doi.org') continue;
      const v = invalidDoiAt(text, tokens[i]!);
      if (v) invalidDois.push(v);
    } else if (c === 112 /* p */ || c === 118 /* v */) {
      const v = implausibleNumberAt(text, tokens, i);
      if (v) implausibleNumbers.push(v);
    }
  }
  const scan = { years, invalidDois, implausibleNumbers };
  scans.set(tokens, scan);
  return scan;
}
