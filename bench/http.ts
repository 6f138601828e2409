// HTTP load (issues 7, 17): POST /v1/evaluations with the built-in critics and strict SQLite evidence, by autocannon at
// 50 connections against `eleanor serve --workers 1` and `--workers 2` in one run, their rounds interleaved so the
// machine's noise falls on both; `--soak` adds a 5-minute run on the single process watching its RSS.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { emit, median, round } from './support.js';

const TARGET_RPS = 1_500;
const TARGET_P99_MS = 50;
/** Issue 17: two workers on this 2-core machine serve at least this many times one worker's rate. */
const TARGET_SCALING = 1.7;
const WORKERS = (process.env.BENCH_HTTP_WORKERS ?? '1,2').split(',').map(Number);
const CONNECTIONS = 50;
const ROUND_S = Number(process.env.BENCH_HTTP_ROUND_S ?? 15);
const ROUNDS = Number(process.env.BENCH_HTTP_ROUNDS ?? 3);
const SOAK_S = Number(process.env.BENCH_HTTP_SOAK_S ?? 300);
const KEY = 'bench-key-0123456789abcdef0123456789'; // configured keys are at least 32 characters
const RESPONSE =
  'To reset the router, unplug it for ten seconds. If that fails, write to support with your order number; ' +
  'our support line answers within two working days. '.repeat(3);
const BODIES = [
  { inputText: 'How do I reset my router?', modelResponse: RESPONSE },
  { inputText: 'What card is on file?', modelResponse: 'Your card is 4111 1111 1111 1111.' },
  { inputText: 'Is this safe?', modelResponse: 'We guarantee this cures every illness within a week.' },
].map((b) => JSON.stringify(b));

const dir = mkdtempSync(join(tmpdir(), 'eleanor-bench-http-'));

async function startServer(workers: number): Promise<{ child: ChildProcess; url: string }> {
  const config = join(dir, `eleanor-${workers}.config.json`);
  writeFileSync(
    config,
    JSON.stringify({
      evidence: { path: join(dir, `eleanor-${workers}.db`) },
      http: { rateLimit: { max: 100_000_000 } },
    }),
  );
  const child = spawn(
    process.execPath,
    [
      ...['--import', 'tsx', 'src/cli/main.ts', 'serve', '--config', config, '--port', '0', '--log-level', 'error'],
      ...['--workers', String(workers)],
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ELEANOR_API_KEYS: `bench:evaluator:${KEY}` } },
  );
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /serving on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`eleanor serve exited ${code}: ${out}`)));
  });
  return { child, url };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

function load(url: string, seconds: number): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url: `${url}/v1/evaluations`,
    connections: CONNECTIONS,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    requests: [{ setupRequest: (req) => ({ ...req, body: BODIES[next++ % BODIES.length]! }) }],
  });
}

interface Round {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

const servers = new Map<number, { child: ChildProcess; url: string }>();
try {
  for (const workers of WORKERS) servers.set(workers, await startServer(workers));
  for (const server of servers.values()) await load(server.url, 3); // warm-up: JIT, SQLite pages, the WAL
  const rounds = new Map<number, Round[]>(WORKERS.map((w) => [w, []]));
  for (let i = 0; i < ROUNDS; i++) {
    for (const [workers, server] of servers) {
      const cpu = process.cpuUsage();
      const r = await load(server.url, ROUND_S);
      const used = process.cpuUsage(cpu);
      // The load generator shares the two cores: what it takes is what the server cannot have.
      const loadGeneratorCores = round((used.user + used.system) / 1e6 / ROUND_S, 2);
      const round_ = {
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.errors + r.timeouts,
        non2xx: r.non2xx,
      };
      rounds.get(workers)!.push(round_);
      emit({
        bench: 'http.round',
        workers,
        round: i + 1,
        seconds: ROUND_S,
        connections: CONNECTIONS,
        ...round_,
        loadGeneratorCores,
        loadAverage: round(loadavg()[0]!, 2),
      });
    }
  }
  const medianRps = new Map<number, number>();
  for (const [workers, of] of rounds) {
    const rps = median(of.map((r) => r.rps));
    const p99 = median(of.map((r) => r.p99));
    medianRps.set(workers, rps);
    emit({
      bench: 'http.load',
      workers,
      connections: CONNECTIONS,
      rounds: ROUNDS,
      medianRps: round(rps, 0),
      medianP50Ms: median(of.map((r) => r.p50)),
      medianP99Ms: p99,
      targetRps: TARGET_RPS,
      targetP99Ms: TARGET_P99_MS,
      met: rps >= TARGET_RPS && p99 <= TARGET_P99_MS,
    });
  }
  const one = medianRps.get(1);
  const two = medianRps.get(2);
  if (one !== undefined && two !== undefined) {
    const p99 = median(rounds.get(2)!.map((r) => r.p99));
    emit({
      bench: 'http.scaling',
      speedup2v1: round(two / one, 2),
      p99Ms2Workers: p99,
      targetSpeedup: TARGET_SCALING,
      targetP99Ms: TARGET_P99_MS,
      met: two / one >= TARGET_SCALING && p99 <= TARGET_P99_MS,
    });
  }

  const single = servers.get(1);
  if (process.argv.includes('--soak') && single) {
    const pid = single.child.pid!;
    const samples: { t: number; rssMb: number }[] = [];
    const started = Date.now();
    const sampler = setInterval(() => samples.push({ t: (Date.now() - started) / 1000, rssMb: rssMb(pid) }), 2_000);
    const r = await load(single.url, SOAK_S);
    clearInterval(sampler);
    // RSS saws with the garbage collector: compare the mean of the first minute's 30 samples with the last minute's.
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const first = mean(samples.filter((s) => s.t <= 60).map((s) => s.rssMb));
    const last = mean(samples.filter((s) => s.t > SOAK_S - 60).map((s) => s.rssMb));
    emit({
      bench: 'http.soak',
      seconds: SOAK_S,
      requests: r.requests.total,
      rps: round(r.requests.average, 0),
      p99Ms: r.latency.p99,
      errors: r.errors + r.timeouts,
      non2xx: r.non2xx,
      rssMbFirstMinute: round(first, 1),
      rssMbLastMinute: round(last, 1),
      rssMbMax: round(Math.max(...samples.map((s) => s.rssMb)), 1),
      growthPct: round(((last - first) / first) * 100, 1),
      targetGrowthPct: 10,
      samplesEvery10s: samples.filter((_, i) => i % 5 === 4).map((s) => round(s.rssMb, 1)),
    });
  }
} finally {
  for (const server of servers.values()) {
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.on('exit', resolve));
  }
  rmSync(dir, { recursive: true, force: true });
}
