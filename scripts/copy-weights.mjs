// Build step: copies the learned critics' weights next to the compiled loader (tsc copies only what it compiles).
// Usage: node scripts/copy-weights.mjs [outDir] (default dist).
import { cpSync } from 'node:fs';
import { join } from 'node:path';

const outDir = process.argv[2] ?? 'dist';
cpSync('src/critics/model/weights', join(outDir, 'critics', 'model', 'weights'), { recursive: true });
