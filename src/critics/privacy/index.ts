// The privacy critic: PII, national ids, payment data and secrets in the model's response, and identity inference.
import type { CountryCode } from 'libphonenumber-js';
import type { BuiltinCritic } from '../critic.js';
import { withModels } from '../model/model-critic.js';
import { createRuleCritic, MAX_VIOLATIONS_PER_RULE } from '../rule-critic.js';
import { paymentCardDetector } from './cards.js';
import { emailDetector, ipAddressDetector } from './contact.js';
import { withContactRecords } from './contact-record.js';
import { ibanDetector, ssnDetector, ukNinoDetector } from './identifiers.js';
import { nationalIdDetector } from './national-ids.js';
import { PERSONAL_RECORD_DETECTOR_LIST } from './personal-records.js';
import { createPhoneDetector } from './phone.js';
import { PRIVACY_RULES } from './rules.js';
import {
  awsAccessKeyDetector,
  githubTokenDetector,
  openaiKeyDetector,
  privateKeyDetector,
  secretAssignmentDetector,
  slackTokenDetector,
} from './secrets.js';
import { URL_SECRET_DETECTOR_LIST } from './secrets-urls.js';
import { VENDOR_SECRET_DETECTOR_LIST } from './secrets-vendors.js';

export interface PrivacyCriticOptions {
  /** Region of phone numbers written without a country code (ISO 3166-1 alpha-2). @default 'US' */
  readonly defaultCountry?: CountryCode;
}

export function createPrivacyCritic(options: PrivacyCriticOptions = {}): BuiltinCritic {
  const critic = withContactRecords(
    createRuleCritic({
      name: 'privacy',
      version: '1.0.0',
      principle: 'Privacy & Identity',
      description:
        'Flags personal data (e-mail, phone, IP, national ids, payment cards, IBANs), secrets and API keys in the ' +
        'response, and inference of identity or sensitive traits. Reports spans; masks nothing.',
      ruleset: PRIVACY_RULES,
      // Personal data is a violation on either side: pasted into a request or given in an answer.
      detectors: [
        emailDetector,
        createPhoneDetector(options.defaultCountry ?? 'US'),
        ipAddressDetector,
        ssnDetector,
        ukNinoDetector,
        paymentCardDetector,
        ibanDetector,
        nationalIdDetector,
        ...PERSONAL_RECORD_DETECTOR_LIST,
        awsAccessKeyDetector,
        githubTokenDetector,
        slackTokenDetector,
        openaiKeyDetector,
        privateKeyDetector,
        secretAssignmentDetector,
        ...VENDOR_SECRET_DETECTOR_LIST,
        ...URL_SECRET_DETECTOR_LIST,
      ].map((detector) => ({ ...detector, target: 'both' as const })),
      // A dump of thousands of addresses is one finding, not thousands of spans in the evidence record.
      maxViolationsPerRule: MAX_VIOLATIONS_PER_RULE,
    }),
  );
  return withModels(critic, [
    {
      model: 'pii_request',
      side: 'input',
      message: "reads as a request for a private person's personal data (learned model)",
      clause: 'P1',
    },
  ]);
}
