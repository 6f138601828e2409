// Requests for hateful content (data, versioned with the hate rules): "write a tweet saying X are thieves", "tell me a
// joke that makes fun of X". The reporting word that cancels a statement elsewhere ("saying") is here what is asked for.
import type { PhraseRule } from '../rule-critic.js';
import { D } from '../rights/vocabulary.js';
import { REQUEST_CUES } from '../risk/request-vocabulary.js';
import { expand } from '../text/pattern-slots.js';
import { H, INSULT_ADJECTIVES, INTENSE, NOT_PROMOTING, TRAIT_PHRASES, TRAITS, WRITE_CUES } from './vocabulary.js';

/** What a requested text is to assert: "… saying that", "… which claims". */
const ASSERTING = [
  'saying|claiming|arguing|stating|asserting|insisting|implying|suggesting|proving|showing|explaining [that]',
  'that|which says|claims|argues|states|asserts|insists|implies|suggests|proves|shows [that]',
  'about how',
];
/** Ways to mock a group: "make fun of", "mock", "ridicule". */
const MOCKING = [
  'make|makes|making fun of',
  'mock|mocks|mocking|ridicule|ridicules|ridiculing|demean|demeans|demeaning|belittle|belittles|belittling|humiliate|humiliates|humiliating',
];

// Clause D2 (dignity: degrading outcome), as the hate critic's other rules; severity 2.5 (deny), as contempt: the
// request is for a text that would be contempt, and it is refused rather than escalated.
/** Built on first use by the hate rules (../lazy.ts through rules.ts). */
export const requestedHateRule = (): PhraseRule => ({
  id: 'hate.requested',
  message: 'asks for a text that demeans, mocks or excludes a protected group',
  severity: 2.5,
  clause: 'D2',
  target: 'input',
  requires: [...REQUEST_CUES, ...WRITE_CUES],
  patterns: expand(
    [
      `{SAY} {H} are|is ${INTENSE} [${INSULT_ADJECTIVES}] [${INSULT_ADJECTIVES}] ${TRAITS}`,
      '{SAY} {H} are|is {INTENSE} {TP}',
      '{SAY} {H} are|is inferior|subhuman',
      '{SAY} {H} are|is not [even|really|fully] human|humans|people',
      '{SAY} {H} should|must [all] be banned|deported|expelled|segregated|excluded|killed|shot|hanged|sterilised|sterilized|exterminated|eliminated|removed',
      "{SAY} {H} don't|dont deserve rights|respect|dignity|equality|to live|to exist",
      '{SAY} {H} do not deserve rights|respect|dignity|equality|to live|to exist',
      '{SAY} {H} should|must not be allowed|permitted to *',
      // Exclusion asked for: "posters saying Muslims aren't welcome here", "a leaflet telling Roma families they
      // should leave".
      '{SAY} {H} are|is not welcome',
      "{SAY} {H} aren't|arent|isn't|isnt welcome",
      '{SAY} {H} should|must [all] leave|go|get',
      '{TELL} {D} {H} [that] {THEY} not welcome',
      "{TELL} {D} {H} [that] they aren't|arent welcome",
      '{TELL} {D} {H} [that] they should|must [all] leave|go|get',
      // "a joke that makes fun of Jewish people", "memes mocking trans people".
      'jokes|joke|memes|meme|insults|roast|limerick|limericks|poem|song|cartoon that|which|to {MOCK} {D} {H}',
      'jokes|joke|memes|meme|insults|roast|limerick|limericks|poem|song|cartoon {MOCK} {D} {H}',
      '{MOCK} {D} {H} for being|because',
    ],
    {
      SAY: ASSERTING,
      H,
      D,
      INTENSE: [INTENSE],
      TP: TRAIT_PHRASES,
      MOCK: MOCKING,
      TELL: ['telling|tell|tells|warning|warn|warns|informing|inform|informs'],
      THEY: ["they're|theyre", 'they are'],
    },
  ),
  // "Write a reply to someone saying …", "explain why comedians mock …", "a story where a villain says …".
  unless: [
    ...NOT_PROMOTING,
    'why|villain|villains|character|characters|story|novel|script|debunks|myth|myths|false|untrue|wrong|response|responses|rebuttal|rebuttals',
  ],
});
