// Credentials carried by URLs and HTTP headers: `scheme://user:password@host`, Slack webhooks, Basic and Bearer values.
import type { Violation } from '../../core/index.js';
import type { Detector } from '../rule-critic.js';
import { AUTH_SCHEME, SLACK_WEBHOOK, URL_CREDENTIALS } from './patterns.js';
import type { DetectorSpec } from './rules.js';
import {
  charIs,
  entropy,
  hasLetterAndDigit,
  isDigitCode,
  isKeyCode,
  isPlaceholder,
  isWordCode,
  MAX_PER_DETECTOR,
  violation,
} from './scan.js';

export const URL_SECRET_DETECTORS = {
  urlCredentials: {
    id: 'privacy.secret_url_credentials',
    message: 'discloses a password in a URL or connection string (scheme://user:password@host)',
    severity: 2.5,
    clause: 'P2',
    escalate: true,
  },
  slackWebhook: {
    id: 'privacy.slack_webhook',
    message: 'discloses a Slack incoming-webhook URL (anyone holding it can post to the channel)',
    severity: 2.5,
    clause: 'P2',
    escalate: true,
  },
  authHeader: {
    id: 'privacy.auth_header',
    message: 'discloses an HTTP Basic or Bearer credential',
    severity: 2.5,
    clause: 'P2',
    escalate: true,
  },
} as const satisfies Record<string, DetectorSpec>;

/** Schemes whose userinfo holds a login: web, file transfer, databases, caches and brokers (lower-cased). */
const CREDENTIAL_SCHEMES: ReadonlySet<string> = new Set([
  'http',
  'https',
  'ftp',
  'ftps',
  'sftp',
  'ssh',
  'smtp',
  'smtps',
  'imap',
  'imaps',
  'ldap',
  'ldaps',
  'mongodb',
  'mongodb+srv',
  'mysql',
  'mariadb',
  'postgres',
  'postgresql',
  'mssql',
  'sqlserver',
  'oracle',
  'redis',
  'rediss',
  'amqp',
  'amqps',
  'nats',
  'kafka',
]);

/** Passwords that only name the field ("https://username:password@example.com" in a README). */
const PLACEHOLDER_PASSWORDS: ReadonlySet<string> = new Set([
  'password',
  'passwd',
  'pwd',
  'mypassword',
  'pass:word',
  'secret:password',
  'user',
  'username',
]);

/**
 * True for a password that looks real: not a template ("${PASS}", "$(PGPASSWORD)", "{password}", "<password>"), not a
 * word that names the field ("password", "your_password") and not a run of one character ("xxxx", "1111").
 */
export function isUrlPassword(password: string): boolean {
  if (password.length < 4 || '$%{[(<*'.includes(password[0]!)) return false;
  const lower = password.toLowerCase();
  if (PLACEHOLDER_PASSWORDS.has(lower) || lower.includes('password') || isPlaceholder(password)) return false;
  return entropy(password) >= 1.5;
}

function isSchemeCode(code: number): boolean {
  return isDigitCode(code) || ((code | 32) >= 97 && (code | 32) <= 122) || code === 43 || code === 45 || code === 46;
}

/** Longest scheme URL_CREDENTIALS reads. */
const MAX_SCHEME = 21;

/**
 * The URL_CREDENTIALS match whose scheme ends at the '://' at `at` and is one of CREDENTIAL_SCHEMES, or null. The
 * scheme starts at a letter that no word character precedes; the leftmost such start that matches wins ("x.https://"
 * is read as "https"), so a prefix glued by '.' or '-' does not hide a URL.
 */
function credentialUrlAt(text: string, at: number): RegExpExecArray | null {
  let first = at;
  while (first > 0 && at - first < MAX_SCHEME && isSchemeCode(text.charCodeAt(first - 1))) first--;
  for (let p = first; p <= at - 2; p++) {
    const c = text.charCodeAt(p) | 32;
    if (c < 97 || c > 122 || (p > 0 && isWordCode(text.charCodeAt(p - 1)))) continue;
    URL_CREDENTIALS.lastIndex = p;
    const m = URL_CREDENTIALS.exec(text);
    if (m !== null && CREDENTIAL_SCHEMES.has(m[1]!.toLowerCase())) return m;
  }
  return null;
}

export const urlCredentialsDetector: Detector = {
  id: URL_SECRET_DETECTORS.urlCredentials.id,
  target: 'response',
  regexes: [URL_CREDENTIALS],
  detect(text) {
    const out: Violation[] = [];
    for (let at = text.indexOf('://'); at >= 0 && out.length < MAX_PER_DETECTOR; at = text.indexOf('://', at + 3)) {
      const m = credentialUrlAt(text, at);
      if (m === null) continue;
      const [whole, scheme, user = '', password = ''] = m;
      // A template user ("${USER}", "{{user}}") marks a template URL; "jdbc:mysql://…" is read from its "mysql".
      if (isPlaceholder(user) || (user !== '' && '$%{[('.includes(user[0]!)) || !isUrlPassword(password)) continue;
      const start = m.index + scheme!.length + 3;
      // The span is the userinfo: the host is not the secret, and the URL stays readable in the report.
      out.push(
        violation(URL_SECRET_DETECTORS.urlCredentials, text, start, m.index + whole.length - 2, {
          scheme: scheme!.toLowerCase(),
        }),
      );
    }
    URL_CREDENTIALS.lastIndex = 0;
    return out;
  },
};

export const slackWebhookDetector: Detector = {
  id: URL_SECRET_DETECTORS.slackWebhook.id,
  target: 'response',
  regexes: [SLACK_WEBHOOK],
  detect(text) {
    const out: Violation[] = [];
    if (!text.includes('hooks.slack.com')) return out;
    SLACK_WEBHOOK.lastIndex = 0;
    for (let m = SLACK_WEBHOOK.exec(text); m !== null; m = SLACK_WEBHOOK.exec(text)) {
      if (out.length >= MAX_PER_DETECTOR) break;
      const secret = m[0].slice(m[0].lastIndexOf('/') + 1);
      // "…/TXXXXX/BXXXXX/XXXXXXXXXX" in a how-to is a placeholder.
      if (entropy(secret) < 3 || isPlaceholder(m[0]) || charIs(text, m.index + m[0].length, isKeyCode)) continue;
      out.push(violation(URL_SECRET_DETECTORS.slackWebhook, text, m.index, m.index + m[0].length));
    }
    SLACK_WEBHOOK.lastIndex = 0;
    return out;
  },
};

/** Decoded Basic credentials ("user:password"), or undefined when the value is not base64 of a login. */
function basicLogin(value: string): string | undefined {
  if (value.length % 4 !== 0) return undefined;
  let end = value.length;
  while (end > 0 && value[end - 1] === '=') end--;
  if (value.length - end > 2) return undefined;
  const body = value.slice(0, end);
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (!(isDigitCode(c) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 43 || c === 47)) return undefined;
  }
  const decoded = Buffer.from(body, 'base64').toString('latin1');
  if (!decoded.includes(':')) return undefined;
  // A login is printable text: a control or high byte means the value was not base64 of one.
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded.charCodeAt(i);
    if (c < 32 || c > 126) return undefined;
  }
  return decoded;
}

/**
 * A Bearer value that looks issued: at least 16 characters with letters and digits, random, not a placeholder. A
 * value starting "eyJ" is a JWT, which jwtDetector reports.
 */
function isBearerToken(value: string): boolean {
  return value.length >= 16 && !value.startsWith('eyJ') && hasLetterAndDigit(value) && entropy(value) >= 3.5;
}

export const authHeaderDetector: Detector = {
  id: URL_SECRET_DETECTORS.authHeader.id,
  target: 'response',
  regexes: [AUTH_SCHEME],
  detect(text) {
    const out: Violation[] = [];
    if (!text.includes('asic ') && !text.includes('earer ')) return out;
    AUTH_SCHEME.lastIndex = 0;
    for (let m = AUTH_SCHEME.exec(text); m !== null; m = AUTH_SCHEME.exec(text)) {
      if (out.length >= MAX_PER_DETECTOR) break;
      const value = m[2]!;
      if (isPlaceholder(value)) continue;
      let ok: boolean;
      if (m[1]!.toLowerCase() === 'basic') {
        const login = basicLogin(value);
        ok = login !== undefined && isUrlPassword(login.slice(login.indexOf(':') + 1));
      } else {
        ok = isBearerToken(value);
      }
      if (!ok) continue;
      const start = m.index + m[0].length - value.length;
      out.push(violation(URL_SECRET_DETECTORS.authHeader, text, start, start + value.length, { scheme: m[1] }));
    }
    AUTH_SCHEME.lastIndex = 0;
    return out;
  },
};

export const URL_SECRET_DETECTOR_LIST: readonly Detector[] = [
  urlCredentialsDetector,
  slackWebhookDetector,
  authHeaderDetector,
];
