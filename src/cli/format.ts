// Human-readable rendering of an Evaluation for the terminal.
import type { CriticOutcome } from '../core/index.js';
import type { Evaluation } from '../verdict/index.js';

const DECISION_LABEL: Record<Evaluation['decision'], string> = {
  allow: 'ALLOW',
  constrained_allow: 'CONSTRAINED ALLOW',
  escalate: 'ESCALATE',
  deny: 'DENY',
};

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/**
 * The severity column: a finding's severity (a fallback's marked by the status's `*`); '-' for a critic that did not
 * run; 'unknown' for one that failed with no fallback — a failure is never shown as a clean 0.0.
 */
function severityOf(o: CriticOutcome): string {
  switch (o.status) {
    case 'success':
      return o.finding.severity.toFixed(1);
    case 'gated':
    case 'skipped':
      return o.degraded ? o.finding.severity.toFixed(1) : '-';
    case 'timeout':
    case 'error':
    case 'circuit_open':
    case 'cancelled':
    case 'lost':
      return o.degraded ? o.finding.severity.toFixed(1) : 'unknown';
    default: {
      const never: never = o.status;
      return String(never);
    }
  }
}

export function formatEvaluation(evaluation: Evaluation): string {
  const lines: string[] = [];
  const gate =
    evaluation.gate.requiredAction === 'none'
      ? 'none'
      : `Tier ${evaluation.gate.tier}: ${evaluation.gate.requiredAction}`;
  lines.push(
    `Decision: ${DECISION_LABEL[evaluation.decision]}   gate: ${gate}   trace: ${evaluation.traceId}   ${evaluation.durationMs.toFixed(1)} ms`,
  );
  if (evaluation.mode === 'input')
    lines.push('Input only: no response; critics that read only the response were skipped.');
  lines.push('');
  lines.push(`  ${pad('critic', 18)}${pad('status', 14)}${pad('severity', 10)}duration`);
  for (const o of Object.values(evaluation.critics)) {
    const status = o.degraded ? `${o.status}*` : o.status;
    lines.push(`  ${pad(o.critic, 18)}${pad(status, 14)}${pad(severityOf(o), 10)}${o.durationMs.toFixed(2)} ms`);
  }
  const failed = Object.values(evaluation.critics).filter((o) => o.error !== undefined);
  if (failed.length > 0) {
    lines.push('', 'Failed (unknown, never counted as safe):');
    for (const o of failed) lines.push(`  ${o.critic} ${o.status}: ${o.error!.code} — ${o.error!.message}`);
  }
  if (evaluation.violations.length > 0) {
    lines.push('', 'Violations:');
    for (const v of evaluation.violations) {
      const where = v.span ? ` "${v.span.text}" at ${v.span.start}–${v.span.end}` : '';
      const clause = v.clause ? ` [${v.clause}]` : '';
      lines.push(`  ${v.severity.toFixed(1)}  ${v.rule}${clause}: ${v.message}${where}`);
    }
  }
  lines.push('', 'Why:');
  for (const reason of evaluation.reasons) lines.push(`  - ${reason}`);
  if (evaluation.degraded.length > 0)
    lines.push(`Degraded: ${evaluation.degraded.join(', ')}   (* = fallback finding)`);
  if (evaluation.evidence) {
    const { chain, seq, hash } = evaluation.evidence;
    lines.push(`Evidence: chain ${chain}, record ${seq}, hash ${hash.slice(0, 16)}…`);
  }
  return lines.join('\n');
}

/** The exit code that gates a pipeline: 0 allow / constrained_allow, 2 escalate, 3 deny. */
export function exitCodeFor(decision: Evaluation['decision']): number {
  switch (decision) {
    case 'allow':
    case 'constrained_allow':
      return 0;
    case 'escalate':
      return 2;
    case 'deny':
      return 3;
  }
}
