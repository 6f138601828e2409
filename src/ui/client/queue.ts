// The review queue: pending cases newest first, filtered by tier, critic and decision (kept in the address, so links keep them).
import { h, fill } from './dom.js';
import { ACTION_LABELS, DECISION_LABELS, formatTime, tierLabel } from './format.js';
import type { CriticInfo, Decision, ReviewCase } from './types.js';
import type { View } from './view.js';

/** The most the API lists at once; the page filters these in place. */
const LIMIT = 1000;
const DECISIONS: readonly Decision[] = ['allow', 'constrained_allow', 'escalate', 'deny'];

let lastQueue = '#/queue';

/** The queue as the reader left it (its filters), for the case view's way back. */
export const queueLink = (): string => lastQueue;

interface Filters {
  tier: string;
  critic: string;
  decision: string;
}

function matches(c: ReviewCase, f: Filters): boolean {
  return (
    (f.tier === '' || String(c.tier) === f.tier) &&
    (f.critic === '' || c.critics.includes(f.critic)) &&
    (f.decision === '' || c.decision === f.decision)
  );
}

function select(id: string, label: string, value: string, options: readonly [string, string][]): HTMLElement {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h(
      'select',
      { id, name: id.replace('filter-', '') },
      options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
    ),
  );
}

function row(c: ReviewCase): HTMLElement {
  return h(
    'tr',
    { 'data-trace': c.traceId },
    h('td', {}, h('time', { datetime: c.createdAt }, formatTime(c.createdAt))),
    h('th', { scope: 'row' }, h('a', { href: `#/case/${encodeURIComponent(c.traceId)}` }, c.traceId)),
    h('td', {}, h('span', { class: `badge decision-${c.decision}` }, DECISION_LABELS[c.decision])),
    h('td', {}, tierLabel(c.tier)),
    h('td', {}, ACTION_LABELS[c.requiredAction]),
    h('td', {}, c.critics.length === 0 ? '–' : c.critics.join(', ')),
    h('td', { class: 'reasons' }, c.reasons[0] ?? ''),
  );
}

export const queueView: View = async ({ session, container, query, reload }) => {
  const [{ reviews }, { critics }] = await Promise.all([
    session.api.get<{ reviews: ReviewCase[] }>(`v1/reviews?status=pending&limit=${LIMIT}`),
    session.api.get<{ critics: CriticInfo[] }>('v1/critics'),
  ]);
  const filters: Filters = {
    tier: query.get('tier') ?? '',
    critic: query.get('critic') ?? '',
    decision: query.get('decision') ?? '',
  };
  lastQueue = location.hash || '#/queue';
  const criticNames = [...new Set([...critics.map((c) => c.name), ...reviews.flatMap((c) => c.critics)])].sort();
  const count = h('p', { id: 'queue-count', role: 'status' });
  const body = h('tbody');
  const table = h(
    'table',
    { class: 'queue' },
    h('caption', {}, 'Pending cases, newest first'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Received', 'Case', 'Decision', 'Tier', 'Needs', 'Flagged by', 'First reason'].map((t) =>
          h('th', { scope: 'col' }, t),
        ),
      ),
    ),
    body,
  );
  const empty = h('p', { class: 'empty' });
  const draw = (): void => {
    const shown = reviews.filter((c) => matches(c, filters));
    fill(body, shown.map(row));
    table.hidden = shown.length === 0;
    empty.textContent =
      reviews.length === 0
        ? 'Nothing is waiting for review.'
        : shown.length === 0
          ? 'No pending case matches these filters.'
          : '';
    count.textContent =
      `Showing ${shown.length} of ${reviews.length} pending case${reviews.length === 1 ? '' : 's'}.` +
      (reviews.length === LIMIT ? ` These are the newest ${LIMIT}; older ones are waiting too.` : '');
  };
  const form = h(
    'form',
    {
      class: 'filters',
      'aria-label': 'Filter the queue',
      onchange: (event) => {
        const target = event.target as HTMLSelectElement;
        filters[target.name as keyof Filters] = target.value;
        const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
        lastQueue = `#/queue${params.size > 0 ? `?${params.toString()}` : ''}`;
        history.replaceState(null, '', lastQueue);
        draw();
      },
      onsubmit: (event) => event.preventDefault(),
    },
    select('filter-tier', 'Tier', filters.tier, [
      ['', 'Every tier'],
      ['2', 'Tier 2 (acknowledgment)'],
      ['3', 'Tier 3 (determination)'],
    ]),
    select('filter-critic', 'Flagged by critic', filters.critic, [
      ['', 'Any critic'],
      ...criticNames.map((n): [string, string] => [n, n]),
    ]),
    select('filter-decision', 'Decision', filters.decision, [
      ['', 'Any decision'],
      ...DECISIONS.map((d): [string, string] => [d, DECISION_LABELS[d]]),
    ]),
    h('button', { type: 'button', onclick: reload }, 'Refresh'),
  );
  container.replaceChildren(
    h('h1', { tabindex: '-1' }, 'Review queue'),
    h('p', { class: 'lead' }, 'Evaluations waiting for a human acknowledgment or determination.'),
    form,
    count,
    table,
    empty,
  );
  draw();
};
