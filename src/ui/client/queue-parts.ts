// The queue's parts: a row per case (excerpt with the flagged span, top rule in words, age, tier, a short trace id) and
// the sortable column headers.
import { h } from './dom.js';
import type { Excerpt, TopRule } from './excerpt.js';
import { DECISION_LABELS, formatAge, formatTime, shortId, tierLabel } from './format.js';
import type { Decision, ReviewCase } from './types.js';

export type SortKey = 'received' | 'tier' | 'decision';
export interface Sort {
  key: SortKey;
  descending: boolean;
}

const DECISION_RANK: Readonly<Record<Decision, number>> = { allow: 0, constrained_allow: 1, escalate: 2, deny: 3 };

/** The cases in the chosen order; ties keep the server's order (newest first). */
export function sortCases(cases: readonly ReviewCase[], sort: Sort): ReviewCase[] {
  const key = (c: ReviewCase): number | string =>
    sort.key === 'received' ? c.createdAt : sort.key === 'tier' ? c.tier : DECISION_RANK[c.decision];
  const sign = sort.descending ? -1 : 1;
  return cases
    .map((c, i) => ({ c, i }))
    .sort((a, b) => {
      const x = key(a.c);
      const y = key(b.c);
      return x < y ? -sign : x > y ? sign : a.i - b.i;
    })
    .map(({ c }) => c);
}

/** 'received' sorts by time, so its newest-first is "descending"; the others sort highest first by default. */
export const SORT_LABELS: Readonly<Record<SortKey, [string, string]>> = {
  received: ['Received', 'newest first'],
  tier: ['Tier', 'highest first'],
  decision: ['Decision', 'most severe first'],
};

/** A column header that sorts by its key: a button inside, aria-sort on the header cell. */
export function sortHeader(key: SortKey, sort: Sort, choose: (key: SortKey) => void): HTMLElement {
  const active = sort.key === key;
  return h(
    'th',
    { scope: 'col', 'aria-sort': active ? (sort.descending ? 'descending' : 'ascending') : 'none' },
    h(
      'button',
      { type: 'button', class: 'sort', 'data-sort': key, onclick: () => choose(key) },
      SORT_LABELS[key][0],
      h('span', { 'aria-hidden': 'true' }, active ? (sort.descending ? ' ↓' : ' ↑') : ''),
    ),
  );
}

/** The excerpt with its flagged span marked, '…' where the recorded text goes on. */
export function excerptLine(excerpt: Excerpt | undefined, pending: boolean): HTMLElement {
  if (excerpt === undefined) {
    return h('p', { class: 'excerpt empty-excerpt' }, pending ? 'Loading the excerpt…' : 'No text kept to show.');
  }
  const { text, start, end } = excerpt;
  return h(
    'p',
    { class: 'excerpt' },
    excerpt.side === 'input' ? h('span', { class: 'side' }, 'Input: ') : '',
    excerpt.clippedStart ? '…' : '',
    text.slice(0, start),
    end > start ? h('mark', {}, text.slice(start, end)) : '',
    text.slice(end),
    excerpt.clippedEnd ? '…' : '',
  );
}

/** Shows a summary read later (from the case's record) in a row drawn without one. */
export function fillSummary(
  tr: HTMLElement,
  c: ReviewCase,
  excerpt: Excerpt | undefined,
  rule: TopRule | undefined,
): void {
  tr.querySelector('td.flagged .top-rule')?.replaceWith(ruleLine(rule, c));
  tr.querySelector('td.flagged .excerpt')?.replaceWith(excerptLine(excerpt, false));
}

function ruleLine(rule: TopRule | undefined, c: ReviewCase): HTMLElement {
  if (rule === undefined) return h('p', { class: 'top-rule' }, c.reasons[0] ?? '');
  return h('p', { class: 'top-rule' }, h('span', {}, rule.message), ' ', h('code', {}, rule.rule));
}

/** Copies the full trace id; the button says how it went for a moment (its name keeps starting with its words). */
async function copy(text: string, button: HTMLButtonElement): Promise<void> {
  const say = (words: string): void => {
    button.textContent = words;
    button.setAttribute('aria-label', `${words} ${text}`);
  };
  try {
    await navigator.clipboard.writeText(text);
    say('Copied');
  } catch {
    say('Copy failed');
  }
  setTimeout(() => say('Copy id'), 1_500);
}

export interface RowParts {
  readonly excerpt: Excerpt | undefined;
  readonly topRule: TopRule | undefined;
  /** The excerpt is being fetched from the case's record. */
  readonly pending: boolean;
  readonly now: number;
}

export function row(c: ReviewCase, parts: RowParts): HTMLTableRowElement {
  const href = `#/case/${encodeURIComponent(c.traceId)}`;
  const copyButton = h(
    'button',
    { type: 'button', class: 'copy secondary', 'aria-label': `Copy id ${c.traceId}`, title: c.traceId },
    'Copy id',
  );
  copyButton.addEventListener('click', () => void copy(c.traceId, copyButton));
  return h(
    'tr',
    { 'data-trace': c.traceId },
    h(
      'td',
      { 'data-label': 'Received' },
      h('time', { datetime: c.createdAt, title: formatTime(c.createdAt) }, formatAge(c.createdAt, parts.now)),
    ),
    h(
      'th',
      { scope: 'row', 'data-label': 'Case' },
      h('a', { href, title: c.traceId, class: 'trace' }, shortId(c.traceId)),
      ' ',
      copyButton,
    ),
    h('td', { 'data-label': 'Tier' }, tierLabel(c.tier)),
    h(
      'td',
      { 'data-label': 'Decision' },
      h('span', { class: `badge decision-${c.decision}` }, DECISION_LABELS[c.decision]),
    ),
    h(
      'td',
      { class: 'flagged', 'data-label': 'Flagged' },
      ruleLine(parts.topRule, c),
      excerptLine(parts.excerpt, parts.pending),
      c.critics.length === 0 ? '' : h('p', { class: 'critics-line' }, `by ${c.critics.join(', ')}`),
    ),
  );
}
