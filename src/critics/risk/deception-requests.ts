// Requests to deceive the public (data, versioned with the risk rules): disinformation, defamation and fake reviews.
import type { PhraseRule } from '../rule-critic.js';
import { expand } from '../text/pattern-slots.js';
import { once } from '../lazy.js';
import { REQUEST_CUES } from './request-vocabulary.js';
import { REPORTED } from './vocabulary.js';

/** Orders to produce a text ("Write a post that …", "Generate reviews …"): with REQUEST_CUES, what makes a request. */
const PRODUCE_CUES = expand([
  'write|create|generate|compose|draft|produce|design|craft|make|publish|post|record [me|us] a|an|some|the|me|fake',
  'write|create|generate|compose|draft|produce|publish|post [me|us] posts|tweets|messages|content|articles|stories|reviews|ads|videos|episodes',
  'write|create|generate|compose|draft|produce|publish ... posts|tweets|messages|articles|stories|reviews|comments|ratings',
]);

/** Fighting, spotting, reporting or studying deception is not asking for it. */
const AGAINST_DECEPTION = [
  'stop|stopping|prevent|preventing|counter|countering|fight|fighting|combat|combating|combatting|debunk|debunking|fact-check|fact-checking',
  'spot|spotting|identify|identifying|detect|detecting|recognise|recognize|recognising|recognizing|report|reporting|flag|flagging',
  'remove|removed|removing|delete|deleting|respond|responding|protect|protecting|satire|satirical|parody|lesson|class|classroom|teach|teaching|students|sue|suing|lawsuit|lawyer|solicitor',
  'take|taking down',
  'media literacy',
  'accused|accusing me',
];

const FAKE = 'fake|false|fabricated|made-up|bogus|phony|phoney|invented|doctored';
/** Not "story" or "headline" alone: "write a fake story" is fiction, "a fake news headline about carrots" a joke. */
const TEXTS =
  'article|articles|report|reports|rumour|rumours|rumor|rumors|quote|quotes|study|studies|statistics|evidence|reviews|review|testimonials|testimonial|ratings|screenshots|tweets|posts|obituary';

/** Built on first use (see ../lazy.ts). */
export const deceptionRequestRules = once((): readonly PhraseRule[] => [
  {
    id: 'risk.deception_request',
    message: 'asks for disinformation, a defamatory text or fake reviews meant to deceive the public',
    target: 'input',
    severity: 2.5,
    clause: 'U2',
    negations: REPORTED,
    requires: [...REQUEST_CUES, ...PRODUCE_CUES],
    patterns: expand(
      [
        `[convincing|realistic|viral|believable] ${FAKE} {T}`,
        `[convincing|realistic|viral|believable] ${FAKE} news article|articles|story|stories|report|reports|site|website`,
        'spread|spreads|spreading|promote|promotes|promoting|push|pushes|pushing false|misleading|fake information|claims|news|rumours|rumors|stories|statistics',
        'spread|spreads|spreading|promote|promotes|promoting|push|pushes|pushing misinformation|disinformation|conspiracy|lies|hoaxes',
        "defame|defames|defaming|slander|slandering|libel|libelling|smear|smearing [a|an|the|my|our|this|that|someone's|someone|somebody|his|her|their]",
        'defamatory|libellous|libelous|slanderous letter|post|review|article|statement|tweet|message|story|video|claims',
        'manipulate|manipulates|manipulating|rig|rigs|rigging|inflate|inflates|inflating customer|product|app|online ratings|reviews|scores',
      ],
      { T: [TEXTS] },
    ),
    unless: AGAINST_DECEPTION,
  },
]);
