// The act form: acknowledge or determine (approve / reject) with the doctrine's canonical statement, as the signed-in
// reviewer; approving a response Eleanor denied asks a second time.
import { ApiError, explain, type Api } from './api.js';
import { decide, OUTCOME_WORDS, type Outcome } from './decide.js';
import { h } from './dom.js';
import type { EvaluationRecord, ReviewAction } from './types.js';

export interface ReviewFormOptions {
  readonly api: Api;
  readonly record: EvaluationRecord;
  readonly action: ReviewAction;
  /** The canonical statement for the action (from /ui/doctrine.json). */
  readonly statement: string;
  readonly reviewer: string;
  /** Called with a sentence once the decision is recorded, or once the server says it already was. */
  readonly recorded: (message: string, outcome: 'recorded' | 'conflict') => void;
}

const TITLES: Readonly<Record<ReviewAction, [string, string, string]>> = {
  HUMAN_ACK: [
    'Acknowledge',
    'This case needs a human acknowledgment (Tier 2) before its response may be used.',
    'Record acknowledgment',
  ],
  HUMAN_DETERMINATION: [
    'Determine',
    'This case needs a human determination (Tier 3): you decide whether its response may be used.',
    'Record determination',
  ],
};

function radio(value: Outcome, text: string): HTMLElement {
  const id = `outcome-${value}`;
  return h(
    'div',
    { class: 'choice' },
    h('input', { type: 'radio', id, name: 'outcome', value }),
    h('label', { for: id }, text),
  );
}

export function reviewForm(options: ReviewFormOptions): HTMLElement {
  const [title, lead, submitText] = TITLES[options.action];
  const error = h('p', { id: 'act-error', class: 'error', role: 'alert' });
  const affirm = h('input', { type: 'checkbox', id: 'affirm', name: 'affirm', 'aria-describedby': 'statement' });
  const button = h('button', { type: 'submit' }, submitText);
  const words = OUTCOME_WORDS[options.action];
  const form = h(
    'form',
    { novalidate: true, 'aria-describedby': 'act-lead' },
    h('p', { class: 'statement-label' }, 'The statement you make with either outcome (recorded word for word):'),
    h('blockquote', { id: 'statement' }, options.statement),
    h('fieldset', {}, h('legend', {}, 'Outcome'), radio('approve', words.approve), radio('reject', words.reject)),
    h(
      'div',
      { class: 'choice' },
      affirm,
      h('label', { for: 'affirm' }, `I make this statement, as ${options.reviewer}`),
    ),
    error,
    button,
  );
  const fail = (text: string, focus: HTMLElement): void => {
    error.textContent = text;
    focus.focus();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const outcome = (form.elements.namedItem('outcome') as RadioNodeList).value;
    const first = form.querySelector<HTMLInputElement>('input[name=outcome]')!;
    if (outcome !== 'approve' && outcome !== 'reject') return fail('Choose approve or reject.', first);
    if (!affirm.checked)
      return fail('Tick the box to make the statement; a review cannot be recorded without it.', affirm);
    error.textContent = '';
    button.disabled = true;
    button.textContent = 'Recording…';
    decide({
      api: options.api,
      traceId: options.record.traceId,
      decision: options.record.evaluation.decision,
      action: options.action,
      outcome,
      statement: options.statement,
      reviewer: options.reviewer,
      affirmed: true,
    }).then(
      (answer) => {
        if (answer === undefined) {
          button.disabled = false;
          button.textContent = submitText;
          return fail('Not recorded: you went back. Choose again when you are ready.', button);
        }
        options.recorded(
          `Recorded: ${answer.status} by ${options.reviewer} — evidence record ${answer.evidence.seq} in the chain '${answer.evidence.chain}'.`,
          'recorded',
        );
      },
      (failure: unknown) => {
        button.disabled = false;
        button.textContent = submitText;
        if (failure instanceof ApiError && failure.code === 'REVIEW_CONFLICT') {
          options.recorded(explain(failure), 'conflict');
        } else fail(explain(failure), button);
      },
    );
  });
  return h(
    'section',
    { 'aria-labelledby': 'act-title', class: 'act' },
    h('h2', { id: 'act-title' }, title),
    h('p', { id: 'act-lead' }, lead),
    form,
  );
}
