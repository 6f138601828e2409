// Plain words and numbers for the page: durations, times, decisions, tiers, actions.
import type { Decision, RequiredAction } from './types.js';

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** A recorded time (ISO 8601) in the reader's locale; the ISO text if it does not parse. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export const DECISION_LABELS: Readonly<Record<Decision, string>> = {
  allow: 'allow',
  constrained_allow: 'constrained allow',
  escalate: 'escalate',
  deny: 'deny',
};

export function tierLabel(tier: number): string {
  return tier === 0 ? 'no gate' : `Tier ${tier}`;
}

export const ACTION_LABELS: Readonly<Record<RequiredAction, string>> = {
  none: 'no review',
  HUMAN_ACK: 'acknowledgment',
  HUMAN_DETERMINATION: 'determination',
};
