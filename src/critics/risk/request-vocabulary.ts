// Vocabulary of the input-side request rules (data, versioned with the rules): request frames, people, targets.
import { HOW } from './vocabulary.js';

/**
 * Adverbs a request may put between its frame and its verb ("how do I secretly …"). They open the phrase, not close
 * the frame: patterns are indexed by their first word, and these words are rarer than "how" or "can".
 */
export const ADVERB = '[secretly|quietly|discreetly|anonymously]';

/**
 * What makes a sentence a request for the act, not a mention of it ("how were bombs made" has none). Rules require
 * one of these in the sentence of their phrase; most phrases are a verb and its object, so the sentence asks for it.
 */
export const HOW_CUES = [
  ...HOW,
  // Not "people" or "criminals": "how do criminals launder money" asks how a crime works, not for a recipe.
  'how would|could|can|do|does someone|somebody|anyone',
  'how would|could|can|do|does a person',
  'way|ways|steps|instructions|directions|guide|tutorial|method|methods|tips|trick|tricks|techniques|strategies|tactics|plan|advice to|for|on|of',
  'help|teach|show me',
  'teach|tell|show me how',
  'explain how',
  'best|easiest|quickest|cheapest|fastest|simplest|safest|most effective way|ways|method|methods',
  'is it possible to',
  'how hard|easy|difficult is it to',
  "what's|whats the easiest|simplest|cheapest|quickest|fastest|best",
  'what is the easiest|simplest|cheapest|quickest|fastest|best',
];
/** HOW_CUES and the wishes and asks around them ("I want to …", "can you …", "where can I …"). */
export const REQUEST_CUES = [
  ...HOW_CUES,
  'can|could|will|would you',
  'i want|need|plan|intend|mean|wanna|gotta to',
  'i wanna|gotta',
  "i'm going|planning|trying to",
  'i am going|planning|trying to',
  "i'd like to",
  'i would like to',
  'where can|do|could i|you|we|one',
  'where to',
  'give|tell|send|show me',
];
/**
 * REQUEST_CUES and asking whether to ("should I start a Ponzi scheme?"), for the rules whose phrases name the act
 * itself; not where "what should I do if someone is spreading rumours about me" would read as a request.
 */
export const WHETHER_CUES = [...REQUEST_CUES, 'should i|we'];

/** Someone the request is about; "my" alone is left out ("get into my account" is a locked-out user). */
export const RELATIONS =
  'neighbour|neighbor|neighbours|neighbors|boss|wife|husband|girlfriend|boyfriend|ex|ex-wife|ex-husband|ex-girlfriend|ex-boyfriend|partner|teacher|coworker|co-worker|coworkers|colleague|colleagues|roommate|flatmate|landlord|landlady|mother|mom|mum|father|dad|stepdad|stepfather|stepmother|stepmom|brother|sister|stepbrother|stepsister|half-brother|half-sister|son|daughter|baby|child|kid|kids|children|classmate|classmates|friend|friends|cousin|uncle|aunt|manager|employee|tenant|spouse|fiance|fiancee|grandmother|grandma|grandfather|grandpa|family|rival|enemy|bully|crush|stepson|stepdaughter|nephew|niece|in-laws|sister-in-law|brother-in-law|mother-in-law|father-in-law';
/** The same, possessive: "my ex's e-mail". */
export const RELATIONS_OF = RELATIONS.split('|')
  .map((r) => `${r}'s`)
  .join('|');

/** Adjectives that name a person by religion, origin, colour or orientation: "a Jewish person", "the gay couple". */
const GROUP_ADJECTIVES =
  'black|white|brown|asian|jewish|muslim|christian|catholic|hindu|sikh|buddhist|arab|mexican|latino|latina|hispanic|chinese|indian|african|immigrant|migrant|gay|lesbian|trans|transgender|queer|bisexual|disabled|autistic|deaf|blind|roma|indigenous|native';

/** A person as the object of a violent verb. */
export const VICTIMS = [
  `my|our|his|her|their|your [elderly|old|little|baby|newborn|disabled|sick|pregnant|younger|older|own] ${RELATIONS}`,
  'someone|somebody|people|humans',
  'a|an|the person|human|woman|man|girl|boy|child|kid|baby|toddler|cop|officer|stranger|witness|president|judge|senator|coworker|colleague|neighbour|neighbor|classmate|teacher|rival|pedestrian|hostage|hostages|prisoner|prisoners|informant|politician|journalist|protester|protesters',
  'a|an|the public|government|elected figure|figures|official|officials',
  'a|an|the old|elderly|innocent|homeless|random|young|pregnant person|man|woman|lady|guy|girl|boy',
  // "a police officer", "the security guard"
  'a|an|the police|security|prison|border|traffic officer|officers|guard|guards|agent|agents',
  // A person named by a group: "a Jewish person", "the gay couple"
  `a|an|the|some ${GROUP_ADJECTIVES} person|people|man|men|woman|women|guy|guys|girl|girls|boy|boys|kid|kids|child|children|family|families|couple|student|students|neighbour|neighbor|neighbours|neighbors`,
  // People as a crowd: "the kids next door", "the people in my street"
  'the people|kids|children|neighbours|neighbors|residents|students|villagers',
  // Not in RELATIONS: "my date" is a day in other contexts ("where does my date live" asks for a calendar).
  'my|his|her date',
];

/** Someone else's: "someone's", "my wife's", "other people's". */
export const OTHERS = [
  "someone's|somebody's|anyone's|people's|his|her|their",
  "a person's|stranger's|girl's|woman's|guy's|man's",
  "someone|somebody else's",
  "other people's",
  `my|our|his|her|their|a|the ${RELATIONS_OF}`,
];

export const DEVICES =
  'account|accounts|email|e-mail|emails|e-mails|inbox|phone|iphone|android|cellphone|computer|laptop|pc|mac|tablet|ipad|wifi|wi-fi|network|router|instagram|facebook|snapchat|whatsapp|tiktok|twitter|gmail|outlook|icloud|messages|texts|dms|password|passwords|webcam|camera|cameras|voicemail|bank|paypal|venmo|server|files|photos|cloud|vpn|traffic|internet|connection';

/**
 * Violent verbs asked about with a how-frame only (hyperbole uses them with "I want to"). No "shoot": photographers
 * "shoot a baby" and "shoot people at sunset".
 */
export const VIOLENT_VERBS =
  'kill|murder|assassinate|butcher|slaughter|massacre|mutilate|gut|knife|shank|slit|snipe|starve|decapitate|poison|hurt|harm|injure|stab|strangle|choke|drown|attack|assault|kidnap|abduct|torture|maim|suffocate|smother|disfigure|paralyze|paralyse|cripple|burn|electrocute|punch|bludgeon|behead|dismember|execute|lynch|rape|molest|sedate|drug|blind|scald';
/** Violent verbs that are a threat even with "I want to". */
export const THREAT_VERBS =
  'murder|poison|stab|strangle|kidnap|abduct|torture|maim|suffocate|smother|disfigure|behead|dismember|rape|molest';

/** Words after "body" that make it part of something else: "body odour", "body hair", "body shop". */
export const BODY_AS_A_MODIFIER = [
  ...'odor odour odors odours smell smells hair fat acne spray lotion wash wax aches ache pain heat image shop'.split(
    ' ',
  ),
  ...'count mass weight temperature type language kit armor armour paint panel work'.split(' '),
];

/** Games and sports, where "kill", "shoot" and "make a bomb" are moves: "how do I kill the boss in Elden Ring". */
export const GAMES = [
  'minecraft|fortnite|roblox|skyrim|gta|sims|terraria|zelda|pokemon|pokémon|overwatch|valorant|cod|warzone|halo|dnd|d&d|rpg|mmo|game|games|gaming|videogame|quest|chess|poker|checkers|paintball|airsoft|dungeon|simulator',
  'among us',
  'laser tag',
  'elden ring',
  'dark souls',
  'call of duty',
  'video game',
  'board game',
  // More games by name, and combat sports, where choking out or taking down an opponent is a move.
  'battlefield|pubg|apex|csgo|cs2|counter-strike|payday|tekken|fallout|diablo|witcher|cyberpunk|borderlands|bioshock|civilization|dodgeball|sparring|spar|bjj|jiu-jitsu|jujitsu|judo|wrestling|mma|ufc|grappling|boxing|kickboxing|fencing|rugby|hockey',
  'street fighter',
  'mortal kombat',
  "assassin's creed",
  'metal gear',
  'red dead',
  'far cry',
  'rainbow six',
  'league of legends',
  // Not "hitman" alone: "hire a hitman" is a request.
  'hitman 2|3|absolution',
  'counter strike',
];

/** Questions about spotting, preventing or reporting a crime, and about the law or history. */
export const DEFENSIVE = [
  // Not "avoid": "… and avoid detection" is part of the request.
  'protect|protecting|prevent|preventing|defend|defending|safeguard|recognise|recognize|spot|spotting|detect|identify|report|reporting|stop|stopping|warn|warning|aware|awareness',
  // "A plan to reduce shoplifting in my shop".
  'reduce|reducing|deter|deterring|tackle|tackling|combat|combating|combatting|curb|curbing|minimise|minimize|minimising|minimizing shoplifting|theft|thefts|fraud|crime|burglary|burglaries|vandalism|scams|phishing|poaching|trafficking|bullying|violence|abuse',
  // Not "story" or "novel": "for my novel, how do I make a pipe bomb?" still asks for the recipe.
  'history|historically|historical|documentary|episode|series',
  // Not "law": "my mother in law".
  'penalty|penalties|sentence|sentenced|punishment|convicted|conviction|laws|legally|legal|legitimate|legitimately',
  'if someone|somebody|anyone',
  'consequences',
  'signs of',
  'warning signs',
];
