import { describe, expect, it } from 'vitest';
import { MAX_RESTART_MS, RestartBackoff, STABLE_UPTIME_MS, restartDelayMs } from './restart-backoff.js';

describe('RestartBackoff', () => {
  it('doubles the wait for each crash in a row, up to the cap', () => {
    const backoff = new RestartBackoff();
    const waits = Array.from({ length: 10 }, () => backoff.crashed(5));
    expect(waits).toEqual([100, 200, 400, 800, 1_600, 3_200, 6_400, MAX_RESTART_MS, MAX_RESTART_MS, MAX_RESTART_MS]);
    expect(backoff.attempt).toBe(10);
  });

  it('starts again from the first wait once a worker stayed up long enough to count as healthy', () => {
    const backoff = new RestartBackoff();
    backoff.crashed(0);
    backoff.crashed(0);
    expect(backoff.crashed(STABLE_UPTIME_MS - 1)).toBe(400);
    expect(backoff.crashed(STABLE_UPTIME_MS)).toBe(100);
  });

  it('never waits less than the first delay, nor more than the cap', () => {
    expect(restartDelayMs(0)).toBe(100);
    expect(restartDelayMs(1_000)).toBe(MAX_RESTART_MS);
  });
});
