// Signed checkpoints (issue 16): SQLite appends per second with a checkpoint every 1, 100 or 1,000 records, against none.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withCheckpoints } from '../src/evidence/checkpointed-store.js';
import { Checkpointer } from '../src/evidence/checkpoints.js';
import { generateSigningKeyPem, signingKeyFrom } from '../src/evidence/signing.js';
import { SqliteEvidenceStore } from '../src/evidence/sqlite/sqlite-store.js';
import type { EvidenceStore } from '../src/evidence/types.js';
import { emit, isMain, median, round } from './support.js';

const APPENDS = 10_000;
const IN_FLIGHT = 200;
const SAMPLES = 3;
const PAYLOAD = { decision: 'allow', gate: { requiredAction: 'none' }, note: 'x'.repeat(1_500) };
const key = signingKeyFrom(generateSigningKeyPem().privateKeyPem, 'bench key');
let dir: string | undefined;

/** Appends APPENDS records, IN_FLIGHT at a time, then closes (the last checkpoint included): records/s. */
async function rate(every: number | undefined, sample: number): Promise<number> {
  dir ??= mkdtempSync(join(tmpdir(), 'eleanor-bench-checkpoints-'));
  const inner = new SqliteEvidenceStore({ path: join(dir, `${every ?? 'none'}-${sample}.db`), synchronous: 'normal' });
  const checkpointer =
    every === undefined
      ? undefined
      : new Checkpointer(inner, { every, key, witness: join(dir, `${every}-${sample}.jsonl`) }, (error) => {
          throw error;
        });
  const store: EvidenceStore = checkpointer === undefined ? inner : withCheckpoints(inner, checkpointer);
  let next = 0;
  const start = performance.now();
  const appender = async (): Promise<void> => {
    while (next < APPENDS) {
      const i = next++;
      await store.append({ chain: 'bench', kind: 'evaluation', traceId: `t-${i}`, payload: PAYLOAD });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, appender));
  await checkpointer?.close();
  const seconds = (performance.now() - start) / 1000;
  await inner.close();
  return APPENDS / seconds;
}

/** Emits the appends/s with no checkpoints and with one every 1,000, 100 and 1 records (bench/evidence.ts runs it). */
export async function checkpointsBench(): Promise<void> {
  try {
    for (const every of [undefined, 1_000, 100, 1]) {
      const rates: number[] = [];
      for (let s = 0; s < SAMPLES; s++) rates.push(await rate(every, s));
      emit({
        bench: 'checkpoints',
        case: `SQLite (synchronous normal), ${IN_FLIGHT} appends in flight, checkpoint every ${every ?? '(none)'}`,
        appends_per_s: round(median(rates), 0),
        samples: SAMPLES,
      });
    }
  } finally {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  }
}

if (isMain(import.meta.url)) await checkpointsBench();
