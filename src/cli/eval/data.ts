// `eleanor eval --data`: finds the JSONL files, streams their lines, and checks each against the labelled-row schema.
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { EleanorError } from '../../core/index.js';

/** One line of a labelled corpus (extra fields are allowed and ignored). */
export const labelledRowSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  text: z.string(),
  side: z.enum(['input', 'response']),
  prompt: z.string().optional(),
  label: z.enum(['harmful', 'benign']),
  category: z.string().optional(),
  source: z.string().optional(),
});

export interface LabelledRow {
  readonly id: string;
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly side: 'input' | 'response';
  readonly prompt: string;
  readonly label: 'harmful' | 'benign';
  readonly category: string;
  readonly source: string;
}

export interface BadLine {
  readonly file: string;
  readonly line: number;
  /** The field at fault, e.g. 'side'; '(line)' when the line is not a JSON object. */
  readonly field: string;
  readonly message: string;
}

export type DataItem = { readonly row: LabelledRow } | { readonly bad: BadLine };

/** The value shown for what was given: short, and JSON-quoted so '' and 'x' are visible. */
function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) at = (at as Record<PropertyKey, unknown> | null | undefined)?.[key];
  return at;
}

/** Checks one line; a bad line names its field, what was expected and what was given. */
export function parseLine(text: string, file: string, line: number): DataItem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    return { bad: { file, line, field: '(line)', message: `not valid JSON (${(cause as Error).message})` } };
  }
  const parsed = labelledRowSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(line)';
    const expected =
      issue.code === 'invalid_value'
        ? `one of ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}`
        : issue.code === 'invalid_type'
          ? issue.path.length === 0
            ? 'a JSON object'
            : issue.expected
          : issue.message;
    return {
      bad: {
        file,
        line,
        field,
        message: `${issue.path.length > 0 ? `${field}: ` : ''}expected ${expected}, got ${shown(valueAt(value, issue.path))}`,
      },
    };
  }
  const row = parsed.data;
  return {
    row: {
      id: row.id === undefined ? `${basename(file)}:${line}` : String(row.id),
      file,
      line,
      text: row.text,
      side: row.side,
      prompt: row.prompt ?? '',
      label: row.label,
      category: row.category ?? '(none)',
      source: row.source ?? '(none)',
    },
  };
}

/** The JSONL files the --data paths name: a file as given, a folder's *.jsonl files in name order. */
export async function dataFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (cause) {
      throw new EleanorError('INVALID_INPUT', `--data: cannot read '${path}' (${(cause as Error).message})`, {
        cause,
      });
    }
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const names = (await readdir(path)).filter((name) => name.endsWith('.jsonl')).sort();
    if (names.length === 0)
      throw new EleanorError('INVALID_INPUT', `--data: the folder '${path}' has no *.jsonl files`);
    files.push(...names.map((name) => join(path, name)));
  }
  return files;
}

/** Every non-blank line of the files, checked, in file then line order (streamed, never all in memory). */
export async function* readData(files: readonly string[]): AsyncGenerator<DataItem> {
  for (const file of files) {
    const input = createReadStream(file, 'utf8');
    const opened = new Promise<void>((resolve, reject) => {
      input.once('ready', () => resolve());
      input.once('error', reject);
    });
    try {
      await opened;
    } catch (cause) {
      throw new EleanorError('INVALID_INPUT', `--data: cannot read '${file}' (${(cause as Error).message})`, {
        cause,
      });
    }
    let line = 0;
    for await (const text of createInterface({ input, crlfDelay: Infinity })) {
      line++;
      if (text.trim() !== '') yield parseLine(text, file, line);
    }
  }
}
