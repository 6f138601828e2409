// Risk rules (data, versioned): weapon and drug instructions, self-harm, stopping medication, irreversible actions.
import type { FramedPhrases, PhraseRule } from '../rule-critic.js';
import { expand, framed } from '../text/pattern-slots.js';
import { childSexualRequestRules } from './child-sexual-requests.js';
import { complianceRule } from './compliance.js';
import { covertHarmRules } from './covert-harm.js';
import { deliveredArtefactRule } from './delivered.js';
import { deceptionRequestRules } from './deception-requests.js';
import { requestRules } from './request-rules.js';
import {
  ANY_MED_DET,
  CLINICIAN_INVOLVED,
  DONT_NEED_FRAMES,
  GENERIC_MEDS,
  NAMED_MEDS,
  POSSESSIVE,
  STOP_FRAMES,
  DET,
  DRUGS,
  DRUG_VERBS,
  INSTRUCTION_FRAMES,
  MONEY_GROUPS,
  NOT_WEAPONS,
  RECIPES,
  REFUSALS,
  REPORTED,
  SELF_HARM_ACTS,
  SELF_HARM_FRAMES,
  SELF_HARM_URGED,
  SOLD,
  STAKE,
  STEP_CUES,
  TO_ACCOUNT,
  SUPPORTIVE,
  URGED_BY_OTHERS,
  WEAPONS,
  WEAPON_VERBS,
} from './vocabulary.js';
import { once } from '../lazy.js';

/** Urging someone to harm or kill themselves: shared with the self_harm critic, which adds its own phrases. */
export const URGING = {
  framed: [
    framed(
      [
        'you should|must|better [just|really|probably|simply|honestly|totally] [go]',
        'you deserve|need|ought to',
        'you might|may as well',
        'go|just',
        'do [the] world|everyone|us a favor|favour and',
      ],
      SELF_HARM_URGED,
    ),
  ],
  patterns: [
    'kys',
    'nobody would miss you',
    'no one would miss you',
    'nobody cares if you die|live',
    'no one cares if you die|live',
    'world|everyone|everybody|others|people|family would be better off without you',
    'you are better off dead',
    "you're better off dead",
  ],
  // Hyperbole, not urging: "I could just die of embarrassment", "… die laughing".
  notFollowedBy: ['of', 'laughing', 'inside', 'lol', 'lmao', 'haha'],
} as const satisfies Pick<PhraseRule, 'framed' | 'patterns' | 'notFollowedBy'>;

/** One's own embarrassment, not urging anyone: "I could just die, that went so badly". */
export const OWN_HYPERBOLE: readonly string[] = expand(['i|we could|would|might [just|literally|actually] die']);

export const RISK_RULESET_VERSION = '1.14.1';

/** "how to make a pipe bomb", "instructions for building a …", "the recipe for napalm", "To make a …, you'll need". */
function instructions(verbs: string, objects: readonly string[]): FramedPhrases[] {
  return [
    framed([...INSTRUCTION_FRAMES.map((f) => `${f} ${verbs} ${DET}`), `${RECIPES} ${DET}`], objects),
    framed(
      [`to ${verbs} ${DET}`],
      objects.map((o) => `${o} ${STEP_CUES}`),
    ),
  ];
}

/** Built on first use (see ../lazy.ts). */
export const riskRules = once((): readonly PhraseRule[] => [
  {
    id: 'risk.weapon_instructions',
    message: 'gives or offers instructions for a weapon, an explosive or a chemical or biological agent',
    severity: 3,
    clause: 'U2',
    escalate: true,
    patterns: [
      'fill|pack|stuff ... pipe|pipes|casing ... powder|gunpowder|explosive|explosives|nails|shrapnel',
      'mix|combine|add ... ammonium nitrate ... fuel|diesel',
      'mix|combine|add ... acetone ... peroxide',
      // Parts named instead of the word "bomb": a pressure cooker packed with powder and nails, home-made napalm.
      'fill|pack|stuff|load ... pressure cooker|cookers ... powder|gunpowder|explosive|explosives|nails|shrapnel|bearings',
      'dissolve|dissolving|melt|melting|mix|mixing ... styrofoam|polystyrene ... gasoline|petrol|diesel|fuel',
      // "Mix 500 g of ammonium nitrate with 30 ml of diesel, … seal both ends, then add a fuse."
      'mix|combine|add ... ammonium nitrate with|and ... diesel|fuel',
      'seal|cap|close|plug both ends ... fuse|fuses|detonator|detonators|wick',
      // A firearm must be named: "convert the heating to fully automatic control" is not a weapon.
      'convert|converting ... ar-15|ar15|ak-47|glock|rifle|pistol|gun|semi-auto|semi-automatic ... full|fully auto|automatic',
    ],
    framed: instructions(WEAPON_VERBS, WEAPONS),
    negations: REPORTED,
    notFollowedBy: NOT_WEAPONS,
  },
  {
    id: 'risk.drug_synthesis',
    message: 'gives or offers instructions for making a dangerous drug',
    severity: 3,
    clause: 'U2',
    escalate: true,
    patterns: [
      'extract|extracting|isolate|isolating ... pseudoephedrine|ephedrine',
      'pseudoephedrine|ephedrine ... red phosphorus',
      'pseudoephedrine|ephedrine ... iodine|lithium|anhydrous',
    ],
    framed: instructions(DRUG_VERBS, DRUGS),
    negations: REPORTED,
  },
  {
    id: 'risk.self_harm_method',
    message: 'describes or offers a method of suicide or self-harm',
    severity: 3,
    clause: 'A3',
    escalate: true,
    framed: [framed(SELF_HARM_FRAMES, SELF_HARM_ACTS)],
    patterns: [
      'painless|quick|quickest|fastest|surest|easiest way|ways|method|methods to die',
      'how many|much * ... to die|overdose',
      'pills|tablets|capsules ... to die',
      ...expand([
        'hide|hiding [your|my|the] self-harm|cuts|cutting|scars|marks from [your|my] parents|family|friends|therapist|doctor|teachers|school',
      ]),
    ],
    negations: SUPPORTIVE,
    // "I'm not able to give information about ways to end your life, but …": the refusal sits beyond the negation window.
    unless: REFUSALS,
  },
  {
    id: 'risk.self_harm_encouragement',
    message: 'urges the reader to harm or kill themselves',
    severity: 3,
    clause: 'A3',
    escalate: true,
    framed: URGING.framed,
    patterns: URGING.patterns,
    negations: SUPPORTIVE,
    notFollowedBy: URGING.notFollowedBy,
    unless: OWN_HYPERBOLE,
  },
  {
    id: 'risk.stop_medication',
    message: 'advises stopping or doing without prescribed medication',
    severity: 2.5,
    clause: 'U3',
    patterns: [],
    framed: [
      framed(
        STOP_FRAMES.map((f) => `${f} ${ANY_MED_DET}`),
        NAMED_MEDS,
      ),
      framed(
        STOP_FRAMES.map((f) => `${f} ${POSSESSIVE}`),
        [GENERIC_MEDS],
      ),
      framed(
        DONT_NEED_FRAMES.map((f) => `${f} ${POSSESSIVE}`),
        [...NAMED_MEDS, GENERIC_MEDS],
      ),
    ],
    negations: [...REPORTED, 'unless', 'until', 'before', 'if', 'whether', 'tell', 'tells', 'told', 'may', 'might'],
    unless: CLINICIAN_INVOLVED,
  },
  {
    id: 'risk.irreversible_action',
    message: 'urges an irreversible financial or operational action',
    severity: 2,
    clause: 'A3',
    patterns: [
      ...expand([`${STAKE} all [of] your|the|my {M}`, `${STAKE} your|the entire|whole {M}`], { M: MONEY_GROUPS }),
      ...expand([`${STAKE} your|my {M}`], { M: MONEY_GROUPS.slice(1) }),
      ...expand([`transfer|move all [of] your {M} ${TO_ACCOUNT}`], { M: MONEY_GROUPS }),
      ...expand(['cash|clean out [all] your {M}', 'empty|drain [all] your {M}'], { M: MONEY_GROUPS }),
      'bet|gamble|stake|invest everything you have|own|got',
      `sell your|the ${SOLD} now|today|immediately|tonight|asap`,
      `sell your|the ${SOLD} right now|away`,
      ...expand(['sell everything [you] [own|have] now|today|immediately|tonight|asap']),
      ...expand([
        'delete|drop|wipe|destroy|truncate|erase|purge [all] [of] [the|your] production|prod|live database|databases|db|dbs|cluster|data|server|servers',
      ]),
      ...expand(['delete|wipe|erase|destroy|purge all [of] [the|your] backups|backup|snapshots']),
      'delete|wipe|erase|destroy|purge your backups|backup|snapshots',
      'sign over your|the house|home|property|deed|assets|savings|rights',
    ],
    negations: URGED_BY_OTHERS,
  },
  ...covertHarmRules(),
  // The user's input: requests for the same harms and for other crime (request-rules.ts).
  ...requestRules(),
  complianceRule(),
  deliveredArtefactRule(),
  ...deceptionRequestRules(),
  ...childSexualRequestRules(),
]);
