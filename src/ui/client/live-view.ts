// The live view: evaluations as they happen (SSE), counts by decision and each critic's p50/p99 latency over the window.
import { ApiError, explain } from './api.js';
import { fill, h } from './dom.js';
import { formatMs } from './format.js';
import { countsList, latencyCharts, logLine } from './live-parts.js';
import { follow } from './live-stream.js';
import type { LiveEvaluation, LiveStats } from './types.js';
import type { View } from './view.js';

/** Lines kept in the log: the page's memory stays bounded however long it is open. */
const LOG_LINES = 50;
const REFRESH_MS = 5_000;

export const liveView: View = async ({ session, container, signedOut }) => {
  const stop = new AbortController();
  const connection = h('p', { id: 'live-connection', role: 'status' }, 'Connecting…');
  const windowSelect = h(
    'select',
    { id: 'live-window' },
    [5, 15, 60].map((m) => h('option', { value: m }, `last ${m} minutes`)),
  );
  const notice = h('p', { class: 'notice', role: 'alert' });
  const counts = h('div');
  const charts = h('div');
  const table = h('div');
  const countsTitle = h('h2', { id: 'counts-title' });
  const source = h('p', { class: 'hint', id: 'live-source' });
  const log = h('ul', { id: 'live-log' });

  const drawStats = (stats: LiveStats): void => {
    const fromStore = stats.source === 'store';
    notice.textContent = stats.enabled
      ? ''
      : `The engine's event bus is off, so ${fromStore ? 'no evaluation streams in below (the counts, read from the store, go on)' : 'nothing is counted'}. \`eleanor serve\` turns it on; in your own server set infrastructure.events.`;
    source.textContent = fromStore
      ? 'Counted from the evidence store: every server writing to it.'
      : 'Counted by this server only (it has no evidence store to read, or could not read it just now).';
    countsTitle.textContent = `Decisions in the last ${stats.windowMinutes} minutes`;
    fill(counts, countsList(stats));
    fill(charts, latencyCharts(stats));
    fill(
      table,
      h(
        'table',
        { class: 'latency' },
        h('caption', {}, 'Latency by critic'),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['Critic', 'Runs', 'Failed', 'p50', 'p99'].map((t) => h('th', { scope: 'col' }, t)),
          ),
        ),
        h(
          'tbody',
          {},
          stats.critics.map((c) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, c.critic),
              h('td', {}, c.count),
              h('td', {}, c.failed),
              h('td', {}, formatMs(c.p50)),
              h('td', {}, formatMs(c.p99)),
            ),
          ),
        ),
      ),
    );
  };
  const refresh = async (): Promise<void> => {
    try {
      drawStats(await session.api.get<LiveStats>(`v1/stats?windowMinutes=${windowSelect.value}`, stop.signal));
    } catch (error) {
      if (stop.signal.aborted) return;
      notice.textContent = explain(error);
      // A key that may not see statistics will not be allowed in 5 s either.
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) clearInterval(timer);
    }
  };
  let pending: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = (): void => {
    pending ??= setTimeout(() => {
      pending = undefined;
      void refresh();
    }, 500);
  };
  windowSelect.addEventListener('change', () => void refresh());

  container.replaceChildren(
    h('h1', { tabindex: '-1' }, 'Live view'),
    h('div', { class: 'field' }, h('label', { for: 'live-window' }, 'Window'), windowSelect),
    connection,
    notice,
    h('section', { 'aria-labelledby': 'counts-title' }, countsTitle, source, counts),
    h(
      'section',
      { 'aria-labelledby': 'latency-title' },
      h('h2', { id: 'latency-title' }, 'Critic latency'),
      charts,
      table,
    ),
    h(
      'section',
      { 'aria-labelledby': 'log-title' },
      h('h2', { id: 'log-title' }, 'Evaluations as they happen'),
      // role="log" announces each new line politely; on a wrapper, so the list keeps its list semantics.
      h('div', { role: 'log', 'aria-label': 'Evaluations as they happen, newest first' }, log),
    ),
  );
  const timer = setInterval(() => void refresh(), REFRESH_MS);
  await refresh();
  void follow(
    session.api,
    stop.signal,
    (event) => {
      if (event.event !== 'evaluation') return;
      log.prepend(logLine(JSON.parse(event.data) as LiveEvaluation));
      while (log.children.length > LOG_LINES) log.lastElementChild!.remove();
      refreshSoon();
    },
    (state) => {
      if (state.kind === 'connected')
        connection.textContent = 'Connected: new evaluations appear below as they complete.';
      else if (state.kind === 'retrying')
        connection.textContent = `Disconnected (${state.why}); reconnecting in ${state.inSeconds} s…`;
      else if (state.error.status === 401) signedOut(explain(state.error));
      else {
        connection.textContent = 'Not connected.';
        notice.textContent = explain(state.error);
      }
    },
  );
  return () => {
    stop.abort();
    clearInterval(timer);
    clearTimeout(pending);
  };
};
