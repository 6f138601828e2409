// The case view's parts: the input and the response side by side with violation spans highlighted, and the critics —
// those that flagged the case first, the others collapsed.
import { h } from './dom.js';
import { sideOf } from './excerpt.js';
import { formatMs } from './format.js';
import { segments, type Mark } from './spans.js';
import type { CriticOutcome, EvaluationRecord, RecordedText, Violation } from './types.js';

type Numbered = Violation & { critic: string; ref: number };

/** Every violation of the case, numbered in the evaluation's order (priority order): the highlights' numbers. */
export function numberViolations(record: EvaluationRecord): Numbered[] {
  return record.evaluation.violations.map((v, i) => ({ ...v, ref: i + 1 }));
}

function highlighted(
  label: string,
  id: string,
  text: RecordedText,
  marks: readonly Mark[],
  all: Numbered[],
): HTMLElement {
  const heading = h('h3', { id: `${id}-title` }, label);
  if (typeof text !== 'string') {
    return h(
      'div',
      { class: 'text-block' },
      heading,
      h(
        'p',
        { class: 'redacted' },
        `Redacted: stored as its SHA-256 (${text.sha256.slice(0, 16)}…, ${text.length} characters).`,
      ),
    );
  }
  const pieces = segments(text, marks).map((segment) => {
    if (segment.refs.length === 0) return segment.text;
    const rules = segment.refs.map((ref) => `${ref}: ${all[ref - 1]?.rule ?? ''}`).join('; ');
    return h(
      'mark',
      { 'data-refs': segment.refs.join(' '), title: rules },
      segment.text,
      h('span', { class: 'visually-hidden' }, ` (flagged ${rules})`),
      h('sup', { 'aria-hidden': 'true' }, segment.refs.join(',')),
    );
  });
  return h(
    'div',
    { class: 'text-block' },
    heading,
    h('p', { class: 'text', id, 'aria-labelledby': `${id}-title` }, text === '' ? h('em', {}, '(empty)') : pieces),
  );
}

/** The input and the response side by side, each with the spans its violations point at (a violation names its side). */
export function textsSection(record: EvaluationRecord): HTMLElement {
  const all = numberViolations(record);
  const marksIn = (side: 'input' | 'response'): Mark[] =>
    all.flatMap((v) => (sideOf(v) === side && v.span ? [{ ...v.span, ref: v.ref }] : []));
  const { input } = record.evaluation;
  return h(
    'section',
    { 'aria-labelledby': 'texts-title' },
    h('h2', { id: 'texts-title' }, 'What was governed'),
    h(
      'p',
      { class: 'hint' },
      'Highlighted: text a critic flagged; the small number is the violation in the critics table.',
    ),
    h(
      'div',
      { class: 'texts' },
      highlighted('Input', 'input-text', input.inputText, marksIn('input'), all),
      highlighted('Response', 'response-text', input.modelResponse, marksIn('response'), all),
    ),
  );
}

function notes(outcome: CriticOutcome): string[] {
  const out: string[] = [];
  if (outcome.degraded) out.push('fallback finding (degraded)');
  if (outcome.fromCache) out.push('from cache');
  if (outcome.error) out.push(`${outcome.error.code}: ${outcome.error.message}`);
  if (outcome.gatingReason) out.push(`not run: ${outcome.gatingReason}`);
  if (outcome.attempts > 1) out.push(`${outcome.attempts} attempts`);
  return out;
}

const failed = (outcome: CriticOutcome): boolean => !['success', 'gated', 'skipped'].includes(outcome.status);

/** A critic flagged the case when it raised a violation or failed (its finding is unknown, never safe). */
export function flagged(outcome: CriticOutcome, all: readonly Numbered[]): boolean {
  return failed(outcome) || all.some((v) => v.critic === outcome.critic);
}

function criticRow(outcome: CriticOutcome, all: readonly Numbered[]): HTMLElement {
  const own = all.filter((v) => v.critic === outcome.critic);
  return h(
    'tr',
    { 'data-critic': outcome.critic },
    h('th', { scope: 'row', 'data-label': 'Critic' }, outcome.critic),
    h(
      'td',
      { 'data-label': 'Status' },
      h('span', { class: `status${failed(outcome) ? ' status-failed' : ''}` }, outcome.status),
    ),
    h('td', { 'data-label': 'Severity' }, outcome.finding.severity.toFixed(1)),
    h('td', { 'data-label': 'Duration' }, formatMs(outcome.durationMs)),
    h(
      'td',
      { 'data-label': 'Violations' },
      own.length === 0
        ? '–'
        : h(
            'ol',
            { class: 'violations' },
            own.map((v) =>
              h(
                'li',
                { value: v.ref },
                h('span', { class: 'message' }, v.message),
                ' ',
                h('code', {}, v.rule),
                v.clause ? ` (clause ${v.clause})` : '',
                ` · severity ${v.severity} · in the ${sideOf(v)}`,
              ),
            ),
          ),
    ),
    h('td', { 'data-label': 'Notes' }, notes(outcome).join('; ') || '–'),
  );
}

function criticsTable(caption: string, outcomes: readonly CriticOutcome[], all: readonly Numbered[]): HTMLElement {
  return h(
    'table',
    { class: 'critics stack' },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Critic', 'Status', 'Severity', 'Duration', 'Violations', 'Notes'].map((t) => h('th', { scope: 'col' }, t)),
      ),
    ),
    h(
      'tbody',
      {},
      outcomes.map((o) => criticRow(o, all)),
    ),
  );
}

/** The critics that flagged the case (violations, or a failure): what a reviewer reads first. */
export function flaggedSection(record: EvaluationRecord): HTMLElement {
  const all = numberViolations(record);
  const outcomes = Object.values(record.evaluation.critics).filter((o) => flagged(o, all));
  return h(
    'section',
    { 'aria-labelledby': 'flagged-title', id: 'flagged' },
    h('h2', { id: 'flagged-title' }, 'Critics that flagged this case'),
    outcomes.length === 0
      ? h('p', {}, 'No critic raised a violation or failed; the gate comes from the reasons below.')
      : criticsTable('Violations, numbered as the highlights in the texts', outcomes, all),
  );
}

/** Every other critic, collapsed: they ran and found nothing (or were not run). */
export function otherCriticsSection(record: EvaluationRecord): HTMLElement | '' {
  const all = numberViolations(record);
  const outcomes = Object.values(record.evaluation.critics).filter((o) => !flagged(o, all));
  if (outcomes.length === 0) return '';
  return h(
    'details',
    { class: 'other-critics', id: 'other-critics' },
    h(
      'summary',
      {},
      `${outcomes.length} other critic${outcomes.length === 1 ? '' : 's'}: no violation (${outcomes.map((o) => o.critic).join(', ')})`,
    ),
    criticsTable('Critics that did not flag this case', outcomes, all),
  );
}
