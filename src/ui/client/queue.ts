// The review queue: pending cases a page at a time, filtered, counted and ordered by the server (kept in the address),
// each row with its flagged excerpt and top rule; j/k select a case, a/r decide it after confirming.
import { explain } from './api.js';
import { decide, loadStatements, type Outcome } from './decide.js';
import { fill, h } from './dom.js';
import { validExcerpt } from './excerpt.js';
import { DECISION_LABELS, formatCount, tierLabel } from './format.js';
import { createQueueSource, filterParams, PAGE_SIZE, type Counts, type Order } from './queue-data.js';
import { filterForm, type FilterValues } from './queue-filters.js';
import { excerptLine, fillSummary, row, sortCases, sortHeader, type Sort, type SortKey } from './queue-parts.js';
import { rememberQueue } from './queue-state.js';
import { createSummaries } from './record-summaries.js';
import { onKeys, shortcutsHint } from './shortcuts.js';
import type { CriticInfo, ReviewCase } from './types.js';
import type { View } from './view.js';

function sortOf(query: URLSearchParams): Sort {
  const key = query.get('sort');
  if (key === 'tier' || key === 'decision') return { key, descending: query.get('dir') !== 'asc' };
  return { key: 'received', descending: query.get('order') !== 'oldest' };
}

/** The counts once a case has left the queue (decided here), until the next page is asked for. */
function without(counts: Counts, c: ReviewCase): Counts {
  const less = (record: Record<string, number>, keys: readonly string[]): Record<string, number> =>
    Object.fromEntries(Object.entries(record).map(([k, n]) => [k, keys.includes(k) ? Math.max(0, n - 1) : n]));
  return {
    total: Math.max(0, counts.total - 1),
    byTier: less(counts.byTier, [String(c.tier)]),
    byCritic: less(counts.byCritic, c.critics),
    byDecision: less(counts.byDecision, [c.decision]),
  };
}

export const queueView: View = async ({ session, container, query, notify, reload }) => {
  const stop = new AbortController();
  const filters: FilterValues & { chain: string; since: string } = {
    tier: query.get('tier') ?? '',
    critic: query.get('critic') ?? '',
    decision: query.get('decision') ?? '',
    q: query.get('q') ?? '',
    chain: query.get('chain') ?? '',
    since: query.get('since') ?? '',
  };
  let sort = sortOf(query);
  const order = (): Order => (sort.key === 'received' && !sort.descending ? 'oldest' : 'newest');
  const source = createQueueSource(session.api);
  const summaries = createSummaries(session.api, stop.signal);
  let critics: string[] = [];
  let cases: ReviewCase[] = [];
  let shown: ReviewCase[] = [];
  let nextCursor: string | null = null;
  let counts: Counts | undefined;
  let legacy = false;
  let selected: string | undefined;
  let loads = 0;

  const address = (): string => {
    const params = filterParams(filters);
    if (sort.key !== 'received') params.set('sort', sort.key);
    if (sort.key !== 'received' && !sort.descending) params.set('dir', 'asc');
    if (order() === 'oldest') params.set('order', 'oldest');
    return `#/queue${params.size > 0 ? `?${params.toString()}` : ''}`;
  };

  const status = h('p', { id: 'queue-count', role: 'status' });
  const note = h('p', { class: 'hint', id: 'queue-note' });
  const body = h('tbody');
  const head = h('thead');
  const table = h('table', { class: 'queue stack' }, h('caption', {}, 'Pending cases'), head, body);
  const empty = h('p', { class: 'empty' });
  const more = h('button', { type: 'button', id: 'load-more', class: 'secondary', hidden: true }, 'Load more');
  const form = filterForm(
    filters,
    (name, value) => {
      filters[name] = value;
      reloadCases();
    },
    reload,
  );

  /** A server that pages sends the excerpt and top rule when the record has them; an older one never does. */
  const needsRecord = (c: ReviewCase): boolean => legacy || (c.excerpt === undefined && c.topRule === undefined);
  const rowOf = (id: string): HTMLTableRowElement | null => body.querySelector(`tr[data-trace="${CSS.escape(id)}"]`);

  const choose = (id: string | undefined, focus = true): void => {
    if (selected !== undefined) rowOf(selected)?.classList.remove('selected');
    selected = id;
    if (id === undefined) return;
    const tr = rowOf(id);
    tr?.classList.add('selected');
    if (focus) tr?.querySelector<HTMLElement>('a.trace')?.focus();
  };

  const drawRow = (c: ReviewCase, now: number): HTMLTableRowElement => {
    const excerpt = validExcerpt(c.excerpt) ? c.excerpt : undefined;
    const pending = needsRecord(c);
    const tr = row(c, { excerpt, topRule: c.topRule, pending, now });
    if (pending) {
      void summaries(c).then((s) => fillSummary(tr, c, excerpt ?? s.excerpt, c.topRule ?? s.topRule));
    }
    return tr;
  };

  const draw = (): void => {
    shown = sort.key === 'received' ? cases : sortCases(cases, sort);
    fill(
      head,
      h(
        'tr',
        {},
        sortHeader('received', sort, resort),
        h('th', { scope: 'col' }, 'Case'),
        sortHeader('tier', sort, resort),
        sortHeader('decision', sort, resort),
        h('th', { scope: 'col' }, 'Flagged for'),
      ),
    );
    const now = Date.now();
    fill(
      body,
      shown.map((c) => drawRow(c, now)),
    );
    if (selected !== undefined && rowOf(selected) === null) selected = undefined;
    if (selected !== undefined) rowOf(selected)?.classList.add('selected');
    table.hidden = shown.length === 0;
    const total = counts?.total ?? cases.length;
    const filtered = Object.values(filters).some((v) => v !== '');
    empty.textContent =
      shown.length > 0 ? '' : filtered ? 'No pending case matches these filters.' : 'Nothing is waiting for review.';
    status.textContent =
      total === 0
        ? ''
        : `Showing ${formatCount(cases.length)} of ${formatCount(total)} pending case${total === 1 ? '' : 's'}.`;
    note.textContent = [
      sort.key === 'received'
        ? ''
        : `Sorted by ${sort.key} among the ${formatCount(cases.length)} cases loaded; the server lists them by time.`,
      legacy
        ? 'This server lists only its newest 1,000 pending cases, without paging: the page filters, counts and searches those (trace ids, reasons and critics).'
        : '',
    ]
      .filter((t) => t !== '')
      .join(' ');
    more.hidden = nextCursor === null;
    more.textContent = `Load ${PAGE_SIZE} more`;
    form.update(counts, critics);
    rememberQueue(
      address(),
      shown.map((c) => c.traceId),
    );
  };

  const load = async (append: boolean): Promise<void> => {
    const current = ++loads;
    const page = await source.page(filters, append ? nextCursor : null, order(), stop.signal);
    if (current !== loads) return; // a newer load (other filters) has started
    const known = new Set(cases.map((c) => c.traceId));
    cases = append ? [...cases, ...page.reviews.filter((c) => !known.has(c.traceId))] : page.reviews;
    nextCursor = page.nextCursor;
    counts = page.counts;
    legacy = page.mode === 'legacy';
    draw();
  };
  const failed = (error: unknown): void => {
    if (!stop.signal.aborted) notify.error(explain(error));
  };
  function reloadCases(): void {
    history.replaceState(null, '', address());
    selected = undefined;
    load(false).catch(failed);
  }
  function resort(key: SortKey): void {
    sort = { key, descending: sort.key === key ? !sort.descending : true };
    if (key === 'received') return reloadCases(); // the server orders by time, across every page
    history.replaceState(null, '', address());
    draw();
  }
  more.addEventListener('click', () => {
    more.disabled = true;
    load(true)
      .catch(failed)
      .finally(() => (more.disabled = false));
  });

  const act = async (outcome: Outcome): Promise<void> => {
    const c = shown.find((k) => k.traceId === selected);
    if (c === undefined) return notify.error('Select a case first: j and k move through the queue.');
    const [statements, summary] = await Promise.all([
      loadStatements(),
      needsRecord(c) ? summaries(c) : Promise.resolve(undefined),
    ]);
    const topRule = c.topRule ?? summary?.topRule;
    const recorded = await decide({
      api: session.api,
      traceId: c.traceId,
      decision: c.decision,
      action: c.requiredAction,
      outcome,
      statement: statements[c.requiredAction],
      reviewer: session.who.id,
      affirmed: false,
      summary: [
        h('p', {}, `${tierLabel(c.tier)} · ${DECISION_LABELS[c.decision]}`, topRule ? ` · ${topRule.message}` : ''),
        excerptLine(validExcerpt(c.excerpt) ? c.excerpt : summary?.excerpt, false),
      ],
    });
    if (recorded === undefined) return void rowOf(c.traceId)?.querySelector<HTMLElement>('a.trace')?.focus();
    notify.success(
      `Recorded: ${recorded.status} by ${session.who.id} — case ${c.traceId}, evidence record ${recorded.evidence.seq} in the chain '${recorded.evidence.chain}'.`,
    );
    const index = shown.indexOf(c);
    cases = cases.filter((k) => k !== c);
    if (counts !== undefined) counts = without(counts, c);
    draw();
    choose(shown[Math.min(index, shown.length - 1)]?.traceId);
  };
  const acting = (outcome: Outcome) => () => void act(outcome).catch(failed);

  const step = (by: 1 | -1): void => {
    if (shown.length === 0) return;
    const index = selected === undefined ? -1 : shown.findIndex((c) => c.traceId === selected);
    if (by === 1 && index === shown.length - 1 && nextCursor !== null) {
      load(true).then(() => choose(shown[index + 1]?.traceId), failed);
      return;
    }
    const next = index === -1 ? 0 : Math.min(shown.length - 1, Math.max(0, index + by));
    choose(shown[next]?.traceId);
  };

  body.addEventListener('focusin', (event) => {
    const tr = (event.target as HTMLElement).closest('tr');
    if (tr?.dataset['trace'] !== undefined) choose(tr.dataset['trace'], false);
  });

  const [, list] = await Promise.all([
    load(false),
    session.api.get<{ critics: CriticInfo[] }>('v1/critics', stop.signal),
  ]);
  critics = list.critics.map((c) => c.name);
  container.replaceChildren(
    h('h1', { tabindex: '-1' }, 'Review queue'),
    h('p', { class: 'lead' }, 'Evaluations waiting for a human acknowledgment or determination.'),
    shortcutsHint('Keys: j and k move through the cases, o opens one, a approves and r rejects (each asks first).'),
    form.element,
    status,
    note,
    table,
    empty,
    more,
  );
  draw();
  const unbind = onKeys({
    j: () => step(1),
    k: () => step(-1),
    o: () => {
      if (selected !== undefined) location.hash = `#/case/${encodeURIComponent(selected)}`;
    },
    a: acting('approve'),
    r: acting('reject'),
  });
  return () => {
    stop.abort();
    unbind();
  };
};
