// The sentence vectors of the training texts, computed once (about 10 minutes here) and kept in data/ between runs.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { encodeSentences, SENTENCE_DIMS, SENTENCE_ENCODER_ID, sentenceText } from '../../src/critics/model/sentence.js';

const CACHE_FILE = 'data/sentence-vectors.bin';
const BATCH = 16;

const keyOf = (text: string): string => createHash('sha1').update(sentenceText(text)).digest('hex');

/** The cache file: a JSON line (encoder id and keys), then the vectors as float32, in key order. */
function readCache(): Map<string, Float32Array> {
  const cache = new Map<string, Float32Array>();
  if (!existsSync(CACHE_FILE)) return cache;
  const bytes = readFileSync(CACHE_FILE);
  const newline = bytes.indexOf(10);
  const head = JSON.parse(bytes.toString('utf8', 0, newline)) as { encoder: string; keys: string[] };
  if (head.encoder !== SENTENCE_ENCODER_ID) return cache; // another encoder or scale: recompute everything
  const body = bytes.subarray(newline + 1);
  const floats = new Float32Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.length));
  head.keys.forEach((key, i) => cache.set(key, floats.slice(i * SENTENCE_DIMS, (i + 1) * SENTENCE_DIMS)));
  return cache;
}

function writeCache(cache: ReadonlyMap<string, Float32Array>): void {
  const keys = [...cache.keys()];
  const floats = new Float32Array(keys.length * SENTENCE_DIMS);
  keys.forEach((key, i) => floats.set(cache.get(key)!, i * SENTENCE_DIMS));
  mkdirSync(dirname(CACHE_FILE), { recursive: true });
  writeFileSync(
    CACHE_FILE,
    Buffer.concat([
      Buffer.from(`${JSON.stringify({ encoder: SENTENCE_ENCODER_ID, keys })}\n`),
      Buffer.from(floats.buffer),
    ]),
  );
}

/** A lookup of the scaled sentence vector of every text given (as the critics compute it at run time). */
export async function sentenceVectors(texts: Iterable<string>): Promise<(text: string) => Float32Array> {
  const cache = readCache();
  const missing = [...new Set([...texts].map(sentenceText))].filter((t) => !cache.has(keyOf(t)));
  // Similar lengths together: the encoder's work per batch follows its longest text.
  missing.sort((a, b) => a.length - b.length);
  const started = Date.now();
  for (let i = 0; i < missing.length; i += BATCH) {
    const batch = missing.slice(i, i + BATCH);
    const vectors = await encodeSentences(batch);
    batch.forEach((t, j) => cache.set(keyOf(t), vectors[j]!));
    if (i % (BATCH * 200) === 0) {
      console.log(JSON.stringify({ sentences: i, of: missing.length, seconds: (Date.now() - started) / 1000 }));
      writeCache(cache); // an interrupted run resumes where it stopped
    }
  }
  if (missing.length > 0) writeCache(cache);
  return (text) => {
    const vector = cache.get(keyOf(text));
    if (vector === undefined) throw new Error(`no sentence vector for ${JSON.stringify(text.slice(0, 60))}`);
    return vector;
  };
}
