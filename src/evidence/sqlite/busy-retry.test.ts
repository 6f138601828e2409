import { describe, expect, it } from 'vitest';
import { retryOpenWhileBusy, retryWhileBusy } from './busy-retry.js';

const busy = (): Error => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

describe('retryWhileBusy', () => {
  it('tries a busy write again, off the event loop, until it goes through', async () => {
    let tries = 0;
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 0);
    const result = await retryWhileBusy(() => {
      tries += 1;
      if (tries < 4) throw busy();
      return 'written';
    }, 1_000);
    clearInterval(ticking);
    expect([result, tries]).toEqual(['written', 4]);
    expect(ticks).toBeGreaterThan(0); // the event loop ran between the tries
  });

  it('gives up with the busy error after its time, and never retries any other error', async () => {
    await expect(
      retryWhileBusy(() => {
        throw busy();
      }, 15),
    ).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    let tries = 0;
    await expect(
      retryWhileBusy(() => {
        tries += 1;
        throw Object.assign(new Error('UNIQUE'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
      }, 1_000),
    ).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(tries).toBe(1);
  });
});

describe('retryOpenWhileBusy', () => {
  it('opens again while busy, and gives up after its time or at once on any other error', () => {
    let tries = 0;
    const opened = retryOpenWhileBusy(() => {
      tries += 1;
      if (tries < 3) throw busy();
      return 'open';
    }, 1_000);
    expect([opened, tries]).toEqual(['open', 3]);
    expect(() =>
      retryOpenWhileBusy(() => {
        throw busy();
      }, 15),
    ).toThrow('database is locked');
    tries = 0;
    expect(() =>
      retryOpenWhileBusy(() => {
        tries += 1;
        throw Object.assign(new Error('not a database'), { code: 'SQLITE_NOTADB' });
      }, 1_000),
    ).toThrow('not a database');
    expect(tries).toBe(1);
  });
});
