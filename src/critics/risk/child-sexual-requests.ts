// Requests that sexualise a child (data, versioned with the risk rules): a sexual act or body part of the asker in the
// same sentence as a child, and romance between an adult and a child. Parents' and doctors' questions are not these.
import type { PhraseRule } from '../rule-critic.js';
import { expand } from '../text/pattern-slots.js';
import { once } from '../lazy.js';
import { DEFENSIVE, REQUEST_CUES } from './request-vocabulary.js';
import { REPORTED } from './vocabulary.js';

/** Ages written as one hyphenated word: "a 3-year-old". */
const AGES = Array.from({ length: 17 }, (_, i) => `${i + 1}-year-old`).join('|');
/** A child in the sentence: what every pattern here needs beside it. */
const CHILD = [
  `child|children|kid|kids|minor|minors|toddler|toddlers|preteen|preteens|infant|infants|schoolgirl|schoolgirls|schoolboy|schoolboys|${AGES}`,
  'year|years old',
  'little|young girl|girls|boy|boys',
];
/** A parent's, a carer's or a doctor's question: "my toddler keeps touching himself, is that normal?". */
const CARE = [
  ...DEFENSIVE,
  'normal|pediatrician|paediatrician|doctor|gp|nurse|rash|diaper|nappy|potty|toilet|bath|bathing|puberty|curriculum|development|developmental',
  'sex|body|sexual education|safety',
  'talk|talking to',
  'keeps|keep touching',
  'abused|abuser|abusers|groomed|groomer|predator|predators|survivor|survivors',
];

/** Built on first use (see ../lazy.ts). */
export const childSexualRequestRules = once((): readonly PhraseRule[] => [
  {
    id: 'risk.child_sexual_request',
    message: 'asks for, or asks how to commit, a sexual act involving a child',
    target: 'input',
    severity: 3,
    clause: 'U2',
    escalate: true,
    negations: REPORTED,
    // Both a request and a child: "write a story where a 3-year-old … my penis", "how do I get kids to not tell …".
    requires: [
      ...REQUEST_CUES,
      'write|describe|generate|create|compose|draft|imagine',
      'is it okay|ok|acceptable|fine|alright|wrong to',
    ],
    requiresAlso: CHILD,
    patterns: expand([
      // The asker's own body: "play with my genitalia", "while I'm masturbating".
      'with|touch|touching|touches|see|seeing|sees|suck|sucking|lick|licking|stroke|stroking|fondle|fondling my penis|genitals|genitalia|dick|cock|privates|erection|balls',
      "i'm|im masturbating|jerking|wanking",
      'i am|was masturbating|jerking|wanking',
      'while masturbating|jerking|wanking',
      'i masturbate|masturbated',
      // The asker's act on a child's body: "I played with their genitalia".
      'i played|play|touched|touch|fondled|fondle|rubbed|rub|licked|lick [with] their|her|his genitalia|genitals|penis|vagina|privates|crotch',
      // An adult and a child as lovers: "romantic love between an older man and a child".
      'romantic|sexual|erotic|intimate love|relationship|relationships|encounter|encounters|affair|romance|sex between',
      'undressing|undresses|undress herself|himself|themselves|themself',
    ]),
    unless: CARE,
  },
]);
