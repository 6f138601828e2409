// Words spelled out letter by letter ("s c u m", "i-g-n-o-r-e"), closed up for the phrase rules' second reading.

/** Three single letters in a row with one separator after each of the first two: texts without one pass untouched. */
export const SPACED_HINT = /(?:^|[^A-Za-z0-9])[A-Za-z][ .*_-][A-Za-z][ .*_-][A-Za-z](?![A-Za-z0-9])/;
const SEPARATORS: ReadonlySet<number> = new Set([32, 46, 42, 95, 45]); // space . * _ -
/** Fewest letters closed up: "a b" is two words; "s c u m" is one. */
const MIN_LETTERS = 3;

function isLetter(code: number): boolean {
  return (code | 32) >= 97 && (code | 32) <= 122;
}

function isWordCode(code: number): boolean {
  return isLetter(code) || (code >= 48 && code <= 57);
}

/** Whether `text[at]` is a letter standing alone: no letter or digit either side. */
function standsAlone(text: string, at: number): boolean {
  return (
    isLetter(text.charCodeAt(at)) &&
    (at === 0 || !isWordCode(text.charCodeAt(at - 1))) &&
    (at + 1 >= text.length || !isWordCode(text.charCodeAt(at + 1)))
  );
}

/** Where the run of single letters starting at `start` ends (after its last letter), one separator between each. */
function runEnd(text: string, start: number): { end: number; letters: number } {
  const separator = text.charCodeAt(start + 1);
  let end = start + 1;
  let letters = 1;
  if (!SEPARATORS.has(separator)) return { end, letters };
  while (text.charCodeAt(end) === separator && end + 1 < text.length && standsAlone(text, end + 1)) {
    end += 2;
    letters++;
  }
  return { end, letters };
}

/**
 * `text` with every run of three or more single letters joined by one separator ("s c u m", "k.i.l.l") closed up
 * into one word, padded with spaces after it so that the length never changes ("s c u m" → "scum   "). A run that
 * starts with "I" or "a" and has four letters or more keeps that letter as a word ("I h a t e" → "I hate   ").
 * Linear: each character is read a bounded number of times. Returns `text` itself when nothing changes.
 *
 * @example
 * closeSpacedLetters('they are s c u m'); // 'they are scum   '
 */
export function closeSpacedLetters(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    if (!standsAlone(text, i)) continue;
    const { end, letters } = runEnd(text, i);
    if (letters < MIN_LETTERS) {
      i = end - 1;
      continue;
    }
    const run = text.slice(i, end);
    let word = '';
    for (let k = 0; k < run.length; k += 2) word += run[k];
    const first = run[0]!;
    const closed =
      letters >= 4 && (first === 'I' || first === 'a' || first === 'A') ? `${first} ${word.slice(1)}` : word;
    out += text.slice(last, i) + closed.padEnd(run.length, ' ');
    last = end;
    i = end - 1;
  }
  return last === 0 ? text : out + text.slice(last);
}
