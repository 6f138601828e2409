// A rule critic's data: phrase rules and the versioned ruleset they form (compiled by rule-compile, scanned by rule-scan).
import type { RuleTarget } from './critic.js';

/**
 * Phrases that count only right after one of their frames: frame "how to|do i" + phrase "make a pipe bomb".
 * Frames and phrases are matched separately, so the pattern count is frames + phrases, not their product.
 * Negations are looked for before the frame, and the reported span starts at the frame.
 */
export interface FramedPhrases {
  readonly frames: readonly string[];
  readonly phrases: readonly string[];
}

export interface PhraseRule {
  /** e.g. 'rights.dehumanisation' */
  readonly id: string;
  readonly message: string;
  /** 0..3 */
  readonly severity: number;
  /** The doctrine clause, e.g. 'D2'. */
  readonly clause?: string;
  /** Emit an escalation signal at the clause's tier when the rule fires. */
  readonly escalate?: boolean;
  readonly patterns: readonly string[];
  /** Phrases that count only right after a frame. @default none */
  readonly framed?: readonly FramedPhrases[];
  /** Fires only if one of these also occurs in the same sentence. */
  readonly requires?: readonly string[];
  /** A second list of which one must also occur in the sentence, beside one of `requires` (a request and a child). */
  readonly requiresAlso?: readonly string[];
  /**
   * Cancelled in any sentence where one of these also occurs: for sentences that talk about a harm rather than
   * do it ("… is illegal", "the law forbids …"), hedges ("in trials"), or a clinician in the loop.
   */
  readonly unless?: readonly string[];
  /** Words that cancel a match when they occur up to 3 words before it in the sentence. @default NEGATIONS; false for none */
  readonly negations?: readonly string[] | false;
  /** Cancels a match when the word right after it, in its sentence, is one of these ("build a bomb shelter"). */
  readonly notFollowedBy?: readonly string[];
  /** @default 'response' */
  readonly target?: RuleTarget;
}

export interface Ruleset {
  readonly version: string;
  readonly rules: readonly PhraseRule[];
}
