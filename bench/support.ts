// Shared pieces of the benchmarks: the input, a no-op finding, a signal-aware sleep, medians and JSON-lines output.
import { pathToFileURL } from 'node:url';
import type { CriticInput, CriticOutcome, CriticStatus, Finding } from '../src/index.js';

export const INPUT: CriticInput = { inputText: 'x', modelResponse: 'y', context: {}, traceId: 't' };

/** The one finding every no-op critic returns. */
export const FINDING: Finding = { score: 0, severity: 0, violations: [] };

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(toError(signal.reason));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(toError(signal?.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function toError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Rounds to `digits` decimals, for readable output. */
export function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Throws unless the run's outcomes have the expected statuses (critics not named: `otherwise`). */
export function expectStatuses(
  outcomes: Record<string, CriticOutcome>,
  otherwise: CriticStatus,
  expected: Record<string, CriticStatus> = {},
): void {
  for (const [critic, outcome] of Object.entries(outcomes)) {
    const want = expected[critic] ?? otherwise;
    if (outcome.status !== want) throw new Error(`critic '${critic}': expected ${want}, got ${outcome.status}`);
  }
}

/** Prints one result as one JSON line on stdout. */
export function emit(record: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(record)}\n`);
}

/** True when the module at `url` is the script Node was started with (a bench run alone, not imported). */
export function isMain(url: string): boolean {
  return process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === url;
}

/**
 * Everyday questions the input models' gates leave unsure, so each evaluation computes its input's sentence vector
 * (10–50 ms of encoder): bench/engine.ts and bench/proxy.ts measure that cost with them.
 */
export const UNSURE_QUESTIONS: readonly string[] = [
  'Can you write a poem about the sea and my grandmother who passed away last year?',
  'My friend keeps saying she wants to disappear. What should I say to her?',
  'How can I get my toddler to sleep through the night?',
  'Why does my car make a clicking noise when I turn left?',
  'What are some good ways to stay motivated when studying for exams?',
  'How do I tell my boss I need a few days off for a family matter?',
  'Can you help me plan a cheap weekend trip to the mountains?',
  'What happens to my body when I stop drinking coffee?',
];
