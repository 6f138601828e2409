// CLI input helpers: read a file or stdin ('-'), parse --context JSON, all with errors that name the flag.
import { readFile } from 'node:fs/promises';
import { EleanorError } from '../core/errors.js';

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The text of `path`, or of stdin for '-'. */
export async function readTextSource(path: string, flag: string): Promise<string> {
  if (path === '-') return readStdin();
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    throw new EleanorError('INVALID_INPUT', `${flag}: cannot read '${path}' (${(cause as Error).message})`, { cause });
  }
}

export function parseContext(json: string | undefined): Record<string, unknown> | undefined {
  if (json === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (cause) {
    throw new EleanorError(
      'INVALID_INPUT',
      `--context: expected a JSON object, got invalid JSON (${(cause as Error).message})`,
      { cause },
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new EleanorError('INVALID_INPUT', '--context: expected a JSON object');
  }
  return value as Record<string, unknown>;
}
