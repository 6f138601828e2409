// Zod issues as exact configuration errors: the full path, what was expected (allowed values, type, bounds), what was given.
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/**
 * Parse options for configuration schemas: an unknown key's message names the keys its object accepts (or the
 * nearest one). Pass them to every `safeParse` of a configuration, nested ones (in a `superRefine`) included.
 */
export const CONFIG_PARSE: z.core.ParseContext<z.core.$ZodIssue> = {
  error: (issue) => {
    if (issue.code !== 'unrecognized_keys') return undefined;
    const shape = (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape;
    if (shape === undefined || issue.keys.length !== 1) return undefined;
    const known = Object.keys(shape);
    const near = nearest(issue.keys[0]!, known);
    return near !== undefined
      ? `unknown setting; did you mean '${near}'?`
      : `unknown setting; expected one of ${known.join(', ')}`;
  },
};

/** The known name within two edits of `name` (case ignored), if exactly one is nearest. */
function nearest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

const SECRET = /key|secret|token|password|hmac|sha256|credential/i;

/** A given value as a message shows it: strings quoted (shortened, credentials hidden), other kinds named. */
export function shownValue(value: unknown, field?: PropertyKey): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') {
    if (typeof field === 'string' && SECRET.test(field)) return `a string of ${value.length} characters`;
    const text = value.replace(/\/\/[^/@\s]*@/, '//…@');
    return `'${text.length > 60 ? `${text.slice(0, 57)}…` : text}'`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value === null)
    return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'function' ? 'a function' : 'an object';
}

function literal(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

/** "'a'", "'a' or 'b'", "'a', 'b' or 'c'"; ", or " between parts that hold an "or" themselves. */
function oneOf(parts: readonly string[]): string {
  if (parts.length <= 1) return parts[0] ?? 'nothing';
  const joint = parts.some((p) => p.includes(' or ')) ? ', or ' : ' or ';
  return `${parts.slice(0, -1).join(', ')}${joint}${parts.at(-1)!}`;
}

const TYPE_NAMES: Record<string, string> = {
  int: 'an integer',
  object: 'an object',
  array: 'an array',
  boolean: 'true or false',
  undefined: 'nothing',
};

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? (/^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`);
}

/** What a bound asks for: "at least 1", "more than 0", "at most 3 characters", "at least 1 item". */
function bound(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  const word = small ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than';
  if (issue.origin === 'string') {
    if (small && limit === 1 && inclusive) return 'a non-empty string';
    return `${word} ${limit} character${limit === 1 ? '' : 's'}`;
  }
  if (issue.origin === 'array' || issue.origin === 'set') return `${word} ${limit} item${limit === 1 ? '' : 's'}`;
  return `${word} ${limit}`;
}

function sizeOf(value: unknown): unknown {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.length;
  if (value instanceof Set) return value.size;
  return value;
}

/** Zod's own wording, which the derived expectation replaces; a schema's own message is kept. */
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Unrecognized)\b/;

/** What the issue expected, or undefined when only its own message can say. */
function expectation(issue: Issue): string | undefined {
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message.replace(/^expected /, '');
  switch (issue.code) {
    case 'invalid_type':
      return typeName(issue.expected);
    case 'invalid_value':
      return oneOf(issue.values.map(literal));
    case 'too_small':
    case 'too_big':
      return bound(issue);
    case 'invalid_format':
      return issue.format === 'regex' && 'pattern' in issue
        ? `a string matching ${String(issue.pattern)}`
        : `a valid ${issue.format}`;
    case 'not_multiple_of':
      return `a multiple of ${String(issue.divisor)}`;
    default:
      return undefined;
  }
}

function valueAt(value: unknown, path: Path): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

function pathText(path: Path): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

/** The kind a union branch's failure at its own root says it takes, compared with the given value's. */
function takesKindOf(branch: readonly Issue[], given: unknown): boolean {
  return branch.every((issue) => {
    if (issue.path.length > 0) return true;
    switch (issue.code) {
      case 'invalid_type':
      case 'custom':
        return false;
      case 'invalid_value':
        return issue.values.some((v) => typeof v === typeof given);
      case 'invalid_union':
        return issue.errors.length === 0 || issue.errors.some((b) => takesKindOf(b, given));
      default:
        return true;
    }
  });
}

/** Fewer unknown keys, then fewer missing settings, then fewer problems: the branch the value was meant for. */
function rank(branch: readonly Issue[], given: unknown): [number, number, number] {
  let unknown = 0;
  let missing = 0;
  for (const issue of branch) {
    if (issue.code === 'unrecognized_keys') unknown += issue.keys.length;
    else if (issue.code === 'invalid_type' && valueAt(given, issue.path) === undefined) missing++;
  }
  return [unknown, missing, branch.length];
}

function better(a: [number, number, number], b: [number, number, number]): boolean {
  return a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2];
}

/** What a branch failing at its root expected ("'a' or 'b'", "a function"). */
function branchExpectation(branch: readonly Issue[], given: unknown): string | undefined {
  const root = branch.find((issue) => issue.path.length === 0);
  if (root === undefined) return undefined;
  if (root.code === 'invalid_union') return unionExpectation(root, given);
  return expectation(root);
}

function unionExpectation(issue: Extract<Issue, { code: 'invalid_union' }>, given: unknown): string {
  if (issue.errors.length === 0 && 'options' in issue && issue.options !== undefined)
    return oneOf(issue.options.map(literal));
  const parts = issue.errors.map((b) => branchExpectation(b, given)).filter((p) => p !== undefined);
  return oneOf([...new Set(parts)]);
}

function line(path: Path, expected: string, given: unknown): string {
  return `${pathText(path)}: expected ${expected}, got ${shownValue(given, path.at(-1))}`;
}

function describe(issue: Issue, base: Path, value: unknown): string[] {
  const path = [...base, ...issue.path];
  const given = valueAt(value, issue.path);
  switch (issue.code) {
    case 'invalid_union': {
      if (issue.errors.length > 0) {
        let best: { branch: Issue[]; rank: [number, number, number] } | undefined;
        for (const branch of issue.errors) {
          if (!takesKindOf(branch, given)) continue;
          const r = rank(branch, given);
          if (best === undefined || better(r, best.rank)) best = { branch, rank: r };
        }
        if (best !== undefined) return best.branch.flatMap((i) => describe(i, path, given));
      }
      return [line(path, unionExpectation(issue, given), given)];
    }
    case 'invalid_key': {
      const key = issue.path.at(-1);
      const why = issue.issues.map((i) => expectation(i) ?? i.message).join('; ');
      return [`${pathText(path.slice(0, -1))}: invalid name ${shownValue(String(key))} — ${why}`];
    }
    case 'unrecognized_keys': {
      if (issue.keys.length === 1) {
        const message = ZOD_DEFAULT.test(issue.message) ? 'unknown setting' : issue.message;
        return [`${pathText([...path, issue.keys[0]!])}: ${message}`];
      }
      return [`${pathText(path)}: unknown settings ${issue.keys.map((k) => `'${k}'`).join(', ')}`];
    }
    default: {
      const expected = expectation(issue);
      if (expected === undefined || !takesGiven(issue)) return [`${pathText(path)}: ${issue.message}`];
      return [line(path, expected, given === undefined ? undefined : sizeFor(issue, given))];
    }
  }
}

/**
 * Whether the message is an expectation the given value completes: zod's own wording (replaced), or a schema's
 * "expected …" without a "got" — a refinement's sentence ("expected hmac or sha256, not both") stands as written.
 */
function takesGiven(issue: Issue): boolean {
  if (ZOD_DEFAULT.test(issue.message)) return true;
  if (!issue.message.startsWith('expected ') || / got /.test(issue.message)) return false;
  return issue.code !== 'custom' || /^expected [\w ]+$/.test(issue.message);
}

/** For a length bound the given size, else the value. */
function sizeFor(issue: Issue, given: unknown): unknown {
  if (issue.code !== 'too_small' && issue.code !== 'too_big') return given;
  if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return given;
  return issue.origin === 'string' && given === '' ? given : sizeOf(given);
}

/**
 * One line per problem of a failed configuration parse: "critics.risk.failurePolicy: expected 'escalate', 'deny' or
 * 'ignore', got 'explode'". A union reports the branch that takes the given value's kind (the fewest unknown and
 * missing settings when several do), descending into nested unions; when none does, every branch's expectation.
 */
export function describeConfigIssues(issues: readonly Issue[], value: unknown, prefix: Path = []): string[] {
  return issues.flatMap((issue) => describe(issue, prefix, value));
}

/** `schema.safeParse(value)` with CONFIG_PARSE; on failure the problems as describeConfigIssues words them. */
export function checkConfig<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { readonly success: true; readonly data: z.output<S> } | { readonly success: false; readonly problems: string[] } {
  const parsed = schema.safeParse(value, CONFIG_PARSE);
  if (parsed.success) return { success: true, data: parsed.data };
  return { success: false, problems: describeConfigIssues(parsed.error.issues, value) };
}

/**
 * A `superRefine` body that checks a value with `schema` and passes its issues on whole (code, path, values), so a
 * section validated apart from its parent still gets exact messages.
 */
export function forwardIssues(schema: z.ZodType, value: unknown, ctx: z.RefinementCtx): void {
  const parsed = schema.safeParse(value, CONFIG_PARSE);
  if (parsed.success) return;
  for (const issue of parsed.error.issues) ctx.addIssue({ ...issue });
}
