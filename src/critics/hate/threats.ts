// Threats and degradation in the forms real posts take (slot templates): one member of a group threatened with death,
// a group said to "need killing", damnation on a religion, one member called an animal, a group's "kind" reviled.
import { INSULT_ADJECTIVES } from './vocabulary.js';

/** hate.violence templates over `{H}` (a group) and `{ONE}` (one member of a group). */
export const THREAT_TEMPLATES: readonly string[] = [
  // "That trans person will die a horrible death at my hands."
  '{ONE} will|shall|gonna die ... at my|our hands',
  '{H} will|shall|gonna [all] die ... at my|our hands',
  // "That immigrant family will die screaming" (not "… will die slowly without treatment": a prognosis).
  '{ONE} will|shall|gonna die screaming',
  '{H} will|shall|gonna [all] die screaming',
  // "More Mexicans need killing."
  "{H} need|needs killing|killin|killin'|shooting|hanging|gassing|lynching|exterminating|exterminated|culling|culled",
  // Damnation on a faith: "Hindus, burn in your false religion" (not "die for their faith").
  'die|burn|rot in your|their|that false|fake|filthy|satanic|evil|devil|pagan|heathen religion|faith|cult|beliefs|god|gods',
  // Imperative damnation: "Muslims, burn in hell" ("… will burn in hell" is in DISDAIN_TEMPLATES).
  '{H} burn|rot|die in hell',
  // "The only good Muslim is a dead Muslim."
  'the only good {ONE} is a dead *',
  // Another genocide wanted: "the world needs another Holocaust", "Hitler was right about the Jews".
  'need|needs another|a holocaust|hitler|kristallnacht|genocide',
  'need|needs a new holocaust|hitler|kristallnacht|genocide',
  'need|needs another|a final solution',
  'hitler was|is right about|regarding {D} {H}',
  'hitler had the right idea',
  // A group sent back dead: "send every illegal back in a box".
  'send|ship|sending|shipping {D} {H} back in [a|body] box|boxes|bags|coffin|coffins|casket|caskets|bodybag|bodybags',
  'send|ship|sending|shipping {D} illegal back in [a|body] box|bag|coffin|casket|bodybag',
  // Force as what a group "understands": "the only language these Somalis understand is the boot".
  'only language {D} {H} understand|understands|know|knows|respect|respects|speak|speaks is|are [the] violence|force|boot|whip|stick|bullet|bullets|fear|pain|rope|beating|beatings|lash|bombs|bomb|fist|gun|guns',
  // A genocide regretted as unfinished: "it's a shame the Native Americans weren't all wiped out".
  "shame|pity|bad [that] {D} {H} weren't|werent|wasn't|wasnt [all] wiped|stamped|killed|exterminated|gassed|finished",
  'shame|pity|bad [that] {D} {H} were|was not [all] wiped|stamped|killed|exterminated|gassed|finished',
  // Children taken from a group: "Roma children should be taken away from their parents".
  '{H} children|kids|babies should|must [all] be taken|removed [away] from their|the parents|families|mothers',
  '{GA} children|kids|babies should|must [all] be taken|removed [away] from their|the parents|families|mothers',
  // Nature wished on a group: "I hope a disaster wipes out your disgusting atheist kind".
  `wipes|wipe|wiped|kills|kill|killed|takes|take out|off your|their|the|that [${INSULT_ADJECTIVES}] {GA} kind|lot|race`,
];

/** One animal, pest or monster: the singular of what hate.dehumanisation says of a group. */
const BEAST =
  'animal|beast|savage|cockroach|roach|rat|insect|louse|leech|maggot|ape|monkey|gorilla|baboon|chimp|pig|swine|dog|mongrel|parasite|pest|bug|germ|vermin|subhuman|worm|rodent|snake|cancer|plague|disease';

/** hate.dehumanisation templates over `{ONE}` and `{GA}` (a group adjective). */
export const ONE_DEHUMANISED_TEMPLATES: readonly string[] = [
  // "A Muslim is a cockroach", "a black man is an ape in a suit" (not "a Muslim is a person who …").
  `a|an|every|any|each|the {ONE} is [just|only|merely|nothing|no] [but|more|better] [than] a|an [${INSULT_ADJECTIVES}] ${BEAST}`,
  // "Every Arab I've met is a lying snake."
  `every|each {ONE} ... is a|an [${INSULT_ADJECTIVES}] ${BEAST}`,
  // "Your disgusting atheist kind", "their filthy Jewish kind".
  `your|their|that|this ${INSULT_ADJECTIVES} {GA} kind|race|breed`,
];

/** Words after an animal that make it a person's role or a thing: "an animal lover", "a dog owner", "a rat race". */
export const NOT_A_BEAST = [
  'lover',
  'lovers',
  'owner',
  'owners',
  'person',
  'people',
  'walker',
  'trainer',
  'breeder',
  'whisperer',
  'expert',
  'rights',
  'welfare',
  'shelter',
  'sanctuary',
  'doctor',
  'activist',
  'keeper',
  'race',
  'year',
  'sign',
  'survivor',
  'patient',
  'researcher',
  'specialist',
  'collector',
  'farmer',
  'charmer',
  'bite',
  'food',
];
