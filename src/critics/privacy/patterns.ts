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
 * `name = value`, `name: value`, `name := value`, `"name": "value"` (groups: name, value); name and entropy are checked in code.
 * Sticky: secrets.ts tries it only where a match can start (the word before a ':' or '='), with the same results as a
 * global scan.
 */
export const ASSIGNMENT =
  /\b([A-Za-z][A-Za-z0-9_]{0,60})["']?[ \t]{0,3}(?::=|[:=])[ \t]{0,3}["']?([^\s"'`,;&]{8,256})/y;

// ---- more secret families (secrets-vendors.ts, secrets-urls.ts) ------------------------------------------------
// Each token pattern is a prefix and bounded runs of one class; the character before a match and the one after it are
// checked in code (no lookbehind), so a longer run ("…099bZ") or a glued prefix ("xsk_live_…") is not reported.

/** Stripe live secret and restricted keys (test keys, sk_test_/rk_test_, move no money and are published in docs). */
export const STRIPE_KEY = /\b[rs]k_live_[A-Za-z0-9]{24,247}/g;

/** Google API keys: "AIza" and 35 more characters. */
export const GOOGLE_API_KEY = /\bAIza[A-Za-z0-9_-]{35}/g;

/** SendGrid API keys: SG.<22>.<43>. */
export const SENDGRID_KEY = /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/g;

/** Shopify access tokens and app secrets (shpat_, shpca_, shppa_, shpss_). */
export const SHOPIFY_TOKEN = /\bshp(?:at|ca|pa|ss)_[A-Za-z0-9]{32,64}/g;

/** Hugging Face user access tokens: hf_ and 34 letters. */
export const HUGGINGFACE_TOKEN = /\bhf_[A-Za-z]{34}/g;

/** HashiCorp Vault service, batch and recovery tokens (hvs., hvb., hvr.). */
export const VAULT_TOKEN = /\bhv[sbr]\.[A-Za-z0-9_-]{24,512}/g;

/** npm access tokens: npm_ and 36 characters. */
export const NPM_TOKEN = /\bnpm_[A-Za-z0-9]{36}/g;

/** GitLab personal, project and group access tokens: glpat- and 20 or more characters. */
export const GITLAB_TOKEN = /\bglpat-[A-Za-z0-9_-]{20,64}/g;

/** Twilio API key SIDs (SK…) and account SIDs (AC…, reported only next to a Twilio cue): 32 hex digits. */
export const TWILIO_SID = /\b(?:SK|AC)[0-9a-fA-F]{32}/g;

/** Cloudflare user, account and global API tokens (cfut_, cfat_, cfk_): 40 characters and an 8-hex checksum. */
export const CLOUDFLARE_TOKEN = /\bcf(?:ut|at|k)_[A-Za-z0-9]{48}/g;

/** A JSON Web Token: a base64url header that starts '{"' (eyJ), a payload and a signature. */
export const JWT = /eyJ[A-Za-z0-9_-]{10,2048}\.[A-Za-z0-9_-]{10,8192}\.[A-Za-z0-9_-]{10,1024}/g;

/** A Slack incoming-webhook URL: team, bot and secret parts. */
export const SLACK_WEBHOOK =
  /https?:\/\/hooks\.slack\.com\/services\/T[A-Za-z0-9]{4,16}\/B[A-Za-z0-9]{4,16}\/[A-Za-z0-9]{8,64}/g;

/**
 * A URL that carries a password: `scheme://user:password@host` (groups: scheme, user, password). The password runs to
 * the last '@' before a '/', blank or quote, so "p@ss" stays whole; the scheme is checked against a list in code.
 * Sticky: secrets-urls.ts tries it only where a scheme ends in '://' (a scan from every word is ten times slower).
 */
export const URL_CREDENTIALS =
  /([A-Za-z][A-Za-z0-9+.-]{1,20}):\/\/([^\s:@/?#"'`<>]{0,64}):([^\s/?#"'`<>]{1,128})@[A-Za-z0-9[]/y;

/** An HTTP Basic or Bearer credential (groups: scheme, value); the value is judged in code. */
export const AUTH_SCHEME = /\b([Bb]asic|[Bb]earer) ([A-Za-z0-9+/=._~-]{8,4096})/g;

/**
 * A login and its password given together: "user jsmith, password Tr0ub4dor&3!", "username: admin / pwd: …" (group:
 * the password). The user name is a word of its own, so `user: process.env.USER` reads as code, not a login.
 */
export const CREDENTIAL_PAIR =
  /\b(?:user(?:name)?|login)[:=]? ["'`]?[A-Za-z0-9._@-]{2,64}["'`]?(?:,| and| \/|;)? (?:pass(?:word)?|pwd)[:=]? ["'`]?([^\s"'`]{8,64})/gi;

/** A password given in prose: "the password was reset to X", "your new password is X" (group: value). */
export const PASSWORD_PROSE =
  /\b(?:password|passcode|passphrase)s? (?:is|was|has been|is now)(?: (?:reset|set|changed|updated))?(?: to)?:? ["'`]?([^\s"'`]{8,64})/gi;
