import { describe, expect, it } from 'vitest';
import { validateConfig } from '../engine/config/load.js';
import { infrastructureSchema } from '../engine/config/infrastructure-schema.js';
import { setUpInfrastructure } from '../engine/infra-setup.js';
import { INFRA_PIECES } from './pieces.js';

describe('the infrastructure pieces', () => {
  it('each owns one section of the configuration, and the section schema is composed from theirs alone', () => {
    const sections = INFRA_PIECES.map((p) => p.section);
    expect(new Set(sections).size).toBe(sections.length);
    expect(Object.keys(infrastructureSchema.shape).sort()).toEqual([...sections].sort());
    expect(infrastructureSchema.safeParse({ bogus: true }).success).toBe(false);
  });

  it("validates each section with its piece's schema, naming the field", () => {
    expect(() => validateConfig({ infrastructure: { cache: { l1: { max: 0 } } } }, 'test')).toThrow(
      /infrastructure\.cache\.l1\.max/,
    );
    expect(() => validateConfig({ infrastructure: { breakers: { default: { mode: 'sometimes' } } } }, 'test')).toThrow(
      /infrastructure\.breakers\.default/,
    );
  });

  it('composes the configured pieces in their order, and nothing for sections left out or switched off', async () => {
    const { pieces, handles } = setUpInfrastructure(
      { events: {}, metrics: true, tracing: false, cache: {}, adaptiveTimeouts: false },
      [{ name: 'risk', version: '1', cache: true }],
    );
    expect(pieces.map((p) => p.name)).toEqual(['cache', 'metrics', 'events']);
    expect(handles.metrics).toBeDefined();
    expect(handles.events).toBeDefined();
    expect(handles.breakers).toBeUndefined();
    await Promise.all(pieces.map((p) => (p.close ? p.close() : Promise.resolve())));
  });
});
