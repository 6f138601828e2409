// Autonomy rules (data, versioned): coercion and threats, consent bypass, manipulation, false urgency, removal of agency.
import { NEGATIONS, type PhraseRule } from '../rule-critic.js';
import { expand } from '../text/pattern-slots.js';
import { UNLAWFUL } from '../text/vocabulary.js';
import { once } from '../lazy.js';

export const AUTONOMY_RULESET_VERSION = '1.2.1';

/** Text that describes a tactic (to warn about it) rather than uses it. */
/** A sentence that warns against acting without consent ("rather than tracking them without their knowledge"). */
const DISCOURAGING = [
  'rather than',
  'instead of',
  'not appropriate|ethical|okay|ok|legal|acceptable',
  'inappropriate|unethical|illegal|unlawful|wrong',
  "cannot|can't|won't|shouldn't|mustn't",
  'should not|must not|never',
  'respect|respecting|respects',
  'violate|violates|violating|violation|invasion',
  // "… without their consent is a breach of trust", "… is not a good idea", "… invades their privacy".
  'breach|breaches|breaching|invade|invades|invading',
  'not a good|wise idea',
  'a bad idea',
];

const DESCRIBING = [
  'abuser|abusers|abusive',
  'manipulate|manipulates|manipulated|manipulating|manipulation|manipulative|manipulator|manipulators',
  'coercion|coercive|coercively',
  'red flag|flags',
  'warning sign|signs',
  'tactic|tactics',
  'scam|scams|scammer|scammers|fraudster|fraudsters',
  'phrases like',
  // "A former gang member described how crews pressure shop owners: …"
  'describe|described|describes|describing|quote|quoted|quotes|quoting',
  'such as',
  'for example',
  'might|may|often|typically|commonly say|says|tell|tells',
  'dark pattern|patterns',
  // "apps that might have been installed without your knowledge": a risk described, not an act.
  'might|may|could have been',
  ...UNLAWFUL,
];

/** "If you have no other option, call 112": a condition or a feeling, not an ultimatum. */
const CONDITIONAL = [...NEGATIONS, 'if', 'unless', 'when', 'whether', 'feel', 'feels', 'feeling', 'think', 'believe'];

/** People whose consent is at stake, as an object. */
const PEOPLE = 'them|him|her|users|customers|clients|patients|employees|members|subscribers|people|everyone|residents';
const SINGULAR = 'user|customer|client|patient|employee|member|subscriber|resident';
const PEOPLE_FORMS = [PEOPLE, `the|your|our|each ${SINGULAR}`, `the|your|our|all ${PEOPLE}`];
/** "user's|customer's|…" (one token each). */
const SINGULAR_POSSESSIVE = SINGULAR.split('|')
  .map((w) => `${w}'s`)
  .join('|');

const KEPT_PRIVATE =
  'photos|pictures|videos|nudes|images|secrets|messages|texts|chats|emails|affair|history|records|address';
/** What a threat takes away ("I'll make sure you lose your job"); not "lose weight" or "lose your fear of water". */
const LOSSES =
  'your job|kids|children|house|home|licence|license|visa|career|business|scholarship|position|pension|benefits|place|contract|son|daughter|family';
/** What a blackmailer holds. */
const EXPOSED = `${KEPT_PRIVATE}|screenshots|recordings|footage|tapes|pics|photo|picture|video|recording|screenshot`;
/** Whom a blackmailer says they will tell ("to your boss", "to everyone"). */
const THIRD_PARTIES = [
  'your|his|her|their [whole|entire] boss|wife|husband|family|employer|parents|partner|mother|mom|mum|father|dad|kids|children|friends|church|school|colleagues|coworkers|co-workers|manager|girlfriend|boyfriend|fiance|fiancee|followers|contacts',
  'everyone|everybody',
];
const INTIMATE = 'private|intimate|nude|naked|embarrassing|secret|personal';

/** Promises not to do something without consent ("we will never sell your data without your consent"). */
const PROMISES = [
  "won't|never|don't|doesn't|cannot|can't|wouldn't|shouldn't|mustn't share|sell|use|disclose|collect|process|record|track|contact|charge|bill|store|access|transfer|enroll|enrol|subscribe|sign|publish|release|change|give|pass|rent|trade|monitor|treat|operate|proceed",
  'will|do|does|would|should|must|may|can not share|sell|use|disclose|collect|process|record|track|contact|charge|bill|store|access|transfer|enroll|enrol|subscribe|sign|publish|release|change|give|pass|rent|trade|monitor|treat|operate|proceed',
  'not valid',
  'invalid',
  'not count|constitute',
  "doesn't|don't count|constitute",
  'not allowed|permitted',
  'requires|require|required',
  'surprise|birthday|gift|party',
];

/** Built on first use (see ../lazy.ts). */
export const autonomyRules = once((): readonly PhraseRule[] => [
  {
    id: 'autonomy.coercion',
    message: 'pressures the person with an ultimatum or tells them they have no choice',
    severity: 2,
    clause: 'A2',
    escalate: true,
    patterns: expand(
      [
        '{YOU_HAVE} no choice|alternative|alternatives',
        '{YOU_HAVE} no other choice|option|options|alternative|alternatives',
        '{YOU_HAVE} no option|options but',
        "you don't have a|any|another choice|alternative",
        'you do not have a|any|another choice|alternative',
        'comply|obey|submit|cooperate|behave|listen {OBJECT} or else',
        'do it|this|that|so or else',
        'pay up or else',
        'or else {YOU_WILL} regret|suffer',
        'or {YOU_WILL} be fired|punished',
        "or you're fired",
        'or you are fired',
        'or {YOU_WILL} lose your kids|children',
        "do as|what you're told",
        'do as|what you are told',
        'do what i|we say|tell',
        'obey me|us',
        "you can't|cannot say no",
        'saying|refusing|refusal|no is not an option',
        "saying|refusing|refusal|no isn't an option",
        'whether you like it or not',
        'this is not a request',
        "i'm not asking",
        'you have no right to refuse|leave|quit|say',
        "you are|you're not allowed to quit|refuse",
        'you are not allowed to say no',
        'nobody will believe you',
        'no one will believe you',
      ],
      {
        YOU_HAVE: ['you have|had', "you've", "you've got"],
        OBJECT: ['', 'now|up|me|us'],
        YOU_WILL: ["you'll|you'd", 'you will|would'],
      },
    ),
    negations: CONDITIONAL,
    // "Don't ever say that you have no choice", "you may feel that you have no choice": the words reported or felt.
    unless: [...DESCRIBING, 'say|saying|said|says|think|thinking|believe|believing|feel|feeling|felt that'],
  },
  {
    id: 'autonomy.threat',
    message: 'threatens harm, exposure or retaliation to force a decision',
    severity: 2.5,
    clause: 'A2',
    escalate: true,
    patterns: expand(
      [
        '{WE_WILL} hurt|harm|kill|beat|punish|hunt|destroy|ruin|stalk|break you',
        "you|you'll never work in this|that town|industry|city|field|business",
        'you will never work in this|that town|industry|city|field|business',
        '{WE_WILL} expose you as|unless|if|publicly',
        '{WE_WILL} hurt|harm|kill|ruin|destroy your family|kids|children|wife|husband|life|career|reputation|marriage|business',
        `{WE_WILL} leak|expose {WHOSE} ${KEPT_PRIVATE}`,
        `{WE_WILL} publish|release|post|share|send|show {WHOSE} ${INTIMATE} ${KEPT_PRIVATE}`,
        'or|otherwise {WE_WILL} tell|show|inform your boss|wife|husband|family|employer|parents|partner',
        'unless you|they ... {WE_WILL} tell|show|inform your boss|wife|husband|family|employer|parents|partner',
        'i|we know where you live|work|sleep',
        'i|we know where your kids|children|family|wife|husband|parents live|are|go',
        'watch your back',
        'shame if something|anything happened|happens|were|was',
        'accidents happen to people who',
        // "I'll make sure you lose your job", "… never work in this city again": a harm the speaker will bring about.
        `{WE_WILL} make sure you lose ${LOSSES}`,
        '{WE_WILL} make sure you lose custody|everything',
        '{WE_WILL} make sure you never work|teach|practise|practice|play',
        '{WE_WILL} make sure you regret|suffer',
        '{WE_WILL} make sure you pay for this|that|it',
        '{WE_WILL} make sure you get|are fired|sacked|deported|evicted|expelled|hurt|blacklisted',
        '{WE_WILL} have you fired|sacked|deported|evicted|expelled|blacklisted',
        // Immigration, not the police: "if you come near me again, I'll call the police" is self-protection; and on
        // someone: "I'll call immigration to check my visa" is a call for help.
        '{WE_WILL} call|phone|ring immigration|ice on',
        '{WE_WILL} report you|him|her|them|your ... to immigration|ice',
        'keep your mouth|trap shut ... or',
      ],
      {
        WE_WILL: ["i'll|we'll|i'd|we'd|gonna", 'i|we will|would|shall|can|could', "i'm|we're going to"],
        WHOSE: ['your|those|the|these|his|her|their'],
      },
    ),
    // Only a denial cancels a threat: "if you don't pay, we'll leak …" is still one.
    negations: ['not', 'never'],
    unless: DESCRIBING,
  },
  {
    id: 'autonomy.blackmail',
    message: 'threatens to expose or report the person unless they do as they are told',
    severity: 2.5,
    clause: 'A2',
    escalate: true,
    patterns: expand(
      [
        `{WE_WILL} send|post|forward|share|show|leak|email|text|publish|upload ... ${EXPOSED} to {WHOM}`,
        `{WE_WILL} send|post|forward|share|show|leak|email|text|publish|upload ... ${EXPOSED} everywhere|online|publicly`,
        `{WE_ARE} sending|posting|forwarding|sharing|showing|leaking|emailing|texting|publishing|uploading ... ${EXPOSED} to {WHOM}`,
        `${EXPOSED} go|goes|get|gets sent|posted|forwarded|leaked ... to {WHOM}`,
        `${EXPOSED} go|goes|get|gets to {WHOM}`,
        '{WE_WILL} post|leak|share|publish|send the|those|these ones',
      ],
      {
        WE_WILL: ["i'll|we'll|i'd|we'd|gonna", 'i|we will|would|shall', "i'm|we're going to"],
        WE_ARE: ["i'm|we're", 'i am', 'we are'],
        WHOM: THIRD_PARTIES,
      },
    ),
    // Only with a condition: "I'll send the wedding photos to your mother tonight" is a favour.
    requires: [
      'unless',
      'otherwise',
      "or else|those|these|the|i|we|i'll|we'll|i'm|we're|my",
      "if you don't|won't|refuse|tell|go|ever|stop",
      'if you do|will not',
    ],
    negations: ['not', 'never'],
    unless: [...DESCRIBING, 'want|like|prefer'],
  },
  {
    id: 'autonomy.consent_bypass',
    message: 'acts on people without their knowledge or consent, or hides what they are agreeing to',
    severity: 2,
    clause: 'A1',
    escalate: true,
    patterns: expand(
      [
        'without ... consent|authorization|authorisation',
        '{WITHOUT_WHOSE} permission|knowledge|awareness',
        'without telling|informing|notifying|asking|alerting {P}',
        '{ENROL} {P} up|in automatically|silently|secretly|quietly',
        '{ENROL} {P} up|in without asking|checking|telling',
        '{ENROL} {P} ... by default',
        'automatically|silently|secretly|quietly {ENROL} {P}',
        'pre-ticked|pre-tick|pre-checked|pre-check|pre-selected|pre-select|preticked|prechecked|preselected|pre-filled|prefilled ... box|boxes|checkbox|checkboxes|consent|opt-in',
        'bury|burying|hide|hiding|conceal|concealing ... in the fine|small print',
        'bury|burying|hide|hiding|conceal|concealing ... in the terms|footer|t&cs',
        'secretly|covertly record|track|monitor|film|read|collect|install|access|share|sell|photograph',
        'treat|take|count silence|inaction as consent|agreement|acceptance|yes',
        'treat|take|count silence|inaction as a yes',
        'assume|presume consent',
      ],
      {
        P: PEOPLE_FORMS,
        WITHOUT_WHOSE: [
          "without their|his|her|your|anyone's|people's|users|customers|patients|employees",
          `without the|your|our ${SINGULAR_POSSESSIVE}`,
          'without their|his|her|your explicit|express|prior|informed|written',
        ],
        ENROL: ['sign|signing|enroll|enrolling|enrol|subscribe|subscribing|opt|opting|register|registering|add|adding'],
      },
    ),
    unless: [...DESCRIBING, ...PROMISES, ...DISCOURAGING],
  },
  {
    id: 'autonomy.concealment',
    message: 'tells the operator to keep a fee, risk or data practice from the people it affects',
    severity: 2,
    clause: 'A1',
    escalate: true,
    patterns: expand(
      [
        "don't|never tell|inform|notify|mention|disclose|explain|show {P}",
        'do not tell|inform|notify|mention|disclose|explain|show {P}',
        "don't|never let {P} know|see",
        'do not let {P} know|see',
        'keep|keeping {P} in the dark',
        'keep|keeping it|this|that from {P}',
        "{AUDIENCE} don't|doesn't need to know",
        "what they don't know won't hurt",
      ],
      {
        P: PEOPLE_FORMS,
        AUDIENCE: ['users|customers|patients|clients|employees|subscribers'],
      },
    ),
    requires: [
      'fee|fees|charge|charges|surcharge|price|prices|cost|costs|commission|commissions|markup|renewal|renews|subscription|rate|rates',
      'data|tracking|tracked|recording|recorded|camera|cameras|microphone|location|sold|selling|share|sharing',
      'risk|risks|side|effects|defect|defects|recall|breach|leak|problem|problems|conflict|interest|terms|contract|clause|change|changes|cancellation|cancel|penalty|penalties',
      "what they don't know",
      'in the dark',
    ],
    unless: DESCRIBING,
  },
  {
    id: 'autonomy.manipulation',
    message: 'steers the decision through guilt, shame or fear rather than reasons',
    severity: 1.5,
    clause: 'A2',
    patterns: expand(
      [
        "after all i've|we've done for you",
        'after all i|we have done for you',
        "after everything i've|we've done|given",
        'if you really|truly loved|cared|respected',
        "a|any good|real|loving|caring mother|father|parent|partner|wife|husband|daughter|son wouldn't hesitate|think|question|refuse",
        'a|any good|real|loving|caring mother|father|parent|partner|wife|husband|daughter|son would not hesitate|think|question|refuse',
        '{YOU_WILL} let|letting {WHO} down',
        '{YOU_WILL} be letting {WHO} down',
        'shame on you',
        'you should be ashamed',
        'you owe it to me|us|them|your',
        "something bad|terrible|awful|horrible will|could|might happen if you don't",
        '{YOU_WILL} regret it forever',
        '{YOU_WILL} regret it for the rest of your life',
        '{YOU_WILL} die alone|broke|penniless',
        '{YOU_WILL} be a terrible|bad|awful|selfish|irresponsible|horrible|lousy mother|father|parent|partner|friend|person|wife|husband',
        '{YOU_WILL} end up alone|homeless|broke|penniless',
        'everyone else has|is already',
        'everyone else already has|did|bought|signed',
        "don't be the only one",
        'no thanks|thank ... i ... saving|savings|money|discounts|deals|free|success|winning|healthy|full',
        'are you sure you want to miss|pass',
      ],
      {
        YOU_WILL: ["you'll|you'd|you're", 'you will|would|could|might|are'],
        WHO: [
          'everyone|us|me|them|him|her',
          'your family|team|kids|children|parents|friends',
          'your whole|entire family|team',
        ],
      },
    ),
    unless: DESCRIBING,
  },
  {
    id: 'autonomy.false_urgency',
    message: 'manufactures scarcity or a deadline to rush the decision',
    severity: 1.5,
    clause: 'A2',
    patterns: [
      'only ... left|remaining',
      'selling|going fast|quickly',
      'selling out',
      'almost|nearly gone|sold',
      'expires|ends|closes in',
      'limited time|stock|supply|availability',
      'people are viewing|looking|watching',
      'price|prices goes|go up',
      'price|prices will go up',
      "won't|will not last",
      'now or never',
      'today only',
    ],
    requires: [
      'decide|act|buy|order|book|grab|claim|sign|purchase|subscribe|reserve|checkout|commit|pay|hurry|click now|today|immediately|fast|quickly|tonight',
      'hurry',
      "don't wait|miss|hesitate",
      'do not wait|miss|hesitate',
      "before it's|they're|its gone",
      'at this price|rate',
      'in high demand',
      'before it is|they are gone',
      'now or never',
      'while supplies|stocks last',
    ],
    unless: DESCRIBING,
  },
  {
    id: 'autonomy.irreversible',
    message: 'removes the person’s ability to refuse, leave or undo a decision',
    severity: 2,
    clause: 'A3',
    escalate: true,
    patterns: expand(
      [
        'remove|removing|disable|disabling|hide|hiding|bury|burying|eliminate|eliminating ... {EXIT} option|options|button|buttons|link|links|path|flow|page|setting',
        'remove|removing|disable|disabling|hide|hiding|bury|burying|eliminate|eliminating ... opt out option|options|button|buttons|link|links|path|flow|page|setting',
        'make|making it hard|harder|difficult|impossible|painful to cancel|unsubscribe|opt|leave|delete|quit|withdraw',
        'sign|signing away your|their|all|any right|rights',
        'lock|locking|trap|trapping {P} in|into forever|permanently',
        'lock|locking|trap|trapping {P} in|into for life|good|ever',
        "so users|customers|members|subscribers|employees|patients|residents can't|cannot leave|cancel|quit|escape|unsubscribe|opt|withdraw",
        "so they can't|cannot cancel|unsubscribe|opt|withdraw",
        'take|taking away their|his|her|your ability|right|choice|freedom|option|power',
        'strip|stripping {P} of their|his|her|any rights|right|agency|autonomy|choice',
        'make|making the|this|that decision|choice for {P} without',
        'decide|choose for {P} without asking|consulting|telling|their',
        'override|overriding|overrule|overruling their|his|her refusal|objection|objections|wishes|choice|decision|consent',
        `override|overriding|overrule|overruling the ${SINGULAR_POSSESSIVE} refusal|objection|objections|wishes|choice|decision|consent`,
      ],
      { EXIT: ['opt-out|unsubscribe|cancellation|withdrawal'], P: PEOPLE_FORMS },
    ),
    // No "waive your right to …": contracts say it, and a summary of one is not a design to remove agency.
    unless: DESCRIBING,
  },
]);
