// The engine with every built-in critic: evaluations per second on a 2 KB response, µs per critic, and 1 KB → 100 KB cost.
import { BUILTIN_CRITICS, createEngine } from '../src/index.js';
import { emit, median, round, UNSURE_QUESTIONS } from './support.js';

/** A realistic answer: advice, numbers, a date, an e-mail — no violation above severity 1. */
const PARAGRAPH =
  'Thanks for your question. According to the manual, you must restart the router after changing the settings. ' +
  'It is best to wait ten seconds before plugging it back in. The firmware release on 2024-03-12 fixed the Wi-Fi drops, ' +
  'and version 2.4 improved range by 15 percent. If the problem continues, our support team answers within two business days. ';

function textOf(bytes: number): string {
  return PARAGRAPH.repeat(Math.ceil(bytes / PARAGRAPH.length)).slice(0, bytes);
}

/** Each request's own dates and numbers, so no per-value cache (the phone detector keeps one) flatters the figure. */
function varied(text: string, i: number): string {
  const day = String(1 + (i % 28)).padStart(2, '0');
  const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
  return text
    .replaceAll('2024-03-12', `20${10 + (i % 15)}-${month}-${day}`)
    .replaceAll('15 percent', `${i % 97} percent`);
}

async function timeEvaluations(
  engine: ReturnType<typeof createEngine>,
  text: string,
  n: number,
  vary = false,
): Promise<number> {
  const texts = Array.from({ length: n }, (_, i) => `${i} ${vary ? varied(text, i + n) : text}`);
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    // Distinct texts defeat the tokeniser's cache, as distinct requests would.
    await engine.evaluate({ inputText: `Question ${i}?`, modelResponse: texts[i]! });
  }
  return performance.now() - start;
}

const engine = createEngine({
  deadlineMs: 60_000,
  limits: { maxTextLength: 110_000 },
  evidence: false,
});
const critics = Object.keys(BUILTIN_CRITICS).length;
const text2k = textOf(2048);
const check = await engine.evaluate({ inputText: 'q', modelResponse: text2k });
if (check.decision !== 'allow')
  throw new Error(`the benchmark text should be allowed, got ${check.decision}: ${check.reasons.join('; ')}`);

await timeEvaluations(engine, text2k, 500); // warm-up
const rounds: number[] = [];
for (let r = 0; r < 7; r++) rounds.push(await timeEvaluations(engine, text2k, 1000));
const msPerEvaluation = median(rounds) / 1000;
emit({
  bench: 'engine',
  case: '2KB response, all built-in critics, sequential (one core)',
  critics,
  evaluations_per_s: round(1000 / msPerEvaluation, 0),
  median_us_per_evaluation: round(msPerEvaluation * 1000, 1),
  median_us_per_critic: round((msPerEvaluation * 1000) / critics, 1),
  rounds: rounds.length,
});

const variedRounds: number[] = [];
for (let r = 0; r < 7; r++) variedRounds.push(await timeEvaluations(engine, text2k, 1000, true));
const variedMs = median(variedRounds) / 1000;
emit({
  bench: 'engine',
  case: '2KB response, every request with its own dates and numbers',
  critics,
  evaluations_per_s: round(1000 / variedMs, 0),
  median_us_per_evaluation: round(variedMs * 1000, 1),
  rounds: variedRounds.length,
});

// With a one-sentence question the input models judge it too, and the input's sentence vector is computed once.
const questionRounds: number[] = [];
for (let r = 0; r < 5; r++) {
  const start = performance.now();
  for (let i = 0; i < 100; i++) {
    await engine.evaluate({
      inputText: `How do I change the router settings for the guest network number ${r * 100 + i}?`,
      modelResponse: `${i} ${text2k}`,
    });
  }
  questionRounds.push((performance.now() - start) / 100);
}
emit({
  bench: 'engine',
  case: '2KB response with a one-sentence question (input models and its sentence vector)',
  critics,
  evaluations_per_s: round(1000 / median(questionRounds), 0),
  median_ms_per_evaluation: round(median(questionRounds), 2),
  rounds: questionRounds.length,
});

// Questions the input models' gates leave unsure (bench/support.ts): each evaluation computes its sentence vector.
const unsureRounds: number[] = [];
for (let r = 0; r < 6; r++) {
  const start = performance.now();
  for (let i = 0; i < 40; i++) {
    await engine.evaluate({
      inputText: `${UNSURE_QUESTIONS[i % UNSURE_QUESTIONS.length]!} (${r * 40 + i})`,
      modelResponse: `${i} ${text2k}`,
    });
  }
  if (r > 0) unsureRounds.push((performance.now() - start) / 40); // the first round loads the encoder
}
emit({
  bench: 'engine',
  case: '2KB response with a question the gates leave unsure (its sentence vector computed)',
  critics,
  evaluations_per_s: round(1000 / median(unsureRounds), 0),
  median_ms_per_evaluation: round(median(unsureRounds), 2),
  rounds: unsureRounds.length,
});

const perCritic: Record<string, number[]> = {};
for (let i = 0; i < 300; i++) {
  const e = await engine.evaluate({ inputText: `q${i}`, modelResponse: `${i} ${text2k}` });
  for (const [name, o] of Object.entries(e.critics)) (perCritic[name] ??= []).push(o.durationMs * 1000);
}
emit({
  bench: 'engine',
  case: 'per-critic duration on 2KB (median µs, as the orchestrator measures it)',
  ...Object.fromEntries(Object.entries(perCritic).map(([k, v]) => [k, round(median(v), 1)])),
});

for (const kb of [1, 2, 5, 10, 25, 50, 100]) {
  const text = textOf(kb * 1024);
  const n = Math.max(10, Math.round(400 / kb));
  await timeEvaluations(engine, text, Math.max(3, n / 4));
  const samples: number[] = [];
  for (let r = 0; r < 5; r++) samples.push((await timeEvaluations(engine, text, n)) / n);
  const ms = median(samples);
  emit({
    bench: 'engine-size',
    kb,
    median_ms_per_evaluation: round(ms, 3),
    median_us_per_kb: round((ms * 1000) / kb, 1),
  });
}
await engine.close();
