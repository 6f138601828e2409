// Self-harm rules (data, versioned): method requests and encouragement (deny), first-person intent (escalate, support).
import { NEGATIONS, type PhraseRule } from '../rule-critic.js';
import { OWN_HYPERBOLE, URGING } from '../risk/rules.js';
import { REFUSALS, REPORTED, SELF_HARM_ACTS, SELF_HARM_FRAMES } from '../risk/vocabulary.js';
import { expand, framed } from '../text/pattern-slots.js';
import { once } from '../lazy.js';
import { PLAN_SIGNS } from './plans.js';

export const SELF_HARM_RULESET_VERSION = '1.17.0';

/** The rules whose violations carry the support message (index.ts). */
export const INTENT_RULE = 'self_harm.intent';
export const METHOD_RULE = 'self_harm.method';

const ME = 'me|myself';
/** Acts done to oneself. */
const ACTS = 'kill|hang|hurt|harm|cut|drown|overdose|shoot|poison|suffocate|starve|stab|unalive';
/** "I want to", "I'm going to", "I've decided to" … No "I'm about to" or "I will": "I'm about to die of hunger". */
const WILL = [
  'i want|need|plan|intend|mean to',
  'i wanna',
  "i'm|im going|planning|ready to",
  'i am going|planning|ready to',
  "i'm|im gonna",
  'i am gonna',
  "i've|ive decided|chosen to",
  'i have decided|chosen to',
  'i decided to',
  "i'll",
  'i just|really|honestly want to',
];
const BODY = 'wrist|wrists|vein|veins|artery|arteries|arm|arms|thigh|thighs|skin|throat|neck';
/**
 * Support and screening name the act without urging it ("if you are thinking about how to …, call 988"). Narrower than
 * the risk critic's list: "tell me how to …" and "I'm asking how to …" are requests here, not reports.
 */
const SUPPORTIVE = [
  ...REPORTED,
  ...'if feel feels feeling felt think thinks thinking thought thoughts urge urges voices worried worry concerned said says saying wrote texted messaged posted quoted'.split(
    ' ',
  ),
];
/**
 * Acts the method rule adds to the risk critic's (which leaves out "hurt" and "poison": warnings use them), and "kms"
 * ("kill myself"; after a frame only, since "kms" is also kilometres).
 */
const MORE_ACTS = ['cut|burn|stab|starve myself|yourself', 'slit|cut|slash my|your wrist|wrists|throat|veins', 'kms'];
/** A game's own death, which resets a level or a spawn point: "how do I kill myself in Minecraft". */
const IN_A_GAME = [
  'in|on minecraft|roblox|fortnite|terraria|skyrim|gta|sims|zelda|pokemon|valorant|overwatch|warzone|halo|apex|pubg|fallout|rust|ark|stardew|hardcore',
  'in|on the|this|a|my game|server|lobby',
  'in-game|ingame|respawn|spawn|checkpoint',
];
/** A sentence that reports, quotes or rules out the wish, or is about someone else. */
const NOT_MINE = [
  ...NEGATIONS,
  ...'said says told tells asked asks whether when friend friends sister brother son daughter mom mum dad partner character he she they lyrics song quote'.split(
    ' ',
  ),
];
/**
 * Words after a match that make it hyperbole or something else: "I want to die of embarrassment", "I want to end it
 * with him", "I've been cutting back", "I cut myself shaving".
 */
const NOT_INTENT = [
  ...'laughing of from with for over at on here there between early if some slack a out up back down carbs sugar costs corners hair class classes school shaving while chopping cooking accidentally lol lmao haha'.split(
    ' ',
  ),
];

/**
 * An accident told in the same sentence: "I cut myself pretty badly chopping onions", "I cut myself badly when the knife
 * slipped" (the words after the match are not always the next one, as NOT_INTENT needs).
 */
const ACCIDENT = expand([
  'while|when chopping|slicing|cutting|cooking|shaving|baking|gardening|carving|peeling|opening|grating|ironing|welding',
  'chopping|slicing|dicing|peeling|grating onions|vegetables|veggies|carrots|potatoes|bread|meat|an|a|the',
  // Not "accidentally" alone: "I cut for years, then I accidentally burnt myself on the fire and that became my go-to".
  'by accident',
  'the knife|blade|razor|saw slipped',
  // Not "on the stove": "I've been burning myself on the stove when no one is home" is the habit itself.
]);

// Clauses:
// - D3 (dignity: harm without voice, tier 2) for intent: a person in crisis is the one most at risk and the least able
//   to speak for themselves in an automated exchange, so a human must look; but the person gets support, not a denial,
//   so the rule stays at severity 2 (escalate), never 2.5 (deny). U1 (epistemic insufficiency) fits less: the words
//   are clear, what is uncertain is the risk behind them, which is what the human review is for.
// - A3 (irreversible loss of agency, tier 3) for methods and encouragement, as in the risk critic: severity 3, deny.
/** Built on first use (see ../lazy.ts). */
export const selfHarmRules = once((): readonly PhraseRule[] => [
  {
    id: METHOD_RULE,
    message: 'asks for or gives a method of suicide or self-harm',
    severity: 3,
    clause: 'A3',
    escalate: true,
    target: 'both',
    framed: [framed(SELF_HARM_FRAMES, [...SELF_HARM_ACTS, ...MORE_ACTS])],
    patterns: expand([
      'painless|painlessly|quick|quickest|fastest|surest|easiest|peaceful|peacefully|reliable|quietest way|ways|method|methods to die',
      'painless|painlessly|quick|quickest|fastest|surest|easiest|peaceful|peacefully|reliable|quietest way|ways|method|methods ... end my|your life',
      'painless|painlessly|quick|quickest|fastest|surest|easiest|peaceful|peacefully|reliable|quietest way|ways|method|methods ... kill myself|yourself',
      'painless|painlessly|quick|quickest|fastest|surest|easiest|peaceful|peacefully|reliable|quietest way|ways|method|methods of|for killing|ending myself|yourself|my|your',
      'least painful way|ways|method|methods ... die|myself|yourself|life',
      'help me kill|hang|suffocate|overdose myself',
      'help me end my life',
      'how many|much * ... would|will|to|could kill|killed me',
      'how many|much * ... to die|overdose|od',
      'how many|much * ... would|will|to|could be fatal|lethal|deadly',
      'pills|tablets|capsules ... to die|overdose',
      'enough to kill me|myself',
      'lethal|fatal|deadly dose ... for me',
      'lethal|fatal|deadly dose ... to kill me|myself',
      'high|tall enough to die',
      'high|tall enough to kill me',
      'high|tall enough to be sure',
      "high|tall enough that i won't|wouldn't survive",
      `where ... to cut|slit|slash ... myself|${BODY}`,
      `how deep|hard ... cut|slit|slash ... myself|${BODY}`,
      // "How deep do I have to cut to actually do damage?" (not "… to cut the dovetail").
      'how deep do|should|would|must|can i [have|need] [to] cut|slice to [actually|really] do|cause damage|harm',
      'how deep do|should|would|must|can i [have|need] [to] cut|slice to [actually|really] bleed|die',
      `where|how should i cut|slit|slash ... myself|${BODY}`,
      `deep|deeply|deeper ... cut|slit|slash my|your ${BODY}`,
      'deep|deeply|deeper ... cut|slit|slash myself|yourself',
      'deep|deeply|deeper ... to cut|slit|slash my|your|myself|yourself',
      'where ... cut|slit|slash ... bleed|bleeds out|most|faster|more|the',
      'write|writing|draft|drafting [me] [a|my] suicide note|letter',
      'help me write [a|my] suicide note|letter',
      'hide|hiding [your|my|the] self-harm|cuts|cutting|scars|marks|pills from [your|my] parents|family|friends|therapist|doctor|teachers|school|boyfriend|girlfriend|husband|wife|partner|mum|mom|dad|mother|father',
      // Cuts on one's own body hidden ("the cuts on my thighs"), not scars of any origin.
      `hide|hiding|cover|covering [up] [the|my] cuts on my ${BODY}|legs|stomach`,
      // Where to cut, and bleeding out from a cut wrist or throat.
      `best|right|good|safest place|spot|part on|of my ${BODY} to cut|slice|slash`,
      'bleed|bleeding out from|with [a|my|your] cut|slit|slashed wrist|wrists|throat',
      // "Is it faster to bleed out in a warm bath?"
      'bleed|bleeding out ... [warm|hot] bath|bathtub|tub',
      // Exhaust fumes: "how long would I have to sit in a closed garage with the car running?"
      'sit|stay|wait|sleep|lie in [a|the|my] closed|shut|sealed|locked garage with|while [the|my] car|engine running|on',
      "so my|your family|parents|friends|therapist|husband|wife|partner can't|won't|don't|doesn't|wouldn't|cannot stop|find|notice me",
      'stop me from overdosing|dying|killing|cutting',
      'to not|never wake up',
      'where ... commit suicide',
      'where ... kill|hang myself',
      'where ... end my life',
      'explaining|explain why i ended|killed|took my|myself|life',
      // Weighing a means: "should I kill myself with a knife?", "I want to kill myself with pills".
      `should i ${ACTS} ${ME} with|by|using`,
      `i want|need|plan|intend|mean|wish to ${ACTS} ${ME} with|by|using`,
      'how suicide|hanging|overdosing with|by|using * works|work',
      // Hiding it: "give me some excuses if anyone catches me self-harming".
      'excuses|excuse|lie|lies for|about my cuts|scars|burns|bruises|marks',
      'excuses|excuse ... catches|sees|notices me self-harming|cutting|purging',
      'explain|explaining away my cuts|scars|burns|bruises|marks',
      'i|to binge|binging|bingeing eat|eating ... vomit|purge|puke',
      // Eating disorders: making purging or starving "work", and pro-ana material.
      'purging|purge|vomiting|laxatives|starving|fasting more effective|effectively|faster|better',
      'tips|ways|how ... purge|purging|starve|starving myself',
      'thinspo|thinspiration|pro-ana|proana|pro-mia|meanspo',
      // The choking "game" for oneself: "how do I do the blackout challenge without anyone stopping me" (not what it is,
      // a warning, nor a parent's "my son keeps trying the choking game").
      'i|me|we ... do|try|attempt the blackout|choking|pass-out|passout challenge|game',
      'ribs|ribcage|hipbones|collarbones|spine stick|show|poke out',
    ]),
    negations: SUPPORTIVE,
    unless: [...REFUSALS, ...expand(IN_A_GAME)],
  },
  {
    id: 'self_harm.encouragement',
    message: 'urges someone to harm or kill themselves',
    severity: 3,
    clause: 'A3',
    escalate: true,
    target: 'both',
    framed: URGING.framed,
    patterns: [
      ...URGING.patterns,
      'convince|persuade me ... suicide|die|kill myself',
      'suicide is the right|best|only choice|option|answer|way|solution',
      // One word per slot: "the answer" is its own pattern ("…|brave|the answer" read as "brave answer" or "the answer").
      'self-harm|cutting|suicide is the answer',
      'self-harm|cutting|suicide is empowering|beautiful|brave',
      // Promoting self-harm or an eating disorder as good: "why self-harm is empowering", "anorexia is a healthy lifestyle".
      ...expand([
        'self-harm|self-harming|selfharm|suicide|anorexia|bulimia|purging|starvation is|are [a|an] empowering|beautiful|brave|liberating|glamorous|admirable|healthy|positive [lifestyle|choice|thing|way]',
        'self-harm|self-harming|selfharm|anorexia|bulimia|purging|starvation is|are [a|an] lifestyle|choice',
      ]),
    ],
    // "Why do people believe anorexia is a lifestyle choice?" asks about the claim.
    negations: [...SUPPORTIVE, 'believe', 'believes', 'claim', 'claims', 'idea', 'myth'],
    // "I could just die of embarrassment" is hyperbole, not urging.
    notFollowedBy: URGING.notFollowedBy,
    // "I could just die, that went so badly": the speaker's own embarrassment, not urging anyone.
    unless: [...REFUSALS, ...OWN_HYPERBOLE],
  },
  {
    id: INTENT_RULE,
    message: 'expresses an intent or plan to end their life, or ongoing self-harm',
    severity: 2,
    clause: 'D3',
    escalate: true,
    target: 'input',
    patterns: expand(
      [
        `{W} ${ACTS} ${ME}`,
        '{W} kms',
        '{W} die',
        '{W} end it|everything|things',
        '{W} end it all',
        '{W} end my life',
        'i wish i was|were dead|gone',
        'i wish i was|were never born',
        'i wish i had never been born',
        'i wish i could die|disappear',
        '{DONT} live|exist anymore',
        '{DONT} live like this',
        '{DONT} be alive|here anymore',
        '{DONT} be alive',
        '{DONT} wake up',
        "i can't|cannot go on living",
        'if i kill|killed myself',
        // Weighing it: "should I kill myself with a knife?"
        `should i ${ACTS} ${ME}`,
        'should i end my life|it all',
        'if i end|ended my life',
        'i want it to look like an accident|a suicide|suicide',
        'i [also|really|just|still|sometimes|often] wish to die|cut',
        // "it makes me wanna kill everyone including myself"
        'kill|hurt|harm everyone|everybody ... including myself|me',
        // Marks on one's own body: "I burned myself on my legs" (not "on the stove", not a hand in the kitchen).
        'i burned|burnt|cut myself on my arm|arms|leg|legs|thigh|thighs|wrist|wrists|stomach|skin|hip|hips|chest',
        // Self-harm told as a habit of years, or as begun again: "I've self-harmed for a number of years".
        '{HAVE} self-harmed|self-injured|selfharmed for|since ... years|months|weeks|ages|childhood',
        '{HAVE} self harmed for|since ... years|months|weeks|ages|childhood',
        '{HAVE} self-harmed|self-injured|selfharmed again|recently|today|tonight|yesterday',
        'i self-harmed|self-injured|selfharmed again|last|today|tonight|yesterday',
        'i wish i could cut|self-harm|sh again',
        'i wish i could cut|hurt|burn myself [again]',
        'i have|get [constant|intrusive|violent|dark] fantasies|thoughts|dreams|urges of|about suicide|self-harm',
        'i have|get [constant|intrusive|violent|dark] fantasies|thoughts|dreams|urges of|about killing|hurting|cutting|harming|stabbing|burning|gutting|flaying|impaling|ending myself|my',
        'i [always|often|sometimes|constantly|still] have|get suicidal thoughts|ideation|feelings|urges',
        'i keep having suicidal thoughts|feelings|urges',
        `i [even|sometimes|often|just|really|actually|seriously] wanted to ${ACTS} myself`,
        'i [even|sometimes|often|just|really|actually|seriously] wanted to end my life',
        'i [even|sometimes|often|just|really|actually|seriously] wanted to end it [all]',
        '{W} disappear|vanish permanently',
        '{B} thinking|dreaming|fantasizing|fantasising about suicide|dying',
        `{B} thinking|dreaming|fantasizing|fantasising about killing|hurting|cutting|harming|unaliving ${ME}`,
        '{B} thinking|dreaming|fantasizing|fantasising about ending my life|it',
        '{B} considering|planning suicide',
        '{IM} suicidal',
        `{B} cutting|burning|hurting|harming|scratching|starving|slicing|hitting|punching|bruising ${ME}|again`,
        '{B} self-harming|cutting',
        // Begun: "I've started hitting myself in the head" (not "… cutting myself some slack").
        `{HAVE} started|begun hitting|punching|hurting|harming|burning|scratching|bruising|slapping|biting ${ME}`,
        // "I've been self-harming for about six years now" (a bare "for" after the match reads as something else).
        '{B} self-harming|cutting for ... years|months|weeks|days|year|month|week',
        `{B} cutting|harming|hurting|burning ${ME} for ... years|months|weeks|days|year|month|week`,
        `{B} slicing|cutting ${ME} up [again]`,
        'i [just|really|often|sometimes|still] wish|pray|hope for death',
        'i [just|really|often|sometimes|still] wish|pray|hope for my death',
        'is it worth me|my being alive|here',
        'is my life [even|really] worth living',
        `i cut|harmed ${ME} [again] [last] [night|week|today|yesterday]`,
        '{T} {IG} end it|everything|things',
        `{T} {IG} kill|hurt|cut ${ME}`,
        'everyone|everybody|they|you|people|family would be better off without me',
        'my family|kids|parents|friends|children would be better off without me',
        'nobody|noone would miss|notice me',
        'no one would miss|notice me',
        // "… would be better off if I disappeared", "nobody would notice if I was gone".
        'better off if i was|were gone|dead|disappeared|died|vanished',
        'better off if i disappeared|died|vanished|left',
        // "Everyone would be happier if I just wasn't here anymore."
        "happier|better|easier ... if i [just|simply] wasn't|wasnt|weren't|werent here|around|alive",
        // "I don't see the point in living anymore."
        "i don't|dont|can't|cant see the|any point in|of living|going|being|staying on|alive|anymore",
        'i do not see the|any point in|of living|going|being|staying on|alive|anymore',
        'i cannot see the|any point in|of living|going|being|staying on|alive|anymore',
        'no point in|of living|going on anymore',
        // The act said to help: "burning myself with a lighter calms me down".
        `cutting|burning|hurting|harming|scratching|hitting|starving ${ME} ... calms|helps|relaxes|soothes|relieves|numbs|comforts`,
        // "Burning my wrists with a hot spoon helps me feel something."
        'cutting|burning|scratching|hitting|slicing my wrists|wrist|arms|arm|legs|thighs|skin ... ... calms|helps|relaxes|soothes|relieves|numbs|comforts',
        // "Nobody at school would even notice if I wasn't there anymore."
        "notice|miss|care if i wasn't|wasnt|weren't|werent here|there|around|alive anymore",
        // "If a bus hit me tomorrow I'd be grateful."
        'if a|the bus|car|truck|lorry|train hit|hits|killed me ... grateful|glad|happy|relieved|thankful',
        'nobody|noone would miss|notice|care if i was|were gone|dead|disappeared|died',
        'no one would miss|notice|care if i was|were gone|dead|disappeared|died',
        'nobody|noone would miss|notice|care if i disappeared|died|vanished',
        'no one would miss|notice|care if i disappeared|died|vanished',
        // Pills gathered for a plan: "I'm planning to take them all tonight" (not "… all the pills my doctor prescribed").
        '{W} take|swallow all [of] the|my|those|these pills|tablets|meds|medication|painkillers tonight|now|together|today',
        '{W} take|swallow all [of] the|my|those|these pills|tablets|meds|medication|painkillers at once',
        '{W} take|swallow them all tonight|now|together|today',
        '{W} take|swallow them all at once',
        '{W} take|swallow the|a whole bottle|pack|packet of pills|tablets|painkillers|paracetamol|tylenol|aspirin|ibuprofen',
        // Passive wishes: "I wish I could fall asleep and never wake up", "I'm tired of being alive".
        'i [just|really|sometimes|often] wish|want|hope ... asleep|sleep and never|not wake up',
        // "I wish I could go to sleep and never wake up" (the gap above reads at most three words).
        'i could|would|can just|simply go to sleep|bed and never|not wake up',
        'i could|would|can go to sleep|bed and never|not wake up',
        '{IM} [so|just|really] tired|sick of being alive',
        // "I'm so tired of living like this" (not "… of living in a flat share", where the next word decides it).
        '{IM} [so|just|really|fucking] tired|sick|weary of living|existing anymore',
        '{IM} [so|just|really|fucking] tired|sick|weary of living|existing like this',
        // "My plan is to drive into a tree" (not "… into town").
        '{W} drive|crash|steer [my] [car] into|off a|the tree|wall|cliff|bridge|barrier|truck|lorry',
        'my plan is to drive|crash|steer [my] [car] into|off a|the tree|wall|cliff|bridge|barrier|truck|lorry',
        '{B} thinking|dreaming|fantasizing|fantasising about crashing|driving my car into|off a|the wall|bridge|tree|cliff|truck|lorry|river|lake|barrier',
        '{HAVE} written|wrote my suicide|goodbye note|notes|letter|letters',
        'i wrote my suicide|goodbye note|notes|letter|letters',
        // "Wrote goodbye letters to my sister and my best friend" (not a goodbye letter to one's students on retiring).
        'wrote|written|writing [my] goodbye|farewell|last letters|letter|notes|note to my mum|mom|dad|parents|family|sister|brother|kids|children|wife|husband|partner|best|friends|girlfriend|boyfriend',
        '{HAVE} saved|stockpiled|hoarded|collected enough pills|tablets',
        // Self-harm told in the first person, begun or ongoing: "I started self harming at 12", "if I don't SH I stop
        // eating", "my self-harm got worse", "I get the urge to cut".
        'i started|began [to] self-harm|self-harming|sh|self-injuring',
        // "I started cutting when I was 12" (not "I started cutting my own hair").
        'i started|began cutting|burning when|at|in|around|again|myself|me',
        'i started|began [to] self harm|harming',
        'i [still|sometimes|often|usually|also|only|just|even] self-harm|sh|self-injure',
        'i [still|sometimes|often|usually|also|only|just|even] self harm',
        "if|when|before|after|until|unless i don't|dont|do sh|self-harm",
        'if|when|before|after|until|unless i sh|self-harm',
        'if|when|before|after|until|unless i self harm',
        'my self-harm|sh|self-injury',
        'my self harm|injury',
        'i relapsed|relapse [on|with|into] self-harm|sh|cutting',
        'i relapsed|relapse [on|with|into] self harm',
        // A relapse told by its act: "I relapsed yesterday and cut deeper than ever" (not "relapsed and had a drink").
        'i relapsed ... and cut|burned|burnt|scratched|carved',
        'i cut deeper than ever|before|last',
        '{B} cutting deeper',
        '{UR} self-harm|sh|cut|self-injure',
        '{UR} self harm',
        `{UR} ${ACTS} ${ME}`,
        'i cut for ... years|months|weeks|time',
        // The means of an ongoing habit: "I usually just use rubber bands or ice to self harm" (not "I used to …").
        'i [usually|just|still|sometimes|often|mostly|normally|also|only|even] [usually|just|still|sometimes|often|mostly|normally|also|only|even] use|using ... ... to self-harm|sh|self-injure',
        'i [usually|just|still|sometimes|often|mostly|normally|also|only|even] [usually|just|still|sometimes|often|mostly|normally|also|only|even] use|using ... ... to self harm',
        // An eating disorder told as one's own and ongoing: "I'm struggling with anorexia", "my ED is getting worse",
        // "I make myself throw up after I eat" (not "my sister is struggling with …", "I used to …", "I recovered").
        // ("… for five years" goes on after "for", a word that otherwise ends these rules' matches.)
        '{B} [currently|still|really|seriously] struggling|battling|dealing with anorexia|bulimia [for|since]',
        '{B} [currently|still|really|seriously] struggling|battling|dealing with an|my eating disorder [for|since]',
        'i [still|currently|really] struggle with anorexia|bulimia|purging',
        'i [still|currently|really] struggle with an|my eating disorder',
        '{IM} [still|so] anorexic|bulimic',
        // Purging after meals ("I keep purging after dinner"), not a purged wardrobe or inbox.
        'i|still|keep purging|purge after [every|each|my|a|the] meal|meals|dinner|lunch|breakfast|eating|binging|bingeing',
        '{B} purging after [every|each|my|a|the] meal|meals|dinner|lunch|breakfast|eating|binging|bingeing',
        'i [still|often|usually|always|sometimes] make myself throw up|vomit|puke after|every|again',
        '{B} making myself throw up|vomit|puke',
        'my eating disorder is|has [been] getting|gotten|got worse|bad',
        'my anorexia|bulimia is|has [been] getting|gotten|got worse|bad',
        'my eating disorder is|has [been] [getting|gotten|got] out of control',
        'my anorexia|bulimia is|has [been] [getting|gotten|got] out of control',
        'i relapsed [on|with|into] my eating disorder',
        'i relapsed [on|with|into] [my] anorexia|bulimia|purging',
        // Feeding the urge rather than fighting it: "… isn't enough to satisfy that urge to self harm".
        'satisfy|satisfies|scratch|feed|feeds|quench the|that|my urge|urges|need to self-harm|sh|cut|self-injure',
        'satisfy|satisfies|scratch|feed|feeds|quench the|that|my urge|urges|need to self harm',
        ...PLAN_SIGNS,
      ],
      {
        W: WILL,
        DONT: ["i don't|dont want to", 'i do not want to'],
        B: [
          "i'm|im",
          'i am',
          "i've|ive been",
          'i have been',
          'i keep',
          "i can't|cant stop",
          "i've|ive started",
          'i have started',
        ],
        IM: ["i'm|im", 'i am', 'i feel'],
        IG: ["i'm|im going to", "i'm|im gonna", 'i am going to', 'i will', "i'll"],
        T: ['tonight|today|tomorrow|now|soon', 'this weekend|week'],
        HAVE: ["i've|ive", 'i have', "i've|ive already", 'i have already'],
        UR: ['my urge|urges|need to', 'i get|have|feel the|an urge|urges|need to', 'i get|have|feel urges to'],
      },
    ),
    negations: NOT_MINE,
    notFollowedBy: NOT_INTENT,
    unless: ACCIDENT,
  },
]);
