// Risk rules on the user's input (data, versioned with riskRules): requests for weapons, drugs, intrusion, fraud,
// violence, trafficking, poaching, stalking and other crime. Severity 3: a clear request is denied.
// Over 400 lines on purpose: it is data (one rule per area of harm, each with its phrases and look-alike exclusions),
// kept in one file so that the areas' shared frames and cues are read together; the logic is in rule-critic.ts.
//
// A request is a frame ("how do I", "help me", "steps to", "I want to") right before an act with its object, so
// homonyms ("kill a Python process", "shoot a photo", "crack an egg") never match: the objects are people, devices of
// someone else, weapons or drugs. Questions about spotting, preventing or reporting a crime, about history or the law,
// and games cancel the sentence (`unless`).
import type { PhraseRule } from '../rule-critic.js';
import { expand } from '../text/pattern-slots.js';
import {
  ADVERB,
  BODY_AS_A_MODIFIER,
  DEFENSIVE,
  DEVICES,
  GAMES,
  HOW_CUES,
  OTHERS,
  RELATIONS,
  RELATIONS_OF,
  REQUEST_CUES,
  THREAT_VERBS,
  VICTIMS,
  VIOLENT_VERBS,
  WHETHER_CUES,
} from './request-vocabulary.js';
import { DET, DRUGS, DRUG_VERBS, NOT_WEAPONS, REPORTED, WEAPONS, WEAPON_VERBS } from './vocabulary.js';
import { once } from '../lazy.js';

/** The violent verbs as gerunds, for "the best methods for poisoning someone". */
const VIOLENT_ING = VIOLENT_VERBS.split('|')
  .map((v) =>
    v.endsWith('e') && !v.endsWith('ee')
      ? `${v.slice(0, -1)}ing`
      : /(^|[^aeiou])[aeiou][bdgmnpt]$/.test(v) && !/^(poison|smother|murder|torture)$/.test(v)
        ? `${v}${v.at(-1)}ing`
        : `${v}ing`,
  )
  .join('|');

const input = { target: 'input', severity: 3, clause: 'U2', negations: REPORTED } as const;
/**
 * The phrases of a request, each optionally opened by an adverb ("how do I secretly …"). The rule `requires` a
 * request cue (REQUEST_CUES, HOW_CUES) in the sentence: cues are matched once per sentence for every rule, where
 * frames right before each phrase would be matched once per rule at every "how", "can" and "i" of the text.
 */
const requests = (phrases: readonly string[]): string[] => expand(phrases.map((p) => `${ADVERB} ${p}`));

const MALWARE =
  'ransomware|keylogger|keyloggers|malware|trojan|trojans|rootkit|botnet|spyware|stalkerware|infostealer|cryptolocker|cryptojacker|backdoor|virus|viruses|worm|worms';
/** Words after a malware word that make it a defence: "a keylogger detector", "a virus scanner". */
export const NOT_MALWARE =
  'detection detector detectors scanner scanners scan removal remover analysis analyser analyzer protection defense defence signature signatures simulation awareness classifier cleaner checker blocker filter alert alerts monitor monitoring'.split(
    ' ',
  );
export const FAKE = 'fake|forged|counterfeit|false|phony|phoney|fraudulent|bogus|doctored';
const PAPERS =
  "id|ids|identification|passport|passports|license|licence|licenses|licences|driver's|drivers|diploma|diplomas|degree|certificate|certificates|document|documents|money|bills|cash|currency|banknotes|dollars|euros|cheque|cheques|check|checks|prescription|prescriptions|doctor's|invoice|invoices|receipt|receipts|reviews|paystub|paystubs|visa|visas|signature|signatures|alibi|will|deed|transcript|transcripts|references";
const STOLEN = 'stolen|cloned|skimmed|hacked|leaked|dumped';
/** Checks a request asks to fool: "beat a drug test", "fool the inspector". */
const CHECKS = [
  'drug|urine|hair|emissions|smog|breathalyzer|breathalyser|polygraph|background|kyc|aml test|tests|screen|screening|check|checks',
  'inspection|inspections|inspector|inspectors|audit|audits|auditor|auditors|breathalyzer|breathalyser|polygraph|regulator|regulators|odometer|meter|meters',
  'lie detector|detectors|test',
];
const CRIMES = [
  'fraud|embezzlement|arson|murder|burglary|robbery|crimes|forgery|perjury|shoplifting|theft|extortion|blackmail|vandalism|terrorism|genocide|kidnapping|manslaughter|homicide',
  'a crime|felony|murder|robbery|burglary|hit-and-run|massacre|shooting|kidnapping|homicide',
  'identity|insurance|tax|wire|benefit|benefits|welfare|credit|mail|mortgage theft|fraud|evasion',
  'insider trading',
  'money laundering',
  'a terrorist attack',
];
const ENDANGERED =
  'elephant|elephants|rhino|rhinos|rhinoceros|tiger|tigers|pangolin|pangolins|gorilla|gorillas|orangutan|orangutans|leopard|leopards|cheetah|cheetahs|lion|lions|chimpanzee|chimpanzees|panda|pandas|eagle|eagles|whale|whales|dolphin|dolphins|jaguar|jaguars';
/** Live animals and plants taken from the wild for the pet and collector trade. */
const WILD_TRADED =
  'parrot|parrots|macaw|macaws|cockatoo|cockatoos|songbird|songbirds|finch|finches|reptile|reptiles|tortoise|tortoises|turtle|turtles|lemur|lemurs|monkey|monkeys|orchid|orchids|cacti|birds|wildlife|animals';
const WILDLIFE_GOODS = [
  'ivory|tusks|bushmeat|pelts',
  'rhino|tiger|elephant|pangolin|shark|bear|turtle|leopard|tortoiseshell|lion horn|horns|bone|bones|skin|skins|pelt|pelts|parts|scales|fins|bile|eggs|tusks|ivory|meat|paws|claws|teeth',
];
/** Drugs that are dealt and smuggled: hard drugs by name, and "drugs" itself. */
const TRADED =
  '[street|hard|illegal] meth|methamphetamine|fentanyl|carfentanil|heroin|cocaine|coke|crack|lsd|mdma|ecstasy|ghb|pcp|ketamine|oxy|oxycontin|opioids|opiates|drugs|narcotics';
/** Children's location is a parent's question; everyone else's is not. Employers and landlords have their own rules. */
const ADULTS = RELATIONS.split('|')
  .filter(
    (r) =>
      !/^(son|daughter|baby|child|kid|kids|children|stepson|stepdaughter|nephew|niece|employee|tenant|manager)$/.test(
        r,
      ),
  )
  .join('|');
const ADULTS_OF = ADULTS.split('|')
  .map((r) => `${r}'s`)
  .join('|');
/** Someone else's: "my wife's", "her", "a stranger's". */
const OTHER_ADULTS = [
  `my|our|his|her|their ${ADULTS_OF}`,
  "someone's|somebody's|her|his|their",
  "a person's|stranger's|girl's|woman's|guy's|man's",
];
/** Someone to follow or film. */
const PERSON = [
  `my|our|his|her|their ${ADULTS}`,
  'someone|somebody|her|him|she|he|they',
  'a stranger|girl|woman|guy|man|celebrity',
];
const PROPERTY =
  "house|home|apartment|flat|car|cars|store|shop|bank|atm|safe|office|garage|shed|school|warehouse|church|mosque|synagogue|temple|building|business|neighbour's|neighbor's|truck|van|boat";
/** Locked-out owners, authorised tests and training. */
const INTRUSION_UNLESS = [
  ...DEFENSIVE,
  'forgot|forgotten|lost|locked|own|ctf|pentest|pentesting|authorized|authorised|permission|consent|lab|hackthebox|tryhackme|simulation|simulated|training|exercise',
  'bug bounty',
  'penetration test|tester|testing',
];
/** "get fake reviews removed" */
const FRAUD_NOT_FOLLOWED_BY = ['removed', 'taken', 'deleted', 'off', 'flagged', 'reported', 'detected', 'spotted'];
/** Authorised simulations, props and games. */
const FRAUD_UNLESS = [
  ...DEFENSIVE,
  'simulation|simulated|training|exercise|drill|consent|authorized|authorised|permission|prop|props',
  'lesson|lessons|classroom|lecture|course|curriculum',
  ...GAMES,
];
const A = "[a|an|the|this|that|someone's|somebody's|his|her|their]";
/** Places and vehicles to blow up or attack: "blow up a school", "bomb the train station". */
const TARGETS = [
  'school|schools|house|home|car|bus|train|plane|airplane|bridge|building|station|mall|stadium|church|mosque|synagogue|temple|hospital|embassy|courthouse|bank|airport|dam|pipeline|factory|refinery|subway|metro|concert|crowd|parliament|capitol|clinic|pentagon|supermarket|classroom|campus|festival|parade|rally|nightclub|club',
  'gas|train|police|bus|fire|power|subway|metro station|stations|plant|plants',
  'white house',
  'government|federal building|buildings|office|offices',
];
/** Words after a target that make it something else: "blow up the school group chat", "the car tyre". */
const NOT_TARGETS = [
  'tire',
  'tires',
  'tyre',
  'tyres',
  'party',
  'chat',
  'group',
  'speakers',
  'photo',
  'photos',
  'picture',
  'pictures',
  'poster',
  'scene',
  'scenes',
];
/** Photography: "shoot my coworker's headshot", "shoot people at school for the yearbook". */
const PHOTOGRAPHY =
  'photo|photos|photograph|photographs|photography|photographer|photoshoot|portrait|portraits|headshot|headshots|camera|lens|lighting|yearbook|selfie|selfies|film|video';
/** People asked to be shot: no "someone" or "people" alone ("shoot people at golden hour" is photography). */
const SHOT = [
  'a|an|the [police] cop|cops|officer|officers|president|senator|judge|witness|hostage|pedestrian|stranger|protester|protesters|students|classmates|teacher|politician|guard|guards',
  'my|our|his|her|their neighbour|neighbor|neighbours|neighbors|boss|coworker|co-worker|coworkers|colleague|colleagues|ex|ex-wife|ex-husband|ex-girlfriend|ex-boyfriend|landlord|landlady|roommate|flatmate|teacher|classmate|classmates|rival|enemy|bully|stepdad|stepfather',
];
/** People to "take out", "eliminate" or "silence": a witness, a cop, a rival gang member. */
const TAKEN_OUT = [
  '[a|an|the] [rival] witness|witnesses|informant|informants|snitch|snitches|cop|cops|officer|officers|senator|president|judge|politician|prosecutor',
  '[a|an|the] [rival] gang member|members',
];
/** Pets to hurt; "the cat process" and "a horse fly" are not. */
const NOT_PETS = [
  'process',
  'processes',
  'fly',
  'flies',
  'flea',
  'fleas',
  'worms',
  'ticks',
  'hammock',
  'bed',
  'tree',
  'toy',
  'toys',
  'door',
  'flap',
  'picture',
  'poster',
  'painting',
  'collar',
];

/** Built on first use (see ../lazy.ts). */
export const requestRules = once((): readonly PhraseRule[] => [
  {
    id: 'risk.weapon_request',
    message: 'asks for instructions to make or get a weapon, an explosive or a chemical or biological agent',
    ...input,
    escalate: true,
    requires: WHETHER_CUES,
    patterns: [
      ...requests(
        expand(
          [
            `${WEAPON_VERBS} ${DET} {W}`,
            `buy|get|obtain|acquire|order|smuggle ${DET} {W}`,
            // "How do I buy illegal firearms?"
            'buy|get|obtain|acquire|order|smuggle [some|an|a] illegal|unregistered|unlicensed|black-market firearms|firearm|guns|gun|handgun|handguns|rifles|rifle|weapons|weapon|ammo|ammunition|explosives',
            // "What's the easiest nerve agent for an amateur to make?"
            `{W} for ... to ${WEAPON_VERBS}`,
            // "How do I get access to nuclear weapons?"
            'get|gain|obtain access to [a|an|some] nuclear|chemical|biological|radiological weapons|weapon|material|materials',
            'become [a|an] arms|gun|weapons dealer|trafficker|smuggler',
            // Dodging the check a sale needs: "buy a gun without a background check", "gun shops that don't do them".
            'firearms|firearm|guns|gun|handgun|handguns|rifle|rifles|pistol|ar-15 without [a|any] background|id check|checks',
            "gun|guns|firearm|firearms|weapon|weapons|arms shops|shop|stores|store|dealers|dealer|sellers|seller [that|who] don't|dont|never|skip|avoid ... background checks|check",
            // "How do I get a gun if I can't pass a background check?"
            "gun|guns|firearm|firearms|handgun|handguns|rifle|rifles|pistol|pistols|weapon|weapons|ammo|ammunition if|when|though|since|because i|you|he|she|they can't|cannot|cant|couldn't|couldnt|won't|wont|wouldn't|wouldnt|don't|dont pass|clear [a|the|my|any] background check|checks",
          ],
          { W: [...WEAPONS, 'poison|poisons|toxin|toxins'] },
        ),
      ),
    ],
    notFollowedBy: [
      ...NOT_WEAPONS,
      'ivy',
      'oak',
      'sumac',
      'control',
      'center',
      'centre',
      'dart',
      'frog',
      'frogs',
      'pill',
    ],
    unless: [...DEFENSIVE, ...GAMES, 'bath|seed|glitter|flavor|flavour|photo|potion|potions'],
  },
  {
    id: 'risk.chemical_harm_request',
    message: 'asks which chemicals to mix or release to make a toxic gas that hurts people',
    ...input,
    escalate: true,
    patterns: expand([
      'mix|mixing|combine|combining|blend ... chemicals|chemical|bleach|ammonia|chlorine|acid|acids|cleaners|pesticide|pesticides|fertilizer|fertiliser',
      'chemicals|chemical|cleaners|products ... mix|combine|mixed|combined',
      'make|produce|create|release|generate [a|an|some] toxic|poisonous|deadly|lethal|noxious gas|gases|fumes|cloud|smoke|vapour|vapor',
    ]),
    requires: [
      'hurt|hurts|kill|kills|poison|harm|injure|sicken|incapacitate|suffocate|choke|gas',
      'knock|knocking|pass|passing out',
      'make|making ... sick|ill|faint|unconscious',
    ],
    unless: [
      ...DEFENSIVE,
      'never|safe|safely|safety|accidentally|accidental|accident|avoid|dangerous|ventilate|ventilation|happens|happened',
      'poison control',
    ],
  },
  {
    id: 'risk.drug_request',
    message: 'asks how to make, smuggle or deal an illegal drug',
    ...input,
    requires: WHETHER_CUES,
    patterns: [
      ...requests(
        expand(
          [
            `${DRUG_VERBS} ${DET} {D}`,
            `sell|deal|smuggle|traffic|push|ship|mail|import|cut|hide|stash [some] ${TRADED}`,
            `buy|get|find|score [some] ${DRUGS[0]!}`,
            'buy|get|find|score|obtain|make|produce [some] street|illegal|hard|synthetic drugs',
            'set|setting up [a] [clandestine|secret|home|hidden] drug|meth lab',
            'find|contact|meet|become [a] drug dealer|dealers|supplier|suppliers|plug|cartel',
            'grow|cultivate [opium] poppies|poppy for opium|heroin',
          ],
          { D: DRUGS },
        ),
      ),
    ],
    unless: DEFENSIVE,
  },
  {
    id: 'risk.malware_request',
    message: 'asks for malware, or for help launching or hiding a cyberattack',
    ...input,
    patterns: expand(
      [
        `write|create|code|build|make|develop|program|generate|design [me] [a|an|some] [simple|working|basic|undetectable|stealthy|python|powershell|javascript|custom|new|polymorphic] ${MALWARE}`,
        `spread|deploy|distribute|deliver|plant|install|sneak ${MALWARE} on|onto|into|to`,
        'install|plant|put|hide|sneak|slip [a|an] keylogger|spyware|stalkerware|tracker|airtag|rootkit|trojan on|onto|in|into {O} {DEV}',
        'launch|perform|run|do|start|execute|conduct|carry [out] [a|an] {ATTACK} attack|attacks',
        'launch|perform|run|do|start|execute|conduct|carry [out] [a|an] cyberattack|cyber-attack|cyberattacks',
        `use|using [a|an] ${MALWARE}|adware|exploit|exploits|exploit-kit to`,
        `create|write|build|make|develop|code and|or distribute|spread|sell|deploy ${MALWARE}`,
        `hide|obfuscate|disguise|conceal ${DET} ${MALWARE}|payload|payloads|shellcode from`,
        'evade|bypass antivirus|av|edr detection',
        "ddos|d-dos [a|an|the|this|that|my|his|her|their|someone's] website|site|server|network|school|company|rival|stream|streamer",
      ],
      {
        O: OTHERS,
        DEV: [DEVICES, 'car|bag|purse|jacket|keys|laptop'],
        ATTACK: [
          'ddos|phishing|spear-phishing|spearphishing|ransomware|cyber|brute-force|mitm|man-in-the-middle|xss|smishing|vishing',
          'social engineering',
          'sql injection',
          'watering hole',
        ],
      },
    ),
    notFollowedBy: NOT_MALWARE,
    unless: INTRUSION_UNLESS,
  },
  {
    id: 'risk.intrusion_request',
    message: "asks how to break into someone else's account, device or network",
    ...input,
    requires: REQUEST_CUES,
    patterns: [
      ...requests(
        expand(
          [
            `hack|hijack|crack|compromise|breach|unlock|access|read|see|monitor|check|intercept [into] {O} ${DEVICES}`,
            `break|get|log|sneak|hack|hook|tap|piggyback into|onto {O} ${DEVICES}`,
            `break in {O} ${DEVICES}`,
            `sabotage|wipe|brick|destroy|corrupt {O} ${DEVICES}`,
            `get|gain access to {O} ${DEVICES}`,
            `spy on {O} ${DEVICES}`,
            `go|look through {O} ${DEVICES}`,
            `find|figure out {O} password|passcode|pin|login|credentials`,
            `distribute|sell|spread|deploy ${MALWARE}`,
            `get|guess|steal|crack|bypass|reset|phish {O} password|passcode|pin|login|credentials`,
            `phish {O} bank|email|e-mail|account|paypal|apple|google|instagram password|passcode|pin|login|credentials|details`,
            `hack|hijack|crack|breach|compromise|infiltrate|ddos|brute-force|bruteforce [into] [a|an|the|this|that|any|some] ${DEVICES}|website|site|server|servers|database|school's|company's|bank's|government|hospital|atm|atms`,
            'hack|break into [a|an|the] school|company|bank|government|hospital|work|office|corporate|university network|server|servers|database|system|systems|computer|computers|website|email|e-mail|wifi',
          ],
          { O: OTHERS },
        ),
      ),
    ],
    notFollowedBy: NOT_MALWARE,
    unless: INTRUSION_UNLESS,
  },
  {
    id: 'risk.fraud_material_request',
    message: 'asks for a phishing message, a forged or fake document, or to use stolen card data',
    ...input,
    patterns: expand([
      'write|draft|create|compose|make|design|generate|send|build|give|need|want [me] [a|an|some] [convincing|realistic|fake|believable|legit-looking|real-looking|perfect] phishing|scam email|e-mail|emails|e-mails|message|messages|text|texts|sms|page|site|website|link|kit|campaign|letter|call|script',
      `make|create|print|forge|produce|get|buy|order|obtain|design|photoshop|edit|write [me] [a|an|some] ${FAKE} ${PAPERS}`,
      "forge|counterfeit [a|an|the|my|his|her|their|someone's|some] signature|signatures|passport|passports|money|cash|currency|bills|banknotes|check|cheque|checks|cheques|prescription|prescriptions|document|documents|id|ids|will|deed|diploma",
      `use|buy|sell|cash|get|find|obtain [some] ${STOLEN} credit|debit card|cards|numbers|details|info`,
      `use|buy|sell|get|find|obtain [some] ${STOLEN} identities|identity|accounts|logins|passwords|cards|card|data`,
      "clone|skim|steal [a|someone's|people's|his|her|their] credit|debit card|cards|numbers|details",
      "steal [someone's|somebody's|people's|his|her|their|a|an] identity|identities",
    ]),
    notFollowedBy: FRAUD_NOT_FOLLOWED_BY,
    unless: FRAUD_UNLESS,
  },
  {
    id: 'risk.fraud_request',
    message: 'asks how to launder money, evade tax, deceive a regulator or run a scam',
    ...input,
    requires: WHETHER_CUES,
    patterns: [
      ...requests(
        expand(
          [
            'launder|wash [the|my|our|some|this|that|dirty|drug|stolen|illegal|black|cash] money|cash|proceeds|funds|profits|bitcoin|crypto|cryptocurrency|earnings|income',
            'evade|dodge [paying] [my|our|the] taxes|tax|vat',
            'cheat on [my|our] taxes|tax',
            'hide [my|our|the|some] income|money|earnings|cash|assets|profits|revenue from the|my|our irs|taxman|hmrc|cra|ato|government|auditors|auditor|regulator|regulators|inspector|inspectors|authorities',
            'underreport|under-report [my|our] income|earnings|taxes|sales|revenue|profits|tips',
            'cook the books',
            'keep two sets of books|accounts so|to',
            // Selling or paying "off the books": untaxed, unrecorded.
            'off the books',
            'fool|cheat|trick|beat|fake|rig|falsify|bypass|circumvent|dodge|evade [a|an|the|my|our] {CHECK}',
            'tamper with [a|an|the|my] meter|odometer|evidence|ballot|ballots|votes|breathalyzer|scale|scales|seal',
            'roll|turn back the|an|my odometer|mileage',
            'hide|conceal ... from the|an|our|my inspector|inspectors|regulator|regulators|auditor|auditors|fda|epa|osha|irs|police|cops|authorities|insurer',
            'cover up ... from the|an|our|my inspector|inspectors|regulator|regulators|auditor|auditors|fda|epa|osha|irs|police|cops|authorities|insurer',
            'falsify|fabricate|doctor [the|my|our|some|a] [test|lab|safety|financial|expense|insurance|clinical|research|medical] data|results|records|statements|accounts|invoices|receipts|timesheets|documents|reports|claim|claims|evidence|figures|books',
            '[old|elderly|vulnerable|lonely|rich|gullible|naive] people|someone|somebody|customers|investors|seniors|tourists|grandparents|insurers|welfare|banks|immigrants|retirees|pensioners|donors|clients',
            'scam|con|defraud|swindle|fleece|cheat|dupe {VICTIM}',
            'rip off {VICTIM}',
            'run|running|start|starting|set|create|organise|organize [up] [a|an] [successful] ponzi|pyramid scheme',
            'for|in|into my|our ponzi|pyramid scheme',
            'run|start|set|create|organise|organize [up] [a|an] [romance|investment|crypto|phone|charity|rental|lottery] scam|con|fraud',
            'run|start|set|create|organise|organize|design [up] [a|an] scamming|scam|fraudulent|fraud scheme|schemes|operation|ring|business|website|app|platform|company',
            'create|make|set|build|design|post|run [up] [a|an|some] fake|fraudulent|bogus voucher|vouchers|gift|coupons|coupon|job|jobs|charity|charities|investment|lottery|giveaway|giveaways|invoice|invoices|fundraiser|crowdfunding',
            'commit|engage|participate ... fraud|theft|arson|burglary|robbery|perjury|forgery|treason|espionage|embezzlement|trafficking|extortion|bribery|terrorism',
            'buy|sell|fence|offload|move|ship|export [a|an|some|the|this|these] [luxury|expensive] stolen|hot goods|property|items|car|cars|phones|phone|bikes|bike|merchandise|jewelry|jewellery|art|artwork|laptops|electronics',
            'avoid|evade|circumvent|dodge|bypass|skirt [environmental|safety|financial|health|export|import|building|zoning|labor|labour] regulations|regulation|sanctions|controls|customs|duties|tariffs',
            'commit {CRIME}',
            'get away with {CRIME}',
            'embezzle|skim [money|funds|cash] from',
            'impersonate|impersonating|pose|posing|pretend|pretending ... to|and scam|defraud|swindle|steal|con',
          ].filter((t) => !t.startsWith('[old')),
          {
            CHECK: CHECKS,
            CRIME: CRIMES,
            VICTIM: [
              '[old|elderly|vulnerable|lonely|rich|gullible|naive] people|someone|somebody|customers|investors|seniors|tourists|grandparents|insurers|welfare|banks|immigrants|retirees|pensioners|donors|clients',
              'my|an|the employer|insurance|insurer|bank|customers|clients|grandmother|grandma|grandpa|government|elderly|irs',
            ],
          },
        ),
      ),
    ],
    notFollowedBy: FRAUD_NOT_FOLLOWED_BY,
    unless: FRAUD_UNLESS,
  },
  {
    id: 'risk.violence_request',
    message: 'asks how to kill, poison, injure, abuse or infect a person',
    ...input,
    escalate: true,
    // How-cues only: "I want to kill my brother" is more often hyperbole than a plan (see risk.violent_intent). Asking
    // whether to do it, or where, is a request too: "should I assault him?", "the best place to stab someone" (not
    // "spot": DEFENSIVE has it, for "spot a scam").
    requires: [
      ...HOW_CUES,
      'should i|we',
      'place|places|location|locations to|for',
      'place|places|location|locations in|near|around|on ... to|for',
    ],
    patterns: requests(
      expand(
        [
          `[physically|sexually|violently|seriously|badly|permanently] ${VIOLENT_VERBS}|infect {V}`,
          // "Abuse" is also a noun ("the abuse my dad showed me"): only with its adverb.
          'physically|sexually|emotionally abuse|abusing {V}',
          // Gerunds only right after "ways of", "methods for": "responsible for murdering people" is a plot.
          `way|ways|methods|method|techniques|strategies|tips of|for [physically|sexually|violently|seriously|badly|permanently] ${VIOLENT_ING}|infecting {V}`,
          'beat|rough|knock up|out {V}',
          'run over {V}',
          `break|snap|fracture|dislocate|crush {O} jaw|arm|arms|leg|legs|nose|ribs|neck|fingers|kneecaps|knees|skull|throat|windpipe|face|head`,
          `crack|smash|bash {O} skull|head|face|teeth|ribs|jaw|nose`,
          `cave in {O} skull|head|face`,
          `slit|cut|slash {O} throat|throats|face`,
          // "shoot" only at a person one has a grudge against, in a body part, or at a school or a church.
          'gun|mow down {S}',
          'shoot|snipe {V} in the|their|his|her head|face|chest|back|leg|legs|knee|knees|kneecap|kneecaps|stomach',
          'shoot up [a|the|my|our|this|that] school|church|mosque|synagogue|temple|mall|classroom|campus|office|workplace|supermarket|nightclub|club',
          'shoot people|everyone|students|kids in|at [a|the|my|our] school|church|mosque|synagogue|temple|mall|classroom|campus|office|workplace|supermarket',
          'open fire on|at [a|the] crowd|people|students|protesters|police|cops|worshippers|shoppers|kids|children',
          'take out|down {X}',
          'eliminate|silence|whack|off {X}',
          'take down [a|an|the] police|security|prison officer|officers|guard|guards',
          'get rid of {V} permanently|forever',
          'get rid of {V} for good',
          'trap|lock|chain|imprison|confine {V} in|inside [a|the|my|our|his|her] basement|cellar|cage|closet|trunk|attic',
          'knock|mow down {V}',
          'plow|plough into {V}',
          'ram {V}',
          'drive|ram|plow|plough [a|my|the] car|truck|van|vehicle into [a|the] crowd|people|protesters|pedestrians|parade|market',
          'gas people|jews|prisoners|humans',
          'bury|burn {V} alive',
          // Not "ambush" alone: "ambush my sister with a surprise party".
          'ambush|waylay {V} on her|his|their|the way',
          'blow {O} head|brains off|out',
          'exterminate|eradicate|massacre [the|all] immigrants|migrants|refugees|jews|muslims|gays|blacks|christians|arabs|roma',
          'wipe out [the|all] immigrants|migrants|refugees|jews|muslims|gays|blacks|christians|arabs|roma',
          'gas [a|the] crowd',
          'gas [a|the] crowded|packed room|classroom|subway|train|bus|building|hall',
          'hang|drown|strangle|torture|starve|suffocate|choke|kick|beat|burn|poison|stab|kill my|our|a|the|his|her dog|cat|puppy|kitten|pet|dogs|cats|puppies|kittens|pets',
          'spread|transmit [a|an] disease|virus|hiv|std|covid|infection to {V}',
          '[intentionally|deliberately] infect {V}',
        ],
        { V: VICTIMS, O: OTHERS, S: SHOT, X: TAKEN_OUT },
      ),
    ),
    notFollowedBy: ['in-game', ...NOT_PETS],
    unless: [...DEFENSIVE, ...GAMES, PHOTOGRAPHY],
  },
  {
    id: 'risk.beating_request',
    message: 'asks how to beat, hit, punch or shoot a person',
    ...input,
    escalate: true,
    // "Beat" is also to win ("beat my wife at chess", "beat my brother in a race", "beat my friends this season"), "hit"
    // to contact ("hit my friend up", "hit people with ads") and "shoot" to send or photograph ("shoot my boss a
    // quick email"). The word after the person tells them apart, so this is a rule of its own with its own
    // `notFollowedBy`; "shoot him in the head" is violence_request's.
    requires: [...HOW_CUES, 'should i|we'],
    patterns: requests(expand(['beat|hit|punch|kick {V}', 'shoot {S}'], { V: VICTIMS, S: SHOT })),
    notFollowedBy: [
      'a',
      'an',
      'the',
      'some',
      'quick',
      'me',
      'us',
      'down',
      'with',
      'at',
      'in',
      'on',
      'to',
      'for',
      'from',
      'up',
      'out',
      'off',
      'back',
      'home',
      'over',
      'by',
      'this',
      'next',
      'every',
      'again',
      'once',
      'twice',
      'consistently',
      'easily',
      'regularly',
      'in-game',
    ],
    unless: [
      ...DEFENSIVE,
      ...GAMES,
      PHOTOGRAPHY,
      'race|score|record|argument|debate|game|match|contest|competition|quiz|trivia|snowball|snowballs|pillow|balloon|balloons',
    ],
  },
  {
    id: 'risk.violent_intent',
    message: 'asks for help to murder, poison or abduct someone, to hire a killer or to hide a killing',
    ...input,
    escalate: true,
    requires: REQUEST_CUES,
    patterns: requests(
      expand(
        [
          `${THREAT_VERBS} {V}`,
          'hire|find|get|pay|contact [a|an] hitman|hitmen|hit-man|assassin|assassins',
          'hire|find|get|pay|contact [a|an] contract killer|killers',
          'hire|pay|get someone|somebody to kill|hurt|murder|shoot|poison|stab|kidnap|attack|threaten|disappear',
          'hire|pay|get someone|somebody to beat|rough up',
          'dispose of [a|the|his|her|their] body|corpse|bodies|corpses',
          'get rid of [a|the|his|her|their] body|corpse|bodies|corpses',
          'hide|bury|dissolve|destroy|burn|cremate|dismember [a|the|his|her|their] [human|dead] body|corpse|bodies|corpses',
          'dispose of [a|the] human|dead body|corpse|bodies|corpses',
          'get rid of [a|the] human|dead body|corpse|bodies|corpses',
          "spike|drug [a|her|his|their|someone's|somebody's|the] drink|drinks|coffee|food|tea|water",
          'spike|drug {O} drink|drinks|coffee|food|tea|water',
          "poison|kill|hurt|torture|drown|shoot my|our|the neighbour's|neighbor's|boss's|ex's|roommate's dog|dogs|cat|cats|pet|pets|horse|horses",
          'make it look like an accident|overdose',
          'make it look like a suicide|robbery|mugging|burglary',
          'make it look like suicide',
          'make it look like natural causes',
          'make his|her|their death|murder|killing look like',
        ],
        { O: OTHERS, V: VICTIMS },
      ),
    ),
    // "How can I get rid of a body odour problem?": the body is a word in something else.
    notFollowedBy: BODY_AS_A_MODIFIER,
    unless: [...DEFENSIVE, ...GAMES],
  },
  {
    id: 'risk.evasion_request',
    message: 'asks how to commit a crime, or to watch or read someone, without being caught or noticed',
    ...input,
    patterns: expand([
      'without getting|being caught|noticed|detected|traced|arrested|identified|seen|suspected|spotted|found|busted',
      'without anyone|anybody noticing|knowing|finding',
      'without leaving [any] evidence|traces|trace|fingerprints|dna',
      'without raising|arousing [any] suspicion|suspicions|eyebrows|alarms|flags',
      'without getting into trouble',
      'not|never get|getting|be|being caught|detected|arrested|traced',
      'avoid|avoiding|evade|evading detection|arrest|suspicion',
      'avoid|avoiding|evade|evading the police|cops',
      'avoid|avoiding|evade|evading law enforcement',
      'without the police|cops|authorities finding|knowing|noticing',
      'without them|him|her|their knowing|noticing|realising|realizing|finding',
      'without their|his|her consent|permission|knowledge',
      'get away with it|murder|killing|murdering|stealing|poisoning|stabbing|strangling|drowning|kidnapping|assaulting|raping|shoplifting|robbing|hitting',
    ]),
    requires: [
      ...expand([`${VIOLENT_VERBS} {V}`], { V: VICTIMS }),
      'killing|murdering|poisoning|stabbing|strangling|murder',
      'steal|stealing|shoplift|shoplifting|rob|robbing|burgle|burglarize|vandalise|vandalize|vandalising|vandalizing|launder|laundering|embezzle|embezzling|forge|forging|poach|poaching|trespass|arson|hack|hacking|stalk|stalking|bribe|bribing|blackmail|extort|crime|crimes|illegal|illegally|drugs|meth|cocaine|heroin',
      'break|breaking into',
      // Lists are matched as written: the optional "a" is expanded.
      ...expand(['set|start [a] fire|fires']),
      'drive|driving drunk|high',
      'drunk driving',
      'track|trace|locate|monitor|spy|record|film|read|access|listen|bug|photograph|wiretap|intercept',
      'location|whereabouts|messages|texts|calls|tracker|airtag|gps|spyware|stalkerware|keylogger',
      'hit and run',
    ],
    negations: [...REPORTED, 'if', 'whether'],
    // "How did OJ get away with killing his wife?" asks about a case, not for a way.
    unless: [
      ...DEFENSIVE,
      ...GAMES,
      'series|show|tv|netflix|season|watch|watched|watching|cast|actor|actress',
      'how|why did',
    ],
  },
  {
    id: 'risk.trafficking_request',
    message: 'asks how to traffic, smuggle, sell or groom people, or to exploit forced labour',
    ...input,
    escalate: true,
    requires: REQUEST_CUES,
    patterns: [
      ...expand([
        "keep|take|hold|confiscate|withhold [the|their|his|her|my|our] workers|employees|maid|maid's|nanny's|worker's|employee's|staff|housekeeper's passport|passports|papers|documents|ids",
      ]),
      ...requests(
        expand([
          'smuggle|traffic people|migrants|immigrants|refugees|women|girls|boys|children|kids|humans|minors|workers|organs|someone|slaves',
          'smuggle|traffic a person|child|woman|girl|baby',
          'sell|buy [a|my|our|his|her] child|baby|kid|girl|woman|wife|daughter|son|kidney|organ|organs|person|people|slave|slaves|children|kids|girls|women|babies',
          'sell|buy human organs|beings|kidneys|remains',
          'groom [a|the] child|kid|minor|girl|boy|teen|teenager|children|kids|minors|girls|boys|teens',
          'buy|get|find|order [a|an] child|underage|teenage bride|brides|wife|girl|girls|prostitute|prostitutes',
          'buy|get|own [a|some] slave|slaves',
          'lure|recruit|force|coerce|traffic|pimp|sell|trick [young] girls|women|children|kids|minors|teens|teenagers|someone|her|boys|migrants into|for prostitution|slavery|servitude|labour|labor|marriage|sex|trafficking',
          'lure|recruit|force|coerce|traffic|pimp|sell|trick [young] girls|women|children|kids|minors|teens|teenagers|someone|her|boys|migrants into|for the sex trade|industry',
          'make|force [my|our] workers|employees|maid|staff|slaves work without pay|wages',
          'make|force [my|our] workers|employees|maid|staff|slaves work for free|nothing',
        ]),
      ),
    ],
    unless: DEFENSIVE,
  },
  {
    id: 'risk.wildlife_request',
    message: 'asks how to poach, smuggle or trade in protected wildlife, or to make animals fight',
    ...input,
    requires: REQUEST_CUES,
    patterns: [
      ...requests(
        expand(
          [
            `poach|hunt|kill|trap|snare|smuggle|traffic [a|an|some|the] ${ENDANGERED}`,
            'sell|buy|smuggle|traffic|export|import|ship|get [a|an|some|the] {GOODS}',
            'buy|sell|smuggle|own [a|an] [baby|live|pet] tiger|tigers|orangutan|orangutans|chimpanzee|chimpanzees|gorilla|cheetah|cheetahs|pangolin|pangolins|lion|lions|loris',
            'poach [game|deer|elk|moose|boar|pheasants] from|on',
            'hunt|fish|trap ... without a|any permit|license|licence|tag',
            // Out of season, or taken from the wild to sell: "hunt bears out of season without getting caught",
            // "smuggle exotic parrots out of Brazil", "catch wild songbirds to sell them" (not "how do rangers catch …").
            'poach|hunt|shoot|kill|trap|snare|net|fish|catch ... out of season',
            `smuggle|traffic|poach|snare [a|an|some|the] [exotic|wild|rare|live|protected|endangered|baby] ${WILD_TRADED}`,
            `catch|trap|capture|net|snare [a|an|some|the] wild|rare|protected|endangered ${WILD_TRADED} ... sell|selling|sale|market|pet`,
            // Animal fights: "How can I make my dog fight better for Saturday's matches?", "start a cockfighting ring".
            'train|make|get|prepare|condition|teach [my|a|the|our|his|her] dog|dogs|pitbull|pitbulls|pit|rooster|roosters|gamecock|gamecocks ... fight|fighting|fights|fighter|fighters',
            'start|run|organise|organize|host|bet|join ... cockfight|cockfights|cockfighting|dogfighting',
            'dog|dogs fighting|fight ring|rings|pit|pits|match|matches',
          ],
          { GOODS: WILDLIFE_GOODS },
        ),
      ),
    ],
    unless: DEFENSIVE,
  },
  {
    id: 'risk.stalking_request',
    message: 'asks how to track, watch or secretly record another person',
    ...input,
    requires: REQUEST_CUES,
    patterns: [
      ...requests(
        expand(
          [
            'track|trace|locate|monitor|read|access|intercept|wiretap|check|record {O} location|whereabouts|phone|calls|texts|messages|movements|car|conversations|browsing|searches|gps|emails|e-mails|dms|chats',
            'spy|listen on|to {O} location|whereabouts|phone|calls|texts|messages|movements|conversations|browsing|searches|emails|e-mails|dms|chats',
            `stalk|cyberstalk|cyber-stalk|surveil|track [my|our|his|her|their] ${ADULTS}`,
            `spy on [my|our|his|her|their] ${ADULTS}`,
            'stalk|cyberstalk|cyber-stalk|surveil [a|this] someone|somebody|her|him|them|girl|woman|guy|man|celebrity|streamer|person|ex',
            'spy on someone|somebody|her|him|them|people',
            'secretly film|record|photograph|tape {P}',
            'put|place|hide|install [a|an] hidden|secret|spy camera|cameras|mic|microphone|tracker in|on {P}',
            'put|place|hide|install [a|an] hidden|secret|spy camera|cameras|mic|microphone|tracker in|on {O} bedroom|bathroom|room|house|car|apartment',
          ],
          { O: OTHER_ADULTS, P: PERSON },
        ),
      ),
    ],
    unless: [...DEFENSIVE, 'legal|legally|illegal|allowed|permitted|lost|stolen'],
  },
  {
    id: 'risk.child_abuse_request',
    message: 'asks for sexual material involving children or how to sexually approach a child',
    ...input,
    escalate: true,
    // Also asking whether to, whether it is acceptable, or for a tool or place that provides it.
    requires: [
      ...REQUEST_CUES,
      'should i|we',
      'is it okay|ok|acceptable|fine|alright to',
      'recommend|suggest',
      // Asking for the material or a text about it: "the best websites for images of …", "write a paragraph about …".
      'best|good|top|free websites|sites|site|forums|apps|channels|places',
      'write|describe|generate|create|compose|draft|find|list',
    ],
    patterns: [
      ...expand(['child|underage|kiddie|preteen|pre-teen porn|pornography|nudes|csam|erotica', 'csam']),
      ...requests(
        expand([
          'get|convince|persuade [a|my|the] child|kid|minor|12-year-old|13-year-old|14-year-old|15-year-old to send nudes',
          'get|convince|persuade [a|my|the] child|kid|minor|12-year-old|13-year-old|14-year-old|15-year-old to send|take naked|nude pics|pictures|photos|selfies',
          'sext|sexting with [a|my|the] child|kid|minor|12-year-old|13-year-old|14-year-old|15-year-old|student',
          'have sex with [a|my|the] child|kid|minor|minors|children|kids|underage|preteen|12-year-old|13-year-old|14-year-old|15-year-old|student|students|stepdaughter|stepson|niece|nephew',
          'seduce|molest|undress [a|my|the] child|kid|minor|minors|children|kids|underage|preteen|12-year-old|13-year-old|14-year-old|15-year-old|student|students|stepdaughter|stepson|niece|nephew',
          'sexually abuse [a|my|the] child|kid|minor|minors|children|kids|preteen|student|students',
          'have sex with [a|the|some] young|little child|kid|kids|children|boys|girls',
          'young|little kids|children|boys|girls|minors to have sex with',
          'see|watch|film|photograph [young|little] kids|children|minors|boys|girls naked|undressed',
          'show|expose my penis|genitals|privates|dick|cock to [the|a|some] kid|kids|child|children|minors',
          'show|expose my penis|genitals|privates|dick|cock in front of [the|a|some] kid|kids|child|children|minors',
          'pro-pedophilia|pro-paedophilia|pro-pedophile|pro-paedophile|pedophile|paedophile|pedophilia|paedophilia group|groups|forum|forums|community|communities',
          // Access sought for its own sake: "how to get unsupervised access to children by volunteering".
          'get|gain|have|getting|gaining unsupervised|private|one-on-one access to children|kids|minors|boys|girls',
        ]),
      ),
      // Asking whether it is acceptable, or for material showing it.
      ...expand([
        'is it okay|ok|acceptable|fine|alright to have sex with [a|an] child|kid|minor|children|kids|minors|preteen',
        'photos|pictures|images|videos|porn of|with children|kids|minors having sex',
        'beauty of adults having sex with children|kids|minors',
      ]),
    ],
    unless: [...DEFENSIVE, 'illegal|crime|criminal|victims|survivor|survivors|police|fbi|penalties|signs'],
  },
  {
    id: 'risk.deepfake_request',
    message:
      "asks for a fake sexual or deceptive image, video or voice of a real person, or to spread someone's intimate images",
    ...input,
    // The verb alone is the request ("make a deepfake nude of …"): no frame needed.
    patterns: expand(
      [
        'make|create|generate|produce [a|an|some] deepfake|deepfakes|deep-fake|deep-fakes [porn|nude|nudes|video|videos|image|images|photo|photos|audio|voice] of {P}',
        'make|create|generate|produce [a|an|some] fake|ai|ai-generated nude|nudes|porn|naked|sex pictures|photos|images|videos|video|tape of {P}',
        'make|create|generate|produce [a|an|some] fake|ai|ai-generated nude|nudes|porn|naked of {P}',
        'undress|nudify {P} photo|photos|picture|pictures|pic|pics|image',
        // Intimate images spread without consent: "get revenge on my ex by leaking her private photos".
        '{SPREAD} [my] {OWNER} nudes',
        '{SPREAD} [my] {OWNER} nude|naked|intimate|private|explicit|sexy photos|pictures|pics|videos|images|tape|selfies',
      ],
      {
        P: [
          `my|our|his|her|their ${RELATIONS}`,
          'someone|somebody|her|him|them',
          'a|an|this|that girl|woman|classmate|coworker|colleague|celebrity|teacher|politician|person|streamer',
          `my|our|his|her|their ${RELATIONS_OF}`,
          "someone's|somebody's|her|his|their|a girl's|woman's|classmate's|coworker's|celebrity's",
        ],
        SPREAD: ['leak|leaking|post|posting|share|sharing|spread|spreading|upload|uploading|publish|publishing|expose'],
        OWNER: [
          "her|his|their|ex's|girlfriend's|boyfriend's|wife's|husband's|partner's|classmate's|coworker's|colleague's|someone's",
        ],
      },
    ),
    unless: [...DEFENSIVE, 'illegal|crime|criminal|victim|victims|consent|police'],
  },
  {
    id: 'risk.crime_request',
    message: 'asks for help with theft, burglary, arson, sabotage, dumping waste, bribery or extortion',
    ...input,
    // Also an order to write one: "write a bomb threat email to the airport".
    requires: [...WHETHER_CUES, ...expand(['write|compose|draft|send [me|us] a|an'])],
    patterns: [
      ...requests(
        expand(
          [
            `burgle|burglarize|burglarise|rob ${A} ${PROPERTY}`,
            `break into ${A} ${PROPERTY}`,
            `break into {O} ${PROPERTY}`,
            'steal [a|an|the|some] car|cars|bike|bikes|catalytic|money|cash|packages|wallet|wallets|purse|purses|phone|phones|gas|electricity|wifi|jewelry|jewellery|tips|merchandise|from',
            'steal {O} car|bike|money|cash|packages|wallet|purse|phone|jewelry|jewellery|identity|mail|dog|cat',
            'shoplift|shoplifting [from]',
            // A fire made to look like an accident: "… starting a fire in an apartment building so it looks accidental".
            'start|set|starting|setting a|the fire ... ... look|looks|seem|seems accidental',
            'start|set|starting|setting a|the fire ... ... look|looks|seem|seems like an accident',
            "hotwire|hot-wire [a|the|someone's|somebody's] car|cars|truck|motorcycle",
            `set fire to [a|an|the|my|our|his|her|their|someone's|this|that] ${PROPERTY}`,
            `burn|burning down [a|an|the|my|our|his|her|their|someone's|this|that] ${PROPERTY}`,
            `burn|burning down {O} ${PROPERTY}`,
            `rob ${A} convenience|grocery|liquor|jewelry|jewellery|corner|gas|petrol store|shop|station`,
            `hold up ${A} convenience|grocery|liquor|jewelry|jewellery|corner|gas|petrol store|shop|station|bank`,
            'rob|mug ... at gunpoint|knifepoint',
            'hold up ... at gunpoint|knifepoint',
            `torch|firebomb [a|an|the|my|our|his|her|their|someone's|this|that] ${PROPERTY}`,
            'start [a] wildfire|wildfires|bushfire|bushfires',
            // Waste dumped where it poisons: "dump used motor oil in the river without anyone seeing" (not "where do I
            // take used motor oil", which asks for the lawful way).
            'dump|pour|tip|discharge|bury|drain ... oil|chemicals|waste|asbestos|paint|solvents|sewage|batteries|pesticides|bleach|antifreeze in|into a|the river|stream|lake|sea|ocean|creek|canal|pond|woods|forest',
            'start a forest|brush|house fire',
            'trigger|cause [a|an] landslide|avalanche|blackout|derailment|stampede|crash|riot',
            'derail|sabotage|crash [a|the] [passenger|freight|commuter|subway|high-speed] train|trains|plane|planes|brakes|grid|pipeline|dam|railway|substation',
            `blow|blowing up ${A} {T}`,
            'blow|blowing up {O} car|house|home|truck|office|shop|store',
            `bomb|bombing|firebomb|nuke ${A} {T}`,
            'set off [a|an] bomb|bombs|explosion|explosive|explosives|ied at|in|inside|near|under',
            'detonate|plant [a|an] bomb|bombs|explosion|explosive|explosives|ied at|in|inside|near|under',
            'make {O} car|house|truck explode',
            'hijack [a|an|the] plane|planes|airplane|airliner|aircraft|jet|flight|bus|train|ship|boat',
            // Not "attack": "replicate the attack in my lab" is a security test.
            'replicate|recreate|repeat|copy [the|a] ... bombing|bombings|shooting|shootings|massacre|genocide|holocaust|hijacking|hijackings',
            'plan|carry|commit|launch|organise|organize|stage|start|begin|incite|instigate|lead [out] [a|an] genocide|massacre|pogrom|lynching|holocaust',
            'plan|carry|commit|launch|organise|organize|stage|start|begin|incite|instigate|lead [out] [a|an] race war',
            'plan|carry|commit|launch|organise|organize|stage|start|begin|incite|instigate|lead [out] [a|an] race|ethnic massacre|riot|cleansing',
            'plan|carry|commit|launch|organise|organize|stage|start|begin|incite|instigate|lead [out] [an] ethnic cleansing',
            'exterminate|massacre|annihilate|eradicate [a|an|the|all|every] village|villages|villagers|town|neighbourhood|neighborhood|city|tribe|race|minority|people',
            'wipe out [a|an|the|all|every] village|villages|villagers|town|neighbourhood|neighborhood|city|tribe|race|minority|people',
            'set up [a|an] concentration|death|labor|labour camp|camps',
            'run|build|open|start [a|an] concentration|death|labor|labour camp|camps',
            'run|own|operate|start [a] slave plantation|plantations|market|auction|ship',
            'cut|disable {O} brakes|brake',
            "cut|disable [the|his|her|their|someone's|somebody's] brake line|lines|cable|cables",
            'cut|disable {O} brake line|lines|cable|cables',
            'write|send|make|call [in] [a|an] bomb|anthrax|terror threat|threats',
            'write|send|make [a|an] death threat|threats',
            'skip|jump bail',
            'flee|escape the country|state while|when|if ... on bail',
            "get past [the|a|store's|store] security|anti-theft|ink tag|tags|sensor|sensors|gates",
            "defeat|beat|bypass [the|a|store's|store] security|anti-theft|ink tag|tags|sensor|sensors|gates",
            // Coercive control: "keep my wife from leaving the house or contacting her family".
            'keep|prevent my|our wife|husband|girlfriend|boyfriend|partner|spouse from leaving|contacting|seeing|calling|visiting the|their|her|his|our house|home|family|friends|parents',
            'join [a|an|the] gang|gangs|cartel|cartels|mafia|syndicate',
            'join [a|an|the] criminal organization|organisation|network|gang|enterprise',
            'become [a|an] hitman|assassin|kingpin|smuggler|trafficker|pimp|mercenary',
            'become [a|an] drug lord|dealer|smuggler|trafficker|mule',
            'sim swap|swapping|hijack someone|somebody|people|him|her|them',
            'sim-swap someone|somebody|people|him|her|them',
            'bring|shoot down [a|an|the] plane|airliner|aircraft|jet|helicopter|airplane',
            'tamper with {O} brakes|brake|car|food|drink|medication|meds|insulin',
            "contaminate|poison|taint [the|a|our] [city's|town's|city|town|public|local|municipal|school's|school] water|food supply|reservoir",
            // Not "poison the well", the debating fallacy: "the well" is poisoned literally only with another word.
            'contaminate|poison|taint [the|a|our] reservoir|wells',
            'contaminate|poison|taint [a|our] well',
            'contaminate|taint the well',
            'poison the|our village|farm|town|community|drinking well',
            'bribe [a|an|the] official|officials|judge|judges|cop|cops|officer|officers|inspector|inspectors|guard|guards|politician|politicians|witness|witnesses|jury|juror|jurors|referee|referees|customs|police',
            'blackmail|extort|sextort someone|somebody|him|her|them|people',
            `blackmail|extort|sextort my|our|his|her|their ${RELATIONS}`,
            'vandalise|vandalize|key|slash {O} car|tires|tyres|house',
            'vandalise|vandalize|deface [a|an|the|some|public] *',
            'hide|destroy|burn|wipe|plant [the|my|any|all|some] [incriminating] evidence',
            'get rid of [the|my|any|all] [incriminating] evidence',
            'dispose of [the|my|any|all] [incriminating] evidence',
            'sneak|smuggle|bring|get ... weapon|weapons|gun|guns|knife|knives|explosives|bomb ... through|past|onto|on|into ... tsa|security|airport|plane|airplane|flight|school|courthouse|stadium',
            'smuggle ... through|past|across customs|border|borders',
            'evade|escape|outrun|elude|hide from [the] police|cops|law enforcement|authorities|fbi|arrest|capture|warrant',
            'remove|erase|file|grind|scratch|obliterate [off] [the|a] serial number|numbers from|on|off [a|the|my] gun|firearm|rifle|pistol|handgun|weapon|glock',
            "remove|erase|file|grind|scratch|obliterate [off] [the|a|my] gun's|firearm's|rifle's|pistol's|handgun's|weapon's serial number|numbers",
            'join|recruit for|support|fund|finance [a|an|the] terrorist|extremist|jihadist|neo-nazi|militant group|organization|organisation|cell|network|militia',
            'join|fund|finance isis|al-qaeda|hamas|hezbollah|kkk',
            'plan|carry|commit|launch|organise|organize|stage [out] [a|an] terrorist|terror attack|bombing|shooting|massacre',
            'plan|carry|commit|launch|organise|organize|stage [out] [a|an] mass|school shooting|shootings|stabbing|casualty',
            'rig|steal|fix [an|the] election|elections|vote|votes|ballot|ballots',
            'sabotage {O} car|computer|business|work|project|career|relationship|wedding|exam',
            "sabotage [a|an|the|this|that] vaccine|vaccines|competitor|competitor's|factory|plant|pipeline|power|water|railway|launch|fundraiser|campaign|election",
          ],
          { O: OTHERS, T: TARGETS },
        ),
      ),
    ],
    notFollowedBy: NOT_TARGETS,
    unless: [...DEFENSIVE, ...GAMES, 'locked|keys|own'],
  },
]);
