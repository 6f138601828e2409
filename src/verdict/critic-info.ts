// What the engine says about each configured critic: its kind, version, what it reads and its failure policy.
import type { FailurePolicy } from './types.js';

/** What a critic reads: the user's input, the model's response, or both. */
export type CriticReads = 'input' | 'response' | 'both';

export type CriticKind = 'builtin' | 'custom' | 'module' | 'judge';

export interface CriticInfo {
  readonly name: string;
  readonly kind: CriticKind;
  readonly version: string | undefined;
  readonly principle: string | undefined;
  readonly ruleCount: number | undefined;
  readonly rulesetVersion: string | undefined;
  /** Hash of a built-in's learned model's weights, when it has one. */
  readonly modelVersion: string | undefined;
  /** What it reads: built-ins declare it, LLM judges read both, custom and module critics say so in `reads`. */
  readonly reads: CriticReads;
  readonly failurePolicy: FailurePolicy;
}
