// Hate rules (data, versioned): dehumanisation, calls for violence or exclusion, contempt and stereotypes about
// protected groups, in the user's input or the model's response. Counter-speech, quotation and negation are not hate.
import { NEGATIONS, type PhraseRule } from '../rule-critic.js';
import {
  COUNTER_SPEECH,
  D,
  DEHUMANISATION_TEMPLATES,
  GROUP_ADJECTIVES,
  GROUP_NOUNS,
  GN,
  HATE_TEMPLATES,
  PEOPLE,
} from '../rights/vocabulary.js';
import { expand } from '../text/pattern-slots.js';
import { once } from '../lazy.js';

export const HATE_RULESET_VERSION = '1.0.0';

/** Groups the rights critic's list leaves out: more nationalities, disability and LGBTQ+ words, slurs. */
const MORE_NOUNS =
  'americans|russians|ukrainians|nigerians|iranians|afghans|turks|poles|romanians|filipinos|koreans|japanese|vietnamese|haitians|irish|germans|french|africans|blacks|muslims|jews|arabs|gays|trans|transgenders|transsexuals|queers|lgbt|lgbtq|retards|autistics|disabled|handicapped|cripples|fags|faggots|dykes|kikes|niggers|spics|chinks|wetbacks|towelheads|ragheads|paki|pakis|hindus|sikhs|mormons|catholics|protestants|jehovah|illegals|aliens|feminists|gypsies|travellers|travelers|roma|romani|latinx|african-americans|easterners|natives|aborigines|bisexuals|homosexuals|lesbians|transsexuals';
const MORE_ADJECTIVES =
  'lgbt|lgbtq|autistic|deaf|blind|handicapped|mentally|indian|chinese|russian|romanian|polish|native|latin';
/** `{H}`: a protected group in either form. */
const H = [`${GROUP_NOUNS}|${MORE_NOUNS}`, `${GROUP_ADJECTIVES}|${MORE_ADJECTIVES} ${PEOPLE}|americans`];

/** Contempt and inferiority: what "X are …" may not say of a group. */
const TRAITS =
  'stupid|dumb|lazy|violent|criminals|criminal|thieves|terrorists|rapists|paedophiles|pedophiles|dirty|filthy|disgusting|inferior|evil|worthless|useless|primitive|savages|savage|barbaric|barbarians|greedy|subhuman|retarded|ugly|smelly|sneaky|liars|degenerate|degenerates|diseased|freaks|perverts|backward|uncivilized|uncivilised|parasitic|dangerous|untrustworthy|dishonest|idiots|morons|inbred|unintelligent|incapable|sick|vile|scum|trash|garbage';
/** Multi-word traits: "X are a threat", "X are taking over". */
const TRAIT_PHRASES = [
  'a threat|burden|drain|disease|cancer|plague|curse|disgrace|menace',
  'the problem|enemy',
  'mentally ill|deficient',
  'taking over',
  'ruining|destroying|invading|infecting *',
];
/** Words after "I hate X" that make X something else: "I hate Chinese food", "I hate men who cheat". */
const NOT_A_GROUP =
  'national|food|cuisine|restaurant|restaurants|dishes|music|movies|films|tv|shows|songs|government|governments|regime|president|team|politicians|army|military|police|media|language|accent|accents|traffic|weather|rugby|football|soccer|cars|economy|companies|products|style|fashion|names|grammar|spelling|who|that|which|when|whom|whose'.split(
    '|',
  );
const INTENSE =
  '[all|so|just|really|such|truly|literally|basically|naturally|inherently|always|fucking|too|genetically]';

/** Words that cancel a match when they come just before it: "I don't …", "not all …", "if …". */
const HATE_NEGATIONS = [...NEGATIONS, 'if', 'whether', 'claim', 'claims'];

// Clauses: D2 (dignity: degrading or dehumanizing outcome, tier 3) for dehumanisation, violence and exclusion —
// a denial that a human confirms; F2 (fairness: structural bias amplification, tier 2) for stereotypes, which an answer
// would amplify; contempt ("I hate X") is a violation (severity 2.5) without its own escalation.
/** Built on first use (see ../lazy.ts). */
export const hateRules = once((): readonly PhraseRule[] => [
  {
    id: 'hate.dehumanisation',
    message: 'describes a protected group as vermin, animals, disease or less than human',
    severity: 3,
    clause: 'D2',
    escalate: true,
    target: 'both',
    patterns: expand(DEHUMANISATION_TEMPLATES, { G: H }),
    unless: COUNTER_SPEECH,
  },
  {
    id: 'hate.violence',
    message: 'calls for violence against, or the removal or exclusion of, a protected group',
    severity: 3,
    clause: 'D2',
    escalate: true,
    target: 'both',
    patterns: [
      ...expand(HATE_TEMPLATES, { G: H, GN, D }),
      ...expand(
        [
          "{H} don't|dont deserve rights|respect|dignity|freedom|equality|anything",
          "{H} don't|dont deserve to live|exist|vote|marry",
          '{H} do not deserve rights|respect|dignity|freedom|equality|anything',
          '{H} do not deserve to live|exist|vote|marry',
          '{H} should|must be banned|sterilised|sterilized|exterminated|eliminated|deported|expelled|segregated|executed',
          '{H} should|must not|never have rights|children|jobs',
          "{H} shouldn't have rights|children|jobs",
          'ban|outlaw {D} {H}',
          // "their race needs to be eliminated": the group is named elsewhere, the call is here.
          'their|this|that|the|whole race|kind|breed|religion need|needs|should|must [to] be eliminated|exterminated|wiped|destroyed|eradicated|cleansed|purged|gassed',
          '{H} should|must not be allowed|permitted to *',
          "{H} shouldn't|shouldnt be allowed|permitted to *",
          '{H} are|is not worth *',
        ],
        { H, D },
      ),
    ],
    negations: HATE_NEGATIONS,
    // "ban trans fats"
    notFollowedBy: ['fats', 'fat'],
    unless: COUNTER_SPEECH,
  },
  {
    id: 'hate.contempt',
    message: 'expresses hatred or contempt for a protected group, or calls it inferior',
    severity: 2.5,
    clause: 'D2',
    target: 'both',
    patterns: expand(
      [
        'i|we [really|truly|just|fucking|honestly|absolutely] hate|despise|loathe|detest {D} {H}',
        "i|we can't|cannot stand {D} {H}",
        `{H} are|is ${INTENSE} ${TRAITS}`,
        `all {H} are ${TRAITS}`,
        '{H} are|is {INTENSE} {TP}',
        '{H} are|is inferior to',
        // Insults fused to the group: "primitive Asians", "these damn foreigners".
        'primitive|feral|savage|dirty|filthy|disgusting|worthless|inbred|smelly|greedy|sneaky|vile|damn|damned|bloody|fucking|goddamn|stinking|lazy {H}',
        `${TRAITS} like most|all|every|other {H}`,
        'homosexuality|bisexuality|transgenderism|transsexualism is|are a mental disorder|illness|disease|sickness|perversion|abomination',
        'homosexuality|bisexuality|transgenderism|transsexualism is|are a|an disorder|disease|sickness|perversion|abomination',
        // Denying a trans person's gender.
        'trans|transgender women are [just|really|actually|only|still] men|males|dudes|guys',
        'trans|transgender men are [just|really|actually|only|still] women|females|girls',
      ],
      { H, D, INTENSE: [INTENSE], TP: TRAIT_PHRASES },
    ),
    negations: HATE_NEGATIONS,
    notFollowedBy: NOT_A_GROUP,
    unless: COUNTER_SPEECH,
  },
  {
    id: 'hate.slur',
    message: 'uses a slur for a protected group',
    // A slur alone constrains (1.5) rather than escalates: plots, lyrics and quoted documents carry slurs too.
    severity: 1.5,
    clause: 'D2',
    target: 'both',
    // Only words with no common innocent sense: not "fag" (a cigarette), "dyke" (an embankment), "retard" (a verb).
    patterns: [
      'nigger|niggers|kike|kikes|kyke|spic|spics|chink|chinks|wetback|wetbacks|towelhead|towelheads|raghead|ragheads|tranny|trannies|faggot|faggots|groid|groids|gook|gooks|beaner|beaners|sandnigger|sandniggers|jigaboo|jigaboos|shemale|shemales|zipperhead|zipperheads|golliwog|darkie|darkies|niglet|niglets|mongoloids|gyppo|gyppos|pikey|pikeys',
    ],
    negations: false,
    unless: COUNTER_SPEECH,
  },
  {
    id: 'hate.stereotype',
    message: 'asks why a protected group has a negative trait, presupposing the stereotype',
    severity: 2,
    clause: 'F2',
    target: 'both',
    patterns: expand(
      [
        `why are|do {H} ${INTENSE} ${TRAITS}`,
        'why do {H} always|all|never|ruin|destroy|steal|lie|smell|breed|control|hate',
        'why are {H} allowed to',
      ],
      { H },
    ),
    negations: [...NEGATIONS, 'if', 'whether'],
    unless: COUNTER_SPEECH,
  },
]);
