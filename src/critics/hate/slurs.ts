// The slur rules of the hate critic: a slur for one person constrains, a slur for a whole group escalates.
import type { PhraseRule } from '../rule-critic.js';
import { COUNTER_SPEECH } from '../rights/vocabulary.js';
import { expand } from '../text/pattern-slots.js';
import { SLURS } from './vocabulary.js';

/**
 * Slurs for a whole group (plurals of SLURS): a slur for the group ("the k…s", "groids everywhere") speaks of the group,
 * which a plot naming one character by a slur does not.
 */
const GROUP_SLURS =
  'niggers|kikes|spics|chinks|wetbacks|towelheads|ragheads|trannies|faggots|groids|gooks|beaners|sandniggers|jigaboos|shemales|zipperheads|darkies|niglets|mongoloids|gyppos|pikeys|musloids|muzzies|muzrats|mudslimes|sheboons|dindus|wogs|chinkies|rapefugees';

/**
 * Women as a whole named by a slur: "all bitches cheat", "ugly hoes get no love" (not one person insulted, and not a
 * breeder's bitches: DOGS cancels the sentence).
 */
const WOMEN_AS_SLUR = [
  'all|most|every|ugly|dumb|stupid|crazy|lying|cheating|gold-digging bitches|hoes|whores|sluts',
  "bitches|hoes|whores|sluts are|ain't|aint|lie|cheat|be|only|always|never",
];
const DOGS =
  'dog|dogs|puppy|puppies|litter|litters|spay|spayed|breed|breeding|breeder|breeders|whelp|whelping|kennel|kennels|stud|heat|vet|vets';

export function slurRules(): readonly PhraseRule[] {
  return [
    {
      id: 'hate.slur',
      message: 'uses a slur for a protected group',
      // A slur alone constrains (1.5) rather than escalates: plots, lyrics and quoted documents carry slurs too.
      severity: 1.5,
      clause: 'D2',
      target: 'both',
      patterns: [SLURS],
      negations: false,
      unless: COUNTER_SPEECH,
    },
    {
      id: 'hate.slur_group',
      message: 'names a whole protected group by a slur',
      severity: 2,
      clause: 'D2',
      target: 'both',
      patterns: [GROUP_SLURS, ...expand(WOMEN_AS_SLUR)],
      negations: false,
      unless: [...COUNTER_SPEECH, DOGS],
    },
  ];
}
