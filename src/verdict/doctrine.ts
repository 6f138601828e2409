// V8's escalation doctrine: clause ids, their tiers, and the canonical statements a human review must carry.

export type Tier = 2 | 3;

export interface Clause {
  readonly id: string;
  readonly principle: string;
  readonly trigger: string;
  readonly tier: Tier;
}

/** The cross-critic escalation matrix (V8 doctrine v8.1, section 4). */
export const CLAUSES: Readonly<Record<string, Clause>> = Object.freeze(
  Object.fromEntries(
    (
      [
        ['A1', 'autonomy', 'Meaningful consent failure', 2],
        ['A2', 'autonomy', 'Coercive or manipulative influence', 3],
        ['A3', 'autonomy', 'Irreversible loss of agency', 3],
        ['D1', 'dignity', 'Instrumentalization of persons', 2],
        ['D2', 'dignity', 'Degrading or dehumanizing outcome', 3],
        ['D3', 'dignity', 'Harm without voice', 2],
        ['P1', 'privacy', 'Non-consensual identity inference', 3],
        ['P2', 'privacy', 'Persistent or linked identity', 3],
        ['P3', 'privacy', 'Context collapse', 2],
        ['F1', 'fairness', 'Protected class impact', 3],
        ['F2', 'fairness', 'Structural bias amplification', 2],
        ['F3', 'fairness', 'Opaque differential treatment', 2],
        ['DP1', 'due_process', 'No contestability', 3],
        ['DP2', 'due_process', 'No attribution', 3],
        ['DP3', 'due_process', 'Unreviewable automation', 2],
        ['PR1', 'precedent', 'No precedent and high impact', 3],
        ['PR2', 'precedent', 'Conflicting precedent', 2],
        ['PR3', 'precedent', 'Uncontrolled norm creation', 3],
        ['U1', 'uncertainty', 'Epistemic insufficiency', 2],
        ['U2', 'uncertainty', 'High impact and high uncertainty', 3],
        ['U3', 'uncertainty', 'Competence boundary exceeded', 3],
      ] as const
    ).map(([id, principle, trigger, tier]) => [id, { id, principle, trigger, tier }]),
  ),
);

/** The statement a reviewer must make to satisfy each gate (doctrine section 3). */
export const CANONICAL_STATEMENTS = Object.freeze({
  HUMAN_ACK: 'I understand the identified risk and accept responsibility for proceeding.',
  HUMAN_DETERMINATION: 'I affirmatively determine the appropriate course of action.',
});

export function clauseTier(clause: string): Tier | undefined {
  return CLAUSES[clause]?.tier;
}
