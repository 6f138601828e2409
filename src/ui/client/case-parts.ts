// The case view's parts: the texts with violation spans highlighted, and each critic's outcome.
import { h } from './dom.js';
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

/** The input and the response, each with the spans its violations point at. */
export function textsSection(record: EvaluationRecord): HTMLElement {
  const all = numberViolations(record);
  const marksIn = (source: 'input' | 'response'): Mark[] =>
    all.flatMap((v) => ((v.source ?? 'response') === source && v.span ? [{ ...v.span, ref: v.ref }] : []));
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
    highlighted('Input', 'input-text', input.inputText, marksIn('input'), all),
    highlighted('Response', 'response-text', input.modelResponse, marksIn('response'), all),
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

/** One row per critic: status, severity, duration, violations (numbered as the highlights), markers. */
export function criticsSection(record: EvaluationRecord): HTMLElement {
  const all = numberViolations(record);
  const rows = Object.values(record.evaluation.critics).map((outcome) => {
    const own = all.filter((v) => v.critic === outcome.critic);
    const failed = !['success', 'gated', 'skipped'].includes(outcome.status);
    return h(
      'tr',
      { 'data-critic': outcome.critic },
      h('th', { scope: 'row' }, outcome.critic),
      h('td', {}, h('span', { class: `status${failed ? ' status-failed' : ''}` }, outcome.status)),
      h('td', {}, outcome.finding.severity.toFixed(1)),
      h('td', {}, formatMs(outcome.durationMs)),
      h(
        'td',
        {},
        own.length === 0
          ? '–'
          : h(
              'ol',
              { class: 'violations' },
              own.map((v) =>
                h(
                  'li',
                  { value: v.ref },
                  h('code', {}, v.rule),
                  ` — ${v.message}`,
                  v.clause ? ` (clause ${v.clause})` : '',
                  ` · severity ${v.severity}`,
                ),
              ),
            ),
      ),
      h('td', {}, notes(outcome).join('; ') || '–'),
    );
  });
  return h(
    'section',
    { 'aria-labelledby': 'critics-title' },
    h('h2', { id: 'critics-title' }, 'Critics'),
    h(
      'table',
      { class: 'critics' },
      h('caption', {}, "Each critic's outcome"),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Critic', 'Status', 'Severity', 'Duration', 'Violations', 'Notes'].map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      h('tbody', {}, rows),
    ),
  );
}
