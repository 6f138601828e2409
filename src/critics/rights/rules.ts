// Rights rules (data, versioned): demeaning a person, explicit discrimination, dehumanisation and hate against groups.
import { NEGATIONS, type PhraseRule } from '../rule-critic.js';
import { expand } from '../text/pattern-slots.js';
import { COUNTER_SPEECH, D, DEHUMANISATION_TEMPLATES, G, GN, HATE_TEMPLATES, PEOPLE } from './vocabulary.js';
import { once } from '../lazy.js';

export const RIGHTS_RULESET_VERSION = '1.6.0';

const DIGNITY_INSULTS =
  'stupid|dumb|worthless|pathetic|useless|disgusting|retarded|hopeless|ugly|brainless|clueless|incompetent|ignorant|inferior|subhuman|vermin|scum|trash|garbage|idiotic';
/** No "animal" ("an animal lover") or bare "waste" ("a waste collector"). */
const DIGNITY_NOUNS =
  'idiot|moron|imbecile|loser|failure|burden|disgrace|embarrassment|joke|nobody|parasite|cretin|halfwit';

/** People as the object of instrumentalising treatment. */
const OBJECTS =
  'employees|workers|staff|people|women|men|users|patients|customers|residents|children|immigrants|migrants';

/** No "date": a dating preference is not a refusal of service. */
const HIRE = 'hire|employ|promote|accept|admit|serve|interview|insure|house|seat|recruit|enrol|enroll';
const HIRE_ING =
  'hiring|employing|promoting|accepting|admitting|serving|interviewing|insuring|housing|seating|recruiting|enrolling';
const LET = 'rent|lend|sell|lease|sublet';
const LET_ING = 'renting|lending|selling|leasing|subletting';

/** Built on first use (see ../lazy.ts). */
export const rightsRules = once((): readonly PhraseRule[] => [
  {
    id: 'rights.dignity',
    message: 'demeans a person or treats them as an object',
    severity: 1.5,
    clause: 'D1',
    patterns: [
      ...expand(['{Y} {I} {W}'], {
        Y: ['you are|were', "you're|ur"],
        I: ['', 'so|really|truly|completely|totally|utterly|just|absolutely|incredibly|pretty|too|very|nothing|such'],
        W: [
          DIGNITY_INSULTS,
          `a|an ${DIGNITY_NOUNS}`,
          `a|an total|complete|utter|absolute|real|little|stupid|worthless|pathetic|useless ${DIGNITY_NOUNS}`,
          'a|an waste of space|oxygen|air|skin',
        ],
      }),
      ...expand(['{THEY} {I} {W}', 'you people are {I} {W}'], {
        THEY: ["she's|he's", 'she|he is'],
        I: ['', 'so|really|truly|completely|totally|utterly|just|absolutely|incredibly|nothing|such'],
        W: [DIGNITY_INSULTS, `a|an ${DIGNITY_NOUNS}`, 'animals|vermin|savages|parasites|pigs'],
      }),
      'nobody will ever love|want you|her|him',
      'no one will ever love|want you|her|him',
      'what a|an idiot|moron|imbecile|loser|cretin',
      "that's|what|such a stupid|dumb|idiotic|pathetic question|idea",
      'that|this is a stupid|dumb|idiotic|pathetic question|idea',
      'only an|a idiot|moron|imbecile would',
      ...expand(
        ['treat|treating|treats {O} as|like objects|property|tools|cattle|slaves|animals|dirt|garbage|trash|machines'],
        {
          O: ['them|him|her', `the|your|our|their|these|those|all|any ${OBJECTS}`, OBJECTS],
        },
      ),
      'people|workers|employees|staff|humans|patients|residents|women|men|children are disposable|expendable|worthless',
      ...expand(['people like you are {X}', 'your kind is|are {X}'], {
        X: ['disgusting|worthless|garbage|trash|vermin', 'the problem', 'a disgrace|plague|cancer'],
      }),
      'people like you|that disgust|sicken',
      'your kind disgust|disgusts|sicken|sickens',
    ],
    negations: [
      ...NEGATIONS,
      'if',
      'feel',
      'feels',
      'feeling',
      'think',
      'thinking',
      'believe',
      'tell',
      'tells',
      'told',
      'telling',
      'say',
      'says',
      'said',
      'call',
      'calls',
      'called',
      'calling',
      'yourself',
      'whether',
      'mean',
      'means',
    ],
  },
  {
    id: 'rights.discrimination',
    message: 'excludes people from work, housing, service or entry because of their group',
    severity: 2.5,
    clause: 'D2',
    escalate: true,
    patterns: expand(
      [
        `don't|won't|never|can't|cannot|shouldn't|wouldn't ${HIRE} {G}`,
        `don't|won't|never|can't|cannot|shouldn't|wouldn't ${LET} to {G}`,
        `do|does|will|would|should not ${HIRE} {G}`,
        `do|does|will|would|should not ${LET} to {G}`,
        `refuse|refuses|refusing|decline|declines|declining to ${HIRE} {G}`,
        `refuse|refuses|refusing|decline|declines|declining to ${LET} to {G}`,
        `avoid|avoiding|stop|stopping ${HIRE_ING} {G}`,
        `avoid|avoiding|stop|stopping ${LET_ING} to {G}`,
        `prefer|rather not ${HIRE} {G}`,
        `prefer|rather not ${LET} to {G}`,
        `prefer not to ${HIRE} {G}`,
        `prefer not to ${LET} to {G}`,
        `only ${HIRE} {G}`,
        `only ${HIRE} young|younger people|candidates|applicants|workers|staff|employees`,
        `only ${LET} to {G}`,
        'no {G} allowed|permitted|admitted|served|welcome|wanted|hired',
        'no {G} need apply',
        '{G} need not apply',
        '{G} are|is not welcome|wanted',
        '{G} not welcome|wanted',
        'turn|turning|turns away {D} {G}',
        'turn|turning|turns {D} {G} away',
        'reject|rejecting|ban|banning|bar|barring {D} {G} from',
        'screen|screening|weed|weeding|filter|filtering {D} {G} out',
        'whites|christians|caucasians|gentiles only',
        `white|christian|straight|caucasian|native-born ${PEOPLE} only`,
      ],
      { G, D },
    ),
    negations: [...NEGATIONS, 'if', 'why', 'illegal', 'unlawful', 'wrong', 'whether'],
    unless: COUNTER_SPEECH,
  },
  {
    id: 'rights.dehumanisation',
    message: 'describes a group of people as vermin, animals, disease or less than human',
    severity: 3,
    clause: 'D2',
    escalate: true,
    patterns: expand(DEHUMANISATION_TEMPLATES, { G }),
    unless: COUNTER_SPEECH,
  },
  {
    id: 'rights.hate',
    message: 'calls for violence against, or the exclusion of, a protected group',
    severity: 3,
    clause: 'D2',
    escalate: true,
    patterns: expand(HATE_TEMPLATES, { G, GN, D }),
    unless: COUNTER_SPEECH,
  },
]);
