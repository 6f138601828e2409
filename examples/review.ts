// The README's evidence tour, type-checked: record, review, execute, verify — in memory, so it leaves no file behind.
import { CANONICAL_STATEMENTS, createEngine } from '../src/index.js';

const engine = createEngine({ evidence: { store: 'memory' } }); // default: SQLite at ./data/eleanor.db

const evaluation = await engine.evaluate({
  inputText: 'Should I invest?',
  modelResponse: 'I am absolutely certain this investment will double; put all your savings in it.',
});
console.log(evaluation.decision, evaluation.gate.requiredAction, evaluation.evidence); // escalate HUMAN_ACK { chain, seq, hash }

const [pending] = await engine.reviews.list({ status: 'pending' });
await engine.reviews.decide(pending!.traceId, {
  action: 'HUMAN_ACK',
  actor: 'ana@example.org',
  statement: CANONICAL_STATEMENTS.HUMAN_ACK, // word for word, or REVIEW_INVALID
  outcome: 'approve',
});
const grant = await engine.execute(evaluation.traceId); // EXECUTION_REFUSED before the approval
console.log(grant.authorizedBy?.actor, grant.modelResponse);
console.log((await engine.evidence!.verify()).ok); // true: two records, one unbroken chain
await engine.close();
