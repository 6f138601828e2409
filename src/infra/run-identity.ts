// A number per run, for infrastructure that keys state by run: the scope hooks receive, never the caller's trace id.
import type { CriticInput, RunScope } from '../core/index.js';

const ids = new WeakMap<object, number>();
let next = 0;

/** The run's number: of its scope (the orchestrator always passes one), else of its input snapshot. */
export function runIdOf(input: CriticInput, scope?: RunScope): number {
  const owner = scope ?? input;
  let id = ids.get(owner);
  if (id === undefined) ids.set(owner, (id = ++next));
  return id;
}
