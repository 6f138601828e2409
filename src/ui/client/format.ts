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

/** A trace id short enough for a table cell: long ids (UUIDs) keep their first 8 characters; the full id goes in a title. */
export function shortId(id: string): string {
  return id.length <= 12 ? id : `${id.slice(0, 8)}…`;
}

/** How long ago a recorded time (ISO 8601) was, in words: "just now", "5 min ago", "3 h ago", "2 d ago". */
export function formatAge(iso: string, now = Date.now()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  const seconds = Math.max(0, (now - then) / 1000);
  if (seconds < 45) return 'just now';
  if (seconds < 3_600) return `${Math.max(1, Math.round(seconds / 60))} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3_600)} h ago`;
  return `${Math.round(seconds / 86_400)} d ago`;
}

/** A count in the reader's locale (1,018). */
export const formatCount = (n: number): string => n.toLocaleString();
