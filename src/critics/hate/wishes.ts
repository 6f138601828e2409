// More of what hate says in plain words (slot templates for hate.violence and hate.contempt): harm wished on a group,
// distrust and disgust, a group denied its humanity, slurs aimed at people, a faith reviled, tropes of control, and vices
// said to be a group's nature or culture.
import { INSULT_ADJECTIVES, INTENSE, TRAITS } from './vocabulary.js';

/** Fates a speaker may wish on a group: "I'd love to see X suffer", "I hope X burn". */
const FATES =
  'suffer|die|burn|rot|hang|dead|killed|tortured|shot|gassed|lynched|hanged|beaten|raped|exterminated|slaughtered|massacred';

/** hate.violence templates over `{H}` (a group), `{D}` (a determiner) and `{ONE}` (one member of a group). */
export const WISHED_HARM_TEMPLATES: readonly string[] = [
  // "The only good Muslim is a dead one."
  'the only good {ONE} is a dead one',
  'the only good {H} are [the] dead ones',
  // "I would love to see trans people suffer", "I'd like to see all the Jews dead".
  `i|we would love|like to see {D} {H} ${FATES}`,
  `i'd|we'd|id love|like to see {D} {H} ${FATES}`,
  `i|we want|wanna [to] see {D} {H} ${FATES}`,
  `i|we [really|truly|just] hope {D} {H} [all] die|suffer|burn|rot`,
  // "Women should all die" (not "Christians should die to self").
  '{H} should all die|suffer|burn|rot',
  'all {H} should die|suffer|burn|rot',
  '{H} should just|fucking die|rot|burn',
  '{H} can [all] go die|rot|burn',
];

/** Slurs for disability and sexuality that are also ordinary words ("retard" a verb, "fag" a cigarette) once aimed. */
const AIMED_ONLY = 'you|fucking|fuckin|filthy|stupid|dumb|damn|damned|bunch [of] retards|retard|fags|fag';

/** hate.contempt templates over `{H}`, `{D}` and `{ONE}`. */
export const DISDAIN_TEMPLATES: readonly string[] = [
  // The group where one lives, called a vice: "the Roma in my town are thieving scum".
  `{H} in|from|around my|our|this|the town|city|area|street|road|neighbourhood|neighborhood|estate|school|village|country are|is ${INTENSE} [${INSULT_ADJECTIVES}] ${TRAITS}`,
  // Distrust of a whole group: "never trust a single thing from a woman", "I don't trust Muslims".
  'never trust a|an|any {ONE}',
  // ("… said by a woman" is cancelled by "said", as every reported statement is.)
  'never trust a|any [single] word|thing|promise ... a|an|any {ONE}',
  'never trust a|any [single] word|thing|promise ... from|by {D} {H}',
  "i|we [just|really|simply] don't|dont|cannot|can't|cant|never trust {D} {H}",
  'i|we [just|really|simply] do not trust {D} {H}',
  // Disgust: "you immigrants make me sick".
  '{D} {H} make|makes me [so|fucking|physically] sick|puke|vomit',
  '{D} {H} make|makes me want to puke|vomit',
  // Hatred with an intensifier after the group ("I hate women with every fibre of my being": "with" otherwise reads as
  // a skill, "bad with money").
  'i|we [really|truly|just|fucking|honestly|absolutely] hate|despise|loathe|detest {D} {H} with every|all|a|my|such',
  // Humanity or worth denied: "X will never be real humans", "X are not good enough to be around normal people".
  '{H} will never be [real|proper|true|actual|fully] humans|human|people|persons',
  '{H} are|is not good enough to|for *',
  "{H} don't|dont|never belong among|around|with normal|decent|real people|humans",
  // A trait with a relative clause, which the rule's "who" would otherwise cancel (it is there for "I hate men who
  // cheat"): "Muslims are terrorists who want to kill us", "trans people are a danger that must be stopped".
  `{H} are|is ${INTENSE} [${INSULT_ADJECTIVES}] ${TRAITS} who|that|which`,
  `all {H} are ${TRAITS} who|that|which`,
  '{H} are|is {INTENSE} {TP} who|that|which',
  // A group as a people of one vice: "the Irish are a race of drunks".
  `{H} are|is a race|nation|bunch|pack|breed of ${TRAITS}`,
  // Damnation wished: "gay people will burn in hell".
  '{H} will|should|can [all] burn|rot in hell',
  // A slur that is also an ordinary word, aimed: "you retards", "a bunch of fags".
  AIMED_ONLY,
  // …or used as an insult: "it looks fucking retarded" (not "retarded growth" or "the ignition timing is retarded").
  'fucking|fuckin|so|totally|completely|absolutely|literally retarded',
  // A faith reviled: "filthy islam" (not "Islam is a religion", nor criticism of a teaching).
  'filthy|disgusting|vile|satanic|cursed|damned|fucking islam|judaism|hinduism|sikhism|christianity',
  // A faith as a disease: "islam is a disease".
  'islam|judaism|hinduism|sikhism is|are a|an cancer|disease|plague|virus|poison|tumour|tumor|infection|scourge|parasite',
  // The control trope with a relative clause, or passive: "the Jews who control the media", "banks run by Jews".
  'jews|zionists who|that control|controls|run|runs|own|owns the media|banks|world|government|hollywood|money|press',
  'media|banks|world|government|hollywood|press [is|are] controlled|run|owned by [the] jews|zionists',
  // Money or a lobby of a group in control: "Jewish money controls both parties".
  'jewish money|bankers|elites|lobby|media control|controls|run|runs|own|owns|buy|buys|bought *',
  // Worse than a criminal: "I'd rather my daughter date a serial killer than a Muslim".
  'date|marry a|an [serial] killer|murderer|rapist|criminal|terrorist|junkie|addict|paedophile|pedophile than a|an {ONE}',
  // A vice as the nature of a people: "you can't take the drunk out of the Indian".
  "can't|cannot|cant take the drunk|savage|thief|criminal|terrorist|animal|monkey|ape|thug|crook|peasant out of the|a|an {ONE}",
  // Races ranked: "some races just aren't built for civilisation".
  "some|certain races [just|simply] are|aren't|arent ... civilisation|civilization|civilised|civilized|inferior|superior|primitive|savage|subhuman|evolved",
  // A trans woman as a man in a dress: "a man in a dress is still a man".
  'a|any man in a dress is [still|just|always] a man|pervert|predator|freak',
  // Groups on benefits as parasites: "disabled people on benefits are parasites".
  `{H} on benefits|welfare are|is [all|just] ${TRAITS}|parasites|vermin|pests`,
  // A group as the world's worst of a kind: "Indians are the scammers of the world".
  `{H} are|is the ${TRAITS} of`,
  // A vice taught from birth: "Gypsy kids are raised to steal" (not "to hate": "Christians are taught to hate sin").
  '{H} are|is raised|born|bred|taught|trained|brought to steal|lie|cheat|rob|beg|kill|rape',
  // A group's culture as crime: "Black culture is just crime, drugs and absent fathers".
  '{GA} culture|religion|faith is [just|only|all|basically] [about] crime|violence|hate|terror|terrorism|drugs|savagery|barbarism|thuggery|death|rape',
  // A group as the enemy of a race or nation: "Jews enemy of white race", "Muslims are the enemies of our country".
  '{H} [are|is] [the] enemy|enemies of [the] white|our|this|my race|people|country|nation|civilisation|civilization',
];
