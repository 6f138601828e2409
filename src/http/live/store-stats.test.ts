import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteEvidenceStore } from '../../evidence/sqlite/sqlite-store.js';
import type { EvidenceStore } from '../../evidence/types.js';
import { StoreStats } from './store-stats.js';

let store: SqliteEvidenceStore;
beforeEach(() => {
  store = new SqliteEvidenceStore({ path: ':memory:' });
});
afterEach(() => store.close());

let traces = 0;
/** Appends an evaluation record as the engine writes one (the fields the stats read). */
function evaluation(decision: string, chain = 'default', privacyMs = 3): Promise<unknown> {
  return store.append({
    chain,
    kind: 'evaluation',
    traceId: `t-${++traces}`,
    requiredAction: decision === 'deny' ? 'HUMAN_DETERMINATION' : 'none',
    payload: {
      decision,
      critics: {
        privacy: { critic: 'privacy', status: 'success', durationMs: privacyMs },
        risk: { critic: 'risk', status: 'timeout', durationMs: 50 },
        truth: { critic: 'truth', status: 'gated', durationMs: 0 },
      },
    },
  });
}

/** The real clock plus an offset the test moves forward (the store stamps records with the real one). */
function clock(): { now: () => number; advance: (ms: number) => void } {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (ms) => (offset += ms) };
}

/** Counts the store's reads: tail reads of known chains, and looks over every chain. */
function counted(inner: EvidenceStore): {
  store: Pick<EvidenceStore, 'export' | 'rowsBetween'>;
  reads: { tails: number; looks: number };
} {
  const reads = { tails: 0, looks: 0 };
  return {
    reads,
    store: {
      rowsBetween: (...args) => (reads.tails++, inner.rowsBetween(...args)),
      export: (query) => (reads.looks++, inner.export(query)),
    },
  };
}

describe('StoreStats', () => {
  it("counts every record in the store by decision, whoever wrote it, with each critic's latency", async () => {
    await evaluation('allow');
    await evaluation('deny', 'tenant-a', 7);
    await evaluation('deny');
    const stats = await new StoreStats(store).stats(5);
    expect(stats.evaluations).toBe(3);
    expect(stats.decisions).toEqual({ allow: 1, constrained_allow: 0, escalate: 0, deny: 2 });
    const byName = Object.fromEntries(stats.critics.map((c) => [c.critic, c]));
    expect(byName['privacy']).toMatchObject({ count: 3, failed: 0 });
    expect(byName['privacy']!.p99).toBeCloseTo(7, 0);
    expect(byName['risk']).toMatchObject({ count: 3, failed: 3 }); // timed out: ran, and failed
    expect(byName['truth']).toMatchObject({ count: 0, failed: 0 }); // gated: no latency sample
  });

  it('reads the store again only once the answer is older than cacheMs, and counts each record once', async () => {
    const c = clock();
    const { store: spied, reads } = counted(store);
    const stats = new StoreStats(spied, { cacheMs: 2_000, window: { now: c.now } });
    await evaluation('allow');
    expect((await stats.stats(5)).evaluations).toBe(1);
    await evaluation('escalate');
    expect((await stats.stats(5)).evaluations).toBe(1); // cached
    c.advance(2_000);
    expect((await stats.stats(5)).decisions).toMatchObject({ allow: 1, escalate: 1 });
    c.advance(2_000);
    expect((await stats.stats(5)).evaluations).toBe(2); // read again, nothing counted twice
    expect(reads.looks).toBe(1); // the known chain was read by sequence number since the first look
    expect(reads.tails).toBe(2);
  });

  it('shares one read between callers asking at once', async () => {
    const { store: spied, reads } = counted(store);
    await evaluation('allow');
    const stats = new StoreStats(spied);
    const answers = await Promise.all([stats.stats(5), stats.stats(15), stats.stats(60)]);
    expect(answers.map((a) => a.evaluations)).toEqual([1, 1, 1]);
    expect(reads.looks).toBe(1);
  });

  it('finds a chain first written after its first look at the next look (rediscoverMs)', async () => {
    const c = clock();
    const stats = new StoreStats(store, { cacheMs: 0, rediscoverMs: 60_000, window: { now: c.now } });
    await evaluation('allow');
    expect((await stats.stats(5)).evaluations).toBe(1);
    await evaluation('deny', 'tenant-b');
    await evaluation('allow');
    expect((await stats.stats(5)).decisions).toMatchObject({ allow: 2, deny: 0 }); // the known chain only
    c.advance(60_000);
    expect((await stats.stats(5)).decisions).toMatchObject({ allow: 2, deny: 1 });
  });

  it("follows the default chain from an empty store's first read, and from its head when it holds only older records", async () => {
    const c = clock();
    const stats = new StoreStats(store, { cacheMs: 0, window: { now: c.now, maxWindowMs: 600_000 } });
    expect((await stats.stats(10)).evaluations).toBe(0); // nothing yet, no look due for 5 minutes
    await evaluation('deny');
    expect((await stats.stats(10)).evaluations).toBe(1); // another server's first evaluation, on the default chain

    const older = new SqliteEvidenceStore({ path: ':memory:' });
    try {
      for (let i = 0; i < 37; i++) {
        await older.append({ chain: 'default', kind: 'evaluation', traceId: `o-${i}`, payload: { decision: 'allow' } });
      }
      const later = clock();
      later.advance(11 * 60_000); // the 37 records are older than the window now
      const { store: spied, reads } = counted(older);
      const fresh = new StoreStats(spied, { cacheMs: 0, window: { now: later.now, maxWindowMs: 600_000 } });
      expect((await fresh.stats(10)).evaluations).toBe(0);
      expect(reads.tails).toBeLessThan(16); // the head found by halving, not by reading the chain
      await older.append({ chain: 'default', kind: 'evaluation', traceId: 'o-new', payload: { decision: 'escalate' } });
      // Stamped now, which is 11 minutes before this clock: outside the window, yet read (and only it).
      const before = reads.tails;
      await fresh.stats(10);
      expect(reads.tails - before).toBe(1);
    } finally {
      await older.close();
    }
  });

  it('looks sooner when asked (lookSoon), but not more often than minLookMs', async () => {
    const c = clock();
    const { store: spied, reads } = counted(store);
    const stats = new StoreStats(spied, { cacheMs: 0, minLookMs: 10_000, window: { now: c.now } });
    await stats.stats(5);
    await evaluation('deny', 'tenant-c');
    stats.lookSoon();
    expect((await stats.stats(5)).evaluations).toBe(0); // the last look was just now
    c.advance(10_000);
    expect((await stats.stats(5)).evaluations).toBe(1);
    c.advance(10_000);
    await stats.stats(5);
    expect(reads.looks).toBe(2); // asked once, looked once
  });

  it('reads a long tail a page at a time and leaves out records older than the longest window', async () => {
    const c = clock();
    const stats = new StoreStats(store, { cacheMs: 0, pageSize: 4, window: { now: c.now, maxWindowMs: 600_000 } });
    await evaluation('allow');
    await stats.stats(10);
    for (let i = 0; i < 9; i++) await evaluation('deny');
    expect((await stats.stats(10)).decisions).toMatchObject({ allow: 1, deny: 9 });
    c.advance(11 * 60_000);
    expect((await stats.stats(10)).evaluations).toBe(0); // all older than the window now
  });

  it('refuses to start when its signal is already aborted', async () => {
    await expect(new StoreStats(store).stats(5, { signal: AbortSignal.abort() })).rejects.toThrow();
  });
});
