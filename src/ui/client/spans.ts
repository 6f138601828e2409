// segments(): cuts a text into plain and flagged pieces from violation spans (overlaps allowed), for highlighting.
export interface Mark {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The violation's number in the case's list. */
  readonly ref: number;
}

export interface Segment {
  text: string;
  /** The violations covering this piece, in order; empty for plain text. */
  refs: number[];
}

/**
 * Where the mark really is in `text`: its offsets when they hold its text, else the first occurrence of its text
 * (a record written by another version), else nowhere.
 */
function locate(text: string, mark: Mark): { start: number; end: number } | undefined {
  if (mark.start >= 0 && mark.end > mark.start && text.slice(mark.start, mark.end) === mark.text) {
    return { start: mark.start, end: mark.end };
  }
  if (mark.text === '') return undefined;
  const at = text.indexOf(mark.text);
  return at === -1 ? undefined : { start: at, end: at + mark.text.length };
}

export function segments(text: string, marks: readonly Mark[]): Segment[] {
  const located = marks.flatMap((mark) => {
    const where = locate(text, mark);
    return where === undefined ? [] : [{ ...where, ref: mark.ref }];
  });
  const cuts = [...new Set([0, text.length, ...located.flatMap((m) => [m.start, m.end])])].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const refs = located
      .filter((m) => m.start <= start && m.end >= end)
      .map((m) => m.ref)
      .sort((a, b) => a - b);
    const previous = out[out.length - 1];
    if (previous !== undefined && previous.refs.join() === refs.join()) previous.text += text.slice(start, end);
    else out.push({ text: text.slice(start, end), refs });
  }
  return out;
}
