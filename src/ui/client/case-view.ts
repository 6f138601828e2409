// The case view: one evaluation as recorded — texts, critics, decision, gate, reasons, its place in the chain — and the act form.
import { ApiError, explain } from './api.js';
import { criticsSection, textsSection } from './case-parts.js';
import { h } from './dom.js';
import { ACTION_LABELS, DECISION_LABELS, formatMs, formatTime, tierLabel } from './format.js';
import { queueLink } from './queue.js';
import { reviewForm } from './review-form.js';
import type { EvaluationRecord, ReviewAction, VerifyReport } from './types.js';
import type { View } from './view.js';

let statements: Promise<Record<ReviewAction, string>> | undefined;

/** The canonical statements, served beside the page from the doctrine itself. */
function loadStatements(): Promise<Record<ReviewAction, string>> {
  statements ??= fetch(new URL('doctrine.json', document.baseURI))
    .then((r) => r.json() as Promise<{ statements: Record<ReviewAction, string> }>)
    .then((d) => d.statements);
  return statements;
}

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
  const act =
    record.reviewStatus === 'pending' && action !== 'none'
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
  container.replaceChildren(
    h('p', {}, h('a', { href: queueLink() }, '← Review queue')),
    h('h1', { tabindex: '-1' }, `Case ${traceId}`),
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
    decisionSection(record),
    textsSection(record),
    criticsSection(record),
    evidenceSection(record, report),
    act ?? '',
  );
};
