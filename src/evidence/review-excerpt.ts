// What a review-queue row shows of a case: an excerpt around the first flagged span, and the top rule in words.
import type { ReviewExcerpt, TopRule } from './types.js';

/** Characters kept on each side of the span; a span longer than SPAN_MAX is cut (the excerpt stays short). */
const CONTEXT = 60;
const SPAN_MAX = 160;
/** How far an edge may move to fall between words rather than inside one. */
const SNAP = 15;

interface RecordedViolation {
  critic?: unknown;
  rule?: unknown;
  message?: unknown;
  severity?: unknown;
  /** Which text the span is in (`source` in records older than `side`); the response when neither is set. */
  side?: unknown;
  source?: unknown;
  span?: { start?: unknown; end?: unknown } | null;
}

export interface RecordedCase {
  input?: { inputText?: unknown; modelResponse?: unknown };
  violations?: readonly RecordedViolation[];
}

/** The record's violations, or none when it holds something else there. */
const violationsOf = (record: RecordedCase): readonly RecordedViolation[] =>
  Array.isArray(record.violations) ? (record.violations as readonly RecordedViolation[]) : [];

/** The first violation span (in the record's priority order) that lies inside `text`, from `source`. */
function firstSpan(
  violations: readonly RecordedViolation[],
  source: 'input' | 'response',
  text: string,
): { start: number; end: number } | null {
  for (const v of violations) {
    if ((v.side ?? v.source ?? 'response') !== source || typeof v.span !== 'object' || v.span === null) continue;
    const { start, end } = v.span;
    if (Number.isInteger(start) && Number.isInteger(end) && 0 <= (start as number)) {
      if ((start as number) <= (end as number) && (end as number) <= text.length) {
        return { start: start as number, end: end as number };
      }
    }
  }
  return null;
}

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Moves `at` (a cut) back or on to a word boundary nearby, and never between the halves of a surrogate pair. */
function snap(text: string, at: number, direction: -1 | 1, limit: number): number {
  let cut = at;
  for (let i = 0; i < SNAP && cut !== limit; i += 1) {
    if (isSpace(text[cut - 1]) || isSpace(text[cut])) break;
    cut += direction;
  }
  if (!(isSpace(text[cut - 1]) || isSpace(text[cut]))) cut = at;
  if (cut > 0 && cut < text.length && isLowSurrogate(text.charCodeAt(cut))) cut += direction;
  return Math.max(0, Math.min(text.length, cut));
}

function cut(text: string, side: 'input' | 'response', span: { start: number; end: number }): ReviewExcerpt {
  const end = Math.min(span.end, span.start + SPAN_MAX);
  const from = span.start - CONTEXT <= 0 ? 0 : snap(text, span.start - CONTEXT, -1, 0);
  const to = end + CONTEXT >= text.length ? text.length : snap(text, end + CONTEXT, 1, text.length);
  return {
    side,
    text: text.slice(from, to),
    start: span.start - from,
    end: Math.min(span.end, to) - from,
    clippedStart: from > 0,
    clippedEnd: to < text.length,
  };
}

/**
 * The response around its first flagged span, else the input around its first (in the record's priority order).
 * Undefined when no span is flagged in a text that is kept (texts recorded hashed are not).
 */
export function excerptOf(record: RecordedCase): ReviewExcerpt | undefined {
  const violations = violationsOf(record);
  for (const side of ['response', 'input'] as const) {
    const text = side === 'response' ? record.input?.modelResponse : record.input?.inputText;
    if (typeof text !== 'string') continue;
    const span = firstSpan(violations, side, text);
    if (span !== null) return cut(text, side, span);
  }
  return undefined;
}

/** The highest-severity violation, the first of equals in the record's (priority) order. */
export function topRuleOf(record: RecordedCase): TopRule | undefined {
  let top: TopRule | undefined;
  for (const v of violationsOf(record)) {
    const severity = typeof v.severity === 'number' ? v.severity : 0;
    if (top !== undefined && severity <= top.severity) continue;
    top = {
      critic: typeof v.critic === 'string' ? v.critic : '',
      rule: typeof v.rule === 'string' ? v.rule : '',
      message: typeof v.message === 'string' ? v.message : '',
      severity,
    };
  }
  return top;
}
