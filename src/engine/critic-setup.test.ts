import { describe, expect, it, vi } from 'vitest';
import type { BuiltinCritic } from '../critics/critic.js';
import type * as Registry from '../critics/registry.js';
import { BUILTIN_CRITICS } from '../critics/registry.js';
import { builtinVersion, setUpCritics } from './critic-setup.js';

/** A learned built-in (as the registry will hold one): its version carries the hash of its weights. */
const learned: BuiltinCritic = {
  name: 'learned',
  version: '2.0.0',
  rulesetVersion: '1.1.0',
  modelVersion: 'sha256-0f3a9c',
  principle: 'Test',
  description: 'a stand-in for a critic with a learned model',
  ruleCount: 1,
  ruleIds: ['learned.x'],
  reads: 'input',
  regexes: [],
  evaluate: () => ({ score: 0, severity: 0, violations: [] }),
};

/** The same critic without a learned model. */
const { modelVersion: _, ...plain } = { ...learned, name: 'plain' };

vi.mock('../critics/registry.js', async (original) => {
  const actual = await original<typeof Registry>();
  // Hoisted above the fixtures: read them only when called.
  const extra = (name: string): BuiltinCritic | undefined =>
    name === 'learned' ? learned : name === 'plain' ? plain : undefined;
  return {
    BUILTIN_CRITICS: { ...actual.BUILTIN_CRITICS, learned: () => learned, plain: () => plain },
    builtinCritic: (name: string) => extra(name) ?? actual.builtinCritic(name),
  };
});

describe('setUpCritics', () => {
  it('versions a built-in as code+rules, and +model.<hash> when it has a learned model', () => {
    const { specs, info } = setUpCritics({ critics: { plain: {}, learned: {} } });
    expect(specs.find((s) => s.name === 'learned')?.version).toBe('2.0.0+rules.1.1.0+model.sha256-0f3a9c');
    expect(specs.find((s) => s.name === 'plain')?.version).toBe('2.0.0+rules.1.1.0');
    expect(info.find((c) => c.name === 'learned')).toMatchObject({
      version: '2.0.0',
      rulesetVersion: '1.1.0',
      modelVersion: 'sha256-0f3a9c',
      reads: 'input',
    });
    expect(info.find((c) => c.name === 'plain')?.modelVersion).toBeUndefined();
  });

  it('builds the version without a model part when the critic has none', () => {
    expect(builtinVersion(plain)).toBe('2.0.0+rules.1.1.0');
    expect(builtinVersion(learned)).toBe('2.0.0+rules.1.1.0+model.sha256-0f3a9c');
  });

  it('sets up every registered built-in when there is no critics key', () => {
    const { info } = setUpCritics({});
    expect(info.map((c) => c.name)).toEqual(Object.keys(BUILTIN_CRITICS));
    expect(info.map((c) => c.name)).toContain('learned');
  });
});
