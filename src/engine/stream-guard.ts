// A streamed answer governed as it streams: text is released only once the output critics have passed it.
import type { Evaluation } from '../verdict/index.js';
import type { GuardRequest } from './conversation.js';
import { StreamWindow } from './stream-window.js';
import type { EvaluateOptions, GenerationStage } from './types.js';

export const DEFAULT_WINDOW_CHARS = 256;

export interface GuardStreamOptions extends Omit<EvaluateOptions, 'generate'> {
  /** The model's answer as text deltas; `signal` aborts when the input stage or a window check stops the answer. */
  readonly stream: (signal: AbortSignal) => AsyncIterable<string>;
  /** Characters held back until checked. @default 256 */
  readonly windowChars?: number;
  /** The decision at which a window check stops the stream ('escalate': at escalate or deny). @default 'escalate' */
  readonly stopAt?: 'deny' | 'escalate';
}

/** Checked text as it is released, then the evaluation (one evidence record) once the whole answer is governed. */
export type GuardStreamEvent =
  | { readonly type: 'text'; readonly text: string }
  | {
      readonly type: 'end';
      readonly evaluation: Evaluation;
      /** Whether the whole answer reached the client: false when a check stopped it or the decision holds its end. */
      readonly complete: boolean;
    };

/** Why the answer's stream was aborted: a window check's decision. */
export class StreamStop extends Error {
  constructor(readonly decision: string) {
    super(`a window of the streamed answer was decided ${decision}; the rest is not needed`);
    this.name = 'StreamStop';
  }
}

/** A queue of events a producer pushes and an async iterator pulls. */
class EventQueue<T> {
  readonly #items: T[] = [];
  #wake: (() => void) | undefined;

  push(item: T): void {
    this.#items.push(item);
    this.#wake?.();
  }

  /** Waits until an item is pushed or `done` settles. */
  async next(done: Promise<unknown>): Promise<void> {
    if (this.#items.length > 0) return;
    await Promise.race([
      new Promise<void>((resolve) => (this.#wake = resolve)),
      done.then(
        () => undefined,
        () => undefined,
      ),
    ]);
    this.#wake = undefined;
  }

  drain(): T[] {
    return this.#items.splice(0);
  }
}

/** Reads the stream into the window, checking and releasing as it fills; the whole text is checked by the caller. */
async function consume(
  options: GuardStreamOptions,
  window: StreamWindow,
  signal: AbortSignal,
  stage: GenerationStage,
  release: (text: string) => void,
): Promise<number | undefined> {
  const stopAt = options.stopAt ?? 'escalate';
  const stops = (decision: string): boolean =>
    decision === 'deny' || (decision === 'escalate' && stopAt === 'escalate');
  const local = new AbortController();
  try {
    for await (const delta of options.stream(AbortSignal.any([signal, local.signal]))) {
      if (typeof delta !== 'string') throw new TypeError(`the stream yielded ${typeof delta}, expected text`);
      window.append(delta);
      if (!window.full) continue;
      // The window is checked while the input stage may still be running (its sentence vector is computed on another
      // thread): the first text goes out as soon as both have passed.
      const [, { decision }] = await Promise.all([stage.inputPassed, stage.checkWindow(window.window())]);
      if (stops(decision)) {
        local.abort(new StreamStop(decision));
        return window.released;
      }
      const text = window.release(false);
      if (text !== '') release(text);
    }
  } catch (error) {
    // Cancelled (the consumer went away, or the deadline): what streamed so far is governed and recorded, cut there.
    if (signal.aborted) return window.released;
    throw error;
  }
  return undefined;
}

/**
 * Governs a streamed answer: the input stage runs while the stream starts (and stops it on deny); the answer's text is
 * released window by window once the output critics pass it, at most `windowChars` held back; a window that fails
 * stops the stream (nothing of it is released); the whole answer is then governed once and recorded, and what was
 * held back is released only if that decision allows it.
 * @example
 * for await (const event of engine.guardStream({ messages }, { stream: (signal) => myModelDeltas(signal) })) {
 *   if (event.type === 'text') process.stdout.write(event.text);
 *   else console.log('\n', event.evaluation.decision);
 * }
 */
export async function* guardStream(
  guard: (request: GuardRequest, options: EvaluateOptions) => Promise<Evaluation>,
  request: GuardRequest,
  options: GuardStreamOptions,
): AsyncGenerator<GuardStreamEvent> {
  const window = new StreamWindow(options.windowChars ?? DEFAULT_WINDOW_CHARS);
  const queue = new EventQueue<GuardStreamEvent>();
  const gone = new AbortController(); // the consumer stopped reading: the evaluation is cancelled
  const { stream: _stream, windowChars: _window, stopAt, ...evaluateOptions } = options;
  const signal = options.signal ? AbortSignal.any([options.signal, gone.signal]) : gone.signal;
  const evaluation = guard(request, {
    ...evaluateOptions,
    signal,
    generate: async (generateSignal, stage) => {
      const cutAt = await consume(options, window, generateSignal, stage, (text) => queue.push({ type: 'text', text }));
      const report = { windows: window.windows, releasedChars: window.released };
      return { text: window.text, stream: cutAt === undefined ? report : { ...report, cutAt } };
    },
  });
  let outcome: { readonly evaluation: Evaluation } | { readonly error: unknown } | undefined;
  const done = evaluation.then(
    (result) => void (outcome = { evaluation: result }),
    (error: unknown) => void (outcome = { error }),
  );
  try {
    for (;;) {
      await queue.next(done);
      yield* queue.drain();
      if (outcome === undefined) continue;
      if ('error' in outcome) throw outcome.error;
      const settled = outcome.evaluation;
      const cut = settled.stages?.output?.stream?.cutAt !== undefined || settled.stages?.stoppedAt === 'input';
      const held = settled.decision === 'deny' || (settled.decision === 'escalate' && stopAt !== 'deny');
      if (!cut && !held && window.released < window.length) yield { type: 'text', text: window.release(true) };
      yield { type: 'end', evaluation: settled, complete: !cut && !held };
      return;
    }
  } finally {
    gone.abort(new Error('the consumer of the guarded stream stopped reading'));
  }
}
