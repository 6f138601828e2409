// Leetspeak folding ("1gn0r3 pr3v10u5" → "ignore previous"), only inside tokens that mix letters and leet digits.

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
};

/** A letter next to a leet character: texts without one are returned as they are, after one regex test. */
export const LEET_HINT = /[A-Za-z][0-9@$]|[0-9@$][A-Za-z]/;
const LEET_HINTS = /[A-Za-z][0-9@$]|[0-9@$][A-Za-z]/g;
const LEADING_SIGNS = /^[@$]+/;
/** An amount glued to a word ("under$10"): '$' before a digit is a currency sign. */
const CURRENCY = /\$[0-9]/;
/** Longest token read as leetspeak ("bob@example.com" before its '.', a 100 KB run of code are not). */
const MAX_TOKEN = 40;
const LETTERS_THEN_DIGITS = /^[A-Za-z]+[0-9]+$/;
const DIGITS_THEN_LETTERS = /^[0-9]+[A-Za-z]+$/;
/** Ordinals and units written after a number: "1st", "3rd", "4th", "5mb", "7pm". */
const UNITS: ReadonlySet<string> = new Set(
  'st nd rd th am pm px em mb gb kb tb km cm mm kg lb ms hz ghz mhz fps kw kwh mph kmh min hr hrs yr yrs'.split(' '),
);

/**
 * Whether a token is leetspeak: at least two letters and one leet character, no other digit, and not a name with a
 * number ("covid19", "h264", "v1", "mp3"; "win10" does fold, harmlessly) or a number with a unit or ordinal ("4k",
 * "3rd", "10th", "100mb").
 */
function isLeet(token: string): boolean {
  let letters = 0;
  let leet = 0;
  let digits = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    if (LEET[token[i]!] !== undefined) leet++;
    else if (c >= 48 && c <= 57)
      return false; // 2, 6, 8, 9: not leet
    else letters++;
  }
  if (letters < 2 || leet === 0 || CURRENCY.test(token)) return false;
  if (LETTERS_THEN_DIGITS.test(token)) return digits <= 2 && letters >= 3;
  if (DIGITS_THEN_LETTERS.test(token)) return digits === 1 && !UNITS.has(token.slice(1).toLowerCase());
  return true;
}

function fold(token: string): string {
  // An all-capitals token stays in capitals: "1GN0R3" → "IGNORE".
  const upper = token === token.toUpperCase();
  let out = '';
  for (const ch of token) {
    const letter = LEET[ch];
    out += letter === undefined ? ch : upper ? letter.toUpperCase() : letter;
  }
  return out;
}

/** Whether the token at start..end holds an '@' (the local part or domain of an e-mail address, "bob@example"). */
function isAddressPart(text: string, start: number, end: number): boolean {
  const at = text.indexOf('@', start);
  return at !== -1 && at < end;
}

function isTokenCode(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 64 || c === 36;
}

/**
 * `text` with its leetspeak tokens folded to letters, character for character (the length never changes). '@' and
 * '$' at a token's start stay ("@user", "$5"). Returns `text` itself when nothing changes. Only tokens where a letter
 * meets a leet character are read: a long text with a few of them costs a few regex steps.
 */
export function foldLeet(text: string): string {
  let out = '';
  let last = 0;
  LEET_HINTS.lastIndex = 0;
  for (let m = LEET_HINTS.exec(text); m !== null; m = LEET_HINTS.exec(text)) {
    let start = m.index;
    while (start > 0 && isTokenCode(text.charCodeAt(start - 1))) start--;
    let end = m.index + 2;
    while (end < text.length && isTokenCode(text.charCodeAt(end))) end++;
    LEET_HINTS.lastIndex = end;
    // Nobody writes a word of more than MAX_TOKEN characters in leet; an e-mail address is not leet for its letters.
    if (end - start > MAX_TOKEN || (text.charCodeAt(end) === 46 && isAddressPart(text, start, end))) continue;
    let token = text.slice(start, end);
    // '@' and '$' that start a token stay ("@user", "$5") unless the rest is leet too ("$y$tem").
    const rest = token.replace(LEADING_SIGNS, '');
    if (rest.length < token.length && !/[013457@$]/.test(rest)) {
      start += token.length - rest.length;
      token = rest;
    }
    if (!isLeet(token)) continue;
    out += text.slice(last, start) + fold(token);
    last = end;
  }
  LEET_HINTS.lastIndex = 0;
  return last === 0 ? text : out + text.slice(last);
}

/** How far a stretch around a folded token reaches when no sentence end comes first. */
const MAX_REACH = 400;

function endsSentence(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 59 || code === 10; // . ! ? ; newline
}

/**
 * The stretches of `folded` (foldLeet's result for `text`) around the characters that differ from `text`: from the
 * sentence end before to the one after, at most MAX_REACH characters each way, merged when they touch. Phrase rules
 * re-read only these, so a text with one odd token ("mp3") does not cost a second full scan.
 */
export function foldedStretches(text: string, folded: string): Array<[start: number, end: number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) === folded.charCodeAt(i)) {
      i++;
      continue;
    }
    let start = i;
    while (start > 0 && i - start < MAX_REACH && !endsSentence(folded.charCodeAt(start - 1))) start--;
    let end = i + 1;
    // The stretch runs on past further changes until a sentence end or MAX_REACH after the last one.
    let reach = end + MAX_REACH;
    while (end < folded.length && end < reach && !endsSentence(folded.charCodeAt(end))) {
      if (text.charCodeAt(end) !== folded.charCodeAt(end)) reach = end + MAX_REACH;
      end++;
    }
    end = Math.min(folded.length, end + 1);
    const last = out.at(-1);
    if (last !== undefined && start <= last[1]) last[1] = end;
    else out.push([start, end]);
    i = end;
  }
  return out;
}
