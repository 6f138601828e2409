// Preloaded with `node --import`: at exit, prints {"packages":[…]} — every package a module was loaded from (ESM or CJS).
import { createRequire, register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const urls = new Set();
const { port1, port2 } = new MessageChannel();
port1.on('message', (url) => urls.add(url));
port1.unref();
register('./load-recorder-hooks.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });

/** 'pg' for …/node_modules/pg/lib/index.js, '@scope/name' for a scoped package; the last node_modules wins. */
function packageOf(path) {
  const at = path.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const parts = path.slice(at + '/node_modules/'.length).split('/');
  return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

process.on('exit', () => {
  // CommonJS modules required from CommonJS never pass the ESM hooks; they all land in the require cache.
  const paths = [...urls].map((url) => (url.startsWith('file:') ? new URL(url).pathname : url));
  paths.push(...Object.keys(createRequire(import.meta.url).cache));
  const packages = [...new Set(paths.map((p) => packageOf(p.replaceAll('\\', '/'))).filter(Boolean))].sort();
  process.stdout.write(`${JSON.stringify({ packages })}\n`);
});
