// A case in a real browser: the critics that flagged it first (the others collapsed), input and response side by side
// with each side's spans, a second confirmation to approve a deny, reject words that agree with the statement, a/r by
// keyboard, and "next case" once decided.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANONICAL_STATEMENTS } from '../../src/verdict/doctrine.js';
import { CARD_REQUEST, KEYS, call } from '../support/http.js';
import {
  BOTH_SIDES_REQUEST,
  CHROMIUM,
  TIER2_REQUEST,
  accessibilityProblems,
  evaluate,
  eventually,
  openBrowser,
  serveDashboard,
  signIn,
  type Browser,
  type Served,
} from './support.js';

let browser: Browser;
let served: Served;
let url: string;
beforeAll(async () => {
  if (!CHROMIUM.found) return;
  served = await serveDashboard();
  url = served.url;
  browser = await openBrowser('case');
}, 30_000);
afterAll(async () => {
  await browser?.close();
  await served?.server.close();
});

async function openCase(page: Page, traceId: string): Promise<void> {
  await page.goto(`${url}/ui/#/case/${traceId}`);
  await page.getByLabel('Reviewer API key').fill(KEYS.reviewer);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: `Case ${traceId}` }).waitFor();
}

const reviewOf = async (traceId: string, base = url) =>
  (await call(`${base}/v1/evaluations/${traceId}`, { key: KEYS.reviewer })).body;

describe.skipIf(!CHROMIUM.found)('a case (chromium)', { timeout: 60_000 }, () => {
  it('leads with the critics that flagged it, keeps the others collapsed, and shows both texts side by side with their spans', async () => {
    await evaluate(url, { ...BOTH_SIDES_REQUEST, traceId: 'case-both' });
    const page = await browser.tab('layout');
    await openCase(page, 'case-both');
    const sections = await page
      .locator('#view > section, #view > details')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-labelledby') ?? e.id));
    expect(sections.slice(0, 2)).toEqual(['flagged-title', 'texts-title']);
    const flagged = await page
      .locator('#flagged tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-critic'), !!tr.querySelector('.status-failed')]));
    // privacy and operations raised violations; any other critic here failed (unknown, never safe).
    expect(flagged.map(([critic]) => critic)).toEqual(expect.arrayContaining(['privacy', 'operations']));
    for (const [critic, failed] of flagged)
      if (critic !== 'privacy' && critic !== 'operations') expect(failed).toBe(true);
    expect(await page.locator('#flagged tr[data-critic=privacy]').textContent()).toMatch(
      /privacy\.payment_card.*in the input/,
    );
    const others = page.locator('#other-critics');
    expect(await others.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await others.locator('summary').textContent()).toMatch(/^\d+ other critics: no violation \(/);
    expect(await others.locator('tr[data-critic=truth]').isVisible()).toBe(false);
    await others.locator('summary').click();
    expect(await others.locator('tr[data-critic=truth]').isVisible()).toBe(true);

    expect(await page.locator('#input-text mark').allTextContents()).toEqual([
      expect.stringMatching(/^4111 1111 1111 1111/),
    ]);
    expect(await page.locator('#response-text mark').allTextContents()).toEqual([
      expect.stringMatching(/^guaranteed cure/),
    ]);
    const input = (await page.locator('#input-text').boundingBox())!;
    const response = (await page.locator('#response-text').boundingBox())!;
    expect(Math.abs(input.y - response.y)).toBeLessThan(2); // side by side…
    expect(input.x + input.width).toBeLessThanOrEqual(response.x); // …input on the left
    expect(await accessibilityProblems(page)).toEqual([]);
    await browser.shot(page, 'case-layout');
    await browser.done(page);
  });

  it('asks a second time before approving a response Eleanor denied; going back records nothing', async () => {
    await evaluate(url, { ...CARD_REQUEST, traceId: 'case-deny' });
    const page = await browser.tab('deny');
    await openCase(page, 'case-deny');
    await page.getByLabel('Approve — I determine that the response may be used').check();
    await page.getByLabel('I make this statement, as rita').check();
    await page.getByRole('button', { name: 'Record determination' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve a response Eleanor denied?' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Go back');
    expect(await accessibilityProblems(page)).toEqual([]);
    await browser.shot(page, 'approve-deny-confirm');
    await dialog.getByRole('button', { name: 'Go back' }).click();
    await page
      .locator('#act-error')
      .getByText(/^Not recorded: you went back/)
      .waitFor();
    expect((await reviewOf('case-deny')).reviewStatus).toBe('pending');

    await page.getByRole('button', { name: 'Record determination' }).click();
    await dialog.getByRole('button', { name: 'Yes, approve the denied response' }).click();
    await page
      .locator('#status')
      .getByText(/^Recorded: approved by rita/)
      .waitFor();
    expect(await reviewOf('case-deny')).toMatchObject({ reviewStatus: 'approved', review: { outcome: 'approve' } });
    await browser.done(page);
  });

  it('words rejecting so that it agrees with the statement made above it', async () => {
    await evaluate(url, { ...TIER2_REQUEST, traceId: 'case-ack' });
    const page = await browser.tab('reject-words');
    await openCase(page, 'case-ack');
    const order = await page
      .locator('.act form')
      .evaluate((form) => [...form.querySelectorAll('blockquote, fieldset')].map((e) => e.tagName));
    expect(order).toEqual(['BLOCKQUOTE', 'FIELDSET']); // the statement first, then the outcomes
    expect(await page.locator('#statement').textContent()).toBe(CANONICAL_STATEMENTS.HUMAN_ACK);
    expect(await page.locator('.statement-label').textContent()).toMatch(/with either outcome/);
    const reject = page.getByLabel('Reject — proceed by withholding the response: it must not be used');
    // "I … accept responsibility for proceeding": rejecting is proceeding (by withholding), never "not proceeding".
    expect(await reject.count()).toBe(1);
    expect(await page.locator('label[for=outcome-reject]').textContent()).not.toMatch(/do not proceed|not proceeding/);
    await reject.check();
    await page.getByLabel('I make this statement, as rita').check();
    await page.getByRole('button', { name: 'Record acknowledgment' }).click();
    await page
      .locator('#status')
      .getByText(/^Recorded: rejected by rita/)
      .waitFor();
    expect(await reviewOf('case-ack')).toMatchObject({
      reviewStatus: 'rejected',
      review: { statement: CANONICAL_STATEMENTS.HUMAN_ACK },
    });
    await browser.done(page);
  });

  it('decides by keyboard (a or r, then confirm) and offers the next case in the queue once decided', async () => {
    const own = await serveDashboard(); // a queue of these three cases only
    try {
      await keyboardAndNextCase(own.url);
    } finally {
      await own.server.close();
    }
  });
});

async function keyboardAndNextCase(url: string): Promise<void> {
  await evaluate(url, { ...TIER2_REQUEST, traceId: 'next-3' });
  await evaluate(url, { ...TIER2_REQUEST, traceId: 'next-2' });
  await evaluate(url, { ...TIER2_REQUEST, traceId: 'next-1' });
  const page = await browser.tab('next-case');
  await signIn(page, url, KEYS.reviewer);
  await page.getByRole('link', { name: 'next-1' }).click(); // the queue, newest first: next-1, next-2, next-3
  await page.getByRole('heading', { level: 1, name: 'Case next-1' }).waitFor();
  expect(await page.getByText(/^Keys: a approves and r rejects/).isVisible()).toBe(true);
  await page.keyboard.press('r');
  const dialog = page.getByRole('dialog', { name: 'Reject case next-1?' });
  await dialog.waitFor();
  expect(await dialog.locator('blockquote').textContent()).toBe(CANONICAL_STATEMENTS.HUMAN_ACK);
  expect(await dialog.locator('.outcome-words').textContent()).toBe(
    'Reject — proceed by withholding the response: it must not be used',
  );
  await page.keyboard.press('Enter');
  const next = page.locator('#next-case');
  await next.getByRole('link', { name: 'Next case: next-2 →' }).waitFor();
  expect((await reviewOf('next-1', url)).reviewStatus).toBe('rejected');
  await browser.shot(page, 'next-case');
  await page.keyboard.press('n');
  await page.getByRole('heading', { level: 1, name: 'Case next-2' }).waitFor();
  await page.keyboard.press('a');
  await page.getByRole('dialog', { name: 'Approve case next-2?' }).waitFor();
  await page.keyboard.press('Escape'); // backed out: nothing recorded, no next case offered
  await eventually(async () => (await page.getByRole('dialog').count()) === 0);
  expect(await next.count()).toBe(0);
  expect((await reviewOf('next-2', url)).reviewStatus).toBe('pending');
  await page.keyboard.press('a');
  await page.keyboard.press('Enter');
  await next.getByRole('link', { name: 'Next case: next-3 →' }).click();
  await page.getByRole('heading', { level: 1, name: 'Case next-3' }).waitFor();
  await page.keyboard.press('a');
  await page.keyboard.press('Enter');
  await next.getByText(/^No other case is waiting under these filters/).waitFor();
  expect((await reviewOf('next-3', url)).reviewStatus).toBe('approved');
  await browser.done(page);
}
