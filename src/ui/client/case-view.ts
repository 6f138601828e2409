// The case view: one evaluation as recorded — the critics that flagged it first, the input and response side by side,
// the act form, then decision, gate, reasons, the other critics and its place in the chain; "next case" once decided.
import { ApiError, explain } from './api.js';
import { flaggedSection, otherCriticsSection, textsSection } from './case-parts.js';
import { decide, loadStatements, type Outcome } from './decide.js';
import { h } from './dom.js';
import { ACTION_LABELS, DECISION_LABELS, formatAge, formatMs, formatTime, tierLabel } from './format.js';
import { nextCase, queueLink } from './queue-state.js';
import { reviewForm } from './review-form.js';
import { onKeys, shortcutsHint } from './shortcuts.js';
import type { EvaluationRecord, VerifyReport } from './types.js';
import type { View } from './view.js';

const item = (term: string, ...details: (Node | string)[]): HTMLElement[] => [
  h('dt', {}, term),
  h('dd', {}, ...details),
];

function decisionSection(record: EvaluationRecord): HTMLElement {
  const { evaluation } = record;
  const gate = evaluation.gate;
  const review =
    record.review === null
      ? record.reviewStatus === 'none'
        ? 'none needed'
        : 'pending'
      : `${record.review.outcome === 'approve' ? 'approved' : 'rejected'} by ${record.review.actor} on ${formatTime(record.review.decidedAt)}`;
  return h(
    'section',
    { 'aria-labelledby': 'decision-title' },
    h('h2', { id: 'decision-title' }, 'Decision'),
    h(
      'dl',
      { class: 'facts' },
      item(
        'Decision',
        h('span', { class: `badge decision-${evaluation.decision}` }, DECISION_LABELS[evaluation.decision]),
      ),
      item('Gate', `${tierLabel(gate.tier)} — ${ACTION_LABELS[gate.requiredAction]}`),
      item('Review', h('span', { id: 'review-status' }, review)),
      item('Evaluated', `${formatTime(record.createdAt)} in ${formatMs(evaluation.durationMs)}`),
      evaluation.degraded.length > 0 ? item('Degraded', evaluation.degraded.join(', ')) : [],
    ),
    h('h3', {}, 'Reasons'),
    h(
      'ul',
      { class: 'reasons' },
      [...new Set([...gate.reasons, ...evaluation.reasons])].map((r) => h('li', {}, r)),
    ),
  );
}

function evidenceSection(record: EvaluationRecord, report: VerifyReport | Error): HTMLElement {
  const { evidence, review } = record;
  const chain = report instanceof Error ? undefined : report.chains.find((c) => c.chain === evidence.chain);
  const verdict =
    report instanceof Error
      ? h('span', { class: 'warn' }, `Could not verify the chain: ${explain(report)}`)
      : chain?.firstBroken
        ? h(
            'strong',
            { class: 'broken' },
            `The chain is broken at record ${chain.firstBroken.seq}: ${chain.firstBroken.reason}`,
          )
        : h(
            'span',
            { class: 'ok' },
            `The chain verifies: ${chain?.records ?? 0} records, head at record ${chain?.head?.seq ?? '–'}.`,
          );
  return h(
    'section',
    { 'aria-labelledby': 'evidence-title' },
    h('h2', { id: 'evidence-title' }, 'Evidence'),
    h(
      'dl',
      { class: 'facts' },
      item('Chain', evidence.chain),
      item('Record', `${evidence.seq}`),
      item('Hash', h('code', { class: 'hash' }, evidence.hash)),
      item('Previous hash', h('code', { class: 'hash' }, evidence.prevHash)),
      item('Verification', h('span', { id: 'chain-verdict' }, verdict)),
      review === null
        ? []
        : item(
            'Review record',
            h(
              'span',
              { id: 'review-evidence', tabindex: '-1' },
              `record ${review.evidence.seq}: ${review.action} ${review.outcome} by ${review.actor}`,
            ),
          ),
    ),
  );
}

/** In-page jump that keeps the route in the address (a plain #act-title link would replace it). */
function jumpToAct(event: Event): void {
  event.preventDefault();
  const title = document.getElementById('act-title');
  title?.setAttribute('tabindex', '-1');
  title?.focus();
}

/** The line under the heading: what Eleanor decided, the gate, and how long ago. */
function summaryLine(record: EvaluationRecord): HTMLElement {
  const { evaluation } = record;
  return h(
    'p',
    { class: 'case-summary' },
    h('span', { class: `badge decision-${evaluation.decision}` }, DECISION_LABELS[evaluation.decision]),
    ` ${tierLabel(evaluation.gate.tier)} · needs ${ACTION_LABELS[evaluation.gate.requiredAction]} · received `,
    h('time', { datetime: record.createdAt, title: formatTime(record.createdAt) }, formatAge(record.createdAt)),
  );
}

/** "Next case", once this one is decided: the next pending case in the queue the reader came from. */
function nextCaseLink(target: string | undefined): HTMLElement {
  if (target === undefined) {
    return h(
      'p',
      { class: 'next-case', id: 'next-case' },
      'No other case is waiting under these filters. ',
      h('a', { href: queueLink() }, 'Back to the queue'),
    );
  }
  return h(
    'p',
    { class: 'next-case', id: 'next-case' },
    h('a', { href: `#/case/${encodeURIComponent(target)}`, class: 'button-link' }, `Next case: ${target} →`),
    ' (or press n)',
  );
}

export const caseView: View = async ({ session, container, path, notify, reload }) => {
  const traceId = path[0] ?? '';
  const record = await session.api.get<EvaluationRecord>(`v1/evaluations/${encodeURIComponent(traceId)}`);
  const [report, doctrine] = await Promise.all([
    session.api
      .get<VerifyReport>(`v1/evidence/verify?chain=${encodeURIComponent(record.evidence.chain)}`)
      .catch((error: unknown) => (error instanceof ApiError ? error : new Error(String(error)))),
    loadStatements(),
  ]);
  const action = record.evaluation.gate.requiredAction;
  const pending = record.reviewStatus === 'pending' && action !== 'none';
  const decided = record.reviewStatus === 'approved' || record.reviewStatus === 'rejected';
  const next = decided ? await nextCase(session.api, traceId).catch(() => undefined) : undefined;
  const act = pending
    ? reviewForm({
        api: session.api,
        record,
        action,
        statement: doctrine[action],
        reviewer: session.who.id,
        recorded: (message, outcome) => {
          if (outcome === 'recorded') notify.success(message);
          else notify.error(message);
          reload();
        },
      })
    : undefined;
  const byKey = async (outcome: Outcome): Promise<void> => {
    if (!pending) return notify.error('This case is not waiting for a review.');
    const recorded = await decide({
      api: session.api,
      traceId,
      decision: record.evaluation.decision,
      action,
      outcome,
      statement: doctrine[action],
      reviewer: session.who.id,
      affirmed: false,
    });
    if (recorded === undefined) return;
    notify.success(
      `Recorded: ${recorded.status} by ${session.who.id} — evidence record ${recorded.evidence.seq} in the chain '${recorded.evidence.chain}'.`,
    );
    reload();
  };
  const acting = (outcome: Outcome) => () =>
    void byKey(outcome).catch((error: unknown) => {
      if (error instanceof ApiError && error.code === 'REVIEW_CONFLICT') reload();
      notify.error(explain(error));
    });
  container.replaceChildren(
    h('p', {}, h('a', { href: queueLink() }, '← Review queue')),
    h('h1', { tabindex: '-1' }, `Case ${traceId}`),
    summaryLine(record),
    decided ? nextCaseLink(next) : '',
    act === undefined
      ? ''
      : h(
          'p',
          {},
          h(
            'a',
            { href: '#act-title', onclick: jumpToAct },
            `Go to the ${action === 'HUMAN_ACK' ? 'acknowledgment' : 'determination'} form`,
          ),
        ),
    pending ? shortcutsHint('Keys: a approves and r rejects, each after you confirm the statement.') : '',
    flaggedSection(record),
    textsSection(record),
    act ?? '',
    decisionSection(record),
    otherCriticsSection(record),
    evidenceSection(record, report),
  );
  return onKeys({
    a: acting('approve'),
    r: acting('reject'),
    n: () => {
      if (next !== undefined) location.hash = `#/case/${encodeURIComponent(next)}`;
    },
  });
};
