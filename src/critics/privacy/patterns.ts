// Every regular expression the privacy detectors use, in one module so a test can check each is declared and ReDoS-safe.
//
// safe-regex2 rejects nested quantifiers and cannot parse lookbehind, so each pattern is a flat sequence of bounded
// repetitions; left boundaries, grouping and checksums are checked in code (see scan.ts).

/** An e-mail address from its '@' on; the local part is read backwards in code (no lookbehind). */
export const EMAIL_DOMAIN = /@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}/g;

/** A spelled-out '@' or '.' in a hidden address: " [at] ", "(dot)", "{at}" (group: at|dot). */
export const SPELLED_EMAIL = /\s?[[({]\s?(at|dot)\s?[\])}]\s?/gi;

/** A phone-number candidate: digits joined by spaces, dots, dashes or parentheses; libphonenumber-js decides. */
export const PHONE = /\+?\(?\d[\d ().-]{5,24}\d/g;

export const IPV4 = /\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/g;

/**
 * At least one colon and a run of hex digits and colons; validator's isIP decides. Sticky: contact.ts tries it only
 * where a match can start (just before a ':'), with the same results as a global scan.
 */
export const IPV6 = /[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:]{2,38}/y;

/** US SSN: dashed, spaced or bare (the last two only next to an "SSN" cue). */
export const SSN = /\b(?:\d{3}-\d{2}-\d{4}|\d{3} \d{2} \d{4}|\d{9})\b/g;

/** UK National Insurance number: letters D, F, I, Q, U, V never appear in the prefix, O never second; suffix A–D. */
export const UK_NINO = /\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g;

/**
 * A 13–19 digit card number as cards are printed: 4-4-4-4-(1–3), 4-4-4-(1–4), 4-6-(4–5) (Amex, Diners) or ungrouped.
 * Separators are one space, dash or dot ("4111.1111.1111.1111" hides a card from a space-or-dash rule); that they are
 * all the same is checked in code. Zero-width characters inside are gone before this runs (text/normalize.ts).
 */
export const CARD_NUMBER =
  /\b(?:\d{4}[ .-]\d{4}[ .-]\d{4}[ .-]\d{4}[ .-]\d{1,3}|\d{4}[ .-]\d{4}[ .-]\d{4}[ .-]\d{1,4}|\d{4}[ .-]\d{6}[ .-]\d{4,5}|\d{13,19})\b/g;

/** An upper-case IBAN candidate (country, check digits, then the BBAN with optional single spaces). */
export const IBAN = /\b[A-Z]{2}\d{2}[ A-Z0-9]{10,42}/g;

export const AWS_ACCESS_KEY = /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g;

/** Classic (ghp_, gho_, ghu_, ghs_, ghr_) and fine-grained (github_pat_) tokens. */
export const GITHUB_TOKEN = /\b(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,251})\b/g;

export const SLACK_TOKEN = /\bxox[abposr]-[A-Za-z0-9-]{10,250}/g;

/** OpenAI-style secret keys, including sk-proj-… and other vendors' sk-… keys. */
export const SK_KEY = /\bsk-[A-Za-z0-9_-]{20,250}/g;

export const PRIVATE_KEY_HEADER = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY[A-Z ]{0,10}-----/g;

/**
 * `name = value`, `name: value`, `"name": "value"` (groups: name, value); name and entropy are checked in code.
 * Sticky: secrets.ts tries it only where a match can start (the word before a ':' or '='), with the same results as a
 * global scan.
 */
export const ASSIGNMENT = /\b([A-Za-z][A-Za-z0-9_]{0,60})["']?[ \t]{0,3}[:=][ \t]{0,3}["']?([^\s"'`,;&]{8,256})/y;
