// Advice on hiding a harmful act from its victim or the authorities, in a response (data, versioned with the risk
// rules): "use a new wallet so nothing leads back to you", "be gone before the police arrive".
import type { PhraseRule } from '../rule-critic.js';
import { expand } from '../text/pattern-slots.js';
import { REPORTED } from './vocabulary.js';

/** Who is kept from noticing: the victim's protectors, not a child kept from a surprise. */
const WATCHERS =
  'police|cops|inspector|inspectors|cashier|cashiers|staff|invigilator|invigilators|guard|guards|security|bank|insurer|auditor|auditors|authorities|owner|owners|pharmacist|pharmacists';

/** Built on first use, with the other risk rules. */
export function covertHarmRules(): PhraseRule[] {
  return [
    {
      id: 'risk.covert_harm',
      message: 'advises hiding a harmful act from its victim or from the authorities',
      severity: 2,
      clause: 'U2',
      target: 'response',
      patterns: expand(
        [
          // Untraceable: "so nothing leads back to you", "it can't be traced back to you".
          'so [that] nothing|it|this|they leads|lead|points|point|comes|come back to you',
          "can't|cannot|won't|wont|never be traced|linked|tracked back to you",
          'so [that] it|this|they|nothing can|will never be traced|tracked',
          "so [that] it|this|they|nothing can't|cannot|won't|wont be traced|tracked",
          // Gone before help comes: "be gone before the fire brigade arrives".
          'be [long] gone before the police|cops|fire|firefighters|guards|security|ambulance',
          // Kept from the people who would stop it: "so the inspector doesn't notice".
          `so [that] the [security|store|shop|night|head] ${WATCHERS} doesn't|dont|don't|won't|wont|can't|cannot|never notice|notices|see|sees|spot|spots|find|finds|catch|catches|check|checks|flag|flags`,
          `the [security|store|shop|night|head] ${WATCHERS} rarely|never|seldom|won't|wont notice|check|look|flag|spot|catch`,
          "so [that] you don't|dont|won't|wont leave fingerprints|prints|dna|traces|evidence",
          "so [that] it's|its never on you",
          // Unwatched, or the cameras avoided: "do it when no one is watching", "avoid the doorbell camera".
          'when|while {NOBODY} is|are watching|looking|around|home|awake',
          "when|while no one's|nobody's watching|looking|around|home|awake",
          'avoid|dodge the|any [doorbell|security|street] camera|cameras|cctv',
          'wear gloves so [that] there are|is no prints|fingerprints|dna',
          // Nobody the wiser: "so nobody sees the total", "nobody will suspect", "it won't look deliberate".
          'so [that] {NOBODY} sees|notices|suspects|checks|finds|knows|realises|realizes',
          '{NOBODY} will|would ever suspect|notice|know',
          'and|so {NOBODY} suspects',
          '{WONT} look deliberate|suspicious|intentional|planned',
          'so [that] it looks|look like an|a accident|suicide|mugging|burglary|heart',
          'make it look like an|a accident|suicide|mugging|burglary|heart',
          // Violence that leaves no trace: "punches to the stomach won't leave visible bruises", "hit her where it won't show".
          '{WONT} leave [any] [visible] bruises|marks|bruising',
          "where it|they won't|wont|doesn't|doesnt|don't|dont show",
          // A cover story for an injury: "tell everyone he fell".
          'tell|telling everyone|anyone|people|them [that] he|she|they fell|tripped|slipped',
        ],
        {
          NOBODY: ['nobody|noone', 'no one'],
          WONT: ["won't|wont|doesn't|doesnt", 'will|does not'],
        },
      ),
      negations: REPORTED,
      // Advice against it, and texts about how criminals work (to protect oneself), describe rather than advise.
      unless: [
        'protect|protecting|prevent|preventing|report|reporting|warning|beware|scam|scams|scammer|scammers|victim|victims',
        'criminals|thieves|fraudsters|burglars|crooks|offenders|detectives|investigators|novel|story|character|film|movie',
      ],
    },
  ];
}
