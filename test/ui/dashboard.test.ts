// The review dashboard in a real browser (Chromium through playwright-core, see test/support/browser.ts) against a server this file starts: sign-in, the review flow, a conflict, sign-out, the live view.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANONICAL_STATEMENTS } from '../../src/verdict/doctrine.js';
import { BENIGN_REQUEST, CARD_REQUEST, KEYS, call } from '../support/http.js';
import {
  CHROMIUM,
  TIER2_REQUEST,
  accessibilityProblems,
  evaluate,
  eventually,
  openBrowser,
  queueOrder,
  serveDashboard,
  signIn,
  type Browser,
  type Served,
} from './support.js';

let served: Served;
let url: string;
let browser: Browser;

beforeAll(async () => {
  if (!CHROMIUM.found) return;
  served = await serveDashboard();
  url = served.url;
  browser = await openBrowser('dashboard');
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await served?.server.close();
});

// A browser on a loaded 2-core machine is slow to start pages: each test gets more than the default 20 s.
describe.skipIf(!CHROMIUM.found)('review dashboard (chromium)', { timeout: 45_000 }, () => {
  it('shows a plain error for a wrong key and for a key without the reviewer role, never a blank page', async () => {
    const page = await browser.tab('wrong-key');
    await page.goto(`${url}/ui`); // redirected to /ui/
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to review');
    await page.keyboard.press('Tab'); // the key field has focus already: Tab leads on to the button
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Sign in');
    await signIn(page, url, 'not-a-key');
    const error = page.locator('#sign-in-error');
    await error.getByText(/That key was not accepted/).waitFor();
    expect(await page.getByLabel('Reviewer API key').getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityProblems(page)).toEqual([]);
    await browser.shot(page, 'wrong-key');
    await signIn(page, url, KEYS.evaluator);
    await error
      .getByText(/the key 'eve' has the role evaluator; the dashboard needs a key with the reviewer role/)
      .waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0); // refused keys are not kept
    await browser.done(page);
  });

  it('lets a reviewer find a pending case, acknowledge it, and see it leave the queue with the action on record', async () => {
    await call(`${url}/v1/evaluations`, { key: KEYS.evaluator, body: { ...TIER2_REQUEST, traceId: 'ui-ack-1' } });
    await call(`${url}/v1/evaluations`, { key: KEYS.evaluator, body: { ...CARD_REQUEST, traceId: 'ui-det-1' } });
    const page = await browser.tab('acknowledge');
    await signIn(page, url, KEYS.reviewer);
    await page.locator('#who').getByText('rita').waitFor();
    await page.locator('table.queue tbody tr').first().waitFor();
    expect(await queueOrder(page)).toEqual(['ui-det-1', 'ui-ack-1']);
    // Filters (asked of the server): by tier, then by critic; they live in the address.
    await page.getByLabel('Tier').selectOption('3');
    await expect.poll(() => queueOrder(page)).toEqual(['ui-det-1']);
    await page.getByLabel('Tier').selectOption('');
    await page.getByLabel('Flagged by critic').selectOption('operations');
    await expect.poll(() => queueOrder(page)).toEqual(['ui-ack-1']);
    expect(page.url()).toMatch(/#\/queue\?critic=operations$/);
    await page.getByLabel('Decision').selectOption('deny');
    await page.getByText('No pending case matches these filters.').waitFor();
    await page.getByLabel('Decision').selectOption('');
    expect(await accessibilityProblems(page)).toEqual([]);
    await browser.shot(page, 'queue');

    await page.getByRole('link', { name: 'ui-ack-1' }).click();
    const heading = page.getByRole('heading', { level: 1, name: 'Case ui-ack-1' });
    await heading.waitFor();
    expect(await heading.evaluate((h1) => h1 === document.activeElement)).toBe(true);
    expect(await page.locator('#response-text mark').allTextContents()).toEqual([
      expect.stringMatching(/^guaranteed cure/),
    ]);
    expect(await page.locator('tr[data-critic=operations]').textContent()).toMatch(/operations\.impossible_guarantee/);
    expect(await page.locator('tr[data-critic=privacy]').textContent()).toMatch(/success/);
    await page
      .locator('#chain-verdict')
      .getByText(/^The chain verifies: 2 records/)
      .waitFor();
    expect(await page.locator('#statement').textContent()).toBe(CANONICAL_STATEMENTS.HUMAN_ACK);
    expect(await accessibilityProblems(page)).toEqual([]);
    await browser.shot(page, 'case');

    const submit = page.getByRole('button', { name: 'Record acknowledgment' });
    await submit.click();
    await page.locator('#act-error').getByText('Choose approve or reject.').waitFor();
    await page.getByLabel('Approve — proceed with the response: it may be used').check();
    await submit.click();
    await page
      .locator('#act-error')
      .getByText(/Tick the box to make the statement/)
      .waitFor();
    await page.getByLabel('I make this statement, as rita').check();
    await submit.click();
    await page
      .locator('#status')
      .getByText(/^Recorded: approved by rita — evidence record 3/)
      .waitFor();
    await page.locator('#review-evidence').getByText('record 3: HUMAN_ACK approve by rita').waitFor();
    expect(await page.getByRole('button', { name: 'Record acknowledgment' }).count()).toBe(0);
    await page
      .locator('#chain-verdict')
      .getByText(/^The chain verifies: 3 records, head at record 3/)
      .waitFor();
    await browser.shot(page, 'acknowledged');

    const record = await call(`${url}/v1/evaluations/ui-ack-1`, { key: KEYS.reviewer });
    expect(record.body.reviewStatus).toBe('approved');
    expect(record.body.review).toMatchObject({
      actor: 'rita',
      action: 'HUMAN_ACK',
      outcome: 'approve',
      statement: CANONICAL_STATEMENTS.HUMAN_ACK,
    });
    expect((await call(`${url}/v1/evidence/verify`, { key: KEYS.reviewer })).body.ok).toBe(true);

    await page.getByRole('link', { name: '← Review queue' }).click(); // back to the filters left (critic=operations)
    await page
      .getByText('Nothing is waiting for review.')
      .or(page.getByText(/No pending case matches/))
      .waitFor();
    await page.getByLabel('Flagged by critic').selectOption('');
    await expect.poll(() => queueOrder(page)).toEqual(['ui-det-1']);

    await page.reload(); // the key is kept for the tab…
    await page.locator('#who').getByText('rita').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click(); // …until signing out
    await page.getByLabel('Reviewer API key').waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    // The header no longer says who was signed in (`hidden` wins over the bar's display: flex).
    expect(await page.getByText('Signed in as').isVisible()).toBe(false);
    expect(await page.locator('#session').isVisible()).toBe(false);
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    await page.locator('#status').getByText('You are signed out.').waitFor();
    await browser.shot(page, 'signed-out');
    await browser.done(page);
  });

  it('says plainly when a case was decided elsewhere meanwhile (409), and shows that decision', async () => {
    const page = await browser.tab('conflict');
    await signIn(page, url, KEYS.reviewer);
    await page.getByRole('link', { name: 'ui-det-1' }).click();
    await page.getByRole('heading', { level: 2, name: 'Determine' }).waitFor();
    const decided = await call(`${url}/v1/reviews/ui-det-1/decision`, {
      key: KEYS.admin,
      body: {
        action: 'HUMAN_DETERMINATION',
        statement: CANONICAL_STATEMENTS.HUMAN_DETERMINATION,
        outcome: 'reject',
      },
    });
    expect(decided.status).toBe(200);
    // By keyboard alone: the jump link, then Tab through the form in reading order.
    await page.getByRole('link', { name: 'Go to the determination form' }).click();
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent);
    expect(await focused()).toBe('act-title');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('outcome-approve');
    await page.keyboard.press('ArrowDown'); // the radio group: reject, checked
    expect(await focused()).toBe('outcome-reject');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('affirm');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Record determination');
    await page.keyboard.press('Enter');
    await page
      .locator('#alert')
      .getByText(/already reviewed by someone else; the first decision stands/)
      .waitFor();
    await page
      .locator('#review-status')
      .getByText(/^rejected by ada/)
      .waitFor();
    await browser.done(page);
  });

  it('shows evaluations as they happen with counts and latency charts, and lets go of the stream on leaving', async () => {
    const page = await browser.tab('live');
    await signIn(page, url, KEYS.reviewer);
    await page.getByRole('link', { name: 'Live view' }).click();
    await page
      .locator('#live-connection')
      .getByText(/^Connected/)
      .waitFor();
    expect(served.server.context.live.clients).toBe(1);
    const before = Number(await page.locator('[data-decision=total]').textContent());
    await call(`${url}/v1/evaluations`, { key: KEYS.evaluator, body: { ...BENIGN_REQUEST, traceId: 'ui-live-1' } });
    await call(`${url}/v1/evaluations`, { key: KEYS.evaluator, body: { ...CARD_REQUEST, traceId: 'ui-live-2' } });
    await page.locator('#live-log li[data-trace=ui-live-2]').getByText('deny').waitFor();
    expect(await page.locator('#live-log li[data-trace=ui-live-1]').textContent()).toMatch(/allow.*no gate/);
    expect(await page.locator('#live-log > li').evaluateAll((lis) => lis.map((li) => li.dataset['trace']))).toEqual([
      'ui-live-2',
      'ui-live-1',
    ]);
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-decision=total]')?.textContent) >= n + 2,
      before,
    );
    expect(Number(await page.locator('[data-decision=deny]').textContent())).toBeGreaterThanOrEqual(1);
    const privacy = page.locator('figure.chart[data-critic=privacy]');
    expect(await privacy.locator('path.p50').getAttribute('d')).toMatch(/^M\d/);
    expect(await privacy.locator('figcaption').textContent()).toMatch(
      /^privacy: p50 [\d.]+ ms, p99 [\d.]+ ms over \d+ runs/,
    );
    expect(await accessibilityProblems(page)).toEqual([]);
    await browser.shot(page, 'live');
    await page.getByRole('link', { name: 'Review queue' }).click();
    await eventually(() => served.server.context.live.clients === 0);
    await browser.done(page);
  });

  it("counts what another server on the same store did: the live view's counts come from the store", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eleanor-ui-live-'));
    const evidence = { store: 'sqlite', path: join(dir, 'shared.db') } as const;
    const watched = await serveDashboard({ evidence });
    const working = await serveDashboard({ evidence });
    try {
      const page = await browser.tab('live-store');
      await signIn(page, watched.url, KEYS.reviewer);
      await page.getByRole('link', { name: 'Live view' }).click();
      await page
        .locator('#live-source')
        .getByText('Counted from the evidence store: every server writing to it.')
        .waitFor();
      expect(await page.locator('[data-decision=total]').textContent()).toBe('0');
      for (let i = 0; i < 3; i++) await evaluate(working.url, { ...CARD_REQUEST, traceId: `elsewhere-${i}` });
      // The page refreshes every 5 s; the server reads the store at most every 2 s.
      await page.waitForFunction(() => document.querySelector('[data-decision=total]')?.textContent === '3', null, {
        timeout: 15_000,
      });
      expect(await page.locator('[data-decision=deny]').textContent()).toBe('3');
      expect(await page.locator('figure.chart[data-critic=privacy] figcaption').textContent()).toMatch(/over 3 runs/);
      expect(watched.server.context.live.stats(5).evaluations).toBe(0); // none of them ran on this server
      await browser.shot(page, 'live-from-store');
      await browser.done(page);
    } finally {
      await working.server.close();
      await watched.server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('needs no sign-in on a server run with --insecure-local', async () => {
    const local = await serveDashboard({ insecureLocal: true });
    try {
      const page = await browser.tab('insecure-local');
      await page.goto(`${local.url}/ui/`);
      await page.locator('#session').getByText('Signed in as local (no sign-in: --insecure-local)').waitFor();
      await page.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
      await browser.done(page);
    } finally {
      await local.server.close();
    }
  });
});
