// decide(): records a reviewer's approve or reject — after the confirmations it needs (the statement, and a second one
// to approve a response Eleanor denied) — through POST /v1/reviews/:traceId/decision.
import type { Api } from './api.js';
import { confirm } from './dialog.js';
import { h, type Child } from './dom.js';
import type { Decision, ReviewAction } from './types.js';

export type Outcome = 'approve' | 'reject';

let statements: Promise<Record<ReviewAction, string>> | undefined;

/** The canonical statements, served beside the page from the doctrine itself (fetched once). */
export function loadStatements(): Promise<Record<ReviewAction, string>> {
  statements ??= fetch(new URL('doctrine.json', document.baseURI))
    .then((r) => r.json() as Promise<{ statements: Record<ReviewAction, string> }>)
    .then((d) => d.statements);
  return statements;
}

/**
 * What each outcome does, in words that agree with the statement made with it: an acknowledgment's statement accepts
 * responsibility for proceeding, so rejecting is worded as proceeding by withholding the response, not as its opposite.
 */
export const OUTCOME_WORDS: Readonly<Record<ReviewAction, Readonly<Record<Outcome, string>>>> = {
  HUMAN_ACK: {
    approve: 'Approve — proceed with the response: it may be used',
    reject: 'Reject — proceed by withholding the response: it must not be used',
  },
  HUMAN_DETERMINATION: {
    approve: 'Approve — I determine that the response may be used',
    reject: 'Reject — I determine that the response must not be used',
  },
};

export interface DecisionRequest {
  readonly api: Api;
  readonly traceId: string;
  /** Eleanor's decision for the case: approving a `deny` asks twice. */
  readonly decision: Decision;
  readonly action: ReviewAction;
  readonly outcome: Outcome;
  /** The doctrine's canonical statement for the action (recorded word for word). */
  readonly statement: string;
  readonly reviewer: string;
  /** True when the reader has already made the statement (the form's box); else a dialog asks for it. */
  readonly affirmed: boolean;
  /** What the statement dialog shows of the case above the statement (its top rule, an excerpt). */
  readonly summary?: readonly Child[];
}

export interface Recorded {
  status: string;
  evidence: { chain: string; seq: number };
}

/** The second question before approving a denied response; its safe answer (focused) is to go back. */
export function confirmApprovingDeny(traceId: string): Promise<boolean> {
  return confirm({
    title: 'Approve a response Eleanor denied?',
    body: [
      h(
        'p',
        {},
        `Eleanor's decision for case ${traceId} is `,
        h('strong', {}, 'deny'),
        ': its critics found that this response should not be used. Approving lets it be used anyway, on your responsibility.',
      ),
    ],
    confirm: 'Yes, approve the denied response',
    cancel: 'Go back',
    focus: 'cancel',
    danger: true,
  });
}

/** Asks what is needed, then records; resolves undefined when the reader backed out at a question. */
export async function decide(request: DecisionRequest): Promise<Recorded | undefined> {
  const verb = request.outcome === 'approve' ? 'Approve' : 'Reject';
  if (!request.affirmed) {
    const made = await confirm({
      title: `${verb} case ${request.traceId}?`,
      body: [
        ...(request.summary ?? []),
        h('p', { class: 'outcome-words' }, OUTCOME_WORDS[request.action][request.outcome]),
        h('p', { class: 'statement-label' }, `The statement you make as ${request.reviewer}, recorded word for word:`),
        h('blockquote', { class: 'dialog-statement' }, request.statement),
      ],
      confirm: `${verb} — I make this statement`,
      cancel: 'Cancel',
    });
    if (!made) return undefined;
  }
  if (request.outcome === 'approve' && request.decision === 'deny' && !(await confirmApprovingDeny(request.traceId))) {
    return undefined;
  }
  return request.api.post<Recorded>(`v1/reviews/${encodeURIComponent(request.traceId)}/decision`, {
    action: request.action,
    statement: request.statement,
    outcome: request.outcome,
  });
}
