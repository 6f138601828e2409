// A writer process for the multi-process and crash tests: appends records, or evaluates and prints each acknowledged id.
// Modules are loaded only by the mode that needs them: process start-up dominates these tests.
import type { EvidenceStore } from '../../src/evidence/types.js';

const [mode, target, countText, prefix] = process.argv.slice(2);
const IN_FLIGHT = 32;

/** `target` is a SQLite file, or `postgres:<schema>` for the local PostgreSQL. */
async function openStore(): Promise<EvidenceStore> {
  if (target!.startsWith('postgres:')) {
    const { PgEvidenceStore } = await import('../../src/evidence/postgres/pg-store.js');
    return new PgEvidenceStore({
      url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      schema: target!.slice('postgres:'.length),
    });
  }
  const { SqliteEvidenceStore } = await import('../../src/evidence/sqlite/sqlite-store.js');
  return new SqliteEvidenceStore({ path: target! });
}

/** Appends `count` records to two chains, IN_FLIGHT at a time, then exits. */
async function appendRecords(count: number): Promise<void> {
  const store = await openStore();
  const { evaluationRequest } = await import('../../src/evidence/store.conformance.js');
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      await store.append(evaluationRequest(`${prefix}-${i}`, i % 4 === 0 ? 'side' : 'shared'));
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  await store.close();
}

/** Evaluates forever; a trace id is printed only once evaluate() has returned (the record is acknowledged). */
async function evaluateUntilKilled(): Promise<void> {
  const { createEngine } = await import('../../src/engine/engine.js');
  const engine = createEngine({ evidence: { path: target! } });
  let n = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const traceId = `${prefix}-${n++}`;
      await engine.evaluate({ inputText: 'q', modelResponse: `Answer ${traceId}: unplug it.`, traceId });
      process.stdout.write(`${traceId}\n`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

await (mode === 'append' ? appendRecords(Number(countText)) : evaluateUntilKilled());
