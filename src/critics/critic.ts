// The built-in critic interface: deterministic, offline, versioned rules; every built-in passes the conformance suite.
import type { CriticInput, Finding } from '../core/index.js';
import type { CriticReads } from '../verdict/index.js';

export interface BuiltinCritic {
  /** e.g. 'privacy' */
  readonly name: string;
  /** Version of the critic's code. */
  readonly version: string;
  /** Version of its rules (data). */
  readonly rulesetVersion: string;
  /** Hash of the learned model's weights, when the critic has one. */
  readonly modelVersion?: string;
  /** The principle it guards, e.g. 'Privacy & Identity'. */
  readonly principle: string;
  readonly description: string;
  readonly ruleCount: number;
  /** Every rule and detector id it can report. */
  readonly ruleIds: readonly string[];
  /** Which side of the conversation it reads: the user's input, the model's response, or both. */
  readonly reads: CriticReads;
  /** Every regular expression it uses (checked for catastrophic backtracking by the conformance suite). */
  readonly regexes: readonly RegExp[];
  /**
   * Pure: the same input gives the same finding. Synchronous, except where a learned model reads the input's sentence
   * vector (then a promise).
   */
  evaluate(input: CriticInput): Finding | Promise<Finding>;
}

/** A built-in whose findings are always synchronous: the rule critics, before their models are attached. */
export interface SyncBuiltinCritic extends BuiltinCritic {
  evaluate(input: CriticInput): Finding;
}

/** Which text a rule reads: the same sides a critic may read (verdict/critic-info.ts). */
export type RuleTarget = CriticReads;

/** One example for the fixtures: a text and the rule ids it must (positive) or must not (negative) trigger. */
export interface Fixture {
  readonly text: string;
  /** Where the text goes. @default 'response' */
  readonly target?: 'response' | 'input';
  /** Positive: every id here must be found. Negative: none of the critic's rules may reach severity 1. */
  readonly expect?: readonly string[];
  readonly context?: Record<string, unknown>;
  readonly note?: string;
}

export interface Fixtures {
  readonly positive: readonly Fixture[];
  readonly negative: readonly Fixture[];
}
