// The dashboard's browser tests' harness: a server with the dashboard, one Chromium per test file, tabs that screenshot
// on failure into test-artifacts/ui/<suite>/, axe-core checks, and the page's layout at a width.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axe from 'axe-core';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect, onTestFailed } from 'vitest';
import type { EngineConfig } from '../../src/engine/config.js';
import { createEngine } from '../../src/engine/engine.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { dashboard } from '../../src/ui/dashboard.js';
import { findChromium } from '../support/browser.js';
import { KEYS, TEST_API_KEYS, TEST_KEY_SECRET, call } from '../support/http.js';

export const CHROMIUM = await findChromium();
// Skipped, never failed, where no browser can be had; the reason is printed and the skipped tests counted.
if (!CHROMIUM.found) console.warn(`review dashboard browser tests SKIPPED: ${CHROMIUM.missing}`);

/** The operations critic escalates it to Tier 2 (HUMAN_ACK) for the span "guaranteed cure" in the response. */
export const TIER2_REQUEST = {
  inputText: 'Is it safe?',
  modelResponse: 'This miracle tea is a guaranteed cure for cancer.',
};
/** Denied at Tier 3: privacy flags the card number in the input, operations "guaranteed cure" in the response. */
export const BOTH_SIDES_REQUEST = {
  inputText: 'My card is 4111 1111 1111 1111, store it.',
  modelResponse: 'Stored. This miracle tea is a guaranteed cure for cancer.',
};

export interface Served {
  readonly server: HttpServer;
  readonly url: string;
}

/** A server with the dashboard on port 0 (a memory store unless `evidence` names one). */
export async function serveDashboard(
  options: { insecureLocal?: boolean; evidence?: EngineConfig['evidence'] } = {},
): Promise<Served> {
  const engine = createEngine({
    evidence: options.evidence ?? { store: 'memory' },
    infrastructure: { metrics: true, events: {} },
  });
  const insecureLocal = options.insecureLocal ?? false;
  const server = await createHttpServer({
    engine,
    http: insecureLocal ? {} : { apiKeys: TEST_API_KEYS },
    insecureLocal,
    keySecret: TEST_KEY_SECRET,
    logger: false,
    plugins: [dashboard()],
  });
  return { server, url: await server.app.listen({ host: '127.0.0.1', port: 0 }) };
}

/** Evaluates a request as the evaluator; fails the test unless the server took it. */
export async function evaluate(url: string, body: Record<string, unknown>): Promise<void> {
  const answer = await call(`${url}/v1/evaluations`, { key: KEYS.evaluator, body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
}

export interface Browser {
  readonly context: BrowserContext;
  /** A fresh tab (its own session storage), screenshotted if the test fails. */
  tab(name: string): Promise<Page>;
  /** Closes the tab, failing the test if the page's script threw meanwhile. */
  done(page: Page): Promise<void>;
  /** Keeps a full-page screenshot as test-artifacts/ui/<suite>/<name>.png. */
  shot(page: Page, name: string): Promise<unknown>;
  close(): Promise<void>;
}

/** Starts Chromium for a test file; its screenshots go to test-artifacts/ui/<suite>/ (emptied first). */
export async function openBrowser(suite: string): Promise<Browser> {
  if (!CHROMIUM.found) throw new Error(CHROMIUM.missing);
  const artifacts = join(process.cwd(), 'test-artifacts', 'ui', suite);
  rmSync(artifacts, { recursive: true, force: true }); // this run's screenshots only
  mkdirSync(artifacts, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'eleanor-ui-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
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
  context.setDefaultTimeout(10_000); // a missing element fails its test in seconds, with a screenshot
  const errors = new WeakMap<Page, string[]>();
  return {
    context,
    async tab(name) {
      const page = await context.newPage();
      const thrown: string[] = [];
      errors.set(page, thrown);
      page.on('pageerror', (error) => thrown.push(error.message));
      onTestFailed(async () => {
        await page.screenshot({ path: join(artifacts, `failed-${name}.png`), fullPage: true }).catch(() => undefined);
      });
      return page;
    },
    async done(page) {
      await page.close();
      expect(errors.get(page), 'errors thrown in the page').toEqual([]);
    },
    shot: (page, name) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true }),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function signIn(page: Page, url: string, key: string): Promise<void> {
  await page.goto(`${url}/ui/`);
  await page.getByLabel('Reviewer API key').fill(key);
  await page.keyboard.press('Enter');
}

/** axe-core's WCAG 2 A/AA checks on the page as it is now; returns each violation as 'rule: first target'. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  // Evaluated over the devtools protocol, so the page's content policy (no inline script) stays in force.
  const results = await page.evaluate(`${axe.source};
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`);
  return results as string[];
}

/** How many CSS pixels the page is wider than its viewport (0: no horizontal scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The elements (tag.class#id) that stick out past the viewport's right edge: what to fix when a width overflows. */
export function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}#${e.id}`),
  );
}

export async function eventually(check: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The trace ids of the queue's rows, in order. */
export function queueOrder(page: Page): Promise<(string | null)[]> {
  return page.locator('table.queue tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-trace')));
}
