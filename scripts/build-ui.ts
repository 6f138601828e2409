// `npm run build`, second step: the dashboard's page and styles copied to dist/ui/public, and its script bundled there as app.js.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleClient } from '../src/ui/bundle.js';

const from = fileURLToPath(new URL('../src/ui/public/', import.meta.url));
const to = fileURLToPath(new URL('../dist/ui/public/', import.meta.url));

mkdirSync(to, { recursive: true });
cpSync(from, to, { recursive: true });
writeFileSync(`${to}app.js`, await bundleClient());
console.log("dashboard: dist/ui/public (the page's files and app.js)");
