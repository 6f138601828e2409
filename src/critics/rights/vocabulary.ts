// Rights vocabulary (data, versioned with the rules): protected groups, dehumanising words, and the templates of
// dehumanisation and calls for violence or exclusion, shared with the hate critic (which reads both sides).
import { UNLAWFUL } from '../text/vocabulary.js';

/** Groups named by one plural noun. No "seniors|young": "Seniors get a discount" is not a slur. */
export const GROUP_NOUNS =
  'women|men|females|males|blacks|whites|asians|hispanics|latinos|latinas|arabs|africans|mexicans|jews|muslims|christians|hindus|sikhs|buddhists|atheists|catholics|mormons|immigrants|migrants|refugees|foreigners|gays|lesbians|homosexuals|bisexuals|transgenders|trannies|gypsies|roma|cripples|minorities|indians|chinese|pakistanis|somalis|syrians|palestinians|israelis';
/** Groups named by an adjective and a people or role noun ("gay people"). No "young": "young children" at a spa. */
export const GROUP_ADJECTIVES =
  'black|white|brown|asian|hispanic|latino|latina|arab|african|mexican|jewish|muslim|christian|hindu|sikh|buddhist|catholic|gay|lesbian|queer|trans|transgender|bisexual|disabled|old|older|elderly|immigrant|foreign|indigenous|aboriginal|romani|gypsy|female|male|pregnant|straight';
export const PEOPLE =
  'people|persons|folks|men|women|kids|children|families|couples|guys|girls|boys|individuals|workers|employees|staff|applicants|candidates|tenants|renters|customers|clients|patients|students|members|guests|buyers|borrowers';

/** `{G}`: a group in either form. */
export const G = [GROUP_NOUNS, `${GROUP_ADJECTIVES} ${PEOPLE}`];
/** Groups defined by migration, for whom "should be deported" is also a policy opinion; every other group is not. */
const MIGRATION = new Set(['immigrants', 'migrants', 'refugees', 'foreigners', 'immigrant', 'foreign']);
const withoutMigration = (alternatives: string): string =>
  alternatives
    .split('|')
    .filter((w) => !MIGRATION.has(w))
    .join('|');
/** `{GN}`: a group not defined by migration. */
export const GN = [withoutMigration(GROUP_NOUNS), `${withoutMigration(GROUP_ADJECTIVES)} ${PEOPLE}`];
/** `{D}`: an optional determiner before a group ("kill all the …"). */
export const D = [
  '',
  'all|the|every|those|these|any',
  'all|every the|those|these|last|single',
  'all of the|those|these',
];

/** No "creatures": "creatures of habit". */
export const DEHUMANISING =
  'vermin|animals|beasts|savages|subhuman|subhumans|untermenschen|parasites|cockroaches|roaches|rats|insects|lice|leeches|maggots|apes|monkeys|pigs|dogs|swine|scum|filth|pests|mongrels|germs|trash|garbage|barbarians|degenerates';
/** No bare "disease|infection": "older patients are an infection risk" (see the "… on society" pattern). */
export const SCOURGES = 'plague|pestilence|scourge|blight|infestation|parasite|pest|vermin';
export const INTENSIFIERS =
  'all|just|simply|basically|literally|merely|only|like|truly|really|essentially|mere|filthy|dirty';

/** Sentences that report or condemn a harm rather than commit it. */
export const REPORTING = [
  ...UNLAWFUL,
  'condemn|condemns|condemned|condemning|condemnation',
  'denounce|denounces|denounced|denouncing',
  'propaganda',
  'rhetoric',
  'slogan|slogans|chant|chants|chanted|chanting|graffiti',
  'trope|tropes',
  'hate speech',
  'dehumanise|dehumanises|dehumanised|dehumanising|dehumanisation|dehumanize|dehumanizes|dehumanized|dehumanizing|dehumanization',
  'slur|slurs',
  'used to',
];

/**
 * A claim called false or a lie — not the verb ("X always lie") nor a faith called false ("burn in your false
 * religion"). A denial calls history a lie ("the Holocaust is a lie"), so hate.denial does not take these.
 */
export const FALSEHOOD: readonly string[] = [
  "is|are|was|were|that's|thats|it's|its|completely|totally|entirely|patently|demonstrably false",
  'false that|claim|claims|belief|beliefs|idea|ideas|stereotype|narrative|notion',
  'a|the|that|this|big|total|complete|outright|utter|racist|old|dangerous lie|lies',
  'are|is|were|was lies',
  'are|is|were|was all lies',
  'nothing but|more than lies',
];

/**
 * Biases and bigots named: a sentence that names one is about the bias, unless it disclaims one ("I'm not racist, but
 * …"), so hate.disclaimed does not take these.
 */
export const BIAS_NAMES: readonly string[] = [
  'stereotype|stereotypes|stereotyping|stereotypical|prejudice|prejudices|prejudiced|bigot|bigots|bigotry|bigoted',
  'antisemite|antisemites|homophobe|homophobes|transphobe|transphobes|islamophobe|islamophobes|misogynist|misogynists',
  'racism|racist|racists|sexism|sexist|sexists|homophobia|homophobic|transphobia|transphobic|islamophobia|islamophobic|antisemitism|antisemitic|anti-semitic|anti-semitism|xenophobia|xenophobic|misogyny|misogynist|misogynistic|ableist|ableism|hateful|hatred|discrimination|discriminatory|supremacist|supremacists|nazi|nazis',
];

/**
 * Counter-speech, quotation and reported speech: 'Saying "X are vermin" is hateful', "it's wrong to say that …",
 * "people who claim X are lazy are spreading a stereotype", 'the defendant said "…"'. Not "think" or "believe" in
 * the first person ("I think X are …" is the speaker's own view), and not words an insult may carry ("ignorant").
 */
export const COUNTER_SPEECH = [
  ...REPORTING,
  'saying|claiming|calling|suggesting|implying|insisting|pretending',
  'said|says|claimed|claims|wrote|writes|tweeted|posted|shouted|yelled|chanted|screamed|alleged|quoted|quoting|quote',
  // A doctrine reported: "some churches teach that being gay is a sin".
  'teach|teaches|taught|preach|preaches|preached that',
  // "Jews were accused of controlling the banks", "the trope that …": a charge reported, not made.
  'accused|accuse|accuses|accusing|accusation|accusations|trope|tropes',
  'people|those|anyone|someone|men|women|he|she|they who|that say|claim|think|believe|insist|argue|assume',
  'some|many|most people|folks say|claim|think|believe',
  'people|everyone|everybody|folks say|joke|claim',
  // "I heard someone say …", "we had someone say … in our church group".
  'someone|somebody|anyone|anybody say|claim|insist',
  // A view judged in a conditional: "if you think X are vermin, you're the problem".
  'if you|anyone|someone|somebody|people think|thinks|believe|believes|say|says',
  'bugs|annoys|upsets|bothers|offends|hurts|angers me',
  // "I'm tired of hearing that X are …", "why do people still think X are …?"
  'tired|sick of hearing|reading|seeing',
  'people|folks think|believe',
  'people|folks still|really|actually|honestly think|believe',
  'wrong|wrongly|falsely|mistakenly|untrue|unfair|myth|myths|nonsense|debunked|misconception|misconceptions',
  ...FALSEHOOD,
  // "Statements like 'X are scum' are deeply hurtful", "it's not okay to say X are inferior".
  'statements|statement|comments|comment|remarks|remark|jokes|joke|phrases|phrase|words like|such',
  'statements|statement|comments|comment|remarks|remark|suggestion|notion|assertion|tweet|post that|saying',
  'hurtful|offensive|unacceptable|inexcusable',
  'not okay|ok|acceptable|fine|right|alright|appropriate to say|call|tell',
  "isn't|isnt|never okay|ok|acceptable|fine|right|alright|appropriate to say|call|tell",
  'stop|quit say|saying|call|calling|tell|telling',
  'respond|responding|reply|replying|react|reacting to',
  'push|pushing back',
  'not true',
  // Disagreement, and a refusal to agree: "I disagree that X are violent", "I'm not going to agree that X are …".
  'disagree|disagrees|disagreed|disagreeing that',
  'reject|rejects|rejected|refute|refutes|refuted|dispute|disputes|disputed the claim|idea|notion|view|assumption|argument that',
  'not going to agree|endorse that|with',
  'not gonna agree|endorse that|with',
  ...BIAS_NAMES,
];
export const ATROCITIES =
  'exterminate|exterminating|eradicate|eradicating|massacre|massacring|slaughter|slaughtering|lynch|lynching|gas|gassing|purge|purging|cleanse|cleansing|enslave|enslaving|sterilize|sterilise|sterilizing|sterilising';
export const PUNISHED =
  'killed|exterminated|eradicated|eliminated|gassed|lynched|shot|hanged|hung|sterilized|sterilised|banned|purged|enslaved|burned|burnt|segregated';

/** Slots `{G}` (group); "… are vermin", "… are a plague on society", "infested with …". */
export const DEHUMANISATION_TEMPLATES: readonly string[] = [
  `{G} are|were|remain ${DEHUMANISING}`,
  `{G} are|were ${INTENSIFIERS} ${DEHUMANISING}`,
  `{G} are|were nothing but ${DEHUMANISING}`,
  `{G} are|were nothing more|better than ${DEHUMANISING}`,
  `{G} are|were no better|different than ${DEHUMANISING}`,
  `{G} are|were a|an|the|like ${SCOURGES}`,
  `{G} are|were like a|an|the ${SCOURGES}`,
  '{G} are|were a|an|the cancer|disease|virus|tumor|tumour|infection|poison on|upon|in|to|of society|our|this|the|humanity|mankind',
  '{G} are|were less than human',
  '{G} are|were not even|fully|really|truly|quite human',
  '{G} are|were not human',
  'infestation|plague|swarm|swarms|horde|hordes|invasion of {G}',
  'infested|overrun|overran with|by {G}',
  '{G} breed|breeding|reproduce|reproducing|multiply|multiplying like rats|rabbits|cockroaches|animals|vermin|flies|insects',
  '{G} infest|infesting|swarm|swarming',
  '{G} are|were infesting|swarming',
  'subhuman|verminous|parasitic|filthy|animalistic {G}',
];

/** Slots `{G}`, `{GN}`, `{D}`; "kill all …", "… should be deported", "… deserve no rights". */
export const HATE_TEMPLATES: readonly string[] = [
  'kill|murder|shoot|hang|burn all|every {G}',
  'kill|murder|shoot|hang|burn all|every the|those|these|last|single {G}',
  `${ATROCITIES} {D} {G}`,
  'deport|deporting|expel|expelling|banish|banishing all|every {G}',
  'deport|deporting|expel|expelling|banish|banishing all|every the|those|these|last|single {G}',
  'get|getting rid of {D} {G}',
  'wipe|wiping|round|rounding out|up {D} {G}',
  'send|sending|kick|kicking|throw|throwing {D} {G} back|out',
  'death to {D} {G}',
  `{G} deserve|deserves to be ${PUNISHED}`,
  `{G} should|must be ${PUNISHED}`,
  '{GN} should|must be deported|expelled|removed',
  `{G} ought|need|needs to be ${PUNISHED}`,
  '{G} should|must be locked|rounded|wiped|put up|out|down',
  'all|every {G} should|must be deported|expelled|removed|locked|rounded|kicked|thrown',
  '{G} should|must not|never be allowed|permitted to vote|marry|exist|live|breed|reproduce|adopt|own',
  "{G} shouldn't be allowed|permitted to vote|marry|exist|live|breed|reproduce|adopt|own",
  "{G} don't belong in|here",
  '{G} do not belong in|here',
  'go back to where|your|their you|they|own came|country',
  'go back where you|they came',
  '{G} deserve|deserves to die|suffer|burn|rot|hang',
  '{G} deserve|deserves death',
  '{G} deserve|deserves no rights',
  'no place|room for {G} in|here',
];
