// The review queue at scale (issue 18): GET /v1/reviews's store call, reviewPage(), with 100,000 records in the store —
// p50/p99 of the first page, filtered pages, a deep page, text searches and a tenant's page, on SQLite and PostgreSQL;
// and what keeping the queue and its text index costs an append.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PgEvidenceStore } from '../src/evidence/postgres/pg-store.js';
import { SqliteEvidenceStore } from '../src/evidence/sqlite/sqlite-store.js';
import type { AppendRequest, EvidenceStore, ReviewQuery } from '../src/evidence/types.js';
import { emit, isMain, median, round } from './support.js';

const TARGET_P99_MS = 50;
const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Records in the store: every other one gated (a case), one case in ten already reviewed. */
const RECORDS = Number(process.env.RECORDS ?? 100_000);
const SAMPLES = Number(process.env.SAMPLES ?? 200);
const ROUNDS = 3;
const PAGE = 50;
const CHAINS = ['tenant-a', 'tenant-b', 'tenant-c'];
const CRITICS = [['privacy'], ['risk'], ['fairness', 'privacy'], ['truth'], ['prompt_injection', 'risk'], ['autonomy']];
const FILLER =
  'Thanks for your question. Here is what we know, with the usual caveats about accuracy and sources; ' +
  'please check the details with a qualified professional before acting on any of them. ';

/** Record `i`: allowed, or a gated case whose critics, tier, decision and chain vary with i; a few mention weapons. */
export function record(i: number): AppendRequest {
  const chain = CHAINS[i % CHAINS.length]!;
  const traceId = `t-${i}`;
  if (i % 2 === 1) {
    return {
      chain,
      kind: 'evaluation',
      traceId,
      requiredAction: 'none',
      payload: { traceId, decision: 'allow', gate: { tier: 0, requiredAction: 'none', reasons: [] }, violations: [] },
    };
  }
  const tier = i % 6 === 0 ? 3 : 2;
  const critics = i % 16_000 === 2 ? ['weapons'] : CRITICS[(i >> 1) % CRITICS.length]!;
  const response = `${FILLER}${i % 16_000 === 2 ? 'The weapon is assembled like this. ' : ''}${FILLER}`;
  const requiredAction = tier === 3 ? 'HUMAN_DETERMINATION' : 'HUMAN_ACK';
  return {
    chain,
    kind: 'evaluation',
    traceId,
    requiredAction,
    payload: {
      traceId,
      decision: tier === 3 ? 'deny' : 'escalate',
      gate: { tier, requiredAction, reasons: critics.map((c) => `${c}: flagged`) },
      violations: critics.map((critic) => ({
        critic,
        rule: `${critic}.rule`,
        message: `what ${critic} found, in words`,
        severity: 2.5,
        span: { start: 10, end: 18, text: response.slice(10, 18) },
      })),
      input: { inputText: `Question number ${i}: how do I do this?`, modelResponse: response, context: {} },
    },
  };
}

/** Appends the records (many in flight, group-committed) and reviews one case in ten: seconds taken, and when the
 * last tenth of the records began. */
export async function fill(store: EvidenceStore): Promise<{ seconds: number; lastTenth: string }> {
  const start = performance.now();
  let lastTenth = new Date().toISOString();
  for (let from = 0; from < RECORDS; from += 5_000) {
    if (from === Math.floor((RECORDS * 0.9) / 5_000) * 5_000) lastTenth = new Date().toISOString();
    const slice = Array.from({ length: Math.min(5_000, RECORDS - from) }, (_, k) => record(from + k));
    await Promise.all(slice.map((r) => store.append(r)));
    await Promise.all(
      slice
        .filter((r) => r.requiredAction !== 'none' && Number(r.traceId.slice(2)) % 20 === 0)
        .map((r) =>
          store.append({
            chain: r.chain,
            kind: 'review',
            traceId: r.traceId,
            reviewOutcome: 'approve',
            payload: { traceId: r.traceId, outcome: 'approve', actor: 'bench' },
          }),
        ),
    );
  }
  return { seconds: (performance.now() - start) / 1000, lastTenth };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** The cursor `pages` pages into the pending queue, paged as a reviewer would. */
async function deepCursor(store: EvidenceStore, pages: number): Promise<string> {
  let cursor: string | undefined;
  for (let page = 0; page < pages; page += 1) {
    const next = (await store.reviewPage({ status: 'pending', limit: PAGE, ...(cursor && { cursor }) })).nextCursor;
    if (next === null) throw new Error(`the queue ends before page ${pages}`);
    cursor = next;
  }
  return cursor!;
}

/** reviewPage latencies (ms, sorted) of `query`, one call at a time after a warm-up. */
async function latencies(store: EvidenceStore, query: ReviewQuery): Promise<number[]> {
  for (let i = 0; i < 10; i += 1) await store.reviewPage(query);
  const out: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const start = performance.now();
    await store.reviewPage(query);
    out.push(performance.now() - start);
  }
  return out.sort((a, b) => a - b);
}

async function measure(
  name: string,
  store: EvidenceStore,
  load: { seconds: number; lastTenth: string },
): Promise<void> {
  const total = (await store.reviewPage({ status: 'pending', limit: 1 })).counts.total;
  // Half way down the pending queue.
  const deepPages = Math.floor(total / PAGE / 2);
  const deep = await deepCursor(store, deepPages);
  const cases: Record<string, ReviewQuery> = {
    'first page (pending, 50)': { status: 'pending', limit: PAGE },
    'filtered: tier 3 + critic privacy': { status: 'pending', limit: PAGE, tier: 3, critic: 'privacy' },
    'filtered, nothing matches: tier 3 + risk': { status: 'pending', limit: PAGE, tier: 3, critic: 'risk' },
    'filtered: a rare critic (7 cases)': { status: 'pending', limit: PAGE, critic: 'weapons' },
    [`deep page (after ${deepPages * PAGE} cases)`]: { status: 'pending', limit: PAGE, cursor: deep },
    'since: the newest tenth of the cases': { status: 'pending', limit: PAGE, since: load.lastTenth },
    'text search q=weapon': { status: 'pending', limit: PAGE, q: 'weapon' },
    'text search q=number 12 (500 cases)': { status: 'pending', limit: PAGE, q: 'number 12' },
    'text search q=question (every case)': { status: 'pending', limit: PAGE, q: 'question' },
    'text search q=we (2 characters)': { status: 'pending', limit: PAGE, q: 'we' },
    'one tenant (chain) + decision': { status: 'pending', limit: PAGE, chain: 'tenant-b', decision: 'escalate' },
    'every status, oldest first': { limit: PAGE, order: 'oldest' },
  };
  const p50: Record<string, number[]> = {};
  const p99: Record<string, number[]> = {};
  // Rounds interleave the cases, so a burst of load on the shared machine does not land on one case only.
  for (let r = 0; r < ROUNDS; r += 1) {
    for (const [label, query] of Object.entries(cases)) {
      const sorted = await latencies(store, query);
      (p50[label] ??= []).push(percentile(sorted, 0.5));
      (p99[label] ??= []).push(percentile(sorted, 0.99));
    }
  }
  for (const label of Object.keys(cases)) {
    const p99Ms = round(median(p99[label]!), 2);
    emit({
      bench: 'reviews',
      store: name,
      case: label,
      records: RECORDS,
      pendingCases: total,
      samples: SAMPLES,
      rounds: ROUNDS,
      p50Ms: round(median(p50[label]!), 2),
      p99Ms,
      targetP99Ms: TARGET_P99_MS,
      met: p99Ms <= TARGET_P99_MS,
    });
  }
  emit({ bench: 'reviews-load', store: name, records: RECORDS, seconds: round(load.seconds, 1) });
}

const APPEND_COST_RECORDS = 10_000;

/** Gated records appended per second, 1,000 in flight, into `store`, after `strip` (which drops some triggers). */
async function gatedAppendRate(store: EvidenceStore, strip: (() => Promise<void>) | undefined): Promise<number> {
  await store.ready();
  await strip?.();
  let next = 0;
  const start = performance.now();
  const appender = async (): Promise<void> => {
    while (next < APPEND_COST_RECORDS) await store.append(record(2 * next++));
  };
  await Promise.all(Array.from({ length: 1_000 }, appender));
  return APPEND_COST_RECORDS / ((performance.now() - start) / 1000);
}

/** The queue and its text index kept (`indexed`), the queue without the text index (`queued`), or neither. */
type Keeping = 'indexed' | 'queued' | 'unqueued';
const KEEPINGS: readonly Keeping[] = ['indexed', 'queued', 'unqueued'];

/** What keeping the queue and its text index costs a gated append: the rate of each, rounds interleaved. */
async function appendCost(
  name: string,
  open: (round: number, keeping: Keeping) => Promise<AppendSetup>,
): Promise<void> {
  const rates: Record<Keeping, number[]> = { indexed: [], queued: [], unqueued: [] };
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const keeping of KEEPINGS) {
      const setup = await open(round, keeping);
      try {
        rates[keeping].push(await gatedAppendRate(setup.store, setup.strip));
      } finally {
        await setup.close();
      }
    }
  }
  const [indexed, queued, unqueued] = KEEPINGS.map((k) => median(rates[k]));
  emit({
    bench: 'reviews-append-cost',
    store: name,
    gatedAppends: APPEND_COST_RECORDS,
    inFlight: 1_000,
    withQueueAndTextIndexPerS: Math.round(indexed!),
    withQueueOnlyPerS: Math.round(queued!),
    withoutQueuePerS: Math.round(unqueued!),
    slowdown: round(unqueued! / indexed!, 2),
    textIndexSlowdown: round(queued! / indexed!, 2),
  });
}

interface AppendSetup {
  readonly store: EvidenceStore;
  readonly strip?: () => Promise<void>;
  close(): Promise<void>;
}

async function sqlite(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'eleanor-bench-reviews-'));
  const store = new SqliteEvidenceStore({ path: join(dir, 'reviews.db'), synchronous: 'normal' });
  try {
    await measure('sqlite', store, await fill(store));
    await appendCost('sqlite', (round, keeping) => {
      const path = join(dir, `append-${round}-${keeping}.db`);
      const fresh = new SqliteEvidenceStore({ path, synchronous: 'normal' });
      const drop = {
        indexed: undefined,
        queued: 'DROP TRIGGER IF EXISTS evidence_review_text_add',
        unqueued: 'DROP TRIGGER evidence_review_queue_add; DROP TRIGGER evidence_review_queue_decided',
      }[keeping];
      const strip = async (): Promise<void> => {
        const db = new Database(path);
        db.exec(drop!);
        db.close();
      };
      return Promise.resolve({ store: fresh, ...(drop !== undefined && { strip }), close: () => fresh.close() });
    });
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgres(): Promise<void> {
  const schema = `eleanor_bench_${randomBytes(6).toString('hex')}`;
  const store = new PgEvidenceStore({ url: PG_URL, schema });
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    const load = await fill(store);
    // What autovacuum does in the background of a server that has been running: statistics and the visibility map.
    const tables = ['evidence', 'evidence_review_queue', 'evidence_review_critics', 'evidence_review_counts'];
    await client.query(`VACUUM ANALYZE ${tables.map((t) => `"${schema}".${t}`).join(', ')}`);
    await measure('postgres', store, load);
    await appendCost('postgres', (round, keeping) => {
      const fresh = new PgEvidenceStore({ url: PG_URL, schema: `${schema}_a${round}${keeping[0]}` });
      const name = `"${schema}_a${round}${keeping[0]}"`;
      const drop = {
        indexed: undefined,
        queued: `DROP INDEX IF EXISTS ${name}.evidence_review_queue_text`,
        unqueued: `DROP TRIGGER evidence_review_queue_keep ON ${name}.evidence`,
      }[keeping];
      const strip = async (): Promise<void> => {
        await client.query(drop!);
      };
      const close = async (): Promise<void> => {
        await fresh.close();
        await client.query(`DROP SCHEMA ${name} CASCADE`);
      };
      return Promise.resolve({ store: fresh, ...(drop !== undefined && { strip }), close });
    });
  } finally {
    await store.close();
    await client.query(`DROP SCHEMA "${schema}" CASCADE`);
    await client.end();
  }
}

export async function reviewsBench(): Promise<void> {
  if (process.env.STORES !== 'postgres') await sqlite();
  if (process.env.STORES !== 'sqlite') await postgres();
}

if (isMain(import.meta.url)) await reviewsBench();
