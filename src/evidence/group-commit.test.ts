// Group commit: batching, lanes, one bad item failing alone, a store failure failing its batch, nothing left queued.
import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit.js';

const tick = (ms = 2): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('GroupCommit', () => {
  it('commits what was queued in one turn as one batch, at most maxBatch items each', async () => {
    const batches: number[][] = [];
    const group = new GroupCommit<number, number>(
      (items) => (batches.push([...items]), items.map((n) => n * 2)),
      3,
      () => false,
    );
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => group.add(n)));
    expect(results).toEqual([2, 4, 6, 8, 10]);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('runs at most `lanes` commits at once and leaves nothing queued, however items arrive', async () => {
    let running = 0;
    let most = 0;
    const group = new GroupCommit<number, number>(
      async (items) => {
        most = Math.max(most, (running += 1));
        await tick(Math.random() * 3);
        running -= 1;
        return [...items];
      },
      4,
      () => false,
      2,
    );
    const adds: Promise<number>[] = [];
    for (let wave = 0; wave < 30; wave += 1) {
      for (let i = 0; i < 5; i += 1) adds.push(group.add(wave * 5 + i));
      await (wave % 3 ? Promise.resolve() : tick(1));
    }
    expect(await Promise.all(adds)).toEqual(Array.from({ length: 150 }, (_, i) => i));
    expect(most).toBe(2);
    await group.flush();
  });

  it('retries item by item after an item error, so only the bad item fails', async () => {
    const group = new GroupCommit<number, number>(
      (items) => {
        if (items.includes(13)) throw Object.assign(new Error('duplicate 13'), { item: true });
        return [...items];
      },
      10,
      (error) => (error as { item?: boolean }).item === true,
    );
    const results = await Promise.allSettled([12, 13, 14].map((n) => group.add(n)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('fails the whole batch at once on a store error, without retrying each item', async () => {
    let calls = 0;
    const group = new GroupCommit<number, number>(
      () => {
        calls += 1;
        throw new Error('database is down');
      },
      10,
      () => false,
    );
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => group.add(n)));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(calls).toBe(1);
  });
});
