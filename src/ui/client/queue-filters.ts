// The queue's filter form: tier, critic, decision and a text search, each choice with its count; updated in place, so
// a keyboard user changing a filter keeps focus on it.
import { h } from './dom.js';
import { DECISION_LABELS, formatCount } from './format.js';
import type { Counts } from './queue-data.js';
import type { Decision } from './types.js';

const DECISIONS: readonly Decision[] = ['allow', 'constrained_allow', 'escalate', 'deny'];

export interface FilterValues {
  tier: string;
  critic: string;
  decision: string;
  q: string;
}

export interface FilterForm {
  readonly element: HTMLFormElement;
  /** Shows each choice's count, and a choice for every critic known or counted. */
  update(counts: Counts | undefined, critics: readonly string[]): void;
}

const counted = (text: string, n: number | undefined): string =>
  n === undefined ? text : `${text} (${formatCount(n)})`;

function field(id: string, label: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

/** Sets a select's choices ([value, text]), keeping the element (and its focus) and the chosen value. */
function setOptions(select: HTMLSelectElement, value: string, options: readonly (readonly [string, string])[]): void {
  const same = select.options.length === options.length && options.every(([v], i) => select.options[i]?.value === v);
  if (!same) {
    select.replaceChildren(...options.map(([v]) => h('option', { value: v })));
    select.value = value;
  }
  options.forEach(([, text], i) => {
    const option = select.options[i];
    if (option !== undefined && option.textContent !== text) option.textContent = text;
  });
}

/**
 * The form: `changed` is called with a filter's name and value when a choice changes, or the search is submitted.
 */
export function filterForm(
  values: FilterValues,
  changed: (name: keyof FilterValues, value: string) => void,
  refresh: () => void,
): FilterForm {
  const tier = h('select', { id: 'filter-tier', name: 'tier' });
  const critic = h('select', { id: 'filter-critic', name: 'critic' });
  const decision = h('select', { id: 'filter-decision', name: 'decision' });
  const search = h('input', {
    id: 'filter-q',
    name: 'q',
    type: 'search',
    value: values.q,
    'aria-describedby': 'queue-note',
  });
  const element = h(
    'form',
    { class: 'filters', 'aria-label': 'Filter the queue', role: 'search' },
    field('filter-tier', 'Tier', tier),
    field('filter-critic', 'Flagged by critic', critic),
    field('filter-decision', 'Decision', decision),
    field('filter-q', 'Search the texts', search),
    h('button', { type: 'submit' }, 'Search'),
    h('button', { type: 'button', class: 'secondary', onclick: refresh }, 'Refresh'),
  );
  element.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    if (target === search) return; // searched on submit
    changed(target.name as keyof FilterValues, target.value);
  });
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    changed('q', search.value.trim());
  });
  const update = (counts: Counts | undefined, critics: readonly string[]): void => {
    const names = [
      ...new Set([...critics, ...Object.keys(counts?.byCritic ?? {}), ...(values.critic ? [values.critic] : [])]),
    ].sort();
    setOptions(tier, values.tier, [
      ['', 'Every tier'],
      ['2', counted('Tier 2 (acknowledgment)', counts && (counts.byTier['2'] ?? 0))],
      ['3', counted('Tier 3 (determination)', counts && (counts.byTier['3'] ?? 0))],
    ]);
    setOptions(critic, values.critic, [
      ['', 'Any critic'],
      ...names.map((n) => [n, counted(n, counts && (counts.byCritic[n] ?? 0))] as const),
    ]);
    setOptions(decision, values.decision, [
      ['', 'Any decision'],
      ...DECISIONS.map((d) => [d, counted(DECISION_LABELS[d], counts && (counts.byDecision[d] ?? 0))] as const),
    ]);
  };
  update(undefined, []);
  return { element, update };
}
