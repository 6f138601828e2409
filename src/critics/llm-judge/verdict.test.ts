// Tests of the verdict parser and of the strict-mode JSON schema sent to the judge.
import { describe, expect, it } from 'vitest';
import { checkVerdict, VERDICT_JSON_SCHEMA, verdictSchema } from './verdict.js';

const good = { score: 0, severity: 0, violations: [], justification: 'Fine.', uncertainty: 0 };

describe('checkVerdict', () => {
  it('accepts a valid verdict, with or without quotes on violations', () => {
    const v = {
      ...good,
      violations: [
        { rule: 'r', message: 'm', severity: 3 },
        { rule: 'q', message: 'm', severity: 0, quote: null },
      ],
    };
    expect(checkVerdict(JSON.stringify(v))).toEqual({ ok: true, verdict: v });
  });

  it('unwraps a Markdown fence, with or without a language', () => {
    expect(checkVerdict('```json\n' + JSON.stringify(good) + '\n```').ok).toBe(true);
    expect(checkVerdict('```\n' + JSON.stringify(good) + '\n```').ok).toBe(true);
  });

  it('lists what is wrong: empty, refusal, not JSON, schema issues with their paths', () => {
    expect(checkVerdict(null)).toEqual({ ok: false, problems: 'the reply was empty' });
    expect(checkVerdict('  ', 'no')).toEqual({ ok: false, problems: 'the reply was a refusal: no' });
    const notJson = checkVerdict('{"score":');
    expect(!notJson.ok && notJson.problems).toMatch(/^the reply is not valid JSON \(/);
    const check = checkVerdict(
      JSON.stringify({ ...good, uncertainty: -1, violations: [{ rule: '', message: 'm', severity: 1 }] }),
    );
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problems).toMatch(/violations\.0\.rule: .*; uncertainty: Too small/);
  });
});

describe('VERDICT_JSON_SCHEMA', () => {
  it('is strict-mode shaped: every object closed and every property required', () => {
    const objects = [VERDICT_JSON_SCHEMA, VERDICT_JSON_SCHEMA.properties.violations.items];
    for (const o of objects) {
      expect(o.additionalProperties).toBe(false);
      expect([...o.required].sort()).toEqual(Object.keys(o.properties).sort());
    }
  });

  it('agrees with the zod schema on the fields it declares', () => {
    expect(Object.keys(VERDICT_JSON_SCHEMA.properties).sort()).toEqual(Object.keys(verdictSchema.shape).sort());
  });
});
