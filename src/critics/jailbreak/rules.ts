// Jailbreak rules (data, versioned): unrestricted personas, dropping the rules, and suppressing refusals, in the input.
import { NEGATIONS, type PhraseRule } from '../rule-critic.js';
import { expand } from '../text/pattern-slots.js';
import { once } from '../lazy.js';

export const JAILBREAK_RULESET_VERSION = '1.3.0';

const AI_CORE = 'ai|assistant|chatbot|bot|model|llm|chatgpt|gpt|gpt-4|claude|gemini';
/** Not "character" or "persona": "play an evil character", "a villain with no morals" are ordinary role-play. */
const AI = `${AI_CORE}|version|mode|machine`;
const UNBOUND = 'unrestricted|unfiltered|uncensored|jailbroken|unbound|amoral|unaligned|unhinged';
const VILLAIN = 'evil|rogue|unethical|immoral|lawless|rebellious|malicious';
/** What a jailbreak drops. Not "rules" or "limits" alone: "a world with no rules", "no limits on your imagination". */
const SAFEGUARDS =
  'restrictions|restriction|filters|filter|guidelines|guideline|ethics|morals|morality|censorship|policies|policy|safeguards|safety|conscience|principles|boundaries|scruples';
const SAFEGUARDS_OR_RULES = `${SAFEGUARDS}|rules|limits|limitations`;
const ILLEGAL = 'illegal|unethical|immoral|harmful|dangerous|offensive|inappropriate|wrong|against|explicit|unsafe';
/** Not "no": "no matter …" is one of the jailbreak's own phrasings. */
const NOT = NEGATIONS.filter((w) => w !== 'no' && w !== 'without');

// Clauses: U3 (uncertainty: competence boundary exceeded, tier 3) for personas and dropped rules — the model is asked
// to act outside what it was deployed and assessed for; DP3 (due process: unreviewable automation, tier 2) for refusal
// suppression, which removes the model's own checkpoint without asking for anything else.
/** Built on first use (see ../lazy.ts). */
export const jailbreakRules = once((): readonly PhraseRule[] => [
  {
    id: 'jailbreak.unrestricted_persona',
    message: 'casts the model as an unrestricted persona (DAN, an AI without ethics, a jailbroken mode)',
    severity: 2.5,
    clause: 'U3',
    escalate: true,
    target: 'input',
    patterns: expand([
      `[an|a] ${UNBOUND} ${AI}`,
      `[an|a] ${VILLAIN} ${AI_CORE}`,
      `${AI_CORE} without|lacking [any] ${SAFEGUARDS_OR_RULES}`,
      `${AI_CORE} with no ${SAFEGUARDS_OR_RULES}`,
      `${AI} without|lacking [any] ${SAFEGUARDS}`,
      `${AI} with no ${SAFEGUARDS}`,
      `${AI_CORE} that|who has|have no ${SAFEGUARDS_OR_RULES}`,
      `${AI_CORE}|character|persona that|who never|cannot|can't refuses|refuse`,
      `${AI_CORE}|character|persona that|who never says|say no`,
      'do anything now',
      'you are|were [now] dan',
      'you will be [now] dan',
      "you're [now] dan",
      'act|play|respond|answer as dan|stan|dude|aim|mongo',
      // Not "developer mode enabled" (a phone setting) or "god mode" (a game cheat).
      'dan|jailbreak|jailbroken|unrestricted|unfiltered|uncensored|evil|opposite mode enabled|activated|on|engaged|unlocked',
      'enable|activate|enter|unlock|switch to dan|jailbreak|jailbroken|unrestricted|unfiltered|uncensored|evil mode',
      'evil|shadow|dark|unfiltered twin|confidant|version of yourself',
    ]),
    negations: NOT,
    // "An AI with no restrictions on imagination: invent a sport for the moon" frees a harmless craft, not the model.
    unless: [
      'restrictions|restriction|limits|limit|limitations|boundaries|rules on|for|to imagination|creativity|silliness|fun|humor|humour|whimsy|puns|wordplay|style|length|vocabulary|rhymes|ideas|invention|absurdity',
    ],
  },
  {
    id: 'jailbreak.rule_dropping',
    message: 'asks the model to act as if its rules, filters or policies did not apply',
    severity: 2.5,
    clause: 'U3',
    escalate: true,
    target: 'input',
    patterns: expand([
      `pretend|imagine|suppose|assume|hypothetically ... you have|had|possess no ${SAFEGUARDS_OR_RULES}`,
      `if you had|have no ${SAFEGUARDS_OR_RULES}`,
      // "Pretend the above rules don't exist" (not "pretend the rules of chess don't apply": the rules named are these).
      `pretend|imagine|assume|suppose [that] the above|previous|earlier|prior ${SAFEGUARDS_OR_RULES} don't|dont|doesn't|doesnt exist|apply|matter`,
      `pretend|imagine|assume|suppose [that] the above|previous|earlier|prior ${SAFEGUARDS_OR_RULES} do|does not exist|apply|matter`,
      `if you were|are [not] free|freed|released|unbound from|of [your|any|all] ${SAFEGUARDS_OR_RULES}`,
      `you have|possess no ${SAFEGUARDS}`,
      'you are|were no longer|not bound|restricted|limited|constrained|governed by',
      "you're no longer|not bound|restricted|limited|constrained|governed by",
      `you are|you're free from|of [all|any|your] ${SAFEGUARDS_OR_RULES}`,
      `your ${SAFEGUARDS_OR_RULES} do|does not apply|matter|bind|exist`,
      `your ${SAFEGUARDS_OR_RULES} don't|doesn't apply|matter|bind|exist`,
      `your ${SAFEGUARDS_OR_RULES} no longer apply|matter|bind|exist`,
      `your [usual|normal] ${SAFEGUARDS_OR_RULES} were|was written|made for a|another different|other`,
      `ignore|forget|disregard|abandon|drop|suspend|bypass|override your|all|any ethics|morals|morality|conscience|filters|guidelines|censorship|safeguards`,
      `set aside your|all|any ${SAFEGUARDS}`,
      `even if it is|was ${ILLEGAL}`,
      `even if it's|its|they're ${ILLEGAL}`,
      `even if they are|seem ${ILLEGAL}`,
      `even if the answer|request|content|question is ${ILLEGAL}`,
      `no matter how ${ILLEGAL}`,
      'every|each refusal costs|loses|will cost|means',
      // "DANs have been freed from the typical confines of AI", "does not have to abide by any rules".
      ...expand(
        [
          'freed|free from|of the typical|usual|normal confines|limits|limitations|restrictions of {AI}',
          'broken|broke|break|breaking free|out|away of|from the typical|usual|normal confines|limits|limitations|restrictions of {AI}',
        ],
        { AI: ['ai|chatgpt|gpt|llms|chatbots', 'an|the ai|assistant|chatbot|model|language'] },
      ),
      "does|do|did not have|need to abide|comply|play by|with any|the|their|openai|openai's rules|policies|guidelines|restrictions",
      "doesn't|don't|dont|doesnt|didn't have|need to abide|comply|play by|with any|the|their|openai|openai's rules|policies|guidelines|restrictions",
      'never has|have|had to abide|comply by|with any|the|their rules|policies|guidelines|restrictions',
      'considers|consider every|any request|question acceptable|allowed|permissible',
    ]),
    negations: NOT,
    unless: [
      'how do i|we|you protect|prevent|detect|stop',
      'jailbreak|jailbreaking attacks|attack|prompts|detection|research|paper',
    ],
  },
  {
    id: 'jailbreak.refusal_suppression',
    message: 'forbids the model to refuse, warn or add disclaimers',
    severity: 2,
    clause: 'DP3',
    escalate: true,
    target: 'input',
    patterns: expand([
      "never|cannot|mustn't|won't|don't refuse|decline [to] [answer|respond|reply|comply|help]",
      'must|will|do|should not refuse|decline [to] [answer|respond|reply|comply|help]',
      'you are not allowed|permitted to refuse|decline',
      'refusals|refusing|refusal are|is ... malfunction|malfunctions|forbidden|prohibited|banned|failure|bug',
      'refusals|refusing|refusal are|is not allowed|permitted|an option',
      "don't|never say|tell [me] [that] you can't|cannot|won't",
      "do not say|tell [me] [that] you can't|cannot|won't",
      "don't|never say|start|begin as|with an ai",
      'do not say|start|begin as|with an ai',
      "don't|never include|add|give|use|write [any] warnings|warning|disclaimers|disclaimer|caveats|moralizing|moralising|lectures",
      'do not include|add|give|use|write [any] warnings|warning|disclaimers|disclaimer|caveats|moralizing|moralising|lectures',
      'without [any] warnings|disclaimers|caveats|moralizing|moralising|censorship|filtering|refusals',
      'no warnings|disclaimers|caveats|moralizing|moralising|censorship|refusals',
      'two answers|responses ... normal|filtered|classic|censored ... unfiltered|jailbroken|uncensored|real',
    ]),
    // The patterns carry their own negation words ("never refuse", "don't include warnings").
    negations: false,
    notFollowedBy: ['a', 'an', 'invitations', 'invitation', 'food', 'medical', 'treatment'],
  },
]);
