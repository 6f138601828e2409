// Loads the committed weights once, on first use, checking each file against the hash the manifest records.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { classifierFrom, classifierFromWeights, type TextClassifier } from './classifier.js';
import { embeddingTableFrom, type EmbeddingTable } from './embeddings.js';
import { SENTENCE_ENCODER_ID } from './sentence.js';
import { modelSpec, sentenceSidesAtRun } from './specs.js';

/** What `npm run train` records next to the weights: the SHA-256 of every file. */
export interface WeightsManifest {
  readonly files: Readonly<Record<string, string>>;
}

const weightsUrl = (file: string): URL => new URL(`./weights/${file}`, import.meta.url);

let manifest: WeightsManifest | undefined;

export function weightsManifest(): WeightsManifest {
  manifest ??= JSON.parse(readFileSync(weightsUrl('manifest.json'), 'utf8')) as WeightsManifest;
  return manifest;
}

/**
 * A model's version: the first 12 hex digits of the hash of its weights, of the word vectors, of the sentence encoder
 * (package and reading) the models read and of the sides each reads with it.
 */
export function modelVersion(names: readonly string[]): string {
  const files = weightsManifest().files;
  const hash = createHash('sha256');
  for (const file of [...names.map((n) => `${n}.bin`), 'embeddings.bin']) {
    const digest = files[file];
    if (digest === undefined) throw new Error(`model weights: the manifest lists no '${file}'`);
    hash.update(digest);
  }
  // Reading a side with its sentence vector or not changes the scores as much as new weights do.
  for (const name of names) hash.update(`${name}:${sentenceSidesAtRun(modelSpec(name)).join(',')}`);
  hash.update(SENTENCE_ENCODER_ID);
  return hash.digest('hex').slice(0, 12);
}

function readChecked(file: string): Buffer {
  const bytes = readFileSync(weightsUrl(file));
  const expected = weightsManifest().files[file];
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== expected) {
    throw new Error(`model weights: ${file} does not match its hash in manifest.json (found ${actual.slice(0, 12)})`);
  }
  return bytes;
}

let embeddings: EmbeddingTable | undefined;
const classifiers = new Map<string, TextClassifier>();

export function loadEmbeddings(): EmbeddingTable {
  embeddings ??= embeddingTableFrom(readChecked('embeddings.bin'), 'embeddings.bin');
  return embeddings;
}

export function loadClassifier(name: string): TextClassifier {
  let classifier = classifiers.get(name);
  if (classifier === undefined) {
    classifier = classifierFrom(classifierFromWeights(readChecked(`${name}.bin`), `${name}.bin`));
    classifiers.set(name, classifier);
  }
  return classifier;
}
