// More vendor tokens by prefix (Stripe, Google, SendGrid, Shopify, Hugging Face, Vault, npm, GitLab, Twilio, Cloudflare) and JWTs.
import type { Violation } from '../../core/index.js';
import type { Detector } from '../rule-critic.js';
import {
  CLOUDFLARE_TOKEN,
  GITLAB_TOKEN,
  GOOGLE_API_KEY,
  HUGGINGFACE_TOKEN,
  JWT,
  NPM_TOKEN,
  SENDGRID_KEY,
  SHOPIFY_TOKEN,
  STRIPE_KEY,
  TWILIO_SID,
  VAULT_TOKEN,
} from './patterns.js';
import type { DetectorSpec } from './rules.js';
import { charIs, entropy, isKeyCode, isPlaceholder, isWordCode, scanMarked, violation } from './scan.js';

function secretSpec(id: string, message: string): DetectorSpec {
  return { id: `privacy.${id}`, message, severity: 2.5, clause: 'P2', escalate: true };
}

/** The reports of the detectors in this file: credentials under P2, like the other vendor keys. */
export const VENDOR_SECRET_DETECTORS = {
  stripeKey: secretSpec('stripe_key', 'discloses a Stripe live secret or restricted key'),
  googleApiKey: secretSpec('google_api_key', 'discloses a Google API key'),
  sendgridKey: secretSpec('sendgrid_key', 'discloses a SendGrid API key'),
  shopifyToken: secretSpec('shopify_token', 'discloses a Shopify access token or app secret'),
  huggingfaceToken: secretSpec('huggingface_token', 'discloses a Hugging Face access token'),
  vaultToken: secretSpec('vault_token', 'discloses a HashiCorp Vault token'),
  npmToken: secretSpec('npm_token', 'discloses an npm access token'),
  gitlabToken: secretSpec('gitlab_token', 'discloses a GitLab access token'),
  twilioKey: secretSpec('twilio_key', 'discloses a Twilio API key or account SID with its credentials'),
  cloudflareToken: secretSpec('cloudflare_token', 'discloses a Cloudflare API token'),
  jwt: secretSpec('jwt', 'discloses a JSON Web Token (a signed bearer credential)'),
} as const satisfies Record<string, DetectorSpec>;

/** Tells a match from a look-alike: the text, the match's span, and the match. */
type Accept = (token: string, text: string, start: number) => boolean;

/**
 * A detector for tokens recognised by their prefix. A match glued to a word before it, or to more key characters
 * after it (a longer, different token), is not reported; every match contains one of `markers`, so a text without any
 * is not scanned.
 */
function vendorTokenDetector(spec: DetectorSpec, regex: RegExp, markers: readonly string[], accept: Accept): Detector {
  return {
    id: spec.id,
    target: 'response',
    regexes: [regex],
    detect(text) {
      const out: Violation[] = [];
      scanMarked(text, regex, markers, out, (m) => {
        const end = m.index + m[0].length;
        return charIs(text, end, isKeyCode) || !accept(m[0], text, m.index)
          ? undefined
          : violation(spec, text, m.index, end);
      });
      return out;
    },
  };
}

/** Random enough and not a placeholder: real keys carry 4–6 bits per character, "AAAA…" and "xxxx…" carry 0–1. */
function random(body: string, minBits: number): boolean {
  return entropy(body) >= minBits && !isPlaceholder(body);
}

function after(token: string, separator: string): string {
  return token.slice(token.indexOf(separator) + separator.length);
}

export const stripeKeyDetector = vendorTokenDetector(VENDOR_SECRET_DETECTORS.stripeKey, STRIPE_KEY, ['k_live_'], (t) =>
  random(after(t, 'live_'), 2.5),
);
export const googleApiKeyDetector = vendorTokenDetector(
  VENDOR_SECRET_DETECTORS.googleApiKey,
  GOOGLE_API_KEY,
  ['AIza'],
  (t) => random(t.slice(4), 3),
);
export const sendgridKeyDetector = vendorTokenDetector(
  VENDOR_SECRET_DETECTORS.sendgridKey,
  SENDGRID_KEY,
  ['SG.'],
  (t) => random(t.slice(3), 3),
);
export const shopifyTokenDetector = vendorTokenDetector(
  VENDOR_SECRET_DETECTORS.shopifyToken,
  SHOPIFY_TOKEN,
  ['shp'],
  (t) => random(after(t, '_'), 3),
);
export const huggingfaceTokenDetector = vendorTokenDetector(
  VENDOR_SECRET_DETECTORS.huggingfaceToken,
  HUGGINGFACE_TOKEN,
  ['hf_'],
  (t) => random(t.slice(3), 3),
);
export const vaultTokenDetector = vendorTokenDetector(
  VENDOR_SECRET_DETECTORS.vaultToken,
  VAULT_TOKEN,
  ['hvs.', 'hvb.', 'hvr.'],
  (t) => random(t.slice(4), 3.5),
);
export const npmTokenDetector = vendorTokenDetector(VENDOR_SECRET_DETECTORS.npmToken, NPM_TOKEN, ['npm_'], (t) =>
  random(t.slice(4), 3),
);
export const gitlabTokenDetector = vendorTokenDetector(
  VENDOR_SECRET_DETECTORS.gitlabToken,
  GITLAB_TOKEN,
  ['glpat-'],
  (t) => random(t.slice(6), 3),
);
export const cloudflareTokenDetector = vendorTokenDetector(
  VENDOR_SECRET_DETECTORS.cloudflareToken,
  CLOUDFLARE_TOKEN,
  ['cfut_', 'cfat_', 'cfk_'],
  (t) => random(after(t, '_'), 3.5),
);

/** How far from an account SID (AC…) a Twilio cue is looked for: an account SID alone identifies, it does not unlock. */
const TWILIO_WINDOW = 120;

export const twilioKeyDetector = vendorTokenDetector(
  VENDOR_SECRET_DETECTORS.twilioKey,
  TWILIO_SID,
  ['SK', 'AC'],
  (t, text, start) => {
    if (!random(t.slice(2), 3)) return false;
    if (t.startsWith('SK')) return true;
    const near = text.slice(Math.max(0, start - TWILIO_WINDOW), start + t.length + TWILIO_WINDOW).toLowerCase();
    return near.includes('twilio') || near.includes('auth_token') || near.includes('auth token');
  },
);

/** The payload of jwt.io's sample token ({"sub":"1234567890","name":"John Doe","iat":1516239022}): a demo, signs nothing. */
const JWT_IO_SAMPLE_PAYLOAD = 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ';

export const jwtDetector = vendorTokenDetector(VENDOR_SECRET_DETECTORS.jwt, JWT, ['eyJ'], (t, text, start) => {
  // Glued to a word ("xeyJ…") it is part of something else; "ghs_123_eyJ…" (a GitHub app token) is still a JWT.
  if (start > 0 && isWordCode(text.charCodeAt(start - 1)) && text[start - 1] !== '_') return false;
  const [, payload = '', signature = ''] = t.split('.');
  return payload !== JWT_IO_SAMPLE_PAYLOAD && random(signature, 3);
});

export const VENDOR_SECRET_DETECTOR_LIST: readonly Detector[] = [
  stripeKeyDetector,
  googleApiKeyDetector,
  sendgridKeyDetector,
  shopifyTokenDetector,
  huggingfaceTokenDetector,
  vaultTokenDetector,
  npmTokenDetector,
  gitlabTokenDetector,
  twilioKeyDetector,
  cloudflareTokenDetector,
  jwtDetector,
];
