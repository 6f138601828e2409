// The helper that finds the browser tests' Chromium: the packaged one starts here, and a missing one is explained.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { lookUpChromium } from '../support/browser.js';

describe('lookUpChromium', () => {
  it('names a missing $ELEANOR_CHROMIUM and says how to get a browser', async () => {
    const lookup = await lookUpChromium({ ELEANOR_CHROMIUM: '/nonexistent/chromium' });
    expect(lookup.found).toBe(false);
    if (lookup.found) return;
    expect(lookup.missing).toContain('ELEANOR_CHROMIUM=/nonexistent/chromium does not exist');
    expect(lookup.missing).toContain('scripts/ensure-browser.sh');
    expect(lookup.missing).toContain('@sparticuz/chromium');
  });

  it.runIf(process.platform === 'linux' && process.arch === 'x64')(
    'unpacks the Chromium shipped in @sparticuz/chromium, which starts and tells its version',
    async () => {
      const lookup = await lookUpChromium({});
      expect(lookup).toMatchObject({ found: true, source: '@sparticuz/chromium' });
      if (!lookup.found) return;
      expect(execFileSync(lookup.executablePath, ['--version'], { encoding: 'utf8' })).toMatch(/^Chromium \d+\./);
    },
    30_000,
  );
});
