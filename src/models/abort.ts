// Abort helpers for the model adapters and the LLM judge: the signal's reason as an Error, and work raced against a signal.
import { toError } from '../core/index.js';

/** The signal's reason as an Error (the reason itself when it is one, e.g. the orchestrator's CriticTimeoutError). */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const error = new Error(`aborted: ${String(reason)}`);
  error.name = 'AbortError';
  return error;
}

/** Settles like `work`, or rejects with the signal's reason as soon as it aborts, whichever comes first. */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(toError(error));
      },
    );
  });
}
