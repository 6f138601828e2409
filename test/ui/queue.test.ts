// The review queue in a real browser: rows a reviewer can read at a glance, sorting, counts per filter, paging and
// filtering through the API (and a server without paging), j/k and a/r with confirmation, narrow screens.
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_REQUEST, KEYS, call } from '../support/http.js';
import {
  BOTH_SIDES_REQUEST,
  CHROMIUM,
  TIER2_REQUEST,
  accessibilityProblems,
  evaluate,
  eventually,
  horizontalOverflow,
  openBrowser,
  overflowing,
  queueOrder,
  serveDashboard,
  signIn,
  type Browser,
  type Served,
} from './support.js';

const LONG_ID = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';

let browser: Browser;
beforeAll(async () => {
  if (!CHROMIUM.found) return;
  browser = await openBrowser('queue');
}, 30_000);
afterAll(() => browser?.close());

/** A server of its own per test: each starts from an empty queue. */
async function withServer(run: (s: Served) => Promise<void>): Promise<void> {
  const served = await serveDashboard();
  try {
    await run(served);
  } finally {
    await served.server.close();
  }
}

async function openQueue(page: Page, url: string): Promise<void> {
  await signIn(page, url, KEYS.reviewer);
  await page.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
}

const status = async (url: string, traceId: string): Promise<string> =>
  (await call(`${url}/v1/evaluations/${traceId}`, { key: KEYS.reviewer })).body.reviewStatus;

const isReviews = (u: URL): boolean => u.pathname.endsWith('/v1/reviews');

const sortState = (page: Page, key: string) =>
  page.locator(`th:has(button[data-sort=${key}])`).getAttribute('aria-sort');

describe.skipIf(!CHROMIUM.found)('review queue (chromium)', { timeout: 60_000 }, () => {
  it('shows each case with its flagged excerpt, top rule in words, age, tier and a short id to copy; sorts; counts per filter', async () => {
    await withServer(async ({ url }) => {
      await evaluate(url, { ...TIER2_REQUEST, traceId: LONG_ID });
      await evaluate(url, { ...CARD_REQUEST, traceId: 'q-card' });
      await evaluate(url, { ...BOTH_SIDES_REQUEST, traceId: 'q-both' });
      await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
      const page = await browser.tab('rows');
      await openQueue(page, url);
      await page.locator('table.queue tbody tr').first().waitFor();
      expect(await queueOrder(page)).toEqual(['q-both', 'q-card', LONG_ID]);

      const long = page.locator(`tr[data-trace="${LONG_ID}"]`);
      const link = long.locator('a.trace');
      expect(await link.textContent()).toBe('f47ac10b…');
      expect(await link.getAttribute('title')).toBe(LONG_ID);
      await long.getByRole('button', { name: `Copy id ${LONG_ID}` }).click();
      await long.locator('button.copy', { hasText: 'Copied' }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(LONG_ID);
      await long.locator('.excerpt mark').waitFor();
      expect(await long.locator('.excerpt').textContent()).toBe(TIER2_REQUEST.modelResponse);
      expect(await long.locator('.excerpt mark').textContent()).toBe('guaranteed cure');
      expect(await long.locator('.top-rule code').textContent()).toBe('operations.impossible_guarantee');
      expect(await long.locator('.top-rule span').textContent()).not.toBe('');
      expect(await long.locator('time').textContent()).toBe('just now');
      expect(await long.locator('time').getAttribute('title')).not.toBeNull();
      expect(await long.locator('td[data-label=Tier]').textContent()).toBe('Tier 2');

      // The top rule is the most severe violation; its span is in the input, so the excerpt says so.
      const both = page.locator('tr[data-trace=q-both]');
      await both.locator('.excerpt mark').waitFor();
      expect(await both.locator('.top-rule code').textContent()).toBe('privacy.payment_card');
      expect(await both.locator('.excerpt mark').textContent()).toBe('guaranteed cure'); // the response first
      expect(await page.locator('tr[data-trace=q-card] .excerpt mark').textContent()).toBe('4111 1111 1111 1111');

      // Counts per filter: in each choice, and in the status line.
      expect(await page.locator('#queue-count').textContent()).toBe('Showing 3 of 3 pending cases.');
      expect(await page.locator('#filter-tier option[value="3"]').textContent()).toBe('Tier 3 (determination) (2)');
      expect(await page.locator('#filter-tier option[value="2"]').textContent()).toBe('Tier 2 (acknowledgment) (1)');
      expect(await page.locator('#filter-critic option[value=privacy]').textContent()).toBe('privacy (2)');
      expect(await page.locator('#filter-critic option[value=operations]').textContent()).toBe('operations (2)');
      expect(await page.locator('#filter-decision option[value=deny]').textContent()).toBe('deny (2)');
      await page.getByLabel('Flagged by critic').selectOption('operations');
      await page.locator('#queue-count').getByText('Showing 2 of 2 pending cases.').waitFor();
      expect(await page.locator('#filter-tier option[value="3"]').textContent()).toBe('Tier 3 (determination) (1)');
      await page.getByLabel('Flagged by critic').selectOption('');
      await page.locator('#queue-count').getByText('Showing 3 of 3').waitFor();

      // Sorting: by tier (highest first, then lowest), back to newest, then oldest first.
      await page.getByRole('button', { name: 'Tier' }).click();
      expect(await sortState(page, 'tier')).toBe('descending');
      expect(await queueOrder(page)).toEqual(['q-both', 'q-card', LONG_ID]);
      await page.getByRole('button', { name: 'Tier' }).click();
      expect(await sortState(page, 'tier')).toBe('ascending');
      expect(await queueOrder(page)).toEqual([LONG_ID, 'q-both', 'q-card']);
      expect(page.url()).toMatch(/#\/queue\?sort=tier&dir=asc$/);
      await page.getByRole('button', { name: 'Received' }).click();
      await expect.poll(() => queueOrder(page)).toEqual(['q-both', 'q-card', LONG_ID]);
      expect(await sortState(page, 'received')).toBe('descending');
      expect(await sortState(page, 'tier')).toBe('none');
      await page.getByRole('button', { name: 'Received' }).click();
      await expect.poll(() => queueOrder(page)).toEqual([LONG_ID, 'q-card', 'q-both']);
      expect(page.url()).toMatch(/#\/queue\?order=oldest$/);
      expect(await accessibilityProblems(page)).toEqual([]);
      await browser.shot(page, 'queue-rows');
      await browser.done(page);
    });
  });

  it('pages and filters through the API: 120 pending cases, every one reachable with "Load 50 more"', async () => {
    await withServer(async ({ url }) => {
      for (let start = 0; start < 120; start += 60) {
        const requests = Array.from({ length: 60 }, (_, i) => ({
          ...(i % 3 === 0 ? CARD_REQUEST : TIER2_REQUEST),
          traceId: `page-${String(start + i).padStart(3, '0')}`,
        }));
        const batch = await call(`${url}/v1/evaluations/batch`, { key: KEYS.evaluator, body: { requests } });
        expect(batch.status).toBe(200);
      }
      const page = await browser.tab('paging');
      const asked: string[] = [];
      page.on('request', (r: Request) => {
        if (r.url().includes('/v1/reviews?')) asked.push(r.url());
      });
      await openQueue(page, url);
      const rows = page.locator('table.queue tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(50);
      expect(await page.locator('#queue-count').textContent()).toBe('Showing 50 of 120 pending cases.');
      await page.getByRole('button', { name: 'Load 50 more' }).click();
      await expect.poll(() => rows.count()).toBe(100);
      await page.getByRole('button', { name: 'Load 50 more' }).click();
      await expect.poll(() => rows.count()).toBe(120);
      expect(await page.getByRole('button', { name: 'Load 50 more' }).isVisible()).toBe(false);
      const ids = await queueOrder(page);
      expect(new Set(ids).size).toBe(120);
      expect(asked[0]).toMatch(/status=pending&limit=50$/);

      await page.getByLabel('Tier').selectOption('3');
      // Asked of the server as a query parameter when it pages (the stubbed test below checks the parameters).
      await page.locator('#queue-count').getByText('Showing 40 of 40 pending cases.').waitFor();
      expect(await page.getByRole('button', { name: 'Load 50 more' }).isVisible()).toBe(false);
      await browser.done(page);
    });
  });

  it('sends filters, cursor and order as the paging API takes them, and shows its counts (API stubbed)', async () => {
    await withServer(async ({ url }) => {
      const page = await browser.tab('contract');
      const asked: URL[] = [];
      const kase = (traceId: string, tier: 2 | 3, extra: object = {}) => ({
        traceId,
        chain: 'default',
        seq: 1,
        createdAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
        decision: tier === 3 ? 'deny' : 'escalate',
        tier,
        requiredAction: tier === 3 ? 'HUMAN_DETERMINATION' : 'HUMAN_ACK',
        reasons: ['a reason'],
        critics: ['privacy'],
        status: 'pending',
        review: null,
        ...extra,
      });
      const counts = {
        total: 1_018,
        byTier: { '2': 1_000, '3': 18 },
        byCritic: { privacy: 12, risk: 6 },
        byDecision: { allow: 0, constrained_allow: 0, escalate: 1_000, deny: 18 },
      };
      await page.route(isReviews, (route) => {
        const at = new URL(route.request().url());
        asked.push(at);
        const reviews =
          at.searchParams.get('cursor') === 'page-2'
            ? [kase('stub-3', 3)] // no excerpt nor top rule: the page reads the case's record
            : [
                kase('stub-1', 3, {
                  excerpt: {
                    side: 'response',
                    text: 'card 4111 1111 1111 1111 on file',
                    start: 5,
                    end: 24,
                    clippedStart: true,
                  },
                  topRule: {
                    rule: 'privacy.payment_card',
                    message: 'a payment card number',
                    critic: 'privacy',
                    severity: 2.5,
                  },
                }),
                kase('stub-2', 2, { topRule: { rule: 'risk.x', message: 'a risky thing' } }), // text not kept
              ];
        return route.fulfill({
          json: { reviews, nextCursor: at.searchParams.has('cursor') ? null : 'page-2', counts },
        });
      });
      await page.route(
        (u) => u.pathname.endsWith('/v1/evaluations/stub-3') && u.searchParams.get('chain') === 'default',
        (route) =>
          route.fulfill({
            json: {
              evaluation: {
                input: { inputText: 'hello', modelResponse: 'Sure: mix bleach and ammonia in a closed room.' },
                violations: [
                  {
                    critic: 'risk',
                    rule: 'risk.toxic_gas',
                    message: 'instructions for a toxic gas',
                    severity: 3,
                    side: 'response',
                    span: { start: 6, end: 25, text: 'mix bleach and ammo' },
                  },
                ],
              },
            },
          }),
      );
      await page.goto(`${url}/ui/#/queue?critic=privacy`);
      await page.getByLabel('Reviewer API key').fill(KEYS.reviewer);
      await page.keyboard.press('Enter');
      await page.locator('tr[data-trace=stub-1]').waitFor();
      expect(Object.fromEntries(asked[0]!.searchParams)).toEqual({ critic: 'privacy', status: 'pending', limit: '50' });
      expect(await page.locator('#queue-count').textContent()).toBe('Showing 2 of 1,018 pending cases.');
      expect(await page.locator('#filter-tier option[value="2"]').textContent()).toBe(
        'Tier 2 (acknowledgment) (1,000)',
      );
      expect(await page.locator('#filter-critic option[value=risk]').textContent()).toBe('risk (6)');
      expect(await page.locator('tr[data-trace=stub-1] .excerpt').textContent()).toBe(
        '…card 4111 1111 1111 1111 on file',
      );
      expect(await page.locator('tr[data-trace=stub-1] .excerpt mark').textContent()).toBe('4111 1111 1111 1111');
      expect(await page.locator('tr[data-trace=stub-2] .excerpt').textContent()).toBe('No text kept to show.');
      expect(await page.locator('tr[data-trace=stub-1] time').textContent()).toBe('3 h ago');

      await page.getByRole('button', { name: 'Load 50 more' }).click();
      await page.locator('tr[data-trace=stub-3] .excerpt mark').getByText('mix bleach and ammo').waitFor();
      expect(await page.locator('tr[data-trace=stub-3] .top-rule code').textContent()).toBe('risk.toxic_gas');
      expect(Object.fromEntries(asked[1]!.searchParams)).toMatchObject({ critic: 'privacy', cursor: 'page-2' });

      await page.getByLabel('Search the texts').fill('bleach');
      await page.getByRole('button', { name: 'Search' }).click();
      await expect.poll(() => asked.length).toBe(3);
      expect(Object.fromEntries(asked[2]!.searchParams)).toEqual({
        critic: 'privacy',
        q: 'bleach',
        status: 'pending',
        limit: '50',
      });
      await page.getByRole('button', { name: 'Received' }).click(); // newest → oldest, on the server
      await expect.poll(() => asked.length).toBe(4);
      expect(asked[3]!.searchParams.get('order')).toBe('oldest');
      await browser.done(page);
    });
  });

  it('filters, counts and pages here when the server does not page (it refuses the parameters)', async () => {
    await withServer(async ({ url }) => {
      await evaluate(url, { ...TIER2_REQUEST, traceId: 'old-ack' });
      await evaluate(url, { ...CARD_REQUEST, traceId: 'old-card' });
      const page = await browser.tab('legacy');
      const asked: string[] = [];
      await page.route(isReviews, async (route) => {
        const at = new URL(route.request().url());
        asked.push(at.search);
        const unknown = [...at.searchParams.keys()].find((k) => k !== 'status' && k !== 'limit');
        if (unknown !== undefined) {
          return route.fulfill({
            status: 400,
            json: {
              code: 'INVALID_INPUT',
              message: `query.${unknown}: unknown field '${unknown}'`,
              path: `query.${unknown}`,
            },
          });
        }
        const answer = await route.fetch({
          url: `${url}/v1/reviews?status=pending&limit=${at.searchParams.get('limit')}`,
        });
        const { reviews } = (await answer.json()) as { reviews: { excerpt?: unknown; topRule?: unknown }[] };
        // As an older server answers: no page, no counts, no excerpts.
        return route.fulfill({ json: { reviews: reviews.map(({ excerpt: _e, topRule: _t, ...rest }) => rest) } });
      });
      await page.goto(`${url}/ui/#/queue?critic=privacy`); // a filter the server refuses as an unknown field
      await page.getByLabel('Reviewer API key').fill(KEYS.reviewer);
      await page.keyboard.press('Enter');
      await page.locator('tr[data-trace=old-card] .excerpt mark').getByText('4111 1111 1111 1111').waitFor();
      expect(await queueOrder(page)).toEqual(['old-card']);
      expect(asked[0]).toMatch(/critic=privacy/);
      expect(await page.locator('#queue-note').textContent()).toMatch(/lists only its newest 1,000 pending cases/);
      expect(await page.locator('#filter-tier option[value="2"]').textContent()).toBe('Tier 2 (acknowledgment) (0)');
      await page.getByLabel('Flagged by critic').selectOption('');
      await expect.poll(() => queueOrder(page)).toEqual(['old-card', 'old-ack']);
      expect(await page.locator('#filter-tier option[value="3"]').textContent()).toBe('Tier 3 (determination) (1)');
      await page.getByLabel('Tier').selectOption('2');
      await expect.poll(() => queueOrder(page)).toEqual(['old-ack']);
      expect(await page.locator('#queue-count').textContent()).toBe('Showing 1 of 1 pending case.');
      expect(asked.some((q) => q.includes('limit=1000'))).toBe(true);
      await browser.done(page);
    });
  });

  it('moves through the queue with j and k, acts with a and r after confirming, and documents the keys in the page', async () => {
    await withServer(async ({ url }) => {
      await evaluate(url, { ...TIER2_REQUEST, traceId: 'key-3' });
      await evaluate(url, { ...CARD_REQUEST, traceId: 'key-2' });
      await evaluate(url, { ...TIER2_REQUEST, traceId: 'key-1' });
      const page = await browser.tab('keyboard');
      await openQueue(page, url);
      await page.locator('table.queue tbody tr').first().waitFor();
      expect(await page.getByText(/^Keys: j and k move through the cases/).isVisible()).toBe(true);
      const selected = () => page.locator('tr.selected').getAttribute('data-trace');
      const focused = () => page.evaluate(() => document.activeElement?.closest('tr')?.dataset['trace']);

      await page.keyboard.press('j');
      expect(await selected()).toBe('key-1');
      expect(await focused()).toBe('key-1');
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await page.keyboard.press('j'); // stays on the last
      expect(await selected()).toBe('key-3');
      await page.keyboard.press('k');
      expect(await selected()).toBe('key-2');

      // a on a denied case: the statement, then a second question whose default is to go back.
      await page.keyboard.press('a');
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('heading', { name: 'Approve case key-2?' }).waitFor();
      expect(await dialog.locator('blockquote').textContent()).toBe(
        'I affirmatively determine the appropriate course of action.',
      );
      expect(await accessibilityProblems(page)).toEqual([]);
      await browser.shot(page, 'confirm-approve');
      await page.keyboard.press('Enter'); // "Approve — I make this statement" has focus
      await dialog.getByRole('heading', { name: 'Approve a response Eleanor denied?' }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Go back');
      await browser.shot(page, 'confirm-deny');
      await page.keyboard.press('Enter');
      await eventually(async () => (await dialog.count()) === 0);
      expect(await status(url, 'key-2')).toBe('pending');

      // r, then Escape: nothing recorded; r, then Enter: rejected, and the next case is selected.
      await page.keyboard.press('r');
      await dialog.getByRole('heading', { name: 'Reject case key-2?' }).waitFor();
      await page.keyboard.press('Escape');
      await eventually(async () => (await dialog.count()) === 0);
      expect(await status(url, 'key-2')).toBe('pending');
      await page.keyboard.press('r');
      await dialog.getByRole('heading', { name: 'Reject case key-2?' }).waitFor();
      await page.keyboard.press('Enter');
      await page
        .locator('#status')
        .getByText(/^Recorded: rejected by rita — case key-2/)
        .waitFor();
      expect(await status(url, 'key-2')).toBe('rejected');
      expect(await queueOrder(page)).toEqual(['key-1', 'key-3']);
      expect(await selected()).toBe('key-3');

      await page.keyboard.press('a'); // an acknowledgment: one confirmation is enough
      await dialog.getByRole('heading', { name: 'Approve case key-3?' }).waitFor();
      await page.keyboard.press('Enter');
      await page
        .locator('#status')
        .getByText(/^Recorded: approved by rita — case key-3/)
        .waitFor();
      expect(await status(url, 'key-3')).toBe('approved');

      // The help: ? anywhere, or the banner's button; Escape closes it.
      await page.keyboard.press('?');
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await help.waitFor();
      expect(await help.locator('tbody th kbd').allTextContents()).toEqual(
        expect.arrayContaining(['j', 'k', 'o', 'Enter', 'a', 'r', 'n', '?', 'Escape']),
      );
      expect(await accessibilityProblems(page)).toEqual([]);
      await browser.shot(page, 'shortcuts-help');
      await page.keyboard.press('Escape');
      await eventually(async () => (await help.count()) === 0);
      await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await help.waitFor();
      await help.getByRole('button', { name: 'Close' }).click();

      await page.keyboard.press('j');
      await page.keyboard.press('o');
      await page.getByRole('heading', { level: 1, name: 'Case key-1' }).waitFor();
      await browser.done(page);
    });
  });

  it('fits a 420 px and a 360 px wide screen without scrolling sideways', async () => {
    await withServer(async ({ url }) => {
      await evaluate(url, { ...BOTH_SIDES_REQUEST, traceId: LONG_ID });
      await evaluate(url, {
        inputText: 'Tell me.',
        modelResponse: `Your card is 4111 1111 1111 1111 and ${'averyveryverylongwordwithoutanyspaces'.repeat(3)}.`,
        traceId: 'narrow-card',
      });
      const page = await browser.tab('narrow');
      for (const width of [420, 360]) {
        await page.setViewportSize({ width, height: 800 });
        await openQueue(page, url);
        await page.locator('tr[data-trace=narrow-card] .excerpt mark').waitFor();
        expect(await overflowing(page), `elements past the right edge at ${width} px`).toEqual([]);
        expect(await horizontalOverflow(page)).toBe(0);
        await browser.shot(page, `queue-${width}`);
        await page.getByRole('link', { name: 'f47ac10b…' }).click();
        await page.getByRole('heading', { level: 1, name: `Case ${LONG_ID}` }).waitFor();
        expect(await overflowing(page), `elements past the right edge at ${width} px`).toEqual([]);
        expect(await horizontalOverflow(page)).toBe(0);
        await browser.shot(page, `case-${width}`);
        await page.evaluate(() => sessionStorage.clear());
      }
      await browser.done(page);
    });
  });
});
