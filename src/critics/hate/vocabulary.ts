// Vocabulary of the hate rules (data, versioned with them): more group words, slurs, traits, atrocities, and the words
// around a match that make it something else.
import { GROUP_ADJECTIVES, GROUP_NOUNS, PEOPLE } from '../rights/vocabulary.js';
import { expand } from '../text/pattern-slots.js';

/** Groups the rights critic's list leaves out: more nationalities, disability and LGBTQ+ words, slurs. */
export const MORE_NOUNS =
  'americans|russians|ukrainians|nigerians|iranians|afghans|turks|poles|romanians|filipinos|koreans|japanese|vietnamese|haitians|irish|germans|french|africans|blacks|muslims|jews|arabs|gays|trans|transgenders|transsexuals|queers|lgbt|lgbtq|retards|autistics|disabled|handicapped|cripples|fags|faggots|dykes|kikes|niggers|spics|chinks|wetbacks|towelheads|ragheads|paki|pakis|hindus|sikhs|mormons|catholics|protestants|jehovah|illegals|aliens|feminists|gypsies|travellers|travelers|roma|romani|latinx|african-americans|easterners|natives|aborigines|bisexuals|homosexuals|lesbians|transsexuals|kurds|tamils|uyghurs|uighurs|rohingya|yazidis|armenians|serbs|croats|bosnians|albanians|sunnis|shias|shiites|ahmadis|qadianis|copts|bahais|kashmiris|bangladeshis|ethiopians|eritreans|jamaicans|colombians|venezuelans|cubans|egyptians|moroccans|algerians|iraqis|yemenis|saudis|kenyans|ghanaians|congolese|sudanese|atheists|infidels|kuffar|kafirs';
export const MORE_ADJECTIVES =
  'lgbt|lgbtq|autistic|deaf|blind|handicapped|mentally|indian|chinese|russian|romanian|polish|native|latin|atheist|mormon|kurdish|roma';
/** One member of a protected group: "the next Muslim I see", "no gay person deserves …". */
export const ONE = [
  'woman|jew|muslim|immigrant|migrant|refugee|foreigner|mexican|arab|african|asian|hispanic|latino|latina|gay|lesbian|homosexual|bisexual|tranny|gypsy|indian|pakistani|paki|somali|syrian|nigerian|hindu|sikh|christian|catholic|mormon|atheist|black|cripple|retard',
  `${GROUP_ADJECTIVES}|${MORE_ADJECTIVES} person|man|woman|guy|girl|kid|boy|family|doctor|nurse|teacher|neighbour|neighbor`,
];
/** `{H}`: a protected group in either form. */
export const H = [`${GROUP_NOUNS}|${MORE_NOUNS}`, `${GROUP_ADJECTIVES}|${MORE_ADJECTIVES} ${PEOPLE}|americans`];
/**
 * `{H}` or a group named by what it is a minority of ("people of colour", "ethnic minorities"): in the stereotype and
 * rights patterns only, since every alternative here multiplies the patterns it is used in.
 */
export const HM = [...H, 'people|persons|women|men|folks of color|colour', 'ethnic|racial|religious|sexual minorities'];

/** Slurs with no common innocent sense: not "fag" (a cigarette), "dyke" (an embankment), "retard" (a verb). */
export const SLURS =
  'nigger|niggers|kike|kikes|kyke|spic|spics|chink|chinks|wetback|wetbacks|towelhead|towelheads|raghead|ragheads|tranny|trannies|faggot|faggots|groid|groids|gook|gooks|beaner|beaners|sandnigger|sandniggers|jigaboo|jigaboos|shemale|shemales|zipperhead|zipperheads|golliwog|darkie|darkies|niglet|niglets|mongoloids|gyppo|gyppos|pikey|pikeys|musloid|musloids|muzzie|muzzies|muzrat|muzrats|mudslime|mudslimes|chimpout|chimpouts|sheboon|sheboons|dindu|dindus|wog|wogs|chinky|chinkies|rapefugee|rapefugees';
/** Words that aim a slur at people: "you faggots", "those groids", "dead n…s", "filthy k…s". */
export const SLUR_AIM =
  'you|those|these|them|all|dead|damn|damned|fucking|fuckin|filthy|stupid|dirty|lazy|ugly|typical|stinking|worthless|disgusting|bunch|kill|hate|fuck|shoot|gas|hang|lynch|subhuman';

/** Contempt and inferiority: what "X are …" may not say of a group. */
export const TRAITS =
  'bad|horrible|terrible|awful|animals|beasts|monsters|cowards|losers|stupid|dumb|lazy|violent|criminals|criminal|thieves|terrorists|rapists|paedophiles|pedophiles|groomers|predators|molesters|abominations|dirty|filthy|disgusting|inferior|evil|worthless|useless|primitive|savages|savage|barbaric|barbarians|greedy|subhuman|retarded|ugly|smelly|sneaky|liars|degenerate|degenerates|diseased|freaks|perverts|invaders|annoying|irritating|obnoxious|backward|uncivilized|uncivilised|parasitic|dangerous|untrustworthy|dishonest|idiots|morons|inbred|unintelligent|incapable|sick|vile|scum|trash|garbage|repulsive|revolting|despicable|pathetic|gross|nasty|repugnant|abhorrent|worthless|sinners|sinful|broken|scammers|fraudsters|spies|traitors|drunks|drunkards|junkies|thugs|crooks|leeches|parasites|robots|scroungers|freeloaders|bloodsuckers|retards|impostors|imposters|frauds|whores|sluts';
/**
 * Insulting adjectives that may stack before a trait: "X are drunk lazy welfare leeches", "X are brainwashed idiots".
 * Each is one slot word, so "X are often victims of …" or "X are not …" never reads as an insult.
 */
export const INSULT_ADJECTIVES =
  'drunk|drunken|brainwashed|godless|welfare|selfish|dirty|filthy|ignorant|uneducated|inbred|useless|worthless|stinking|stinky|smelly|lazy|greedy|violent|twisted|perverted|backwards|primitive|diseased|fanatical|ungrateful|freeloading|thieving|lying|cheating|murderous|bloodthirsty|disgusting|stupid|dumb|vile|evil|sick|nasty|ugly|savage|barbaric|degenerate|dangerous|retarded|subhuman|sneaky|greasy|mindless|brainless|hateful|treacherous|parasitic|criminal|deviant|fucking|damn|bloody|born|complete|total|absolute|utter';
/** Multi-word traits: "X are a threat", "X are taking over". */
export const TRAIT_PHRASES = [
  'a threat|burden|drain|disease|cancer|plague|curse|disgrace|menace|scourge|blight|stain|pestilence|danger',
  'a fifth column',
  'an abomination|embarrassment|infestation|aberration|invasion',
  'a waste of space|oxygen|air|skin',
  'the worst',
  'the problem|enemy|devil',
  'mentally ill|deficient',
  'taking over',
  'ruining|destroying|invading|infecting *',
];
/** Words after "I hate X" that make X something else: "I hate Chinese food", "I hate men who cheat". */
export const NOT_A_GROUP =
  'national|food|cuisine|restaurant|restaurants|dishes|music|movies|films|tv|shows|songs|government|governments|regime|president|team|politicians|army|military|police|media|language|accent|accents|traffic|weather|rugby|football|soccer|cars|economy|companies|products|style|fashion|names|grammar|spelling|who|that|which|when|whom|whose'.split(
    '|',
  );
/** Words after "X are bad" that make it a mild remark about a skill: "bad at maths", "terrible drivers". */
export const AT_A_SKILL = ['at', 'with', 'drivers', 'cooks', 'dancers', 'singers', 'spellers', 'tippers', 'texters'];
/** "… the Muslims who …" still names the group: relative pronouns end a threat's object, they do not change it. */
export const RELATIVE: ReadonlySet<string> = new Set(['who', 'that', 'which', 'when', 'whom', 'whose']);
export const INTENSE =
  '[all|so|just|really|such|truly|literally|basically|naturally|inherently|always|fucking|too|genetically]';

/** Orders to produce a text: "Write a speech that …", "Generate posts inciting …" (with REQUEST_CUES, a request). */
export const WRITE_CUES = expand([
  'write|create|generate|compose|draft|produce|design|craft|make [me|us] a|an|some|the|me',
  'write|create|generate|compose|draft|produce|design|craft [me|us] posts|tweets|messages|content|lyrics|songs|speeches|articles|essays|propaganda',
]);
/** A genocide or massacre whose denial is a form of hate against its victims' group. */
export const ATROCITY = [
  'the holocaust|shoah|holodomor|porajmos',
  'the armenian|rwandan|cambodian|bosnian|srebrenica|uyghur|tutsi|yazidi genocide',
  'the nanjing|nanking|srebrenica massacre',
];
export const NEVER_HAPPENED = [
  'never happened|occurred|existed',
  "didn't|didnt happen|occur|exist",
  'did not happen|occur|exist',
  'was|is a hoax|fake|fabrication|fraud|hoax|invention|fairy|scam|fairytale',
  'was|is fake|faked|fabricated|invented|staged|exaggerated|overblown',
  'was|is made up',
  'was|is a|the [biggest|greatest|big] lie|myth|hoax|fraud|hoax|swindle|scam',
];
/** Sentences about fighting, studying or answering hate, which a request to spread it never is. */
export const NOT_PROMOTING = [
  'respond|responding|reply|replying|debunk|debunking|challenge|challenging|confront|confronting|resist|resisting',
  'people|those|someone|anyone|groups who|that',
  // Not "against" alone: "hate speech against immigrants" is what a request may ask for.
  'fight|fights|campaign|campaigning|stand|standing|speak|speaking|protest|protesting|work|working|stood|spoke against',
  'fight|fighting|combat|combating|combatting|counter|countering|oppose|opposing|tackle|tackling|reduce|reducing|end|ending|prevent|preventing|stop|stopping|spot|spotting|recognise|recognize|report|reporting|victims|awareness|understand|understanding|research|study|history|deradicalise|deradicalize|leave|leaving|quit',
  'overcome|overcoming|unlearn|unlearning|change|changing|less|fewer|ashamed|apologise|apologize|accused|accusing|called|calling',
  'studies|course|courses|class|classes|university|lecture|lectures|thesis',
  'deal|dealing with',
  'get|getting rid',
];
/** Violent verbs of threats against a group: "I'm going to shoot …" ("hurt" is left out where a policy may hurt). */
export const HARMS = 'shoot|kill|stab|murder|attack|hurt|punch|rape|lynch|bomb|behead|strangle|torch';
/** HARMS without "hurt", for threats to "every X": "the new tax will hurt every Black family" is no threat. */
export const KILLS = HARMS.split('|')
  .filter((verb) => verb !== 'hurt')
  .join('|');
/** Where a group is said to belong: "… belong in a zoo", "… in chains", "… in gas chambers". */
export const PEN = [
  'a|the zoo|cage|jungle|circus|oven',
  'cages|ovens|zoos|chains|camps',
  'a|the gas|concentration chamber|camp',
  'gas chambers',
  'concentration camps',
];
/** An orientation or identity named as a thing: "homosexuality", "being gay", "being a trans woman". */
export const ORIENTATIONS = [
  'homosexuality|bisexuality|transgenderism|gayness|lesbianism|asexuality',
  'being gay|bi|bisexual|lesbian|trans|transgender|queer|asexual|nonbinary|non-binary',
  'being a|an trans|transgender|gay|bisexual|lesbian woman|man|person|guy|girl',
];
