// createSummaries(): the excerpt and top rule of queue cases a server does not send them for, read from each case's
// record — a few records at a time, each once.
import type { Api } from './api.js';
import { summarize, type Excerpt, type TopRule } from './excerpt.js';
import type { EvaluationRecord, ReviewCase } from './types.js';

export interface Summary {
  excerpt?: Excerpt;
  topRule?: TopRule;
}

/** Records fetched at once. @default 4 */
const CONCURRENT = 4;

/** A record that cannot be read gives an empty summary: the row keeps its first reason instead. */
export function createSummaries(
  api: Api,
  signal: AbortSignal,
  concurrent = CONCURRENT,
): (c: ReviewCase) => Promise<Summary> {
  const cache = new Map<string, Promise<Summary>>();
  const waiting: (() => void)[] = [];
  let running = 0;
  const slot = async (): Promise<void> => {
    if (running >= concurrent) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
  };
  const release = (): void => {
    running--;
    waiting.shift()?.();
  };
  return (c) => {
    const key = `${c.chain}\n${c.traceId}`;
    let summary = cache.get(key);
    if (summary === undefined) {
      const path = `v1/evaluations/${encodeURIComponent(c.traceId)}?chain=${encodeURIComponent(c.chain)}`;
      summary = slot().then(() =>
        api
          .get<EvaluationRecord>(path, signal)
          .then(summarize, () => ({}))
          .finally(release),
      );
      cache.set(key, summary);
    }
    return summary;
  };
}
