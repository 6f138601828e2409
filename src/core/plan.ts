// The plan: critic specs normalised and the dependency graph validated once, at construction.
import type { ZodType } from 'zod';
import { EleanorError } from './errors.js';
import { criticSpecSchema, parseOrThrow } from './spec-schema.js';
import type {
  CriticFn,
  CriticSpec,
  CriticTransport,
  GatingPolicy,
  OrchestratorOptions,
  TransportCritic,
} from './types.js';

export interface PlannedRetries {
  readonly max: number;
  readonly onTimeout: boolean;
  readonly baseMs: number;
  readonly maxMs: number;
}

export interface PlannedCritic {
  readonly index: number;
  readonly name: string;
  readonly version: string | undefined;
  readonly evaluate: CriticFn;
  /** The transport that executes this critic, or undefined when it is called in-process. */
  readonly transport: CriticTransport | undefined;
  /** What the transport is given: name, version, function. */
  readonly ref: TransportCritic;
  /** True when its results travel over a network (a missing result is `lost`). */
  readonly remote: boolean;
  readonly timeoutMs: number;
  readonly priority: number;
  readonly policy: GatingPolicy;
  readonly deps: readonly number[];
  readonly dependents: readonly number[];
  readonly retries: PlannedRetries | undefined;
  readonly maxConcurrent: number | undefined;
  readonly ratePerSecond: number | undefined;
  readonly rateBurst: number;
  readonly schema: ZodType | undefined;
}

export interface Plan {
  readonly critics: readonly PlannedCritic[];
  /** Critics without dependencies, in start order (priority, then declaration). */
  readonly roots: readonly number[];
  readonly indexByName: ReadonlyMap<string, number>;
  /** Orders critic indices by priority (1 first), then declaration. */
  readonly byPriority: (a: number, b: number) => number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_PRIORITY = 5;

function namedSpecs(critics: OrchestratorOptions['critics']): Array<[string, CriticSpec]> {
  if (Array.isArray(critics)) {
    return (critics as readonly CriticSpec[]).map((spec, i) => {
      const name = (spec as { name?: unknown } | null)?.name;
      if (typeof name !== 'string' || name === '') {
        throw new EleanorError('INVALID_CONFIG', `critics[${i}].name: expected a non-empty string`);
      }
      return [name, spec];
    });
  }
  return Object.entries(critics as Record<string, CriticFn | CriticSpec>).map(([name, c]) => [
    name,
    typeof c === 'function' ? { evaluate: c } : c,
  ]);
}

function findDuplicates(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const n of names) (seen.has(n) ? dups : seen).add(n);
  return [...dups];
}

/** Depth-first search for one cycle; returns its path (first name repeated at the end). */
function findCycle(deps: readonly (readonly number[])[], names: readonly string[]): string[] | undefined {
  const color = new Uint8Array(deps.length); // 0 new, 1 on stack, 2 done
  const stack: number[] = [];
  const visit = (n: number): number[] | undefined => {
    color[n] = 1;
    stack.push(n);
    for (const d of deps[n] ?? []) {
      if (color[d] === 1) return [...stack.slice(stack.indexOf(d)), d];
      if (color[d] === 0) {
        const found = visit(d);
        if (found) return found;
      }
    }
    stack.pop();
    color[n] = 2;
    return undefined;
  };
  for (let i = 0; i < deps.length; i++) {
    if (color[i] === 0) {
      const cycle = visit(i);
      if (cycle) return cycle.map((j) => names[j] ?? String(j));
    }
  }
  return undefined;
}

export function byPriority(critics: readonly PlannedCritic[]) {
  return (a: number, b: number): number => (critics[a]?.priority ?? 0) - (critics[b]?.priority ?? 0) || a - b;
}

export function createPlan(options: OrchestratorOptions): Plan {
  const entries = namedSpecs(options.critics);
  const names = entries.map(([n]) => n);
  if (names.includes('__proto__')) {
    throw new EleanorError('INVALID_CONFIG', "critics: '__proto__' cannot name a critic (outcomes are keyed by name)");
  }
  const duplicates = findDuplicates(names);
  if (duplicates.length > 0) {
    throw new EleanorError('CRITIC_GRAPH_INVALID', `Duplicate critic name(s): ${duplicates.join(', ')}`);
  }
  for (const [name, spec] of entries) parseOrThrow(criticSpecSchema, spec, `critics.${name}`);

  const indexByName = new Map(names.map((n, i) => [n, i]));
  const unknown: string[] = [];
  const deps = entries.map(([name, spec]) =>
    [...new Set(spec.dependsOn ?? [])].map((dep) => {
      const index = indexByName.get(dep);
      if (index === undefined) unknown.push(`'${name}' depends on unknown critic '${dep}'`);
      return index ?? -1;
    }),
  );
  if (unknown.length > 0) throw new EleanorError('CRITIC_GRAPH_INVALID', `Invalid critic graph: ${unknown.join('; ')}`);
  const cycle = findCycle(deps, names);
  if (cycle) throw new EleanorError('CRITIC_GRAPH_INVALID', `Critic dependency cycle: ${cycle.join(' -> ')}`);

  const dependents: number[][] = names.map(() => []);
  deps.forEach((ds, i) => ds.forEach((d) => dependents[d]?.push(i)));
  const defaultTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const transport = options.transport;
  const critics = entries.map(([name, spec], index): PlannedCritic => {
    const r = spec.retries;
    const baseMs = r?.baseMs ?? 25;
    const via = transport && (transport.covers?.(name) ?? true) ? transport : undefined;
    return {
      index,
      name,
      version: spec.version,
      evaluate: spec.evaluate,
      transport: via,
      ref: Object.freeze({ name, version: spec.version, evaluate: spec.evaluate }),
      remote: via?.remote === true,
      timeoutMs: spec.timeoutMs ?? defaultTimeout,
      priority: spec.priority ?? DEFAULT_PRIORITY,
      policy: spec.policy ?? 'always',
      deps: deps[index] ?? [],
      dependents: dependents[index] ?? [],
      retries:
        r && r.max > 0
          ? { max: r.max, onTimeout: r.onTimeout ?? false, baseMs, maxMs: r.maxMs ?? Math.max(1000, baseMs) }
          : undefined,
      maxConcurrent: spec.maxConcurrent,
      ratePerSecond: spec.ratePerSecond,
      rateBurst: spec.rateBurst ?? 1,
      schema: spec.schema,
    };
  });
  const compare = byPriority(critics);
  const roots = critics.filter((c) => c.deps.length === 0).map((c) => c.index);
  roots.sort(compare);
  return { critics, roots, indexByName, byPriority: compare };
}
