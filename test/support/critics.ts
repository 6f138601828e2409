// Test support: findings, inputs, sleeping critics and a recording logger shared by the core's tests.
import type { CriticContext, Finding, OrchestratorLogger, RunInput } from '../../src/index.js';

export const OK: Finding = Object.freeze({ score: 0, severity: 0, violations: [] });

export function finding(overrides: Partial<Finding> = {}): Finding {
  return { score: 0, severity: 0, violations: [], ...overrides };
}

export function input(overrides: Partial<RunInput> = {}): RunInput {
  return { inputText: 'hello', modelResponse: 'world', context: {}, traceId: 'trace-1', ...overrides };
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** A critic that sleeps `ms` (honouring its signal) and returns `result`. */
export function sleeper(ms: number, result: Finding = OK) {
  return async (_input: unknown, ctx: CriticContext): Promise<Finding> => {
    await sleep(ms, ctx.signal);
    return result;
  };
}

/** A critic that never settles and ignores its signal. */
export function hang(): Promise<Finding> {
  return new Promise<Finding>(() => undefined);
}

export interface RecordingLogger extends OrchestratorLogger {
  readonly warnings: Array<{ details: Record<string, unknown>; message: string }>;
}

export function recordingLogger(): RecordingLogger {
  const warnings: RecordingLogger['warnings'] = [];
  return { warnings, warn: (details, message) => warnings.push({ details, message }) };
}
