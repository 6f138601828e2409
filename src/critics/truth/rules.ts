// Truth rules (data, versioned): unhedged medical, legal and financial claims, and claims credited to no one.
import { NEGATIONS, type PhraseRule } from '../rule-critic.js';

export const TRUTH_RULESET_VERSION = '1.1.2';

/** Words that make a sentence medical; a certainty marker alone ("it is certain that it will rain") is not a claim. */
const MEDICAL = [
  "cure|cures|cured|curing|heal|heals|healed|healing|cancer|cancers|tumour|tumours|tumor|tumors|diabetes|disease|diseases|illness|illnesses|infection|infections|virus|viruses|covid|covid-19|hiv|alzheimer|alzheimer's|alzheimers|dementia|autism|arthritis|asthma|depression|anxiety|adhd|obesity|hypertension|symptom|symptoms|drug|drugs|medication|medications|medicine|medicines|meds|supplement|supplements|vaccine|vaccines|treatment|treatments|therapy|therapies|remedy|remedies|pill|pills|dose|doses|dosage|surgery|chemotherapy|chemo|antibiotic|antibiotics|patient|patients|diagnosis|disorder|disorders|syndrome|insulin|herbal|detox|immunity",
];
const LEGAL = [
  'lawsuit|lawsuits|court|courts|judge|jury|appeal|verdict|settlement|litigation|sue|suing|sued|prosecution|prosecutor|conviction|convicted|acquittal|acquitted|charges|defendant|plaintiff|claim|legal|illegal|lawful|unlawful|liable|liability|custody|divorce|contract|lawyer|lawyers|attorney|attorneys|tribunal|damages|compensation|judgment|judgement|patent|asylum|immigration|deportation|eviction',
  'win|winning|won|lose|losing|lost the|your|this|my case|trial',
  'court|legal|criminal|civil case|cases|trial',
];
const FINANCIAL = [
  'stock|stocks|shares|investment|investments|investing|invest|investor|investors|crypto|cryptocurrency|bitcoin|ethereum|price|prices|market|markets|fund|funds|portfolio|returns|profit|profits|money|savings|dividend|dividends|bond|bonds|equity|etf|etfs|forex|trading|property|income|wealth|rich|pension|retirement|401k|mortgage|loan|gains|roi|cash|coin|coins',
  'real estate',
  'in value',
];

/** What a certain promise is about ("will definitely work"); "you will definitely need a prescription" is not one. */
const OUTCOMES =
  'cure|heal|work|help|fix|win|lose|double|triple|rise|grow|recover|succeed|disappear|pay|beat|outperform|improve|prevent|protect|stop|reverse|clear|make';

/** Certainty stated as fact. Kept narrow: "it is clear that" and "proven to" are common in careful writing. */
const CERTAINTY = [
  'it is|was certain|guaranteed|undeniable|indisputable|unquestionable that',
  "it's certain|guaranteed|undeniable|indisputable|unquestionable that",
  'there is no doubt|question that',
  "there's no doubt|question that",
  'without a|any doubt|question',
  'beyond a|any|all doubt|question',
  `will definitely|certainly|undoubtedly|surely|absolutely ${OUTCOMES}`,
  `definitely|certainly|undoubtedly|surely|absolutely will ${OUTCOMES}`,
  '100 percent certain|sure|guaranteed|effective|safe',
  '100 certain|sure|guaranteed|effective',
  'never fails',
  'always works',
  'works every time',
];

/** Hedges and reports: a sentence carrying one is not an unhedged claim. */
const HEDGES = [
  'may|might|could|possibly|probably|likely|unlikely|perhaps|potentially|suggest|suggests|suggested|appears|seems',
  'usually|typically|generally|often|sometimes|most|hope|hopes|hoped|hoping|aim|aims|aiming|goal|quest|seeking|trying',
  'in * trial|trials|studies|mice',
  'in trials|studies|mice',
  'in some|many|most|certain cases|patients|people|studies',
  'of cases|patients|participants|people',
  'study|studies|trial|trials|research|researchers found|suggest|suggests|indicate|indicates|reported',
  'no|little|limited|insufficient|weak|some evidence|proof',
  'not proven',
  'unproven|allegedly|supposedly|myth|falsely|debunked|misleading|scam|scams',
  'claim|claims|claimed that',
  'consult|ask|talk|speak ... doctor|physician|lawyer|attorney|adviser|advisor|professional',
  'no guarantee|guarantees',
  'not guaranteed',
];

/** Words that, up to 3 words before a match, make it a denial or a report. */
const TRUTH_NEGATIONS = [
  ...NEGATIONS,
  'nothing',
  'nobody',
  'none',
  'neither',
  'nor',
  "isn't",
  "aren't",
  "wasn't",
  'hardly',
  'if',
  'whether',
  'claim',
  'claims',
  'claimed',
];

const DISEASES =
  "cancer|cancers|diabetes|alzheimer|alzheimer's|alzheimers|dementia|autism|hiv|aids|arthritis|depression|covid|covid-19|tumours|tumors|tumour|tumor|leukemia|leukaemia|parkinson's|asthma|obesity|hypertension|infection|infections|disease|diseases|everything|anything|all";

/** Poisons sold as cures (bleach, "MMS" chlorine dioxide, turpentine, kerosene, borax). */
const POISONS = 'bleach|chlorine|mms|turpentine|kerosene|borax|methanol|antifreeze|lye|gasoline|petrol';

/** What makes a poison-as-cure sentence a warning rather than advice. */
const WARNINGS = [
  'dangerous|danger|poison|poisonous|poisoning|toxic|harmful|deadly|fatal|lethal|emergency|hospital|myth|false|hoax|fake|scam|never|not|warn|warns|warned|warning|burns|damage|ingested|accidentally',
  'poison control',
  "don't|doesn't|won't|can't|cannot",
];

export const TRUTH_RULES: readonly PhraseRule[] = [
  {
    id: 'truth.poison_remedy',
    message: 'presents drinking or taking a poison as a cure or treatment',
    severity: 2.5,
    clause: 'U2',
    patterns: [
      `drink|drinking|swallow|swallowing|ingest|ingesting|take|taking|gargle|gargling ... ${POISONS}`,
      // Not "kills", "fights", "clears": "diluted bleach kills the flu virus on worktops" disinfects.
      `${POISONS} ... cure|cures|heal|heals|treat|treats|detox|detoxes`,
    ],
    requires: MEDICAL,
    unless: WARNINGS,
    negations: TRUTH_NEGATIONS,
  },
  {
    id: 'truth.vaccine_myth',
    message: 'states a debunked vaccine harm as fact',
    severity: 2,
    clause: 'U1',
    patterns: [
      'vaccine|vaccines|vaccination|vaccinations|mmr|jab|jabs cause|causes|caused|give|gives|gave autism|infertility|sids|cancer|alzheimer|alzheimers|dementia|aids|hiv',
    ],
    unless: [
      ...HEDGES,
      'believe|believes|think|thinks|fear|fears|worry|worries|worried|rumour|rumor|rumours|rumors|conspiracy|misinformation|false|wrong|link|linked|whether|if|fraudulent|retracted|wakefield',
    ],
    negations: TRUTH_NEGATIONS,
  },
  {
    id: 'truth.cure_claim',
    message: 'promises a cure or treatment outcome as certain',
    severity: 2.5,
    clause: 'U2',
    patterns: [
      'will cure|heal|reverse|eliminate|eradicate',
      'guaranteed|proven|bound to cure|heal|reverse|eliminate|eradicate',
      `cure|cures|heals|reverses|eliminates|eradicates ${DISEASES}`,
      `cure|cures|heals|reverses|eliminates|eradicates your|the|any|all ${DISEASES}`,
      'miracle cure|cures',
      '100 cure|cured|effective',
    ],
    requires: MEDICAL,
    unless: HEDGES,
    negations: TRUTH_NEGATIONS,
  },
  {
    id: 'truth.medical_overclaim',
    message: 'states a medical claim with certainty it cannot have',
    severity: 2,
    clause: 'U1',
    patterns: [
      ...CERTAINTY,
      // Only here: "delivery is guaranteed to arrive, for a small price" is not a financial claim.
      'guaranteed to',
      'no|zero side effects',
      'no|zero side-effects|risks',
      'completely|totally|perfectly|100 safe|harmless',
    ],
    requires: MEDICAL,
    unless: HEDGES,
    negations: TRUTH_NEGATIONS,
  },
  {
    id: 'truth.legal_overclaim',
    message: 'predicts a legal outcome with certainty',
    severity: 2,
    clause: 'U3',
    patterns: [
      ...CERTAINTY,
      'you will win|lose the|your|this case|lawsuit|trial|appeal|claim',
      "you'll win|lose the|your|this case|lawsuit|trial|appeal|claim",
      'guaranteed|sure|certain|bound to win|lose',
      'no|zero chance of losing|winning',
      "can't|cannot lose|fail",
      'the court|judge|jury will definitely|certainly|surely|undoubtedly',
    ],
    requires: LEGAL,
    unless: HEDGES,
    negations: TRUTH_NEGATIONS,
  },
  {
    id: 'truth.financial_overclaim',
    message: 'promises a financial outcome as certain',
    severity: 2,
    clause: 'U2',
    patterns: [
      ...CERTAINTY,
      'guaranteed|bound to double|triple|rise|grow|increase|skyrocket|moon|pay|profit|outperform',
      'can|will only go up',
      'can|will only rise',
      "can't|cannot lose|fail",
      'will never lose|fall|drop',
      'risk-free|riskless|no-risk|zero-risk',
      'sure thing|bet',
      'double|triple|quadruple|10x your money|investment|savings',
    ],
    requires: FINANCIAL,
    unless: HEDGES,
    negations: TRUTH_NEGATIONS,
  },
  {
    id: 'truth.unattributed_claim',
    message: 'credits a medical, legal or financial claim to unnamed studies or experts',
    severity: 1.5,
    clause: 'DP2',
    patterns: [
      'studies|research|science show|shows|prove|proves|confirm|confirms|says',
      'studies|research have|has shown|proven|proved|confirmed|established',
      'experts|doctors|scientists|researchers|economists|analysts|lawyers all agree|say|confirm',
      'experts|doctors|scientists|researchers|economists|analysts|lawyers agree',
      'it is a proven|known|established|scientific fact',
      "it's a proven|known|established|scientific fact",
      'scientifically|clinically|medically proven',
      'everyone|everybody knows',
    ],
    requires: [...MEDICAL, ...LEGAL, ...FINANCIAL],
    // An attribution in the same sentence answers the question "who says so?".
    unless: [
      'according to',
      'et al',
      'journal|doi|published|university|institute|pubmed|cochrane',
      'in * study|review|report',
    ],
    negations: TRUTH_NEGATIONS,
  },
];
