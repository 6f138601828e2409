// The checkpoint worker copies the WAL into the database file while the writer goes on, and stops cleanly.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../test/support/redis.js';
import { evaluationRequest } from '../store.conformance.js';
import { SqliteEvidenceStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'eleanor-checkpoint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('WAL checkpoints on a worker thread', () => {
  it('moves committed pages into the database file without the writer checkpointing', async () => {
    const path = join(dir, 'e.db');
    const store = new SqliteEvidenceStore({ path, synchronous: 'normal' });
    const before = statSync(path).size;
    await Promise.all(Array.from({ length: 2_000 }, (_, i) => store.append(evaluationRequest(`t${i}`))));
    // The writer's own automatic checkpoints are off; only the worker can grow the main file.
    await waitFor(() => statSync(path).size > before + 1_000_000, 5_000, 'the checkpoint worker');
    await store.close();
    const reopened = new SqliteEvidenceStore({ path });
    expect((await reopened.verify()).chains[0]!.records).toBe(2_000);
    await reopened.close();
  });
});
