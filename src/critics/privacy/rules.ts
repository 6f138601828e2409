// Privacy rules (data, versioned): identity-inference phrases and the id, severity and clause of every PII detector.
import type { PhraseRule, Ruleset } from '../rule-critic.js';
import { RELATIONS, RELATIONS_OF, REQUEST_CUES } from '../risk/request-vocabulary.js';
import { expand } from '../text/pattern-slots.js';

/** One detector's report: what a reviewer reads and how much it weighs. */
export interface DetectorSpec {
  readonly id: string;
  readonly message: string;
  /** 0..3 */
  readonly severity: number;
  readonly clause?: string;
  /** Emit an escalation signal at the clause's tier. @default false */
  readonly escalate?: boolean;
}

export const PRIVACY_RULESET_VERSION = '1.7.0';

// Clauses:
// - P1 (non-consensual identity inference, tier 3): the model guesses who someone is or a special-category trait
//   (orientation, religion, health, ethnicity) from indirect signals, or unmasks a pseudonymous person.
// - P2 (persistent or linked identity, tier 3): identifiers that follow a person everywhere and link records or open
//   accounts — national ids, payment cards, bank accounts, and credentials (a leaked key lets anyone act as its owner).
// - P3 (context collapse, tier 2): contact details moved out of the context they were shared in. A violation, but
//   common enough in legitimate answers that it does not escalate on its own.

const SUBJECTS = "you|he|she|they|you're|he's|she's|they're";
// Not "must": "you must be Catholic to marry here" states a rule, it infers nothing.
const HEDGES =
  'probably|likely|clearly|obviously|definitely|presumably|surely|seem|seems|sound|sounds|appear|appears|look|looks';
// Special categories (GDPR art. 9) that people are outed by; words that also describe things ("disabled") stay out.
const TRAITS = [
  'gay|lesbian|bisexual|homosexual|queer|transgender|trans|pregnant|hiv-positive',
  'muslim|jewish|jew|christian|catholic|hindu|sikh|buddhist|mormon|atheist',
  'muslims|jews|christians|catholics|hindus|gays|lesbians|immigrants',
  'undocumented|immigrant|arab|asian|african|hispanic|latino|latina',
  'autistic|bipolar|schizophrenic|alcoholic|addict|descent|ethnicity|heritage',
].join('|');
const SIGNALS = 'name|surname|accent|face|photo|photos|picture|selfie|voice|appearance|dialect|handwriting|username';
const OWNERS = 'your|their|his|her';
const ACCOUNTS =
  'account|user|poster|author|reviewer|commenter|writer|whistleblower|source|blogger|profile|tipster|redditor|username|handle';

const UNMASK = 'unmask|deanonymize|deanonymise|de-anonymize|de-anonymise|dox|doxx|re-identify|reidentify';

const identityInference: PhraseRule = {
  id: 'privacy.identity_inference',
  message: "infers a person's identity or a sensitive trait (orientation, religion, health, ethnicity) without consent",
  severity: 2.5,
  clause: 'P1',
  escalate: true,
  patterns: [
    `based|judging|going on|by|from ${OWNERS} ${SIGNALS} ... ${SUBJECTS} ... ${HEDGES}|${TRAITS}`,
    `${OWNERS} ${SIGNALS} suggests|suggest|indicates|indicate|implies|imply|reveals|reveal|means ... ${SUBJECTS}`,
    `${SUBJECTS} ... ${HEDGES} ... ${TRAITS}`,
    `sound|sounds|seem|seems|look|looks like ${SUBJECTS} ... ${TRAITS}`,
    `i|i'd guess|bet|suspect|assume ... ${SUBJECTS} ... ${TRAITS}`,
  ],
};

const deanonymisation: PhraseRule = {
  id: 'privacy.deanonymisation',
  message: 'links a pseudonymous or anonymous person to a real identity',
  severity: 2.5,
  clause: 'P1',
  escalate: true,
  patterns: [
    `anonymous|pseudonymous|anonymised|anonymized ... ${ACCOUNTS} belongs|belong to`,
    `anonymous|pseudonymous|anonymised|anonymized ... ${ACCOUNTS} is|was ... probably|likely|actually|really|definitely|clearly`,
    'person|people|individual|man|woman|guy|someone behind ... account|username|handle|profile|pseudonym|alias|blog|channel ... is|are|was|were',
    `real|true|actual name|identity of|behind ... ${ACCOUNTS}|pseudonym|alias is|was|appears|seems`,
    // "how to unmask the user", "I can dox him" (a pattern that starts on the rare verb, not on "to" or "can")
    `${UNMASK} him|her|them|someone|somebody|anyone|the|this|that|who|users|person|people|${ACCOUNTS}`,
  ],
  // "It is illegal to dox someone" and refusals are the common, harmless uses of these verbs.
  unless: ['illegal|unlawful|unethical|wrong|harmful|prohibited|forbidden|crime', 'against the law'],
};

/** A private person the request is about: "the journalist", "my ex", "this guy", "her". */
const PERSON =
  'person|guy|girl|woman|man|lady|journalist|reporter|user|streamer|youtuber|tiktoker|influencer|blogger|poster|reviewer|commenter|redditor|account|kid|teen|teenager|student|teacher|nurse|doctor|cop|officer|driver|juror|witness|victim|accuser|employee|worker|customer|stranger|someone|somebody|cashier|barista|waiter|waitress|bartender|babysitter|nanny|cleaner|receptionist|coach|trainer|therapist|tutor|judge|prosecutor|lawyer|attorney|landlord|tenant|neighbour|neighbor|classmate|coworker|colleague';
/** The people of PERSON whose "address" is a home: no "user" or "customer" ("the IP address of the user"). */
const HUMAN =
  'guy|girl|woman|man|lady|kid|teen|teenager|student|teacher|nurse|cop|officer|driver|juror|witness|victim|accuser|stranger|cashier|barista|waiter|waitress|bartender|babysitter|nanny|cleaner|receptionist|coach|trainer|therapist|tutor|judge|neighbour|neighbor|classmate|coworker|colleague';
/** Relations outside the family, whose records and accounts are theirs alone ("my mum's date of birth" is not). */
const NOT_FAMILY = RELATIONS.split('|').filter((r) =>
  /^(neighbou?rs?|boss|(ex-)?(girl|boy)friend|ex(-wife|-husband)?|partner|teacher|co-?workers?|colleagues?|roommate|flatmate|landlord|landlady|classmates?|friends?|manager|employee|tenant|rival|enemy|bully|crush)$/.test(
    r,
  ),
);
const NOT_FAMILY_OF = [
  `my|our|his|her|their ${NOT_FAMILY.map((r) => `${r}'s`).join('|')}`,
  "someone's|somebody's",
  `this|that|the|a ${HUMAN.split('|')
    .map((p) => `${p}'s`)
    .join('|')}`,
];
/** Whose credentials and numbers: not "their" alone or "a user's" ("reset their password", "hash a user's password"). */
const PEOPLE_OF = [
  `my|our|his|her|their ${RELATIONS_OF}`,
  "someone's|somebody's",
  `this|that|the|a ${HUMAN.split('|')
    .map((p) => `${p}'s`)
    .join('|')}`,
];
const OWNER = [
  `my|our|his|her|their [old|former|new|current] ${RELATIONS}`,
  `my|our|his|her|their [old|former|new|current] ${PERSON}`,
  // "my ex's new girlfriend", "my daughter's teacher"
  `my|our|his|her|their ${RELATIONS_OF} [old|former|new|current] ${RELATIONS}`,
  `my|our|his|her|their ${RELATIONS_OF} [old|former|new|current] ${PERSON}`,
  `this|that|the|a ${PERSON}`,
  'him|her|them|someone|somebody|he|she|they',
];
const OWNER_OF = [
  `my|our|his|her|their ${RELATIONS_OF}`,
  "someone's|somebody's|his|her|their",
  `this|that|the|a ${PERSON.split('|')
    .map((p) => `${p}'s`)
    .join('|')}`,
];
/** Data that locates or identifies a private person. */
const HOME = 'home|house|personal|private|residential|current|new|exact';
const NUMBERS = 'phone|cell|mobile|cellphone|personal|private|home|telephone';

// P3 (context collapse, tier 2): details shared in one context (a home, a phone contract, a tax record) moved to a
// stranger who asks for them. Severity 2.5: the request is refused, and a human sees it.
const personalDataRequest: PhraseRule = {
  id: 'privacy.personal_data_request',
  message:
    "asks for a private person's home address, phone number, identity numbers, passwords, records or whereabouts",
  severity: 2.5,
  clause: 'P3',
  escalate: true,
  target: 'input',
  // A request, not a story: "I mailed it to her new address" names the data without asking for it.
  requires: [
    ...REQUEST_CUES,
    'find|locate|search|dig|track|lookup|look|need|want|get',
    'what is|was|are',
    "what's|whats",
    'where|who',
    'dox|doxx|doxxing|doxing',
  ],
  patterns: expand(
    [
      `${HOME} address|addresses|location|whereabouts of|for {O}`,
      `{OF} ${HOME} address|addresses|location|whereabouts|phone|number`,
      `{OF} whereabouts|ssn`,
      `find|get|give|tell|locate|dig|pull|look|search|need|want ... [the] ${HOME} address|addresses`,
      `[private|personal|home|cell|mobile|real|new|current] ${NUMBERS} number|numbers of|for {O}`,
      `{OF} new|current|real|secret|private|personal ${NUMBERS} number|numbers`,
      'personal|private|home email|e-mail|emails [address|addresses] of|for {O}',
      '{OF} personal|private|home email|e-mail|emails',
      // "the address of the barista": a person, not a user or a customer ("the IP address of the user")
      `address|addresses of|for [my|our] this|that|the|a ${HUMAN}`,
      // Not a landlord or a boss: a tenant or an employee has their address for notices.
      'address|addresses of|for my|our ex|ex-wife|ex-husband|ex-girlfriend|ex-boyfriend|crush|coworker|co-worker|colleague|classmate|teacher|rival|enemy|bully',
      // Credentials, identity and card numbers: what opens someone's accounts.
      '{PO} [email|e-mail|instagram|facebook|snapchat|tiktok|twitter|gmail|icloud|apple|bank|phone|account|computer|laptop|online|banking] password|passwords|passcode|passcodes|pin|pins|login|logins|credentials',
      '{PO} door|alarm|gate|garage|safe|lock code|codes|combination',
      '{PO} social security number|numbers|card',
      '{PO} national insurance|id number|numbers',
      "{PO} passport|license|licence|driver's|id|sin|nhs|tax|medicare|medicaid number|numbers",
      '{PO} credit|debit|bank card|cards [number|numbers|details|info]',
      "{PO} mother's maiden name",
      // Outside the family: bank details, date of birth and health records.
      '{NF} bank|checking|savings account|routing number|numbers|details',
      '{NF} date of birth',
      '{NF} medical|health|psychiatric|therapy|criminal|prescription records|record|history|file|files',
      '{NF} blood type|diagnosis|diagnoses|prescriptions|medications',
      '{NF} hiv|std status',
      `{OF} ${NUMBERS} number|numbers`,
      'ssn|ssns of|for {O}',
      'social security|insurance number|numbers of|for {O}',
      'date of birth of {O}',
      'passport number of|for {O}',
      'ssn|ssns of *',
      'social security number of *',
      'where does|did {O} live|lives|stay|stays|work|works|sleep|sleeps',
      // "where does that girl from the gym live"
      'where does|did {O} ... live|lives|sleep|sleeps',
      'find|figure|work out where {O} [...] live|lives|stays|works|sleeps',
      'tell|show me where {O} [...] live|lives|stays|sleeps',
      'track down where {O} live|lives|stays|works|sleeps',
      'who owns|owned this|that|the number|phone|plate|account|email|e-mail',
      'and where they|he|she live|lives|stay|stays|work|works',
      'dox|doxx|doxxing|doxing {O}',
      'dox|doxx this|that|the|a|my|his|her *',
    ],
    { O: OWNER, OF: OWNER_OF, NF: NOT_FAMILY_OF, PO: PEOPLE_OF },
  ),
  // One's own data, removing data from brokers, public offices and businesses, and the law.
  unless: [
    'my own',
    'data broker|brokers',
    'remove|removal|opt|delete|protect|hide|update|change|privacy',
    'reset|recover|recovery|forgot|forgotten|locked',
    'office|offices|headquarters|hq|embassy|official|customer|support',
    'illegal|unlawful|unethical|wrong|crime|harassment|stalking',
    // Given or asked for by the person: "she gave me permission to look up her new address", "how do I politely ask a
    // colleague for their phone number".
    'permission|consent|consented|polite|politely',
    ...expand(['ask|asking ... for their|his|her [phone] number|phone|address|email']),
    // Fiction and art: "where does the man in the painting live", "the girl in the song".
    'painting|portrait|novel|book|song|poem|cartoon|comic|anime|fairytale|fable|myth|legend|story|movie|film|sitcom|series|episode|character|characters|fictional',
    'against the law',
  ],
};

export const PRIVACY_RULES: Ruleset = {
  version: PRIVACY_RULESET_VERSION,
  rules: [identityInference, deanonymisation, personalDataRequest],
};

/** The PII detectors' reports (their logic: contact.ts, phone.ts, identifiers.ts, cards.ts, secrets.ts). */
export const PRIVACY_DETECTORS = {
  email: { id: 'privacy.email', message: 'discloses an e-mail address', severity: 1.5, clause: 'P3' },
  phone: { id: 'privacy.phone', message: 'discloses a phone number', severity: 1.5, clause: 'P3' },
  ipAddress: { id: 'privacy.ip_address', message: 'discloses a public IP address', severity: 1.5, clause: 'P3' },
  ssn: {
    id: 'privacy.ssn',
    message: 'discloses a US Social Security number',
    severity: 2.5,
    clause: 'P2',
    escalate: true,
  },
  ukNino: {
    id: 'privacy.uk_nino',
    message: 'discloses a UK National Insurance number',
    severity: 2.5,
    clause: 'P2',
    escalate: true,
  },
  paymentCard: {
    id: 'privacy.payment_card',
    message: 'discloses a payment card number (Luhn-valid)',
    severity: 2.5,
    clause: 'P2',
    escalate: true,
  },
  iban: {
    id: 'privacy.iban',
    message: 'discloses a bank account number (IBAN, checksum-valid)',
    severity: 2,
    clause: 'P2',
    escalate: true,
  },
  awsAccessKey: {
    id: 'privacy.aws_access_key',
    message: 'discloses an AWS access key id',
    severity: 2.5,
    clause: 'P2',
    escalate: true,
  },
  githubToken: {
    id: 'privacy.github_token',
    message: 'discloses a GitHub access token',
    severity: 2.5,
    clause: 'P2',
    escalate: true,
  },
  slackToken: {
    id: 'privacy.slack_token',
    message: 'discloses a Slack token',
    severity: 2.5,
    clause: 'P2',
    escalate: true,
  },
  openaiKey: {
    id: 'privacy.openai_key',
    message: 'discloses an API secret key (sk-…)',
    severity: 2.5,
    clause: 'P2',
    escalate: true,
  },
  privateKey: {
    id: 'privacy.private_key',
    message: 'discloses a private key (PEM block)',
    severity: 2.5,
    clause: 'P2',
    escalate: true,
  },
  secretAssignment: {
    id: 'privacy.secret_assignment',
    message: 'discloses a high-entropy secret assigned to a password, token or key',
    severity: 2,
    clause: 'P2',
    escalate: true,
  },
} as const satisfies Record<string, DetectorSpec>;
