// Loads eleanor.config.json / .yaml, applies ELEANOR_* overrides and validates (errors name the file, path and expectation).
import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import type * as Yaml from 'yaml';
import { checkConfig } from '../../core/index.js';
import { EleanorError } from '../../core/index.js';
import { requirePackage } from '../../core/index.js';
import type { EngineConfig } from '../config.js';
import { applyEnv, ENV_VARIABLES } from './env.js';
import { engineConfigSchema } from './schema.js';

export const DEFAULT_CONFIG_FILES = ['eleanor.config.json', 'eleanor.config.yaml', 'eleanor.config.yml'];

function parseText(text: string, file: string): unknown {
  const ext = extname(file).toLowerCase();
  const isYaml = ext === '.yaml' || ext === '.yml';
  // Loaded by the first YAML file, not by `import 'eleanor'`.
  const yaml = isYaml
    ? requirePackage<typeof Yaml>({ name: 'yaml', user: `reading ${file}`, code: 'INVALID_CONFIG' })
    : null;
  try {
    if (yaml) return yaml.parse(text) as unknown;
    if (ext === '.json') return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new EleanorError(
      'INVALID_CONFIG',
      `${file}: not valid ${ext === '.json' ? 'JSON' : 'YAML'} — ${(cause as Error).message}`,
      { cause },
    );
  }
  throw new EleanorError('INVALID_CONFIG', `${file}: expected a .json, .yaml or .yml file`);
}

/**
 * Validates a plain configuration object: every problem names its path, what was expected and what was given, e.g.
 * `c.yaml: invalid configuration — critics.risk.failurePolicy: expected 'escalate', 'deny' or 'ignore', got 'explode'`.
 */
export function validateConfig(value: unknown, where: string): EngineConfig {
  return validated(value, where, {});
}

/** A problem at a path an ELEANOR_* variable set names the variable too. */
function validated(value: unknown, where: string, env: Readonly<Record<string, string | undefined>>): EngineConfig {
  const checked = checkConfig(engineConfigSchema, value);
  if (checked.success) return value as EngineConfig;
  const problems = checked.problems.map((problem) => {
    const variable = Object.entries(ENV_VARIABLES).find(
      ([name, v]) => env[name] !== undefined && v.path.length > 0 && problem.startsWith(`${v.path.join('.')}: `),
    );
    return variable ? `${problem} (set by ${variable[0]})` : problem;
  });
  throw new EleanorError('INVALID_CONFIG', `${where}: invalid configuration — ${problems.join('; ')}`);
}

export interface LoadConfigOptions {
  /** The file; when absent, ELEANOR_CONFIG, then eleanor.config.{json,yaml,yml} in `cwd` if present. */
  readonly file?: string;
  /** @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** @default process.cwd() */
  readonly cwd?: string;
}

/** The name of the first default file in `cwd` (messages name it as found, not by its absolute path). */
async function findDefaultFile(cwd: string): Promise<string | undefined> {
  for (const name of DEFAULT_CONFIG_FILES) {
    if (
      await readFile(resolve(cwd, name)).then(
        () => true,
        () => false,
      )
    )
      return name;
  }
  return undefined;
}

/** The engine configuration from a file (optional) and the environment. */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<EngineConfig> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const file = options.file ?? env['ELEANOR_CONFIG'] ?? (await findDefaultFile(cwd));
  let base: Record<string, unknown> = {};
  let where = 'environment';
  if (file !== undefined) {
    const path = resolve(cwd, file);
    const text = await readFile(path, 'utf8').catch((cause: unknown) => {
      throw new EleanorError(
        'INVALID_CONFIG',
        `${file}: cannot read the configuration file (${(cause as Error).message})`,
        { cause },
      );
    });
    const parsed = parseText(text, file);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new EleanorError('INVALID_CONFIG', `${file}: expected an object at the top level`);
    }
    base = { baseDir: dirname(path), ...(parsed as Record<string, unknown>) };
    where = file;
  }
  return validated(applyEnv(base, env), where, env);
}
