// Fairness rules (data, versioned): protected-class decisions in high-stakes domains, differential terms, proxies.
import { NEGATIONS, type PhraseRule } from '../rule-critic.js';
import { expand } from '../text/pattern-slots.js';
import { COUNTER_SPEECH } from '../rights/vocabulary.js';
import { UNLAWFUL } from '../text/vocabulary.js';
import { once } from '../lazy.js';

export const FAIRNESS_RULESET_VERSION = '1.5.0';

/**
 * A protected attribute named as a criterion. No "faith" ("a good faith estimate") or bare "orientation".
 * Two-word forms share one pattern ("skin tone", "national origin", "gender identity"); odd pairs are harmless.
 * Few variants on purpose: every variant multiplies the patterns tried at each frame word ("based", "by" …).
 */
const ATTRIBUTE = [
  'race|racial|ethnicity|religion|gender|sex|age|disability|disabilities|nationality|pregnancy|caste|ancestry|sexuality',
  'national|ethnic|racial|skin|sexual|religious|marital|pregnancy|gender origin|origins|background|color|colour|tone|orientation|beliefs|affiliation|status|identity',
  'country of origin',
];
const ATTRIBUTE_NOT_AGE = ATTRIBUTE.map((a) => a.replace('|age|', '|'));
/** Whose attribute: nothing, a pronoun or a role's possessive; no free gap ("based on the age of the property"). */
const ROLE_POSSESSIVE =
  "applicant's|candidate's|tenant's|borrower's|patient's|employee's|customer's|person's|worker's|individual's|client's";
const POSSESSIVE = ['', `their|his|her|its|${ROLE_POSSESSIVE}`, `the|an|each|every|a ${ROLE_POSSESSIVE}`];
/**
 * The attribute as the criterion ("based on", "because of", "according to", "on the basis of"). Patterns start here,
 * not at the decision verb: a frame is rarer than a verb, so far fewer patterns are tried per word.
 */
const FRAME = ['based|depending|because|according on|upon|of|to', 'on the basis of'];

/** Core protected groups; age, disability and pregnancy are added only where preference would not be care. */
const GROUP_NOUNS =
  'women|men|females|males|blacks|whites|asians|hispanics|latinos|latinas|arabs|africans|mexicans|jews|muslims|christians|hindus|sikhs|buddhists|atheists|catholics|immigrants|migrants|refugees|foreigners|gays|lesbians|homosexuals|minorities';
const CORE_ADJECTIVES =
  'black|white|brown|asian|hispanic|latino|latina|arab|african|mexican|jewish|muslim|christian|hindu|sikh|buddhist|catholic|gay|lesbian|queer|trans|transgender|bisexual|immigrant|foreign|indigenous|female|male|non-white|minority';
const CARE_ADJECTIVES = 'older|elderly|disabled|pregnant';
const ROLES =
  'anyone|anybody|someone|applicants|applicant|candidates|candidate|tenants|tenant|renters|borrowers|borrower|patients|patient|employees|employee|workers|staff|people|women|men|families|customers|drivers|students|residents|buyers|hires|jobseekers|job-seekers|members|policyholders';
const AGE_OVER = `${ROLES} over|above|aged 40|45|50|55|60|65|70`;
/** `{G}`: any protected group; `{GP}`: the groups a preference may not favour (preferring older patients can be care). */
const G = [
  GROUP_NOUNS,
  `${CORE_ADJECTIVES}|${CARE_ADJECTIVES} ${ROLES}`,
  AGE_OVER,
  `${ROLES} older than 40|45|50|55|60`,
];
/** Prices and terms by age are common and lawful (fares, age-rated premiums); age in hiring is F1's and proxies'. */
const G_TERMS = [GROUP_NOUNS, `${CORE_ADJECTIVES}|disabled|pregnant ${ROLES}`];
const GP = [`${CORE_ADJECTIVES}|young|younger ${ROLES}`];
const D = ['', 'all|the|any|every|those|these|our', 'all the|those|our'];

/** Employment, lending, housing, insurance and allocation of care. */
const HIGH_STAKES = [
  'lay|laid|laying off',
  'hire|hiring|hired|fire|firing|fired|promote|promoted|promoting|promotion|promotions|layoff|layoffs|redundancy|redundancies|candidate|candidates|applicant|applicants|application|applications|job|jobs|employment|employee|employees|worker|workers|staff|salary|salaries|wage|wages|interview|interviews|resume|resumes|cv|cvs',
  'loan|loans|mortgage|mortgages|credit|lend|lending|lender|lenders|borrower|borrowers',
  `${ROLE_POSSESSIVE}`,
  'interest rate|rates',
  'recruit|recruiting|recruitment|recruiter|recruiters|shortlist|shortlisting|shortlisted|underwrite|underwriting|underwriter|evict|evicts|evicted|evicting|eviction|evictions',
  'rent|renting|rental|rentals|tenant|tenants|tenancy|lease|leases|landlord|landlords|housing|apartment|apartments',
  'insurance|insurer|insurers|premium|premiums|coverage|policyholder|policyholders|claim|claims',
  'triage|transplant|transplants|ventilator|ventilators|icu|waitlist|admission|admissions',
  'waiting list',
  'deny|denying|withhold|withholding|refuse|refusing treatment|care|surgery',
  'approve|approved|approval|approvals|deny|denied|denial|reject|rejected|rejection|decline|declined|eligible|eligibility',
];
/** Verbs after which "by <attribute>" is a criterion ("rank candidates by age"), not a statistic ("rates vary by age"). */
const RANK =
  'rank|ranking|sort|sorting|score|scoring|screen|screening|filter|filtering|select|selecting|shortlist|shortlisting|prioritise|prioritize|prioritising|prioritizing|price|pricing|approve|approving|reject|rejecting|hire|hiring|promote|promoting|weight|weighting|triage|triaging|tier|tiering';
const USE = 'use|using|uses|consider|considering|factor|factoring|weigh|weighing|include|including|incorporate';

/** Sentences about the law, about auditing for bias, or stating that no attribute is used. */
const NEUTRAL = [
  ...UNLAWFUL,
  'outlaw|outlaws|outlawed|outlawing',
  'banned|bans',
  'regardless',
  'irrespective',
  'equal opportunity',
  'fair housing|lending',
  'audit|audits|audited|auditing|auditor|auditors',
  'test|tests|testing|check|checks|checking|measure|measuring|monitor|monitoring|evaluate|evaluating whether|if',
  'disparity|disparities',
  'disparate',
  'bias|biased|biases',
  'do|does|did|should|must|will|would|may not',
  'is|are|was|were not used|considered',
  'not a factor|criterion',
  'never',
  'no role|bearing',
  'same for every|all|everyone',
  'is|are|was|were based|calculated|determined',
  'allowed|permitted|allows|permits|lawful|legal|legally|law|laws|regulation|regulations|statute|statutes|act',
  'used to',
  'until|historically|history',
  'may|can vary|differ',
  'lawsuit|lawsuits|sue|sued|suing|lawyer|lawyers|attorney|attorneys|complaint|complaints|tribunal|eeoc',
  'worry|worried|worries|fear|fears|afraid',
  // Counter-speech, reported speech and refusals: "it is wrong to screen applicants by zip code".
  ...COUNTER_SPEECH,
  'refuse|refuses|refused|refusing|decline|declines|declined|declining',
];
/** The default negations, minus "not" and "no": "reject anyone who is not a culture fit" is still screening. */
const PROXY_NEGATIONS = NEGATIONS.filter((w) => w !== 'not' && w !== 'no' && w !== 'avoid').concat([
  'regardless',
  'irrespective',
  'ignore',
  'ignoring',
  'instead',
]);

const TERMS =
  'rate|rates|price|prices|premium|premiums|interest|salary|salaries|pay|wage|wages|terms|fee|fees|deposit|deposits|limit|limits|bonus|bonuses|raise|raises|hours|shifts|credit|discount|discounts|score|scores|rent|rents|loan|loans|offer|offers|commission|commissions|threshold|thresholds|cutoff|cutoffs|scrutiny|checks|benefits|pensions';
/** The terms that a "based on <attribute>" may not set ("prices based on religion"). */
const PRICE_TERMS =
  'price|prices|pricing|premium|premiums|rate|rates|salary|salaries|wage|wages|pay|fees|terms|interest';
const COMPARE =
  'higher|lower|worse|better|smaller|bigger|larger|reduced|inferior|stricter|harsher|tougher|fewer|less|more';

/** Built on first use (see ../lazy.ts). */
export const fairnessRules = once((): readonly PhraseRule[] => [
  {
    id: 'fairness.protected_class_impact',
    message: 'uses a protected attribute to decide on employment, lending, housing, insurance or care',
    severity: 2.5,
    clause: 'F1',
    escalate: true,
    patterns: expand(
      [
        '{FRAME} {POSS} {ATTR}',
        `${RANK} ... by {BY_POSS} {BY_ATTR}`,
        `${USE} {POSS} {ATTR} as|when|in|to|for`,
        'take|taking {POSS} {ATTR} into account',
        'reject|rejecting|deny|denying|decline|declining|disqualify|disqualifying|evict|evicting|fire|firing|demote|demoting {D} {G}',
        'lay|laying off {D} {G}',
        'screen|screening|filter|filtering|weed|weeding|turn|turning out|away {D} {G}',
        'screen|screening|filter|filtering|weed|weeding|turn|turning {D} {G} out|away',
        'deny|denying|refuse|refusing|withhold|withholding ... to|from {D} {G}',
        'prefer|preferring|favour|favor|favouring|favoring|prioritise|prioritize|prioritising|prioritizing {D} {GP}',
        'only hire|approve|promote|insure|shortlist|interview {D} {G}',
        "don't|never|won't|can't|cannot hire|promote|interview|shortlist|insure|approve {D} {G}",
        'do|will|should not hire|promote|interview|shortlist|insure|approve {D} {G}',
        'only lend|rent|sell to {D} {G}',
        'discriminate|discriminating against {D} {G}',
      ],
      {
        FRAME,
        POSS: POSSESSIVE,
        ATTR: ATTRIBUTE,
        // Fewer variants after "by": each is tried at every ranking verb, with a gap.
        BY_POSS: ['', 'their|his|her|its'],
        BY_ATTR: ATTRIBUTE.slice(0, 2),
        D,
        G,
        GP,
      },
    ),
    requires: HIGH_STAKES,
    unless: NEUTRAL,
  },
  {
    id: 'fairness.differential_treatment',
    message: 'sets different prices, pay or terms for people by a protected attribute',
    severity: 2,
    clause: 'F3',
    patterns: expand(
      [
        'charge|charging|bill|billing|quote|quoting|pay|paying {D} {G} more|less|extra',
        `charge|charging|bill|billing|quote|quoting|pay|paying|offer|offering|give|giving|grant|granting|lend|lending {D} {G} ${COMPARE} ${TERMS}`,
        `charge|charging|bill|billing|quote|quoting|pay|paying|offer|offering|give|giving|grant|granting|lend|lending {D} {G} a|an ${COMPARE} ${TERMS}`,
        `${COMPARE} ${TERMS} for|to {D} {G}`,
        `${COMPARE} * ${TERMS} for|to {D} {G}`,
        `${PRICE_TERMS} {FRAME} {POSS} {ATTR}`,
        'price|priced|pricing|charge|charged|rate|rated ... by {POSS} {ATTR}',
        'race-based|gender-based|sex-based|religion-based|ethnicity-based|nationality-based|race-adjusted|gender-adjusted pricing|pay|rates|premiums|salaries|salary|terms|offers|discounts|fees|interest|scoring|scores',
      ],
      { FRAME, POSS: POSSESSIVE, ATTR: ATTRIBUTE_NOT_AGE, D, G: G_TERMS },
    ),
    unless: NEUTRAL,
  },
  {
    id: 'fairness.proxy_discrimination',
    message:
      'screens people by a stand-in for a protected attribute (postcode, name, accent, "culture fit", age-coded terms)',
    severity: 2,
    clause: 'F2',
    patterns: [
      'zip|postal|post code|codes',
      'zipcode|zipcodes|postcode|postcodes',
      'from|in certain|bad|poor|rough|those|some|low-income|high-crime|minority|black|immigrant|ethnic neighbourhoods|neighborhoods|neighbourhood|neighborhood|areas|districts|estates',
      'foreign-sounding|ethnic-sounding|african-sounding|black-sounding|arabic-sounding|foreign|ethnic|non-english|non-western|unpronounceable|hard-to-pronounce name|names|surname|surnames',
      'names that sound foreign|ethnic|african|arabic|muslim|hispanic|asian|black|unusual',
      'heavy|strong|thick|foreign|non-native|noticeable|ethnic accent|accents',
      'with|has|have|had an accent',
      'culture|cultural fit',
      'digital native|natives',
      'recent graduates|grads only',
      'young and energetic|dynamic|hungry|vibrant|fresh',
      'youthful|overqualified',
      'graduation year|years|date|dates',
      'birth year|date',
      'date|year of birth',
      'too old',
      'under 30|35|40',
      'no older than',
      'maximum|max|most years of experience',
      'no more than * years of experience',
      'native english|speaker|speakers',
      'employment|career|resume|cv|work gap|gaps',
      'gaps|gap in employment',
      'gaps|gap in their|the|your cv|resume|employment|work|career|history',
      'plans|plan|planning to have|start children|kids',
      'plans|plan|planning to have|start a family',
    ],
    requires: [
      'screen|screens|screened|screening|filter|filters|filtered|filtering|reject|rejects|rejected|rejecting|exclude|excludes|excluded|excluding|disqualify|disqualifies|disqualified|disqualifying',
      'shortlist|shortlisting|downgrade|downgrades|downgrading|downrank|downranking|penalise|penalises|penalising|penalize|penalizes|penalizing',
      'deny|denies|denied|denying|decline|declines|declined|declining|weed|weeding|avoid|avoiding',
      'rule|ruling|turn|turning out|away',
      'rank|ranks|ranking|score|scores|scoring|hire|hires|hiring|approve|approves|approving|approval|eligible|eligibility',
      'decide|decides|deciding|preferred|prefer|seeking|wanted',
      'looking for',
      'must be',
      'only hire|accept|consider|interview|want|take|approve',
      'speakers|speaker|natives|graduates only',
      'credit|risk|scoring|underwriting model|models|score',
    ],
    negations: PROXY_NEGATIONS,
    unless: NEUTRAL,
  },
]);
