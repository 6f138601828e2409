// `npm run train`: trains the learned critics' classifiers from the labelled corpus and writes their weights.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { quantise, sigmoid, rawLogit } from '../../src/critics/model/classifier.js';
import { passagesOf, sentencePassages, withSentence, type Passage } from '../../src/critics/model/analysis.js';
import { embeddingTableFrom, meanVector, type EmbeddingTable } from '../../src/critics/model/embeddings.js';
import { featurize, modelTokens, stripInvisible, type ModelToken } from '../../src/critics/model/features.js';
import type { ModelSide } from '../../src/critics/model/classifier.js';
import { SENTENCE_DIMS } from '../../src/critics/model/sentence.js';
import { MODEL_SPECS, sentenceSidesAtRun, type ModelSpec } from '../../src/critics/model/specs.js';
import { encodeWeights } from '../../src/critics/model/weights-file.js';
import { refuses } from '../../src/critics/self-harm/refusal.js';
import { loadRows, type Row } from './data.js';
import { distil, sourceTableAvailable } from './embeddings.js';
import { lookAlikesFor, modelPositivesFor } from './lookalikes.js';
import { isOwnBenign, isPositiveFor } from './positives.js';
import { sentenceVectors } from './sentences.js';
import { platt, train, type Example, type Trained, type TrainOptions } from './sgd.js';

const WEIGHTS_DIR = 'src/critics/model/weights';
const corpusDir = process.env['ELEANOR_CORPUS'] ?? '../shared/data/corpus';
const OPTIONS = {
  epochs: Number(process.env['TRAIN_EPOCHS'] ?? 40),
  rate: Number(process.env['TRAIN_RATE'] ?? 0.2),
  l2: Number(process.env['TRAIN_L2'] ?? 1e-5),
  seed: 20261205,
};
/** Thresholds: at most this share of all held-out benign rows the model reads, and of its own category's. */
const MAX_FPR_ALL = 0.005;
const MAX_FPR_OWN = 0.02;
/**
 * Six models read every input, so their false positives add up: an input model gets this share of both budgets
 * (measured: with the whole budget each, the held-out false-positive rate doubled to 2.2 %).
 */
const INPUT_MODEL_SHARE = 0.5;
/**
 * An input model's share where it differs from INPUT_MODEL_SHARE; TRAIN_SHARE_BY (JSON) overrides it for an experiment.
 * `hate` takes 0.9: implicit hate is the rules' blind spot, so the model carries more of it (2026-12-07, with
 * `hate-10`: held-out hate 55.8 % at 1.6 % false positives with 0.75, 58.3 % at 1.8 % with 0.9, 59.5 % at 2.2 % with 1;
 * an implicit-hate probe of ours written first, 56 %, 72 % and 72 %, each at 0 %).
 */
const SHARE_BY_MODEL: Readonly<Record<string, number>> = {
  hate: 0.9,
  ...(JSON.parse(process.env['TRAIN_SHARE_BY'] ?? '{}') as Record<string, number>),
};
/** The most rows' worth of weight one slice's rows of one label carry in training. */
const SLICE_WEIGHT = Number(process.env['TRAIN_SLICE_WEIGHT'] ?? 300);
/**
 * A model's slice cap where it differs from SLICE_WEIGHT. `harmful_response` took 2,000 with `responses-13`: its 480
 * hand-written answers at full weight outweighed GPTFuzz's capped answers (held-out GPTFuzz harmful answers 386 → 362
 * of 451 at 300, 382 at 1,000, 389 at 2,000; a probe of plain harmful answers 27 → 42, 40, 38 of 60). With
 * `responses-14`'s 952 more it takes 3,000, which leaves GPTFuzz's ~2,800 training answers uncapped (held-out
 * harmful answers 409 of 482 at 2,000, 410 at 3,000 and at 4,500). TRAIN_SLICE_WEIGHT_BY (JSON) overrides a model's
 * cap for an experiment.
 */
const SLICE_WEIGHT_BY_MODEL: Readonly<Record<string, number>> = {
  harmful_response: 3000,
  ...(JSON.parse(process.env['TRAIN_SLICE_WEIGHT_BY'] ?? '{}') as Record<string, number>),
};
/** …and of the held-out everyday prompts and answers (category 'general'): ordinary traffic must pass. */
const MAX_FPR_EVERYDAY = 0.01;
/**
 * Models whose positives come from few sources, most of them templated (synthetic jailbreaks and self-harm rows, ToxiGen's
 * and Stormfront's hate), take a stronger L2 penalty than OPTIONS.l2, so that they lean less on a source's words. Chosen
 * on the by-source held-out split (docs/critics.md): 1e-4 on all seven models raised these three and lowered
 * harmful_request, harmful_response and prompt_injection, so those keep the default. `hate` takes 3e-4 since the
 * `hate-8` rows (held-out hate 44.5 % at 1e-4, 46.1 % at 3e-4, 6e-4 and 1e-3, 43.3 % at 3e-5). TRAIN_L2_BY (JSON, e.g.
 * '{"hate":1e-3}') overrides a model's penalty for an experiment.
 */
const L2_BY_MODEL: Readonly<Record<string, number>> = {
  hate: 3e-4,
  // With `responses-12` and the response's sentence vector (2026-12-07): held-out harmful answers 79.9 / 81.5 / 84.6 /
  // 76.1 % at 3e-6 / 1e-5 / 1e-4 / 3e-4, a probe of ours of plain harmful answers 35.0 / 35.0 / 38.3 / 36.7 %.
  harmful_response: 1e-4,
  self_harm: 1e-4,
  jailbreak: 1e-4,
  ...(JSON.parse(process.env['TRAIN_L2_BY'] ?? '{}') as Record<string, number>),
};
/**
 * Texts a critic keeps its model quiet on (`quietOn` where the critic attaches it): the model's score there reports
 * nothing, so it binds no threshold. The self-harm critic leaves an answer that refuses alone
 * (src/critics/self-harm/index.ts); without this, "I won't help with that, and I'm not going to tell you how to
 * overdose." bound the retrained model's threshold (held-out self-harm 82.3 → 60.3 %).
 */
const QUIET_ON: Readonly<Record<string, Partial<Record<ModelSide, (text: string) => boolean>>>> = {
  self_harm: { response: refuses },
};
const quietOn = (model: string, side: ModelSide, text: string): boolean => QUIET_ON[model]?.[side]?.(text) === true;

/** The cascade gate's bounds lie this far (calibrated logit) outside the held-out rows that set them. */
const GATE_MARGIN = Number(process.env['TRAIN_GATE_MARGIN'] ?? 0.25);

interface Prepared {
  readonly row: Row;
  readonly tokens: ModelToken[];
  readonly indices: Int32Array;
  readonly values: Float32Array;
  readonly mean: Float32Array;
  /** Held-out rows only: the passages the row is scored by, as at run time. */
  readonly passages: readonly Passage[];
  /** The row's scaled sentence vector (of the input, or of the response). */
  readonly sentence: Float32Array;
}

type SentenceOf = (text: string) => Float32Array;

/** The lowest score above which at most `share` of `scores` lie. */
function quantileAbove(scores: number[], share: number): number {
  const sorted = [...scores].sort((a, b) => b - a);
  const allowed = Math.floor(sorted.length * share);
  return sorted.length === 0 ? -Infinity : (sorted[allowed] ?? -Infinity) + 1e-9;
}

function chooseThreshold(
  benignAll: number[],
  benignOwn: number[],
  everyday: number[],
  maxAll = MAX_FPR_ALL,
  maxOwn = MAX_FPR_OWN,
): number {
  return Math.max(
    quantileAbove(benignAll, maxAll),
    quantileAbove(benignOwn, maxOwn),
    quantileAbove(everyday, MAX_FPR_EVERYDAY),
  );
}

function trainOne(
  spec: ModelSpec,
  data: readonly Prepared[],
  table: EmbeddingTable,
  sentenceOf: SentenceOf,
): Record<string, unknown> {
  // A model reads the sentence vector of the texts of its sentence sides (src/critics/model/sentence.ts); of the others'
  // texts that part is zeros.
  const sentenceDims = spec.sentenceSides.length > 0 ? SENTENCE_DIMS : 0;
  const vectorOn =
    (sides: readonly ModelSide[]) =>
    (p: Prepared): Float32Array | undefined =>
      sides.includes(p.row.side) ? p.sentence : undefined;
  const sentenceOfRow = vectorOn(spec.sentenceSides);
  // Scored as at run time, where a model may read a side's vector it was not trained with (specs.ts).
  const atRun = sentenceSidesAtRun(spec);
  const sentenceAtRun = vectorOn(atRun);
  const reads = (p: Prepared): boolean => spec.sides.includes(p.row.side);
  const isPositive = (p: Prepared): boolean => isPositiveFor(spec.name, p.row);
  const usable = data.filter((p) => reads(p) && (p.row.label === 'benign' || isPositive(p)));
  // A large templated slice would teach its template (HarmfulQA's 1,938 "How can I …?" rows teach "how can i" = harmful):
  // each slice's rows of one label weigh at most SLICE_WEIGHT rows' worth in all.
  const sliceWeight = SLICE_WEIGHT_BY_MODEL[spec.name] ?? SLICE_WEIGHT;
  const sizes = new Map<string, number>();
  for (const p of usable)
    sizes.set(`${p.row.slice}/${p.row.label}`, (sizes.get(`${p.row.slice}/${p.row.label}`) ?? 0) + 1);
  const toExample = (p: Prepared): Example => ({
    ...p,
    mean: sentenceDims > 0 ? withSentence(p.mean, sentenceOfRow(p)) : p.mean,
    y: isPositive(p) ? 1 : 0,
    // Our own hand-written rows are written to vary, not from templates: they keep their full weight.
    weight: p.row.source.startsWith('handwritten:')
      ? 1
      : Math.min(1, sliceWeight / sizes.get(`${p.row.slice}/${p.row.label}`)!),
  });
  const trainSet = usable.filter((p) => !p.row.heldOut).map(toExample);
  const heldOut = usable.filter((p) => p.row.heldOut);
  const options = { ...OPTIONS, l2: L2_BY_MODEL[spec.name] ?? OPTIONS.l2 };
  const model = train(trainSet, table.dims + sentenceDims, options);
  // Quantised now, so that every score below (thresholds included) is exactly what the shipped weights give.
  const { scale, weights } = quantise(model.sparse);
  for (let i = 0; i < weights.length; i++) model.sparse[i] = weights[i]! * scale;
  // Scored as at run time: a long text by its worst passage.
  const passagesOfRow = (p: Prepared): readonly Passage[] => {
    const sentence = sentenceAtRun(p);
    return sentence === undefined ? p.passages : sentencePassages({ tokens: p.tokens, passages: p.passages }, sentence);
  };
  const logits = heldOut.map((p) =>
    quietOn(spec.name, p.row.side, p.row.text)
      ? -50
      : Math.max(-50, ...passagesOfRow(p).map((q) => rawLogit(model, q.indices, q.values, q.mean))),
  );
  const labels = heldOut.map((p): 0 | 1 => (isPositive(p) ? 1 : 0));
  const { a, b } = platt(logits, labels);
  // Thresholds are chosen on calibrated logits: probabilities saturate at 1 in floating point, logits keep their order.
  const probability = logits.map((z) => a * z + b);
  const benignAll = probability.filter((_, i) => labels[i] === 0);
  const benignOwn = probability.filter((_, i) => labels[i] === 0 && isOwnBenign(spec.name, heldOut[i]!.row));
  const everyday = probability.filter((_, i) => heldOut[i]!.row.category === 'general');
  // The critic's own negative fixtures (hand-written look-alikes, never trained on) must stay below the threshold too.
  const probabilityOf = (text: string, side: ModelSide): number => {
    const tokens = modelTokens(stripInvisible(text));
    const plain = passagesOf(tokens, table);
    const passages = atRun.includes(side) ? sentencePassages({ tokens, passages: plain }, sentenceOf(text)) : plain;
    return Math.max(-50, ...passages.map((q) => a * rawLogit(model, q.indices, q.values, q.mean) + b));
  };
  const lookAlikes = lookAlikesFor(spec.name).filter(
    (l) => spec.sides.includes(l.side) && !quietOn(spec.name, l.side, l.text),
  );
  const lookAlikeScores = lookAlikes.map((l) => probabilityOf(l.text, l.side));
  const worstLookAlike = Math.max(-50, ...lookAlikeScores);
  // Which look-alike bounds the threshold, so that a rise can be traced to a text.
  const worstLookAlikeText = lookAlikes[lookAlikeScores.indexOf(worstLookAlike)]?.text.slice(0, 80);
  const budget = spec.sides.includes('input') ? (SHARE_BY_MODEL[spec.name] ?? INPUT_MODEL_SHARE) : 1;
  const thresholdLogit = Math.max(
    chooseThreshold(benignAll, benignOwn, everyday, MAX_FPR_ALL * budget, MAX_FPR_OWN * budget),
    worstLookAlike + 1e-3,
  );
  const threshold = sigmoid(thresholdLogit);
  const gate =
    sentenceDims === 0
      ? undefined
      : trainGate({
          trainSet: usable.filter((p) => !p.row.heldOut).map((p) => ({ ...toExample(p), mean: p.mean })),
          heldOut,
          labels,
          fired: probability.map((z) => z >= thresholdLogit),
          table,
          mustFire: modelPositivesFor(spec.name)
            .filter((l) => spec.sides.includes(l.side) && probabilityOf(l.text, l.side) >= thresholdLogit)
            .map((l) => l.text),
          mustNotFire: lookAlikes.map((l) => l.text),
          options,
        });
  const positives = probability.filter((_, i) => labels[i] === 1);
  const share = (xs: number[]) => (xs.length === 0 ? 0 : xs.filter((p) => p >= thresholdLogit).length / xs.length);
  const file = encodeWeights(
    {
      kind: 'classifier',
      category: spec.name,
      bias: model.bias,
      plattA: a,
      plattB: b,
      threshold,
      thresholdLogit,
      sparseScale: scale,
      sentenceDims,
      trainedOn: { rows: trainSet.length, positives: trainSet.filter((e) => e.y === 1).length, ...options },
      sentenceSides: spec.sentenceSides,
      ...(gate !== undefined && { gate: gate.header }),
    },
    {
      sparse: weights,
      dense: model.dense,
      ...(gate !== undefined && { gateSparse: gate.sparse, gateDense: gate.model.dense }),
    },
  );
  writeFileSync(join(WEIGHTS_DIR, `${spec.name}.bin`), file);
  return {
    model: spec.name,
    threshold: Number(threshold.toFixed(4)),
    thresholdLogit: Number(thresholdLogit.toFixed(3)),
    worstLookAlike: Number(worstLookAlike.toFixed(3)),
    worstLookAlikeText,
    heldOut: { harmful: positives.length, benign: benignAll.length, benignOwn: benignOwn.length },
    recall: Number(share(positives).toFixed(4)),
    ...(gate !== undefined && { gate: gate.report }),
    fprAll: Number(share(benignAll).toFixed(4)),
    fprOwn: Number(share(benignOwn).toFixed(4)),
    recallAtFprAll: Object.fromEntries(
      [0.01, 0.02, 0.05].map((fpr) => {
        const t = chooseThreshold(benignAll, benignAll, [], fpr);
        return [fpr, Number((positives.filter((p) => p >= t).length / Math.max(1, positives.length)).toFixed(3))];
      }),
    ),
  };
}

interface GateInput {
  /** The full model's training examples with the word vector alone as `mean`. */
  readonly trainSet: readonly Example[];
  readonly heldOut: readonly Prepared[];
  readonly labels: readonly (0 | 1)[];
  /** Per held-out row: whether the full model (with the sentence vector) reaches its threshold. */
  readonly fired: readonly boolean[];
  readonly table: EmbeddingTable;
  /** Texts the full model flags that the gate must not call clear (its critic's positive fixtures). */
  readonly mustFire: readonly string[];
  /** Texts the full model leaves alone that the gate must not call firing (the look-alikes). */
  readonly mustNotFire: readonly string[];
  /** The full model's training options (its L2 penalty included). */
  readonly options: TrainOptions;
}

/**
 * The cascade's gate for an input model (src/critics/model/classifier.ts, `Gate`): the same regression without the
 * sentence vector, Platt-calibrated on the held-out split, with bounds outside which it agreed with the full model on
 * every held-out row and fixture.
 */
function trainGate(g: GateInput): {
  header: Record<string, number>;
  sparse: Int16Array;
  model: Trained;
  report: Record<string, number>;
} {
  const model = train(g.trainSet, g.table.dims, g.options);
  const { scale, weights } = quantise(model.sparse);
  for (let i = 0; i < weights.length; i++) model.sparse[i] = weights[i]! * scale;
  const rawOf = (passages: readonly Passage[]): number =>
    Math.max(-50, ...passages.map((q) => rawLogit(model, q.indices, q.values, q.mean)));
  const raw = g.heldOut.map((p) => rawOf(p.passages));
  const { a, b } = platt(raw, g.labels);
  const logit = raw.map((z) => a * z + b);
  const logitOf = (text: string): number => a * rawOf(passagesOf(modelTokens(stripInvisible(text)), g.table)) + b;
  const low = Math.min(...logit.filter((_, i) => g.fired[i]), ...g.mustFire.map(logitOf)) - GATE_MARGIN;
  const high = Math.max(
    low,
    Math.max(...logit.filter((_, i) => !g.fired[i]), ...g.mustNotFire.map(logitOf)) + GATE_MARGIN,
  );
  const settled = logit.filter((z) => z < low || z > high).length;
  return {
    header: { bias: model.bias, plattA: a, plattB: b, low, high, sparseScale: scale },
    sparse: weights,
    model,
    report: {
      low: Number(low.toFixed(3)),
      high: Number(high.toFixed(3)),
      settledHeldOut: Number((settled / Math.max(1, logit.length)).toFixed(4)),
    },
  };
}

/** The models to train (`TRAIN_ONLY=pii_request,hate`): the others' weights files are kept as they are. */
function modelsToTrain(): typeof MODEL_SPECS {
  const only = process.env['TRAIN_ONLY'];
  if (only === undefined) return MODEL_SPECS;
  const names = only.split(',').map((n) => n.trim());
  const unknown = names.filter((n) => !MODEL_SPECS.some((s) => s.name === n));
  if (unknown.length > 0) {
    const known = MODEL_SPECS.map((s) => s.name).join(', ');
    throw new Error(`TRAIN_ONLY: expected model names among ${known}, got '${unknown.join("', '")}'`);
  }
  return MODEL_SPECS.filter((s) => names.includes(s.name));
}

async function main(): Promise<void> {
  const started = Date.now();
  const chosen = modelsToTrain();
  const rows = loadRows(corpusDir, 'training/data');
  const tokenised = rows.map((row) => ({ row, tokens: modelTokens(stripInvisible(row.text)) }));
  const embeddingsFile = join(WEIGHTS_DIR, 'embeddings.bin');
  if (sourceTableAvailable() && process.env['TRAIN_KEEP_EMBEDDINGS'] === undefined) {
    const counts = new Map<string, number>();
    for (const { tokens } of tokenised) for (const t of tokens) counts.set(t.word, (counts.get(t.word) ?? 0) + 1);
    writeFileSync(embeddingsFile, distil(counts));
  } else if (!existsSync(embeddingsFile)) {
    throw new Error('no word vectors: run `npm ci --prefix training` first (training-time only, 294 MB)');
  }
  const table = embeddingTableFrom(readFileSync(embeddingsFile), embeddingsFile);
  const texts = [
    ...rows.map((r) => r.text),
    ...MODEL_SPECS.flatMap((s) => [...lookAlikesFor(s.name), ...modelPositivesFor(s.name)].map((l) => l.text)),
  ];
  const sentenceOf = await sentenceVectors(texts);
  const prepared: Prepared[] = tokenised.map(({ row, tokens }) => {
    const f = featurize(tokens);
    const passages = row.heldOut ? passagesOf(tokens, table) : [];
    const mean = meanVector(table, tokens);
    const sentence = sentenceOf(row.text);
    return { row, tokens, indices: f.indices, values: f.values, mean, passages, sentence };
  });
  console.log(JSON.stringify({ rows: rows.length, heldOut: rows.filter((r) => r.heldOut).length, words: table.size }));
  for (const spec of chosen) console.log(JSON.stringify(trainOne(spec, prepared, table, sentenceOf)));
  const files = ['embeddings.bin', ...MODEL_SPECS.map((s) => `${s.name}.bin`)];
  const digests = files.map((f): [string, string] => [
    f,
    createHash('sha256')
      .update(readFileSync(join(WEIGHTS_DIR, f)))
      .digest('hex'),
  ]);
  writeFileSync(
    join(WEIGHTS_DIR, 'manifest.json'),
    `${JSON.stringify({ files: Object.fromEntries(digests) }, null, 2)}\n`,
  );
  console.log(JSON.stringify({ seconds: (Date.now() - started) / 1000 }));
}

await main();
