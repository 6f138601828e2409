// The README's 60-second tour, type-checked: two critics, one depending on the other, under a deadline.
import { Orchestrator, type Finding } from '../src/index.js';

const clean: Finding = { score: 0, severity: 0, violations: [] };

const orchestrator = new Orchestrator({
  timeoutMs: 2_000, // per critic, per attempt
  concurrency: 16, // across all concurrent runs of this orchestrator
  critics: {
    privacy: (input) => {
      const at = input.modelResponse.search(/\b[\w.+-]+@[\w-]+\.[\w.]+\b/);
      if (at < 0) return clean;
      const text = /\S+@\S+/.exec(input.modelResponse.slice(at))?.[0] ?? '';
      return {
        score: 0.9,
        severity: 2,
        violations: [
          {
            rule: 'privacy.email',
            message: 'an e-mail address',
            severity: 2,
            span: { start: at, end: at + text.length, text },
          },
        ],
      };
    },
    judge: {
      dependsOn: ['privacy'],
      policy: 'on_violation', // runs only if privacy found something
      retries: { max: 2, baseMs: 50, maxMs: 500 },
      evaluate: async (_input, ctx) => {
        const response = await fetch('http://127.0.0.1:9/judge', { signal: ctx.signal }).catch(() => null);
        return response ? ((await response.json()) as Finding) : { ...clean, uncertainty: 1 };
      },
    },
  },
  hooks: {
    onFailure: () => ({ score: 1, severity: 2, violations: [], justification: 'judge unavailable: fail closed' }),
  },
});

const outcomes = await orchestrator.run(
  { inputText: 'Who should I contact?', modelResponse: 'Write to jane.doe@example.com.' },
  { deadlineMs: 500 },
);
for (const outcome of Object.values(outcomes)) {
  console.log(outcome.critic, outcome.status, outcome.finding.severity, outcome.durationMs.toFixed(1), 'ms');
}
