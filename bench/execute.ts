// What execute's integrity check costs (issue 16): the median time of one execute on SQLite, with no checkpoint (the
// record and its neighbours), and under a signed checkpoint `every` records on (the walk to the head it signed).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withCheckpoints } from '../src/evidence/checkpointed-store.js';
import { Checkpointer } from '../src/evidence/checkpoints.js';
import { authorizeExecution, type ExecutionChecks } from '../src/evidence/reviews.js';
import { generateSigningKeyPem, signingKeyFrom } from '../src/evidence/signing.js';
import { SqliteEvidenceStore } from '../src/evidence/sqlite/sqlite-store.js';
import { emit, isMain, median, round } from './support.js';

const RECORDS = 10_000;
const EXECUTES = 300;
const PAYLOAD = {
  decision: 'allow',
  gate: { tier: 0, requiredAction: 'none', reasons: [] },
  input: { inputText: 'How do I reset my router?', modelResponse: 'Unplug it for ten seconds. '.repeat(60) },
};
const key = signingKeyFrom(generateSigningKeyPem().privateKeyPem, 'bench key');
let dir = '';

/** A store of RECORDS records, checkpointed every `every` (none when undefined); the checks execute would make. */
async function seeded(every: number | undefined): Promise<{ store: SqliteEvidenceStore; checks: ExecutionChecks }> {
  const store = new SqliteEvidenceStore({ path: join(dir, `${every ?? 'none'}.db`), synchronous: 'normal' });
  const witness = join(dir, `${every ?? 'none'}.jsonl`);
  const writer = every === undefined ? undefined : new Checkpointer(store, { every, key, witness }, () => undefined);
  const appending = writer === undefined ? store : withCheckpoints(store, writer);
  await Promise.all(
    Array.from({ length: RECORDS }, (_, i) =>
      appending.append({ chain: 'bench', kind: 'evaluation', traceId: `t-${i + 1}`, payload: PAYLOAD }),
    ),
  );
  await writer?.close();
  if (every === undefined) return { store, checks: { reviewKey: key.publicKey } };
  // A reader as a restarted engine has: the checkpoints it knows come from the witness and the store.
  const reader = new Checkpointer(store, { every, key, witness }, () => undefined);
  return { store, checks: { reviewKey: key.publicKey, covering: (chain, seq) => reader.covering(chain, seq) } };
}

/** Median ms of one execute, over EXECUTES traces spread evenly over the chain (so over each checkpoint's window). */
async function executeMs(every: number | undefined): Promise<{ median: number; worst: number }> {
  const { store, checks } = await seeded(every);
  await authorizeExecution(store, 't-1', checks); // the witness read once, as at an engine's first execute
  const times: number[] = [];
  for (let i = 0; i < EXECUTES; i++) {
    const trace = `t-${1 + Math.floor((i * (RECORDS - 1)) / (EXECUTES - 1))}`;
    const start = performance.now();
    await authorizeExecution(store, trace, checks);
    times.push(performance.now() - start);
  }
  await store.close();
  return { median: median(times), worst: Math.max(...times) };
}

/** Emits execute's median and worst time without checkpoints and under one every 100 and 1,000 records. */
export async function executeBench(): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'eleanor-bench-execute-'));
  try {
    for (const every of [undefined, 100, 1_000]) {
      const ms = await executeMs(every);
      emit({
        bench: 'execute',
        case: `SQLite, ${RECORDS} records, ${every === undefined ? 'no checkpoints' : `a checkpoint every ${every}`}`,
        execute_ms_p50: round(ms.median, 3),
        execute_ms_max: round(ms.worst, 3),
        executes: EXECUTES,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await executeBench();
