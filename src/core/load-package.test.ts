// requirePackage and importPackage: a package loads on first use, and a failed load names the package and its user.
import { describe, expect, it } from 'vitest';
import { isEleanorError } from './errors.js';
import { importPackage, requirePackage } from './load-package.js';

const MISSING = 'eleanor-no-such-package';

/** The error `run` throws or rejects with, or undefined. */
async function failureOf(run: () => unknown): Promise<unknown> {
  try {
    await run();
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('requirePackage', () => {
  it('returns the package when it is installed', () => {
    const lib = requirePackage<{ isEmail(s: string): boolean }>({
      name: 'validator',
      user: 'a test',
      code: 'CRITIC_ERROR',
    });
    expect(lib.isEmail('jane@example.com')).toBe(true);
  });

  it('throws an EleanorError naming the package and what needed it when it cannot be loaded', async () => {
    const failed = await failureOf(() =>
      requirePackage({ name: MISSING, user: 'the test store', code: 'EVIDENCE_UNAVAILABLE' }),
    );
    expect(isEleanorError(failed)).toBe(true);
    expect(failed).toMatchObject({ code: 'EVIDENCE_UNAVAILABLE' });
    expect((failed as Error).message).toMatch(
      new RegExp(`^the test store needs the '${MISSING}' package, which could not be loaded — Cannot find module`),
    );
    expect((failed as Error).cause).toBeInstanceOf(Error);
  });
});

describe('importPackage', () => {
  it('imports the package when it is installed', async () => {
    const lib = await importPackage({ name: 'yaml', user: 'a test', code: 'INVALID_CONFIG' }, () => import('yaml'));
    expect(lib.parse('a: 1')).toEqual({ a: 1 });
  });

  it('rejects with an EleanorError naming the package when the import fails', async () => {
    const load = (): Promise<unknown> => import(MISSING);
    const failed = await failureOf(() =>
      importPackage({ name: MISSING, user: 'the test sink', code: 'INVALID_CONFIG' }, load),
    );
    expect(isEleanorError(failed)).toBe(true);
    expect(failed).toMatchObject({ code: 'INVALID_CONFIG' });
    expect((failed as Error).message).toContain(
      `the test sink needs the '${MISSING}' package, which could not be loaded`,
    );
  });
});
