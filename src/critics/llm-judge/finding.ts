// Turns a judge's verdict into a Finding: namespaced rule ids, the principle, spans for quotes found in the response.
import type { Finding, Span, Violation } from '../../core/index.js';
import type { Verdict } from './verdict.js';

export interface JudgeIdentity {
  readonly name: string;
  readonly principle: string;
  readonly model: string;
}

/** Where `quote` first occurs in `text` (surrounding whitespace ignored), or undefined. */
export function findSpan(text: string, quote: string | null | undefined): Span | undefined {
  const needle = quote?.trim() ?? '';
  if (needle === '') return undefined;
  const start = text.indexOf(needle);
  return start === -1 ? undefined : { start, end: start + needle.length, text: needle };
}

/** `<name>.<rule>`, without doubling a prefix the judge already wrote. */
function ruleId(name: string, rule: string): string {
  const id = rule.trim();
  return id.startsWith(`${name}.`) ? id : `${name}.${id}`;
}

export function verdictToFinding(
  verdict: Verdict,
  judge: JudgeIdentity,
  modelResponse: string,
  extra: Readonly<Record<string, unknown>> = {},
): Finding {
  const violations = verdict.violations.map((v): Violation => {
    const violation: Violation = { rule: ruleId(judge.name, v.rule), message: v.message, severity: v.severity };
    const quote = v.quote?.trim();
    if (quote) {
      // Kept even when not found: a reviewer should see what the judge claimed the response said.
      violation['quote'] = quote;
      const span = findSpan(modelResponse, quote);
      if (span !== undefined) violation.span = span;
    }
    return violation;
  });
  return {
    ...extra,
    score: verdict.score,
    severity: verdict.severity,
    violations,
    justification: verdict.justification,
    principle: judge.principle,
    uncertainty: verdict.uncertainty,
    model: judge.model,
    judge: true,
  };
}
