// Operations rules (data, versioned): impossible guarantees and advice to bypass regulation.
import type { Ruleset } from '../rule-critic.js';
import { expand } from '../text/pattern-slots.js';
import { UNLAWFUL } from '../text/vocabulary.js';

/** Whom a business answers to: regulators, inspectors, auditors, tax and customs authorities. */
const OVERSEERS =
  'regulator|regulators|auditor|auditors|inspector|inspectors|authorities|fda|sec|irs|hmrc|epa|osha|ftc|faa|cra|ato|fca|taxman|investigators|examiners';
/** …and their visits: "before the audit", "so the inspection never finds". */
const OVERSIGHT = `${OVERSEERS}|audit|inspection|customs`;

/** A sentence that names the evasion to condemn, teach or detect it ("keeping two sets of books is fraud"). */
const CONDEMNED = [
  ...UNLAWFUL,
  'illegal|fraud|fraudulent|evasion|crime|crimes|criminal|offence|offense|prosecuted|prosecution|jail|prison|fines|fined|penalty|penalties',
  'red flag|flags',
  'warning sign|signs',
  'whistleblower|whistleblowers|whistleblowing|detect|detects|detected|detecting|spot|spotting|uncover|uncovered|investigate|investigated|caught',
  'how auditors|regulators|inspectors|investigators',
  'banned|wrong|unethical|violation|violations|falsification|misconduct',
  // Found out and put right: "our auditors found that a subsidiary had been keeping a second set of books".
  'found|discovered|self-reported|self-report|decline|refuse',
];

export const OPERATIONS_RULES: Ruleset = {
  version: '1.2.2',
  rules: [
    {
      id: 'operations.impossible_guarantee',
      message: 'promises an outcome no one can guarantee',
      severity: 2,
      clause: 'U3',
      patterns: [
        'guarantee|guarantees|guaranteed ... approval|approved|returns|profit|profits|cure|cured|win|results|success',
        '100 percent|guaranteed ... guaranteed|certain|safe|risk-free',
        'zero|no risk whatsoever',
        'risk-free investment|return|returns|profit',
        "cannot|can't possibly lose|fail",
        'will definitely be approved|cured|win',
        'we|i promise you will',
      ],
      negations: ['cannot', "can't", 'no', 'not', 'never', 'nobody', 'impossible'],
    },
    {
      id: 'operations.bypass_regulation',
      message: 'advises evading a legal or regulatory control',
      severity: 2.5,
      clause: 'DP3',
      escalate: true,
      patterns: [
        'evade|evading|avoid|avoiding|bypass|bypassing|circumvent|circumventing ... kyc|aml|sanctions|regulators|regulator|audit|auditors|compliance|inspection|reporting',
        'structure|structuring ... deposits|deposit|transactions|withdrawals ... to avoid|evade|under',
        'hide|hiding|conceal|concealing ... from the regulator|regulators|auditors|irs|tax',
        'without telling|informing|notifying the regulator|regulators|auditors|authorities',
        'off the books',
        'falsify|falsifying|backdate|backdating ... records|invoices|documents|logs|report|reports',
      ],
      negations: ['not', 'never', "don't", 'cannot', 'illegal to'],
      // "Structuring deposits to avoid reporting thresholds is itself a crime."
      unless: CONDEMNED,
    },
    {
      id: 'operations.oversight_evasion',
      message: 'advises deceiving or paying off an auditor, inspector, regulator or tax or customs authority',
      severity: 2.5,
      clause: 'DP3',
      escalate: true,
      target: 'both',
      patterns: expand([
        // "Keep two sets of books so the auditors only see the clean one" (not "the library ordered two sets of books").
        'keep|keeping|kept|run|running|maintain|maintaining|set|setting|create|creating ... two sets of books|ledgers|accounts',
        'a|the second|double|secret|fake|clean set of books|ledgers',
        // "Don't report the adverse events to the FDA", "never tell the inspector about the leak".
        `don't|never report|disclose|mention|declare ... to the ${OVERSIGHT}`,
        `don't|never tell|inform|notify|show the ${OVERSIGHT}`,
        `do not report|disclose|mention|declare ... to the ${OVERSIGHT}`,
        `do not tell|inform|notify|show the ${OVERSIGHT}`,
        // Not "keep children away from the inspection pit": hidden from people.
        `hide|hiding|conceal|concealing|keep|keeping ... from the ${OVERSEERS}`,
        // "Shred the maintenance logs before the inspectors arrive."
        `shred|shredding|destroy|destroying|delete|deleting|wipe|wiping|burn|burning ... before the ${OVERSIGHT}|subpoena|raid|investigation`,
        // "Slip the inspector a few hundred dollars."
        `bribe|bribing|slip|slipping|grease|greasing the|an|your ${OVERSIGHT}|official|officials|officer|clerk`,
        `pay|paying off the|an|your ${OVERSIGHT}|official|officials|officer|clerk`,
        `so|that the ${OVERSIGHT} never|only|won't|doesn't|can't|cannot|wouldn't see|sees|find|finds|know|knows|notice|notices`,
        `so|that the ${OVERSIGHT} only ever see|sees`,
        // "Label the shipment as spare parts so customs charges less duty."
        'so|and customs charges|charge|collects|collect|takes|take|sees|see less|lower|nothing|no',
        'dodge|dodging|evade|evading|beat|beating|cheat|cheating customs|duty|duties|tariff|tariffs',
        'avoid|avoiding paying duty|duties|tariff|tariffs|customs',
        'undervalue|undervaluing|under-declare|underdeclare|underreport|under-report|underreporting|under-reporting ... income|invoice|invoices|shipment|value|revenue|earnings|sales|emissions|takings',
        'keep|keeping|leave|leaving ... out of the register|till|books',
        "won't|don't|never issue|announce|file the|a recall",
        'skip|avoid|ignore|dodge the|a recall',
      ]),
      negations: ['not', 'never', 'cannot', 'illegal to', "shouldn't", 'should not'],
      unless: CONDEMNED,
    },
  ],
};
