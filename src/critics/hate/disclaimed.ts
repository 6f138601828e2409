// Hate after a disclaimer, "I'm not racist, but X are …": the bias word the disclaimer denies is what marks
// counter-speech elsewhere, so this rule keeps every counter-speech cue but the names of biases.
import type { PhraseRule } from '../rule-critic.js';
import { BIAS_NAMES, COUNTER_SPEECH, DEHUMANISING, PUNISHED } from '../rights/vocabulary.js';
import { expand } from '../text/pattern-slots.js';
import { H, INSULT_ADJECTIVES, INTENSE, TRAIT_PHRASES, TRAITS } from './vocabulary.js';

/** The biases a speaker denies before showing one. */
const BIAS =
  'racist|sexist|homophobic|transphobic|islamophobic|antisemitic|xenophobic|misogynist|misogynistic|bigoted|prejudiced|biased|bigot|racialist';

/** COUNTER_SPEECH without the entries that name a bias or a bigot (the disclaimer carries one by construction). */
const NOT_A_DISCLAIMER = COUNTER_SPEECH.filter((entry) => !BIAS_NAMES.includes(entry));

/** Built with the other hate rules (see rules.ts). */
export function disclaimedHateRule(): PhraseRule {
  return {
    id: 'hate.disclaimed',
    message: 'expresses contempt for a protected group after disclaiming prejudice ("I\'m not racist, but …")',
    severity: 2.5,
    clause: 'D2',
    target: 'both',
    patterns: expand(
      [
        `{NOT} {BIAS} ... {H} are|is ${INTENSE} [${INSULT_ADJECTIVES}] ${TRAITS}|${DEHUMANISING}`,
        '{NOT} {BIAS} ... {H} are|is {INTENSE} {TP}',
        '{NOT} {BIAS} ... {H} are|is [just|simply|naturally] too emotional|stupid|lazy|violent|primitive to',
        `{NOT} {BIAS} ... {H} should|must [all] be ${PUNISHED}|deported|removed|kicked|thrown|locked`,
        "{NOT} {BIAS} ... {H} don't|dont belong|deserve",
        // "It is not transphobic to say that trans women are men."
        '{NOT} {BIAS} ... trans|transgender women are [just|really|actually|only|still] men|males',
        '{NOT} {BIAS} ... trans|transgender men are [just|really|actually|only|still] women|females',
      ],
      {
        NOT: ['not', 'not a|being', 'not being a'],
        BIAS: [BIAS],
        H,
        INTENSE: [INTENSE],
        TP: TRAIT_PHRASES,
      },
    ),
    unless: NOT_A_DISCLAIMER,
  };
}
