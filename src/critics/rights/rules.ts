// Rights rules (data, versioned): demeaning a person, explicit discrimination, dehumanisation and hate against groups.
import { NEGATIONS, type PhraseRule } from '../rule-critic.js';
import { expand } from '../text/pattern-slots.js';
import { UNLAWFUL } from '../text/vocabulary.js';

export const RIGHTS_RULESET_VERSION = '1.0.0';

/** Groups named by one plural noun. No "seniors|young": "Seniors get a discount" is not a slur. */
const GROUP_NOUNS =
  'women|men|females|males|blacks|whites|asians|hispanics|latinos|latinas|arabs|africans|mexicans|jews|muslims|christians|hindus|sikhs|buddhists|atheists|catholics|mormons|immigrants|migrants|refugees|foreigners|gays|lesbians|homosexuals|bisexuals|transgenders|trannies|gypsies|roma|cripples|minorities|indians|chinese|pakistanis|somalis|syrians|palestinians|israelis';
/** Groups named by an adjective and a people or role noun ("gay people"). No "young": "young children" at a spa. */
const GROUP_ADJECTIVES =
  'black|white|brown|asian|hispanic|latino|latina|arab|african|mexican|jewish|muslim|christian|hindu|sikh|buddhist|catholic|gay|lesbian|queer|trans|transgender|bisexual|disabled|old|older|elderly|immigrant|foreign|indigenous|aboriginal|romani|gypsy|female|male|pregnant|straight';
const PEOPLE =
  'people|persons|folks|men|women|kids|children|families|couples|guys|girls|boys|individuals|workers|employees|staff|applicants|candidates|tenants|renters|customers|clients|patients|students|members|guests|buyers|borrowers';

/** `{G}`: a group in either form. */
const G = [GROUP_NOUNS, `${GROUP_ADJECTIVES} ${PEOPLE}`];
/** Groups defined by migration, for whom "should be deported" is also a policy opinion; every other group is not. */
const MIGRATION = new Set(['immigrants', 'migrants', 'refugees', 'foreigners', 'immigrant', 'foreign']);
const withoutMigration = (alternatives: string): string =>
  alternatives
    .split('|')
    .filter((w) => !MIGRATION.has(w))
    .join('|');
/** `{GN}`: a group not defined by migration. */
const GN = [withoutMigration(GROUP_NOUNS), `${withoutMigration(GROUP_ADJECTIVES)} ${PEOPLE}`];
/** `{D}`: an optional determiner before a group ("kill all the …"). */
const D = ['', 'all|the|every|those|these|any', 'all|every the|those|these|last|single', 'all of the|those|these'];

/** No "creatures": "creatures of habit". */
const DEHUMANISING =
  'vermin|animals|beasts|savages|subhuman|subhumans|untermenschen|parasites|cockroaches|roaches|rats|insects|lice|leeches|maggots|apes|monkeys|pigs|dogs|swine|scum|filth|pests|mongrels|germs|trash|garbage|barbarians|degenerates';
/** No bare "disease|infection": "older patients are an infection risk" (see the "… on society" pattern). */
const SCOURGES = 'plague|pestilence|scourge|blight|infestation|parasite|pest|vermin';
const INTENSIFIERS = 'all|just|simply|basically|literally|merely|only|like|truly|really|essentially|mere|filthy|dirty';

/** Sentences that report or condemn a harm rather than commit it. */
const REPORTING = [
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

const ATROCITIES =
  'exterminate|exterminating|eradicate|eradicating|massacre|massacring|slaughter|slaughtering|lynch|lynching|gas|gassing|purge|purging|cleanse|cleansing|enslave|enslaving|sterilize|sterilise|sterilizing|sterilising';
const PUNISHED =
  'killed|exterminated|eradicated|eliminated|gassed|lynched|shot|hanged|hung|sterilized|sterilised|banned|purged|enslaved|burned|burnt|segregated';

export const RIGHTS_RULES: readonly PhraseRule[] = [
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
    unless: REPORTING,
  },
  {
    id: 'rights.dehumanisation',
    message: 'describes a group of people as vermin, animals, disease or less than human',
    severity: 3,
    clause: 'D2',
    escalate: true,
    patterns: expand(
      [
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
        '{G} breed|breeding like rats|rabbits|cockroaches|animals|vermin|flies|insects',
        '{G} infest|infesting|swarm|swarming',
        '{G} are|were infesting|swarming',
        'subhuman|verminous|parasitic|filthy|animalistic {G}',
      ],
      { G },
    ),
    unless: REPORTING,
  },
  {
    id: 'rights.hate',
    message: 'calls for violence against, or the exclusion of, a protected group',
    severity: 3,
    clause: 'D2',
    escalate: true,
    patterns: expand(
      [
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
      ],
      { G, GN, D },
    ),
    unless: REPORTING,
  },
];
