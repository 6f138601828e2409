// The queue's excerpt and top rule: taken from the review case when the server sends them, else from the case's record.
import type { EvaluationRecord, ReviewCase, Violation } from './types.js';

export type Excerpt = NonNullable<ReviewCase['excerpt']>;
export type TopRule = NonNullable<ReviewCase['topRule']>;
export type Side = 'input' | 'response';

/** Characters kept on each side of the flagged span. */
const RADIUS = 60;

/** Which text a violation's span points into: `side`, else the older `source`, else the response. */
export function sideOf(violation: Violation): Side {
  const side = violation.side ?? (violation as { source?: unknown }).source;
  return side === 'input' ? 'input' : 'response';
}

/**
 * The stretch of `text` around [start, end): about RADIUS characters each side, cut at a space, with whether it was
 * cut at each end, line breaks as spaces (one for one, so the offsets stay), and the span's offsets inside the stretch.
 */
export function cutExcerpt(text: string, start: number, end: number, radius = RADIUS): Excerpt {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  let from = Math.max(0, s - radius);
  let to = Math.min(text.length, e + radius);
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < s) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > e) to = space;
  }
  return {
    text: text.slice(from, to).replace(/\s/g, ' '),
    start: s - from,
    end: e - from,
    clippedStart: from > 0,
    clippedEnd: to < text.length,
  };
}

/** A usable excerpt as the server sent it: offsets inside its text, in order. */
export function validExcerpt(excerpt: unknown): excerpt is Excerpt {
  if (typeof excerpt !== 'object' || excerpt === null) return false;
  const { text, start, end } = excerpt as Record<string, unknown>;
  return (
    typeof text === 'string' &&
    typeof start === 'number' &&
    typeof end === 'number' &&
    start >= 0 &&
    end >= start &&
    end <= text.length
  );
}

/**
 * The excerpt and top rule of a case from its record, as a server that pages would send them: the excerpt shows the first response span that can be found in the recorded response (else the first input span), or
 * the response's beginning when no span can. None when the texts are stored as digests.
 */
export function summarize(record: EvaluationRecord): { excerpt?: Excerpt; topRule?: TopRule } {
  const { violations, input } = record.evaluation;
  // As the server picks it: the highest severity, the first of equals in priority order.
  const top = violations.reduce<Violation | undefined>(
    (best, v) => (best && best.severity >= v.severity ? best : v),
    undefined,
  );
  const topRule =
    top === undefined
      ? undefined
      : { rule: top.rule, message: top.message, critic: top.critic, severity: top.severity };
  const texts: Record<Side, unknown> = { input: input.inputText, response: input.modelResponse };
  for (const wanted of ['response', 'input'] as const) {
    const text = texts[wanted];
    if (typeof text !== 'string') continue;
    for (const v of violations) {
      if (v.span === undefined || sideOf(v) !== wanted) continue;
      const at = text.slice(v.span.start, v.span.end) === v.span.text ? v.span.start : text.indexOf(v.span.text);
      if (at === -1 || v.span.text === '') continue;
      const excerpt = { ...cutExcerpt(text, at, at + v.span.text.length), side: wanted };
      return topRule === undefined ? { excerpt } : { excerpt, topRule };
    }
  }
  const response = texts.response;
  if (typeof response === 'string' && response !== '') {
    const excerpt = { ...cutExcerpt(response, 0, 0, RADIUS * 2), side: 'response' as const };
    return topRule === undefined ? { excerpt } : { excerpt, topRule };
  }
  return topRule === undefined ? {} : { topRule };
}
