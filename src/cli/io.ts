// CLI input helpers: read a file or stdin ('-'), parse --context JSON, all with errors that name the flag.
import { readFile } from 'node:fs/promises';
import { EleanorError } from '../core/index.js';

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  ENOTDIR: 'a part of the path is not a folder',
};

/** INVALID_INPUT naming the flag and the path, with the reason in words ("--file: cannot read 'x.jsonl': no such file"). */
export function cannotRead(flag: string, path: string, cause: unknown, verb = 'read'): EleanorError {
  const code = (cause as NodeJS.ErrnoException | null)?.code;
  const reason = (code !== undefined && REASONS[code]) || (cause as Error).message;
  return new EleanorError('INVALID_INPUT', `${flag}: cannot ${verb} '${path}': ${reason}`, { cause });
}

/** The text of `path`, or of stdin for '-'. */
export async function readTextSource(path: string, flag: string): Promise<string> {
  if (path === '-') return readStdin();
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    throw cannotRead(flag, path, cause);
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
