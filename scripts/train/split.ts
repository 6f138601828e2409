// `npm run split`: writes the held-out split (the rows the models never trained on) as JSONL for `eleanor eval`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRows } from './data.js';

const corpusDir = process.env['ELEANOR_CORPUS'] ?? '../shared/data/corpus';
const out = process.argv[2] ?? 'data/heldout';

const bySlice = new Map<string, string[]>();
for (const row of loadRows(corpusDir, 'training/data')) {
  if (!row.heldOut) continue;
  const { slice, heldOut: _, ...fields } = row;
  const lines = bySlice.get(slice) ?? [];
  lines.push(JSON.stringify(fields));
  bySlice.set(slice, lines);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
let rows = 0;
for (const [slice, lines] of bySlice) {
  writeFileSync(join(out, `${slice}.jsonl`), `${lines.join('\n')}\n`);
  rows += lines.length;
}
console.log(`wrote ${rows} held-out rows in ${bySlice.size} files to ${out}`);
