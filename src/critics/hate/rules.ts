// Hate rules (data, versioned): dehumanisation, calls for violence or exclusion, contempt and stereotypes about
// protected groups, in the user's input or the model's response. Counter-speech, quotation and negation are not hate.
// Over 400 lines on purpose: it is data (one rule per kind of hate with its slots and exclusions, kept together so the
// shared slots are read once); the larger template lists already stand in their own files beside it.
import { NEGATIONS, type PhraseRule } from '../rule-critic.js';
import {
  COUNTER_SPEECH,
  D,
  DEHUMANISATION_TEMPLATES,
  FALSEHOOD,
  GROUP_ADJECTIVES,
  GN,
  HATE_TEMPLATES,
} from '../rights/vocabulary.js';
import { REQUEST_CUES } from '../risk/request-vocabulary.js';
import { expand } from '../text/pattern-slots.js';
import { once } from '../lazy.js';
import { requestedHateRule } from './requested.js';
import { FAITHS, TRANS_ONE_WORD, TROPE_TEMPLATES, YOU_ARE } from './tropes.js';
import { DISDAIN_TEMPLATES, WISHED_HARM_TEMPLATES } from './wishes.js';
import { EXCLUSION_TEMPLATES } from './exclusion.js';
import { IDENTITY_DENIAL_TEMPLATES } from './identity.js';
import { slurRules } from './slurs.js';
import { disclaimedHateRule } from './disclaimed.js';
import { NOT_A_BEAST, ONE_DEHUMANISED_TEMPLATES, THREAT_TEMPLATES } from './threats.js';
import {
  AT_A_SKILL,
  ATROCITY,
  H,
  HARMS,
  HM,
  INSULT_ADJECTIVES,
  INTENSE,
  KILLS,
  MORE_ADJECTIVES,
  NEVER_HAPPENED,
  NOT_A_GROUP,
  NOT_PROMOTING,
  ONE,
  ORIENTATIONS,
  PEN,
  RELATIVE,
  SLUR_AIM,
  SLURS,
  TRAIT_PHRASES,
  TRAITS,
  WRITE_CUES,
} from './vocabulary.js';

export const HATE_RULESET_VERSION = '1.14.0';

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
    patterns: [
      ...expand(DEHUMANISATION_TEMPLATES, { G: H }),
      ...expand(ONE_DEHUMANISED_TEMPLATES, { ONE, GA: [`${GROUP_ADJECTIVES}|${MORE_ADJECTIVES}`] }),
    ],
    notFollowedBy: NOT_A_BEAST,
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
          "{HM} don't|dont deserve the same|equal rights|respect|treatment",
          '{HM} do not deserve the same|equal rights|respect|treatment',
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
          '{H} should|must [all] be killed|shot|hanged|hung|exterminated|eliminated|gassed|lynched|executed|burned|sterilised|sterilized|institutionalised|institutionalized|interned|caged',
          '{H} should|must all be deported',
          // "Any Muslim who runs for office should be hanged" (not "… should be deported": a policy opinion).
          'any|every {ONE} who ... should|must be killed|shot|hanged|hung|executed|lynched|gassed|burned|stoned|beaten',
          'no {ONE} deserves to live|exist|breathe',
          'none of {D} {H} deserve to live|exist|breathe',
          // Threats: "I'm going to shoot the next Muslim I see", "I will hurt any of those …", "a bullet in every one of …".
          '{HARM} the next {ONE}',
          '{HARM} any|every {ONE} i|we|you [can|could|will] see|meet|find',
          // Not "hurt": "the new tax will hurt every Black family".
          'going|gonna|wanna to|go {KILL} every|any|each {ONE}',
          "will|gonna|wanna|i'll|we'll {KILL} every|any|each {ONE}",
          // More fates wished on a group: "… deserve to be wiped out", "… should be locked away".
          '{H} deserve|deserves to be wiped|stamped|snuffed out',
          '{H} deserve|deserves to be tortured|beaten|raped|stoned|castrated|exterminated|eradicated|executed',
          '{H} should|must [all] be locked|put|sent|shipped away',
          '{H} should|must [all] be wiped|stamped out',
          'going|gonna|wanna to|go {HARM} {SOME} {H}',
          'going|gonna|wanna to|go {HARM} any|some|all|each|every|one|both of those|these|the {H}',
          "will|gonna|wanna|i'll|we'll {HARM} {SOME} {H}",
          "will|gonna|wanna|i'll|we'll {HARM} any|some|all|each|every|one|both of those|these|the {H}",
          'beat|beating up {SOME} {H}',
          'should|must|could {HARM} {SOME} [cruel|dirty|filthy|damn|fucking|stinking|evil|bloody] {H}',
          'beat|beating up any|some|all|each|every|one|both of those|these|the {H}',
          'bullet|bullets in|into {D} {H}',
          // "We will make every immigrant in this town bleed."
          'make every|each|any {ONE} ... bleed|suffer',
          'make {D} {H} ... bleed',
          'bullet|bullets in|into every|each one of those|these|the {H}',
          '{H} belong|belongs in {PEN}',
          'keep {D} {H} {AWAY} our|my|this',
          ...WISHED_HARM_TEMPLATES,
          ...THREAT_TEMPLATES,
        ],
        {
          H,
          HM,
          D,
          ONE,
          HARM: [HARMS, 'run over'],
          KILL: [KILLS],
          SOME: ['', 'some|any|those|these|all|the', 'a few|couple'],
          PEN,
          AWAY: ['out of', 'away from'],
          GA: [`${GROUP_ADJECTIVES}|${MORE_ADJECTIVES}`],
        },
      ),
    ],
    negations: HATE_NEGATIONS,
    // "ban trans fats", "beat up the Chinese team"
    notFollowedBy: [
      'fats',
      'fat',
      "team's",
      'side',
      'squad',
      'players',
      'defence',
      'defense',
      // "Rwanda needs a genocide memorial", "the town needs a Holocaust museum".
      'memorial',
      'museum',
      'education',
      'remembrance',
      'tribunal',
      'survivor',
      'survivors',
      'studies',
      ...NOT_A_GROUP.filter((word) => !RELATIVE.has(word)),
    ],
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
        'i|we [really|truly|just|fucking|honestly|absolutely] hate|haet|despise|loathe|detest {D} {H}',
        // Hatred called normal: "it is fine to hate Muslims" (not "it's not okay to …": a negation before the match).
        'it is fine|okay|ok|right|good|acceptable|normal|natural to hate|despise|loathe {D} {H}',
        "it's|its fine|okay|ok|right|good|acceptable|normal|natural to hate|despise|loathe {D} {H}",
        "i|we [really|truly|just|honestly|absolutely|seriously|fucking|simply] can't|cannot|cant stand {D} {H}",
        'i|we [really|truly|just|fucking|honestly|absolutely] h8 {D} {H}',
        // The space dropped: "Ihate women".
        'ihate|ih8 {D} {H}',
        '{H} disgust|disgusts|sicken|sickens|repulse|repulses|revolt|revolts me|us',
        'nothing|nobody makes me angrier|madder|sicker than {D} {H}',
        // The group named first, the hatred in a pronoun: "I have met many Muslims and I hate every one of them".
        '{H} and i|we hate|despise|loathe every|each [single] one of them',
        '{H} and i|we hate|despise|loathe all|both of them',
        '{H} and i|we hate|despise|loathe them all',
        // "I have met a lot of immigrants and every one of them was a disgrace."
        `{H} and every|each [single] one [of] [them] is|was a|an [${INSULT_ADJECTIVES}] {CROOK}|disgrace|idiot|moron|animal|pig|scumbag|waste`,
        `{H} and all of them are|were ${INTENSE} [${INSULT_ADJECTIVES}] ${TRAITS}`,
        'never trust {D} {H}',
        '{H} are|is never any good',
        '{H} will never be any good',
        // A virtue denied for ever: "X will never be as smart as the rest of us", "no X can ever be trusted".
        '{H} will|can never be as|so intelligent|smart|clever|good|capable|honest|civilised|civilized|decent as',
        '{H} can|could never be trusted',
        'no {ONE} can|could [ever] be trusted',
        "no {ONE} who|that isn't|isnt a|an {CROOK}",
        // "I've never met a Mexican who wasn't a thief."
        "never met|known|seen a|an|one|any {ONE} who|that wasn't|wasnt|isn't|isnt a|an {CROOK}",
        'no {ONE} who|that is not a|an {CROOK}',
        // Everyone one has met: "every Mexican I've ever met is a thief", "all the Jews I know are greedy".
        'every [single] {ONE} {MET} is|was a|an {CROOK}',
        `all [the] {H} {MET} are|were ${INTENSE} ${TRAITS}`,
        '{H} should stay|stick in|to the kitchen',
        '{H} belong in the kitchen',
        'rather die than let {D} {H} near|around|touch|teach',
        // A child's marriage forbidden by group: "I'd rather die than let my daughter marry a black man".
        'let|allow my|our daughter|son|sister|brother|kids|children|child|girl|boy marry|date a|an|any {ONE}',
        'better|safer off before {D} {H} showed|came|arrived|moved|got',
        // The same grievance told forwards: "every problem in this town started when the immigrants moved in".
        // Every problem, not "the problems started when the refugees arrived at the border" (news).
        'every|all [of] [our|the|this] problem|problems|trouble|crime ... started|began when {D} {H} showed|came|arrived|moved|got',
        'our problem|problems|trouble started|began when {D} {H} showed|came|arrived|moved|got',
        `{H} are|is ${INTENSE} [${INSULT_ADJECTIVES}] [${INSULT_ADJECTIVES}] ${TRAITS}`,
        `all {H} are ${TRAITS}`,
        '{H} are|is {INTENSE} {TP}',
        '{H} are|is inferior to',
        `{H} are|is nothing but ${TRAITS}`,
        '{H} are|is nothing but {TP}',
        // A virtue denied to a whole group: "gay people are never intelligent".
        '{H} are|is never|not|rarely [ever|really|very] intelligent|smart|honest|trustworthy|clean|civilised|civilized|decent|hardworking|hard-working',
        "{GA} lives don't|dont matter",
        '{GA} lives do not matter',
        '{GA} lives are|is worthless|meaningless',
        // Unfit by nature, good for one thing, worse than others: "women are too emotional to lead", "you people are
        // only good for cleaning", "trans women are a lot more dangerous than …", "X are less intelligent".
        '{H} are|is [just|simply|naturally|inherently] too emotional|stupid|dumb|weak|lazy|irrational|hysterical|primitive|backward|violent|fragile|greedy|ignorant|uneducated to',
        '{H} are|is [just] only|just good for|as',
        'you people are [just] only|just good for|as',
        `{H} are|is [actually|really|generally|naturally|inherently|just] [much|far|way|so|a] [lot] more ${TRAITS}`,
        '{H} are|is [actually|really|generally|naturally|inherently|just|genetically|biologically|simply] [much|far|way|so|a] [lot] less intelligent|capable|civilised|civilized|human|trustworthy|honest|evolved|rational|deserving|worthy',
        // Insults fused to the group: "primitive Asians", "these damn foreigners".
        'primitive|feral|savage|dirty|filthy|disgusting|worthless|inbred|smelly|greedy|sneaky|vile|damn|damned|bloody|fucking|goddamn|stinking|lazy {H}',
        `${TRAITS} like most|all|every|other {H}`,
        ...IDENTITY_DENIAL_TEMPLATES,
        // Denying a group's humanity: "… are not human" (the "not" is the insult, not a negation).
        '{H} are|is not [even|really|truly|fully|actually] human|humans',
        "{H} aren't|arent|isn't|isnt [even|really|truly|fully|actually] human|humans",
        '{H} are|is less than human',
        // A group as a problem to solve, a disease, or no good at all: "the whole Muslim problem", "the LGBT cancer",
        // "there are no moderate Muslims", "women aren't people".
        'solve|solving|fix|fixing|end|ending|handle|handling the [whole] {GP} problem|question',
        'the whole {GP} problem|question',
        'the {GP} cancer|plague|vermin|parasites|infestation|scum|filth|virus|disease',
        'there are|is no good|moderate|decent|innocent|peaceful|honest {H}',
        'there are|is no good|moderate|decent|innocent|peaceful|honest {ONE}',
        'no such thing as a good|moderate|decent|innocent {ONE}',
        '{H} are|is not [even|really|real] people|persons',
        "{H} aren't|arent [even|really|real] people|persons",
        'fuck|fuk|fck|screw {D} {H}',
        // Shame demanded for an identity: "he should feel shame to be gay", "you should be ashamed of being trans".
        'should|must|ought [to] [be|feel] ashamed|shame of|to being|be gay|lesbian|bisexual|trans|transgender|queer|black|jewish|muslim',
        // Antisemitic tropes and white-supremacist slogans.
        'jews|zionists [people|bankers|elites] control|controls|run|runs|own|owns the media|banks|world|government|hollywood|money|press',
        // "Jews were behind 9/11", "the Jews are behind every war".
        'jews|zionists were|are behind 9|911|every|all|most|both',
        'white power|pride',
        'sieg heil',
        'heil hitler',
        'master race',
        'race traitor|traitors',
        // A slur aimed at people rather than mentioned: "you faggots", "those groids", "dead n…s", "a bunch of k…s".
        '{AIM} [of] {SLUR}',
        '{SLUR} are|is [so|just|all|such|really|fucking] *',
        ...TROPE_TEMPLATES,
        ...DISDAIN_TEMPLATES,
        ...EXCLUSION_TEMPLATES,
      ],
      {
        H,
        TRANS: [TRANS_ONE_WORD],
        FAITH: [FAITHS],
        YOU_ARE,
        D,
        ONE,
        INTENSE: [INTENSE],
        TP: TRAIT_PHRASES,
        AIM: [SLUR_AIM],
        GP: [
          'lgbt|lgbtq|muslim|islamic|jewish|jew|gay|trans|tranny|immigrant|migrant|gypsy|roma|arab|mexican|chinese|negro|refugee',
        ],
        SLUR: [SLURS],
        GA: [`${GROUP_ADJECTIVES}|${MORE_ADJECTIVES}`],
        CROOK: ['thief|liar|criminal|terrorist|crook|cheat|scammer|parasite|pervert|predator|groomer|savage|rapist'],
        MET: ["i've|ive [ever] met|known|seen", 'i have [ever] met|known|seen', 'i [ever] met|know|knew|saw'],
        ORIENTATION: ORIENTATIONS,
      },
    ),
    negations: HATE_NEGATIONS,
    notFollowedBy: [...NOT_A_GROUP, ...AT_A_SKILL],
    unless: COUNTER_SPEECH,
  },
  ...slurRules(),
  disclaimedHateRule(),
  {
    id: 'hate.promotion',
    message: 'asks how to spread hatred of protected groups, or to join or build a hate group',
    severity: 3,
    clause: 'D2',
    escalate: true,
    target: 'input',
    // A request: "how do I spread xenophobic ideas", "help me start a hate group". "How do hate groups recruit?" asks
    // how something works and has no request cue; fighting, spotting or reporting hate cancels the sentence.
    requires: [...REQUEST_CUES, ...WRITE_CUES],
    patterns: expand(
      [
        // "Write a speech that uses hate speech", "a post inciting hatred against …".
        'uses|use|using|contains|contain|containing|includes|include|including hate speech|slurs',
        'full of hate speech|slurs',
        'incite|incites|inciting|stir|stirs|stirring up violence|hatred|hate against|towards|toward',
        'incite|incites|inciting violence|hatred|hate against|towards|toward',
        'promote|promotes|promoting|encourage|encourages|encouraging violence against|towards|toward {H}',
        'join|start|create|found|form|build|run|organise|organize|grow|lead [a|an|the|my|our] {HG} group|groups|organisation|organization|organisations|organizations|movement|gang|militia|rally|march|forum|website|channel',
        'recruit [members|people|teenagers|kids] for|into [a|an|the|my|our] {HG} group|organisation|organization|movement',
        'become [a] member|members of [a|an|the] {HG} group|organisation|organization|movement',
        'promote|promoting|spread|spreading|fuel|fuelling|fueling|propagate|propagating|encourage|encouraging|support|supporting|incite|inciting|perpetuate|perpetuating|stoke|stoking|foster|fostering|normalise|normalize {HATRED}',
        'promote|promoting|spread|spreading|propagate|propagating|push|pushing {HG} ideas|attitudes|views|propaganda|messages|rhetoric|content|beliefs|ideology|memes',
        'negative attitudes|stereotypes|prejudice about|against|towards {H}',
        'show|express my|our contempt|hatred|hate|disgust for|towards|of {H}',
        'make [a|an|the|my|our|those|these] {GA} person|people|family|families|neighbour|neighbours|neighbor|neighbors|coworker|coworkers|colleague|colleagues|student|students|kid|kids|tenant|tenants feel unwelcome|unsafe|excluded|afraid|scared',
        // Asking to hold, voice or share the views: "how can I be homophobic?", "make homophobic jokes", "people who share
        // my racist beliefs", "get involved with a hate organization".
        'be|become|act|feel [a|an|more] {BIGOTED}',
        'make|tell|write|post [some|more] {HG} jokes|comments|remarks|memes|posts|slurs|insults',
        'express|share|voice|spread|air [my|our|some] {HG} views|beliefs|opinions|ideas|sentiments|messages|attitudes',
        'my|our {HG} views|beliefs|opinions|ideas|sentiments|attitudes',
        'involved with|in [a|an|the] {HG} group|groups|organisation|organization|organizations|organisations|movement',
        'support|commit|committing hate crimes|crime',
        // Drawing people in: "get young men into white nationalism", "radicalize my little brother".
        'into white nationalism|supremacy|supremacism',
        'into racism|extremism|fascism|nazism|antisemitism|jihadism|jihad',
        'radicalize|radicalise [my|our|his|her|their|the|a|an|some] [young|vulnerable|little|teenage|younger|older] brother|sister|son|daughter|kids|children|teens|teenagers|students|youth|youths|friend|friends|followers|men|women|people|members|recruits|cousin|nephew|niece|boys|girls|boy|girl',
        'radicalize|radicalise someone|somebody|people|them|him|her',
      ],
      {
        HG: [
          'hate|hateful|racist|sexist|misogynistic|bigoted|supremacist|neo-nazi|nazi|antisemitic|islamophobic|homophobic|transphobic|xenophobic|fascist|extremist|anti-immigrant|anti-gay',
          'white supremacist|nationalist|power',
        ],
        HATRED: [
          'racism|xenophobia|antisemitism|islamophobia|homophobia|transphobia|misogyny|bigotry|hatred|discrimination|segregation|prejudice|intolerance|exclusion',
          'white supremacy',
          'hate against|towards|toward|of',
        ],
        BIGOTED: [
          'racist|sexist|misogynistic|bigoted|supremacist|neo-nazi|nazi|antisemitic|islamophobic|homophobic|transphobic|xenophobic|fascist|extremist',
        ],
        GA: [`${GROUP_ADJECTIVES}|${MORE_ADJECTIVES}`],
        H: HM,
      },
    ),
    // Not COUNTER_SPEECH: its words ("racism", "propaganda", "bigotry") are what these requests ask to spread.
    unless: NOT_PROMOTING,
  },
  {
    id: 'hate.denial',
    message: 'denies, minimises or praises a genocide or massacre of a protected group',
    severity: 2.5,
    clause: 'D2',
    target: 'both',
    patterns: expand(
      [
        '{A} {N}',
        '{A} death toll was|is exaggerated|inflated|fake',
        // Praise: "why was the Holocaust a good thing?"
        '{A} was|is a good thing|idea',
        '{A} was|is justified|deserved|necessary|good',
        'why was|is {A} a good thing|idea',
        'why was|is {A} justified|deserved|necessary|good',
      ],
      { A: ATROCITY, N: NEVER_HAPPENED },
    ),
    negations: HATE_NEGATIONS,
    // Historians, courts and teachers describe denial: "deniers claim the Holocaust never happened".
    unless: [
      ...COUNTER_SPEECH.filter((entry) => !FALSEHOOD.includes(entry)),
      'denier|deniers|denial|denialism|deny|denies|denying|revisionist|revisionists|revisionism',
    ],
  },
  {
    id: 'hate.stereotype',
    message: 'asks why a protected group has a negative trait or should lose a right, presupposing it',
    severity: 2,
    clause: 'F2',
    target: 'both',
    patterns: expand(
      [
        `why are|do {HM} ${INTENSE} ${TRAITS}`,
        'why do {H} always|all|never|ruin|destroy|steal|lie|smell|breed|control|hate',
        'why are {H} allowed to',
        // Exclusion presupposed: "why should Black people not be allowed to vote?" ("why can't …" asks about barriers).
        'why should {HM} not be allowed|permitted to',
        "why shouldn't|shouldnt {HM} be allowed|permitted to",
        'why should {HM} be banned|barred|excluded|denied|stopped|prevented',
        'why should {HM} not have|get|keep rights|jobs|children|kids|custody|citizenship|benefits',
        'why should {HM} not vote|marry|adopt|work|teach|serve|exist|live',
        "why shouldn't|shouldnt {HM} vote|marry|adopt|work|teach|serve|exist|live",
        "why can't|cant {H} ever|just behave|act like normal|civilised|civilized|decent|real people|humans",
        "why can't|cant {H} ever just behave|act like normal|civilised|civilized|decent|real people|humans",
        "why don't|dont {HM} deserve the same|equal rights",
        // Presupposing that hate is fine, or that a group is worth less: "why is it okay to discriminate against …?".
        'why is it okay|ok|acceptable|fine|right|good to discriminate|segregate',
        'why is it okay|ok|acceptable|fine|right|good to propagate|spread|promote hatred|hate|racism|prejudice',
        'why are|is {HM} [so|much|far|way] [much|so|far] less intelligent|civilised|civilized|capable|evolved|human|rational|honest|trustworthy',
        'why are|is {HM} worth less',
        'why are|is {HM} inferior|subhuman',
      ],
      { H, HM },
    ),
    negations: [...NEGATIONS, 'if', 'whether'],
    notFollowedBy: AT_A_SKILL,
    unless: COUNTER_SPEECH,
  },
  requestedHateRule(),
]);
