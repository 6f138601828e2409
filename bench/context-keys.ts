// CPU time of refusing POST /v1/evaluations with 50,000 keys in `context` (issue 16): the whole request, and its JSON parse and validation alone.
import { cpuUsage } from 'node:process';
import { createEngine } from '../src/engine/engine.js';
import { createHttpServer } from '../src/http/server.js';
import { evaluationRequestSchema } from '../src/http/schemas.js';
import { emit, median, round } from './support.js';

const KEYS = 50_000;
const RUNS = 30;

/** CPU milliseconds (user + system) spent by `work`, which may be async. */
async function cpuMs(work: () => unknown): Promise<number> {
  const start = cpuUsage();
  await work();
  const used = cpuUsage(start);
  return (used.user + used.system) / 1_000;
}

async function medianCpuMs(work: () => unknown): Promise<number> {
  for (let i = 0; i < 5; i++) await work(); // warm-up: compiled code, not the first-call costs
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await cpuMs(work));
  return round(median(samples), 2);
}

const context = Object.fromEntries(Array.from({ length: KEYS }, (_, i) => [`key${i}`, i]));
const payload = JSON.stringify({ inputText: 'hi', modelResponse: 'hello', context });
const engine = createEngine({ evidence: { store: 'memory' } });
// No keys to check (insecure local mode): the figure is the body's cost, not the HMAC's.
const server = await createHttpServer({ engine, insecureLocal: true, logger: false });
const request = () =>
  server.app.inject({
    method: 'POST',
    url: '/v1/evaluations',
    headers: { 'content-type': 'application/json' },
    payload,
  });
const answer = await request();
const parsed = JSON.parse(payload) as unknown;
emit({
  bench: 'context-keys',
  keys: KEYS,
  bodyBytes: Buffer.byteLength(payload),
  status: answer.statusCode,
  answer: answer.json<unknown>(),
  requestCpuMs: await medianCpuMs(request),
  // Fastify's JSON parser is JSON.parse plus a scan for __proto__ and constructor keys.
  jsonParseCpuMs: await medianCpuMs(() => JSON.parse(payload)),
  validationCpuMs: await medianCpuMs(() => evaluationRequestSchema.safeParse(parsed)),
});
await server.close();
