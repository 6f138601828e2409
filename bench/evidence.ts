// Evidence (issues 6, 16): appends/s with group commit (SQLite, PostgreSQL), what strict durability adds to evaluate(),
// and (bench/checkpoints.ts, bench/execute.ts) what signed checkpoints and execute's integrity check cost.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createEngine, type Engine, type EvidenceConfig } from '../src/index.js';
import { evaluationPayload } from '../src/evidence/evaluation-record.js';
import { PgEvidenceStore } from '../src/evidence/postgres/pg-store.js';
import { SqliteEvidenceStore } from '../src/evidence/sqlite/sqlite-store.js';
import type { EvidenceStore } from '../src/evidence/types.js';
import { checkpointsBench } from './checkpoints.js';
import { executeBench } from './execute.js';
import { emit, median, round } from './support.js';

const TARGET_SQLITE_PER_S = 20_000;
const TARGET_PG_PER_S = 5_000;
const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const APPENDS = 20_000;
const IN_FLIGHT = 1_000;
const SAMPLES = 5;
const LATENCY_RUNS = 1_500;
const RESPONSE =
  'To reset the router, unplug it for ten seconds. If that fails, write to jane.doe@example.com with your order ' +
  'number; our support line answers within two working days. '.repeat(6);

const dir = mkdtempSync(join(tmpdir(), 'eleanor-bench-evidence-'));

/** A real evaluation record: the built-in critics (or the two named) on the response, with a finding. */
async function realisticPayload(response: string, critics?: readonly string[]): Promise<unknown> {
  const engine = createEngine({
    evidence: false,
    ...(critics && { critics: Object.fromEntries(critics.map((name) => [name, {}])) }),
  });
  const evaluation = await engine.evaluate({ inputText: 'How do I reset my router?', modelResponse: response });
  await engine.close();
  return evaluationPayload({
    evaluation,
    inputText: 'How do I reset my router?',
    context: {},
    startedAt: new Date().toISOString(),
    deadlineMs: 10_000,
    critics: engine.critics,
    redaction: 'none',
  });
}

/** Appends `APPENDS` records, `IN_FLIGHT` at a time (as that many concurrent evaluations would): records/s. */
async function appendRate(store: EvidenceStore, payload: unknown, tag: string): Promise<number> {
  let next = 0;
  const start = performance.now();
  const appender = async (): Promise<void> => {
    while (next < APPENDS) {
      const i = next++;
      await store.append({ chain: 'bench', kind: 'evaluation', traceId: `${tag}-${i}`, payload });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, appender));
  return APPENDS / ((performance.now() - start) / 1000);
}

async function sqliteRates(payload: unknown, synchronous: 'full' | 'normal'): Promise<number[]> {
  const rates = [];
  for (let s = 0; s < SAMPLES; s += 1) {
    const path = join(dir, `append-${synchronous}-${s}.db`);
    const store = new SqliteEvidenceStore({ path, synchronous });
    rates.push(await appendRate(store, payload, `s${s}`));
    if (!(await store.verify()).ok) throw new Error('the benchmark chain does not verify');
    await store.close();
    rmSync(path, { force: true });
  }
  return rates;
}

async function pgRates(payload: unknown): Promise<number[]> {
  const schema = `eleanor_bench_${randomBytes(6).toString('hex')}`;
  const store = new PgEvidenceStore({ url: PG_URL, schema });
  const rates = [];
  try {
    for (let s = 0; s < SAMPLES; s += 1) rates.push(await appendRate(store, payload, `p${s}`));
    if (!(await store.verify()).ok) throw new Error('the benchmark chain does not verify');
  } finally {
    await store.close();
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA ${schema} CASCADE`);
    await client.end();
  }
  return rates;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** evaluate() latencies (ms) with `inFlight` evaluations at a time. */
async function latencies(engine: Engine, inFlight: number, tag: string): Promise<number[]> {
  const out: number[] = [];
  let next = 0;
  const caller = async (): Promise<void> => {
    while (next < LATENCY_RUNS) {
      const i = next++;
      const start = performance.now();
      await engine.evaluate({ inputText: 'q', modelResponse: RESPONSE, traceId: `${tag}-${i}` });
      out.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, caller));
  return out.sort((a, b) => a - b);
}

/**
 * The same evaluations with evidence off, async, strict (synchronous full) and strict with synchronous normal, in
 * alternating rounds (one noisy machine, one run); `strictAddsMs` compares strict (full) with off.
 */
async function durabilityLatency(inFlight: number): Promise<void> {
  const settings: Record<string, EvidenceConfig> = {
    off: false,
    async: { path: join(dir, `async-${inFlight}.db`), mode: 'async' },
    strict: { path: join(dir, `strict-${inFlight}.db`) },
    strictNormal: { path: join(dir, `strict-normal-${inFlight}.db`), synchronous: 'normal' },
  };
  const engines = Object.fromEntries(
    Object.entries(settings).map(([name, evidence]) => [name, createEngine({ evidence })]),
  );
  const p50: Record<string, number[]> = { off: [], async: [], strict: [], strictNormal: [] };
  const p99: Record<string, number[]> = { off: [], async: [], strict: [], strictNormal: [] };
  for (let round = 0; round < 4; round += 1) {
    for (const [name, engine] of Object.entries(engines)) {
      const sorted = await latencies(engine, inFlight, `${name}-${inFlight}-${round}`);
      if (round === 0) continue; // warm-up
      p50[name]!.push(percentile(sorted, 0.5));
      p99[name]!.push(percentile(sorted, 0.99));
    }
  }
  await Promise.all(Object.values(engines).map((engine) => engine.close()));
  const m = (values: number[]): number => round(median(values), 3);
  emit({
    bench: 'evidence-durability-latency',
    inFlight,
    runsPerRound: LATENCY_RUNS,
    p50Ms: Object.fromEntries(Object.entries(p50).map(([name, values]) => [name, m(values)])),
    p99Ms: Object.fromEntries(Object.entries(p99).map(([name, values]) => [name, m(values)])),
    strictAddsMs: { p50: round(m(p50.strict!) - m(p50.off!), 3), p99: round(m(p99.strict!) - m(p99.off!), 3) },
  });
}

try {
  const payloads = {
    'all 8 critics, 0.5 KB response': await realisticPayload(RESPONSE),
    '2 critics, short response': await realisticPayload('Write to jane.doe@example.com.', ['privacy', 'risk']),
  };
  const payload = payloads['all 8 critics, 0.5 KB response'];
  const recordBytes = Buffer.byteLength(JSON.stringify(payload));
  for (const [record, body] of Object.entries(payloads)) {
    for (const synchronous of ['full', 'normal'] as const) {
      const rates = await sqliteRates(body, synchronous);
      emit({
        bench: 'evidence-append-sqlite',
        record,
        synchronous,
        recordBytes: Buffer.byteLength(JSON.stringify(body)),
        appends: APPENDS,
        inFlight: IN_FLIGHT,
        samples: rates.map((r) => Math.round(r)),
        medianPerS: Math.round(median(rates)),
        targetPerS: TARGET_SQLITE_PER_S,
        met: median(rates) >= TARGET_SQLITE_PER_S,
      });
    }
  }
  const rates = await pgRates(payload);
  emit({
    bench: 'evidence-append-postgres',
    record: 'all 8 critics, 0.5 KB response',
    recordBytes,
    appends: APPENDS,
    inFlight: IN_FLIGHT,
    samples: rates.map((r) => Math.round(r)),
    medianPerS: Math.round(median(rates)),
    targetPerS: TARGET_PG_PER_S,
    met: median(rates) >= TARGET_PG_PER_S,
  });
  await durabilityLatency(1);
  await durabilityLatency(32);
  await checkpointsBench();
  await executeBench();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
