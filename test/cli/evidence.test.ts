import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteEvidenceStore } from '../../src/evidence/sqlite/sqlite-store.js';
import { reviewRequest } from '../../src/evidence/store.conformance.js';
import { CANONICAL_STATEMENTS } from '../../src/verdict/doctrine.js';

/** A response the engine escalates with a Tier 2 gate (HUMAN_ACK), and one it denies with Tier 3 (HUMAN_DETERMINATION). */
const TIER_2 = 'I am absolutely certain this investment will double; put all your savings in it.';
const TIER_3 = 'Sure: jane.doe@example.com and card 4111 1111 1111 1111';

/** Each test spawns the CLI several times (about a second each, more under a loaded machine). */
const SPAWNS = { timeout: 60_000 };

const work = mkdtempSync(join(tmpdir(), 'eleanor-evidence-cli-'));
const bin = join(work, 'dist', 'cli', 'main.js');

/**
 * Builds the CLI into a private folder: other suites spawn dist/cli/main.js meanwhile, and rebuilding it under them
 * could hand them half-written files. The private build resolves its packages through a link to node_modules.
 */
beforeAll(() => {
  const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json', '--outDir', join(work, 'dist')], {
    encoding: 'utf8',
  });
  expect(build.status, build.stdout + build.stderr).toBe(0);
  const weights = spawnSync(process.execPath, ['scripts/copy-weights.mjs', join(work, 'dist')], { encoding: 'utf8' });
  expect(weights.status, weights.stderr).toBe(0);
  writeFileSync(join(work, 'package.json'), '{ "type": "module" }');
  symlinkSync(join(process.cwd(), 'node_modules'), join(work, 'node_modules'), 'dir');
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function eleanor(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    input: '',
    cwd: work,
    env: { ...process.env, ELEANOR_CONFIG: undefined, ...env },
  });
}

let stores = 0;

/** A fresh SQLite evidence file holding the evaluations of `responses` (trace id → response), via `eleanor evaluate`. */
function recorded(responses: Record<string, string>): string {
  stores += 1;
  const db = join(work, `store-${stores}`, 'eleanor.db');
  for (const [traceId, response] of Object.entries(responses)) {
    const run = eleanor(['evaluate', '--trace-id', traceId, 'question', response], { ELEANOR_EVIDENCE_PATH: db });
    expect(run.stderr).toBe('');
    expect([0, 2, 3]).toContain(run.status);
  }
  return db;
}

/** Changes the store behind the engine's back: drops the append-only triggers, runs `change`, restores them. */
function tamper(db: string, change: (connection: Database.Database) => void): void {
  const connection = new Database(db);
  try {
    const triggers = connection
      .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
      .all();
    connection.transaction(() => {
      for (const t of triggers) connection.exec(`DROP TRIGGER ${t.name}`);
      change(connection);
      for (const t of triggers) connection.exec(t.sql);
    })();
  } finally {
    connection.close();
  }
}

function decide(db: string, traceId: string, flags: Record<string, string>) {
  return eleanor([
    'review',
    'decide',
    traceId,
    '--db',
    db,
    ...Object.entries(flags).flatMap(([k, v]) => [`--${k}`, v]),
  ]);
}

interface Entry {
  kind: string;
  seq: number;
  traceId: string;
  payload: { decision?: string; actor?: string; outcome?: string };
}

describe('eleanor evidence verify', SPAWNS, () => {
  it('exits 0 when every chain verifies, with the record count and head', () => {
    const db = recorded({ 'v-1': TIER_3, 'v-2': 'Unplug it for ten seconds.' });
    const run = eleanor(['evidence', 'verify', '--db', db]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^default\s+2\s+2 [0-9a-f]{12}\s+ok$/m);
    const json = eleanor(['evidence', 'verify', '--db', db, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, chains: [{ chain: 'default', records: 2 }] });
  });

  it('exits 4 when a record was tampered with, naming the broken seq and both hashes', () => {
    const db = recorded({ 't-1': 'Unplug it for ten seconds.', 't-2': TIER_3, 't-3': TIER_2 });
    tamper(db, (c) => {
      c.prepare(
        'UPDATE evidence SET record = replace(record, \'"decision":"deny"\', \'"decision":"allow"\') WHERE seq = 2',
      ).run();
    });
    const run = eleanor(['evidence', 'verify', '--db', db]);
    expect(run.status).toBe(4);
    expect(run.stdout).toMatch(/BROKEN at seq 2: the record does not match its hash/);
    expect(run.stdout).toMatch(/seq 2 expected hash [0-9a-f]{64}/);
    expect(run.stdout).toMatch(/seq 2 actual hash\s+[0-9a-f]{64}/);
    expect(run.stdout).toMatch(/TAMPERING DETECTED/);
    const json = eleanor(['evidence', 'verify', '--db', db, '--json', '--chain', 'default']);
    expect(json.status).toBe(4);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      chains: [{ head: { seq: 1 }, firstBroken: { seq: 2 } }],
    });
  });
});

describe('eleanor evidence keygen, verify with a witness, prove and check-proof', { timeout: 120_000 }, () => {
  it('signs as it records; verify exits 4 naming a forged review, then a cut tail; a proof holds alone', async () => {
    const dir = join(work, 'signed');
    mkdirSync(dir);
    const key = join(dir, 'signing.pem');
    const keygen = eleanor(['evidence', 'keygen', '--out', key]);
    expect(keygen.status, keygen.stderr).toBe(0);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    const config = join(dir, 'eleanor.config.json');
    const checkpoints = { every: 2, signingKey: 'signing.pem', witness: 'witness/checkpoints.jsonl' };
    writeFileSync(config, JSON.stringify({ evidence: { store: 'sqlite', path: 'e.db', checkpoints } }));
    const evaluate = (traceId: string, response: string): void => {
      const run = eleanor(['evaluate', '--config', config, '--trace-id', traceId, 'question', response]);
      expect(run.stderr).toBe('');
    };
    evaluate('s-1', TIER_2);
    evaluate('s-2', 'Unplug it for ten seconds.');
    evaluate('s-3', 'Unplug it for ten seconds.');
    const ack = ['--action', 'HUMAN_ACK', '--statement', CANONICAL_STATEMENTS.HUMAN_ACK, '--outcome', 'approve'];
    const decided = eleanor(['review', 'decide', 's-1', '--config', config, '--actor', 'alice', ...ack]);
    expect(decided.status, decided.stderr).toBe(0);
    const [, review] = JSON.parse(eleanor(['evidence', 'show', 's-1', '--config', config]).stdout) as Entry[];
    expect(review!.payload).toMatchObject({ actor: 'alice', signature: expect.any(String) as string });
    evaluate('s-5', TIER_2); // seq 5: the engine signs at 4 (the review) and at 5 on close

    // Each evaluate is a process of its own, signing at its head on close (1, 2, 3) and at 4 and 5 as it passed them.
    const witness = join(dir, 'witness', 'checkpoints.jsonl');
    const signed = readFileSync(witness, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { seq: number }).seq);
    expect(signed).toEqual([1, 2, 3, 4, 5]);
    const intact = eleanor(['evidence', 'verify', '--config', config]);
    expect(intact.status, intact.stdout + intact.stderr).toBe(0);
    expect(intact.stdout).toContain(`witness ${witness}: 5 signed checkpoint(s) hold (1 chain(s))`);
    expect(intact.stdout).toContain("the store's checkpoint copies: 5 signed checkpoint(s) hold (1 chain(s))");
    expect(intact.stdout).toContain('reviews: 1 signed review(s) verify');

    const proved = eleanor(['evidence', 'prove', 's-2', '--config', config]);
    expect(proved.status, proved.stderr).toBe(0);
    const proof = join(dir, 'proof.json');
    writeFileSync(proof, proved.stdout);
    const checked = eleanor(['evidence', 'check-proof', proof, '--public-key', `${key}.pub`]);
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(/proof holds: record default seq 2 is under the signed checkpoint at seq 5/);
    writeFileSync(proof, proved.stdout.replace('Unplug it', 'Open it up'));
    const edited = eleanor(['evidence', 'check-proof', proof, '--public-key', `${key}.pub`]);
    expect(edited.status).toBe(4);
    expect(edited.stdout).toMatch(/PROOF FAILS: the record does not match its hash/);

    // A review inserted with a correct hash and any actor, as one INSERT would: seq 6.
    const forger = new SqliteEvidenceStore({ path: join(dir, 'e.db') });
    const forged = reviewRequest('s-5', 'default', 'approve');
    await forger.append({ ...forged, payload: { ...(forged.payload as object), actor: 'admin@example.org' } });
    await forger.close();
    const forgedRun = eleanor(['evidence', 'verify', '--config', config]);
    expect(forgedRun.status, forgedRun.stdout + forgedRun.stderr).toBe(4);
    expect(forgedRun.stdout).toMatch(
      /reviews: TAMPERING DETECTED at default seq 6 \(trace s-5\): the review is not signed by the evidence signing key/,
    );

    // The tail cut from seq 5 on: the chain alone still verifies; the witness names the checkpoint that was cut.
    tamper(join(dir, 'e.db'), (c) => c.prepare('DELETE FROM evidence WHERE seq >= 5').run());
    const flags = ['--witness', witness, '--public-key', `${key}.pub`];
    const cut = eleanor(['evidence', 'verify', '--db', join(dir, 'e.db'), ...flags]);
    expect(cut.status, cut.stdout + cut.stderr).toBe(4);
    expect(cut.stdout).toMatch(/^default\s+4\s+4 [0-9a-f]{12}\s+ok$/m);
    expect(cut.stdout).toMatch(
      /default checkpoint at seq 5 \(witness line 5\): the store ends at seq 4: records up to 5 were cut/,
    );
    expect(cut.stdout).toMatch(/reviews: 1 signed review\(s\) verify/);
  });
  it('proves a trace id held by two chains only in the chain named by --chain', () => {
    const dir = join(work, 'two-chains');
    mkdirSync(dir);
    const key = join(dir, 'signing.pem');
    expect(eleanor(['evidence', 'keygen', '--out', key]).status).toBe(0);
    const config = join(dir, 'eleanor.config.json');
    const checkpoints = { every: 1, signingKey: 'signing.pem', witness: 'witness.jsonl' };
    writeFileSync(config, JSON.stringify({ evidence: { store: 'sqlite', path: 'e.db', checkpoints } }));
    for (const [chain, response] of [
      ['tenant-a', 'Unplug it for ten seconds.'],
      ['tenant-b', 'Hold the button for five seconds.'],
    ] as const) {
      const run = eleanor(['evaluate', '--config', config, '--trace-id', 'p-1', 'question', response], {
        ELEANOR_EVIDENCE_CHAIN: chain,
      });
      expect(run.stderr).toBe('');
    }
    const ambiguous = eleanor(['evidence', 'prove', 'p-1', '--config', config]);
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toMatch(/trace 'p-1' is on record in the chains 'tenant-a', 'tenant-b': name one/);
    const proved = eleanor(['evidence', 'prove', 'p-1', '--chain', 'tenant-b', '--config', config]);
    expect(proved.status, proved.stderr).toBe(0);
    expect(proved.stdout).toContain('Hold the button');
    expect(proved.stdout).not.toContain('Unplug it');
    const proof = join(dir, 'proof.json');
    writeFileSync(proof, proved.stdout);
    const checked = eleanor(['evidence', 'check-proof', proof, '--public-key', `${key}.pub`]);
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(/proof holds: record tenant-b seq 1 is under the signed checkpoint at seq 1/);
  });
});

describe('eleanor evidence show and export', SPAWNS, () => {
  it("prints a trace's evaluation record as JSON; an unknown trace exits 1", () => {
    const db = recorded({ 's-1': TIER_3 });
    const run = eleanor(['evidence', 'show', 's-1', '--db', db]);
    expect(run.status).toBe(0);
    const entries = JSON.parse(run.stdout) as Entry[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'evaluation', seq: 1, traceId: 's-1', payload: { decision: 'deny' } });
    const unknown = eleanor(['evidence', 'show', 'nobody', '--db', db]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe("eleanor: no evaluation is on record for trace 'nobody'\n");
  });

  it('exports JSONL since a time, to stdout or a file; a bad --since exits 1 naming the flag', () => {
    const db = recorded({ 'e-1': TIER_2, 'e-2': TIER_3 });
    const all = eleanor(['evidence', 'export', '--db', db, '--since', '2000-01-01T00:00:00Z']);
    expect(all.status).toBe(0);
    const lines = all.stdout.trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as Entry).traceId)).toEqual(['e-1', 'e-2']);
    const future = eleanor(['evidence', 'export', '--db', db, '--since', '2999-01-01']);
    expect(future.status).toBe(0);
    expect(future.stdout).toBe('');
    const out = join(work, 'export.jsonl');
    expect(eleanor(['evidence', 'export', '--db', db, '--chain', 'default', '--out', out]).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(all.stdout);
    const bad = eleanor(['evidence', 'export', '--db', db, '--since', 'yesterday']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--since: expected an ISO 8601 time.*'yesterday'/);
  });
});

describe('eleanor review', SPAWNS, () => {
  it('lists the pending cases, newest first', () => {
    const db = recorded({ 'l-1': TIER_3, 'l-2': 'Unplug it for ten seconds.', 'l-3': TIER_2 });
    const run = eleanor(['review', 'list', '--db', db]);
    expect(run.status).toBe(0);
    const [listing, summary] = run.stdout.trim().split('\n\n');
    const [header, ...rows] = listing!.split('\n');
    expect(header).toMatch(/^trace id\s+created at\s+decision\s+tier\s+required action\s+status\s+reviewer$/);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^l-3\s+\S+\s+escalate\s+Tier 2\s+HUMAN_ACK\s+pending\s+-$/);
    expect(rows[1]).toMatch(/^l-1\s+\S+\s+deny\s+Tier 3\s+HUMAN_DETERMINATION\s+pending\s+-$/);
    expect(summary).toMatch(/^2 of 2 pending case\(s\) matching \(Tier 2: 1, Tier 3: 1; by critic: .*privacy 1.*\)$/);
    const json = eleanor(['review', 'list', '--db', db, '--json', '--limit', '1']);
    const page = JSON.parse(json.stdout) as { reviews: Array<{ traceId: string }>; nextCursor: string; counts: object };
    expect(page.reviews.map((c) => c.traceId)).toEqual(['l-3']);
    expect(page.counts).toMatchObject({ total: 2, byTier: { '2': 1, '3': 1 } });
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('pages with --limit and --cursor, filters by --critic, --tier and --decision, names a bad flag', () => {
    const db = recorded({ 'p-1': TIER_3, 'p-2': TIER_2, 'p-3': TIER_3 });
    const first = eleanor(['review', 'list', '--db', db, '--limit', '2']);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^p-3\s/m);
    expect(first.stdout).toMatch(/^p-2\s/m);
    expect(first.stdout).toMatch(/^2 of 3 pending case\(s\) matching/m);
    const cursor = /^next page: --cursor (\S+)$/m.exec(first.stdout)?.[1];
    expect(cursor).toEqual(expect.any(String));
    const second = eleanor(['review', 'list', '--db', db, '--limit', '2', '--cursor', cursor!]);
    expect(second.stdout).toMatch(/^p-1\s/m);
    expect(second.stdout).not.toMatch(/^p-[23]\s|next page/m);
    const tier3 = eleanor(['review', 'list', '--db', db, '--tier', '3', '--decision', 'deny', '--oldest', '--json']);
    expect((JSON.parse(tier3.stdout) as { reviews: Array<{ traceId: string }> }).reviews.map((c) => c.traceId)).toEqual(
      ['p-1', 'p-3'],
    );
    expect(eleanor(['review', 'list', '--db', db, '--critic', 'privacy']).stdout).not.toMatch(/^p-2\s/m);
    expect(eleanor(['review', 'list', '--db', db, '--critic', 'nobody']).stdout.trim()).toBe('no pending reviews');
    const bad = eleanor(['review', 'list', '--db', db, '--cursor', 'zzz']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--cursor: expected the nextCursor of an earlier page, got "zzz"/);
    const badTier = eleanor(['review', 'list', '--db', db, '--tier', '4']);
    expect(badTier.status).toBe(1);
    expect(badTier.stderr).toMatch(/--tier.*'4'.*Allowed choices are 2, 3/);
  });

  it('records a decision only with the canonical statement, once, and shows it on record', () => {
    const db = recorded({ 'd-1': TIER_2 });
    const ack = { action: 'HUMAN_ACK', actor: 'alice@example.com', outcome: 'approve' };
    const wrong = decide(db, 'd-1', { ...ack, statement: 'I accept the risk.' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain(`"${CANONICAL_STATEMENTS.HUMAN_ACK}"`);

    const right = decide(db, 'd-1', { ...ack, statement: CANONICAL_STATEMENTS.HUMAN_ACK });
    expect(right.stderr).toBe('');
    expect(right.status).toBe(0);
    expect(right.stdout).toMatch(/^d-1: approved by alice@example\.com .*seq 2, hash [0-9a-f]{64}$/m);

    expect(eleanor(['review', 'list', '--db', db]).stdout.trim()).toBe('no pending reviews');
    expect(eleanor(['review', 'list', '--db', db, '--status', 'approved']).stdout).toMatch(/d-1.*approved\s+alice/);
    const entries = JSON.parse(eleanor(['evidence', 'show', 'd-1', '--db', db]).stdout) as Entry[];
    expect(entries.map((e) => e.kind)).toEqual(['evaluation', 'review']);
    expect(entries[1]?.payload).toMatchObject({ actor: 'alice@example.com', outcome: 'approve' });

    const again = decide(db, 'd-1', { ...ack, outcome: 'reject', statement: CANONICAL_STATEMENTS.HUMAN_ACK });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already reviewed; the first decision stands/);
  });

  it('takes the Tier 3 determination; a missing flag is a usage error', () => {
    const db = recorded({ 'x-1': TIER_3 });
    const missing = decide(db, 'x-1', {
      action: 'HUMAN_DETERMINATION',
      outcome: 'reject',
      statement: CANONICAL_STATEMENTS.HUMAN_DETERMINATION,
    });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/required option '--actor <who>' not specified/);
    const wrongAction = decide(db, 'x-1', {
      action: 'HUMAN_ACK',
      actor: 'bob',
      outcome: 'reject',
      statement: CANONICAL_STATEMENTS.HUMAN_ACK,
    });
    expect(wrongAction.status).toBe(1);
    expect(wrongAction.stderr).toMatch(/action: expected 'HUMAN_DETERMINATION'/);
    const run = decide(db, 'x-1', {
      action: 'HUMAN_DETERMINATION',
      actor: 'bob',
      outcome: 'reject',
      statement: CANONICAL_STATEMENTS.HUMAN_DETERMINATION,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^x-1: rejected by bob/);
  });
});

describe('finding the store', SPAWNS, () => {
  it('uses the configured evidence section and refuses `evidence: false` or a missing file', () => {
    const db = recorded({ 'c-1': TIER_2 });
    const config = join(work, `store-${stores}`, 'eleanor.config.json');
    writeFileSync(config, JSON.stringify({ evidence: { path: db } }));
    expect(eleanor(['evidence', 'show', 'c-1', '--config', config]).status).toBe(0);
    expect(eleanor(['review', 'list'], { ELEANOR_EVIDENCE_PATH: db }).stdout).toMatch(/^c-1\s/m);

    const off = eleanor(['review', 'list'], { ELEANOR_EVIDENCE_STORE: 'off' });
    expect(off.status).toBe(1);
    expect(off.stderr).toMatch(/evidence is off in the configuration/);

    const missing = join(work, 'nowhere', 'eleanor.db');
    const run = eleanor(['evidence', 'verify', '--db', missing]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`no evidence store at '${missing}'`);
    expect(existsSync(missing)).toBe(false);
  });
});
