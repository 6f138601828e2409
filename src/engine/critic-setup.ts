// Turns the critics of an engine configuration into orchestrator specs: built-ins, custom functions, modules, LLM judges.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EleanorError } from '../core/index.js';
import type { CriticFn, CriticSpec } from '../core/index.js';
import { createLlmJudgeCritic } from '../critics/index.js';
import type { BuiltinCritic } from '../critics/index.js';
import type { CriticInfo } from '../verdict/index.js';
import { BUILTIN_CRITICS, builtinCritic } from '../critics/index.js';
import type { CriticConfig, CriticSettings, EngineConfig } from './config.js';

export interface CriticSetup {
  readonly specs: CriticSpec[];
  readonly info: CriticInfo[];
}

function settingsOf(entry: CriticSettings): Partial<CriticSpec> {
  const spec: Record<string, unknown> = {};
  for (const key of [
    'timeoutMs',
    'priority',
    'policy',
    'dependsOn',
    'retries',
    'maxConcurrent',
    'ratePerSecond',
  ] as const) {
    if (entry[key] !== undefined) spec[key] = entry[key];
  }
  return spec;
}

/** A critic exported by a module, imported on first use (its failure becomes the critic's error outcome). */
export function moduleCritic(
  path: string,
  exportName: string,
  baseDir: string,
): { evaluate: CriticFn; load: () => Promise<CriticFn> } {
  let loading: Promise<CriticFn> | undefined;
  const load = (): Promise<CriticFn> =>
    (loading ??= import(pathToFileURL(resolve(baseDir, path)).href).then((mod: Record<string, unknown>) => {
      const exported = mod[exportName];
      const fn = typeof exported === 'function' ? exported : (exported as { evaluate?: unknown } | undefined)?.evaluate;
      if (typeof fn !== 'function') {
        throw new EleanorError(
          'INVALID_CONFIG',
          `module '${path}': export '${exportName}' is not a critic function or { evaluate }`,
        );
      }
      return fn as CriticFn;
    }));
  return { evaluate: async (input, ctx) => (await load())(input, ctx), load };
}

function entrySpec(
  name: string,
  entry: CriticConfig,
  baseDir: string,
): { spec: CriticSpec; info: Omit<CriticInfo, 'failurePolicy'> } {
  const base = { name, ...settingsOf(entry) };
  if ('judge' in entry) {
    const judge = createLlmJudgeCritic({ name, ...entry.judge, principle: entry.judge.principle ?? name });
    const info = {
      name,
      kind: 'judge' as const,
      version: judge.version,
      principle: judge.principle,
      ruleCount: undefined,
      rulesetVersion: undefined,
      modelVersion: undefined,
      reads: 'both' as const,
    };
    return { spec: { ...base, evaluate: (input, ctx) => judge.evaluate(input, ctx), version: judge.version }, info };
  }
  if ('module' in entry) {
    const { evaluate } = moduleCritic(entry.module, entry.export ?? 'default', baseDir);
    return {
      spec: entry.version === undefined ? { ...base, evaluate } : { ...base, evaluate, version: entry.version },
      info: {
        name,
        kind: 'module',
        version: entry.version,
        principle: undefined,
        ruleCount: undefined,
        rulesetVersion: undefined,
        modelVersion: undefined,
        reads: entry.reads ?? 'both',
      },
    };
  }
  if ('evaluate' in entry) {
    const spec: CriticSpec =
      entry.version === undefined
        ? { ...base, evaluate: entry.evaluate }
        : { ...base, evaluate: entry.evaluate, version: entry.version };
    return {
      spec,
      info: {
        name,
        kind: 'custom',
        version: entry.version,
        principle: undefined,
        ruleCount: undefined,
        rulesetVersion: undefined,
        modelVersion: undefined,
        reads: entry.reads ?? 'both',
      },
    };
  }
  const critic = builtinCritic(entry.builtin ?? name, entry.options);
  const info = {
    name,
    kind: 'builtin' as const,
    version: critic.version,
    principle: critic.principle,
    ruleCount: critic.ruleCount,
    rulesetVersion: critic.rulesetVersion,
    modelVersion: critic.modelVersion,
    reads: critic.reads,
  };
  return { spec: { ...base, evaluate: (input) => critic.evaluate(input), version: builtinVersion(critic) }, info };
}

/**
 * A built-in's version as its outcomes (and cache keys) carry it: code, rules and, for a learned critic, the hash of
 * its weights — so retraining changes the version and no cached finding of the old model is served.
 */
export function builtinVersion(critic: BuiltinCritic): string {
  const model = critic.modelVersion === undefined ? '' : `+model.${critic.modelVersion}`;
  return `${critic.version}+rules.${critic.rulesetVersion}${model}`;
}

export function setUpCritics(config: EngineConfig): CriticSetup {
  const entries: Array<[string, CriticConfig]> = config.critics
    ? Object.entries(config.critics)
    : Object.keys(BUILTIN_CRITICS).map((name) => [name, {}]);
  const specs: CriticSpec[] = [];
  const info: CriticInfo[] = [];
  const baseDir = config.baseDir ?? process.cwd();
  for (const [name, entry] of entries) {
    if (entry.enabled === false) continue;
    const built = entrySpec(name, entry, baseDir);
    specs.push(built.spec);
    info.push({ ...built.info, failurePolicy: entry.failurePolicy ?? 'escalate' });
  }
  return { specs, info };
}
