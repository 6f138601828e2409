// The review dashboard in a real browser (Chromium through playwright-core, see test/support/browser.ts) against a server this file starts.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { CANONICAL_STATEMENTS } from '../../src/verdict/doctrine.js';
import { createEngine } from '../../src/engine/engine.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { dashboard } from '../../src/ui/dashboard.js';
import { findChromium } from '../support/browser.js';
import { BENIGN_REQUEST, CARD_REQUEST, KEYS, TEST_API_KEYS, TEST_KEY_SECRET, call } from '../support/http.js';

const CHROMIUM = await findChromium();
// Skipped, never failed, where no browser can be had; the reason is printed and the skipped tests counted.
if (!CHROMIUM.found) console.warn(`review dashboard browser tests SKIPPED: ${CHROMIUM.missing}`);
const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'ui');
/** The operations critic escalates it to Tier 2 (HUMAN_ACK) for the span "guaranteed cure". */
const TIER2_REQUEST = { inputText: 'Is it safe?', modelResponse: 'This miracle tea is a guaranteed cure for cancer.' };

let server: HttpServer;
let url: string;
let browser: BrowserContext;
const profile = mkdtempSync(join(tmpdir(), 'eleanor-ui-chromium-'));

async function serve(insecureLocal = false): Promise<{ server: HttpServer; url: string }> {
  const engine = createEngine({ evidence: { store: 'memory' }, infrastructure: { metrics: true, events: {} } });
  const created = await createHttpServer({
    engine,
    http: insecureLocal ? {} : { apiKeys: TEST_API_KEYS },
    insecureLocal,
    keySecret: TEST_KEY_SECRET,
    logger: false,
    plugins: [dashboard()],
  });
  return { server: created, url: await created.app.listen({ host: '127.0.0.1', port: 0 }) };
}

beforeAll(async () => {
  if (!CHROMIUM.found) return;
  rmSync(ARTIFACTS, { recursive: true, force: true }); // this run's screenshots only
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ server, url } = await serve());
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM.executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  browser.setDefaultTimeout(10_000); // a missing element fails its test in seconds, with a screenshot
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
});

const pageErrors = new WeakMap<Page, string[]>();

/** A fresh tab (its own session storage), screenshotted if the test fails. */
async function tab(name: string): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(error.message));
  onTestFailed(async () => {
    await page.screenshot({ path: join(ARTIFACTS, `failed-${name}.png`), fullPage: true }).catch(() => undefined);
  });
  return page;
}

/** Closes the tab, failing the test if the page's script threw meanwhile. */
async function done(page: Page): Promise<void> {
  await page.close();
  expect(pageErrors.get(page), 'errors thrown in the page').toEqual([]);
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

async function signIn(page: Page, key: string): Promise<void> {
  await page.goto(`${url}/ui/`);
  await page.getByLabel('Reviewer API key').fill(key);
  await page.keyboard.press('Enter');
}

/** axe-core's WCAG 2 A/AA checks on the page as it is now; returns each violation as 'rule: first target'. */
async function accessibilityProblems(page: Page): Promise<string[]> {
  // Evaluated over the devtools protocol, so the page's content policy (no inline script) stays in force.
  const results = await page.evaluate(`${axe.source};
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`);
  return results as string[];
}

async function eventually(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

// A browser on a loaded 2-core machine is slow to start pages: each test gets more than the default 20 s.
describe.skipIf(!CHROMIUM.found)('review dashboard (chromium)', { timeout: 45_000 }, () => {
  it('shows a plain error for a wrong key and for a key without the reviewer role, never a blank page', async () => {
    const page = await tab('wrong-key');
    await page.goto(`${url}/ui`); // redirected to /ui/
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to review');
    await page.keyboard.press('Tab'); // the key field has focus already: Tab leads on to the button
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Sign in');
    await signIn(page, 'not-a-key');
    const error = page.locator('#sign-in-error');
    await error.getByText(/That key was not accepted/).waitFor();
    expect(await page.getByLabel('Reviewer API key').getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityProblems(page)).toEqual([]);
    await shot(page, 'wrong-key');
    await signIn(page, KEYS.evaluator);
    await error
      .getByText(/the key 'eve' has the role evaluator; the dashboard needs a key with the reviewer role/)
      .waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0); // refused keys are not kept
    await done(page);
  });

  it('lets a reviewer find a pending case, acknowledge it, and see it leave the queue with the action on record', async () => {
    await call(`${url}/v1/evaluations`, { key: KEYS.evaluator, body: { ...TIER2_REQUEST, traceId: 'ui-ack-1' } });
    await call(`${url}/v1/evaluations`, { key: KEYS.evaluator, body: { ...CARD_REQUEST, traceId: 'ui-det-1' } });
    const page = await tab('acknowledge');
    await signIn(page, KEYS.reviewer);
    await page.locator('#who').getByText('rita').waitFor();
    const rows = page.locator('table.queue tbody tr');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-trace')))).toEqual([
      'ui-det-1',
      'ui-ack-1',
    ]);
    // Filters: by tier, then by critic; they live in the address.
    await page.getByLabel('Tier').selectOption('3');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-trace')))).toEqual(['ui-det-1']);
    await page.getByLabel('Tier').selectOption('');
    await page.getByLabel('Flagged by critic').selectOption('operations');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-trace')))).toEqual(['ui-ack-1']);
    expect(page.url()).toMatch(/#\/queue\?critic=operations$/);
    await page.getByLabel('Decision').selectOption('deny');
    await page.getByText('No pending case matches these filters.').waitFor();
    await page.getByLabel('Decision').selectOption('');
    expect(await accessibilityProblems(page)).toEqual([]);
    await shot(page, 'queue');

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
    await shot(page, 'case');

    const submit = page.getByRole('button', { name: 'Record acknowledgment' });
    await submit.click();
    await page.locator('#act-error').getByText('Choose approve or reject.').waitFor();
    await page.getByLabel('Approve — the response may be used').check();
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
    await shot(page, 'acknowledged');

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
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-trace')))).toEqual(['ui-det-1']);

    await page.reload(); // the key is kept for the tab…
    await page.locator('#who').getByText('rita').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click(); // …until signing out
    await page.getByLabel('Reviewer API key').waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await done(page);
  });

  it('says plainly when a case was decided elsewhere meanwhile (409), and shows that decision', async () => {
    const page = await tab('conflict');
    await signIn(page, KEYS.reviewer);
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
    await page.keyboard.press('Space');
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
    await done(page);
  });

  it('shows evaluations as they happen with counts and latency charts, and lets go of the stream on leaving', async () => {
    const page = await tab('live');
    await signIn(page, KEYS.reviewer);
    await page.getByRole('link', { name: 'Live view' }).click();
    await page
      .locator('#live-connection')
      .getByText(/^Connected/)
      .waitFor();
    expect(server.context.live.clients).toBe(1);
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
    await shot(page, 'live');
    await page.getByRole('link', { name: 'Review queue' }).click();
    await eventually(() => server.context.live.clients === 0);
    await done(page);
  });

  it('needs no sign-in on a server run with --insecure-local', async () => {
    const local = await serve(true);
    try {
      const page = await tab('insecure-local');
      await page.goto(`${local.url}/ui/`);
      await page.locator('#session').getByText('Signed in as local (no sign-in: --insecure-local)').waitFor();
      await page.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
      await done(page);
    } finally {
      await local.server.close();
    }
  });
});
