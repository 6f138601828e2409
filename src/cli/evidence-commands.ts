// The `eleanor evidence` (verify, show, export) and `eleanor review` (list, decide) subcommands, on the evidence store.
import { createWriteStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EleanorError, isEleanorError } from '../core/index.js';
import { loadConfig } from '../engine/index.js';
import {
  checkWitness,
  EXIT_TAMPERED,
  formatReviewSignatures,
  formatStoredCheckpoints,
  formatWitness,
  verificationKey,
  type WitnessFlags,
} from './checkpoint-commands.js';
import { checkpointSigningKey, checkReviewSignatures, verifyStoredCheckpoints } from '../evidence/index.js';
import { proveCommand } from './proof-commands.js';
import type { EvidenceConfig } from '../evidence/index.js';
import { openEvidenceStore } from '../evidence/index.js';
import { createReviewQueue, traceEntries } from '../evidence/index.js';
import { DEFAULT_SQLITE_PATH } from '../evidence/index.js';
import type {
  ChainReport,
  EvidenceEntry,
  EvidenceStore,
  ReviewAction,
  ReviewOutcome,
  ReviewPage,
  ReviewQuery,
  ReviewStatus,
  VerifyReport,
} from '../evidence/index.js';
import type { Decision } from '../verdict/index.js';

/** Which store to open: the configuration's `evidence` section, or a SQLite file / PostgreSQL URL overriding it. */
export interface StoreFlags {
  readonly config?: string;
  readonly db?: string;
  readonly databaseUrl?: string;
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

async function evidenceSettings(flags: StoreFlags): Promise<{ settings: EvidenceConfig; baseDir: string }> {
  if (flags.db !== undefined && flags.databaseUrl !== undefined) {
    throw new EleanorError('INVALID_INPUT', '--db and --database-url: give one store, not both');
  }
  const config = await loadConfig(flags.config === undefined ? {} : { file: flags.config });
  const baseDir = config.baseDir ?? process.cwd();
  if (flags.db !== undefined) return { settings: { store: 'sqlite', path: resolve(flags.db) }, baseDir };
  if (flags.databaseUrl !== undefined) return { settings: { store: 'postgres', url: flags.databaseUrl }, baseDir };
  return { settings: config.evidence ?? {}, baseDir };
}

/** Opening a SQLite file creates it: a reading command refuses a missing one (or memory) rather than show nothing. */
function assertSomethingToRead(settings: Exclude<EvidenceConfig, false>, baseDir: string): void {
  const kind = settings.store ?? 'sqlite';
  if (kind === 'memory') {
    throw new EleanorError(
      'EVIDENCE_UNAVAILABLE',
      "the configured evidence store is 'memory': nothing outlives a process",
    );
  }
  if (kind !== 'sqlite') return;
  const path = resolve(baseDir, settings.path ?? DEFAULT_SQLITE_PATH);
  if (!existsSync(path)) {
    throw new EleanorError(
      'EVIDENCE_UNAVAILABLE',
      `no evidence store at '${path}' (give --db <file>, --database-url <url> or --config <file>)`,
    );
  }
}

/** Opens the store the flags name, runs `use` on it and always closes it. */
async function withStore<T>(
  flags: StoreFlags,
  use: (store: EvidenceStore, settings: Exclude<EvidenceConfig, false>, baseDir: string) => Promise<T>,
): Promise<T> {
  const { settings, baseDir } = await evidenceSettings(flags);
  if (settings === false) {
    throw new EleanorError(
      'EVIDENCE_UNAVAILABLE',
      'evidence is off in the configuration (`evidence: false` or ELEANOR_EVIDENCE_STORE=off): nothing is on record; ' +
        'give --db <file> or --database-url <url> to read a store',
    );
  }
  assertSomethingToRead(settings, baseDir);
  const { store, owned } = openEvidenceStore(settings, baseDir);
  try {
    await store.ready();
    return await use(store, settings, baseDir);
  } finally {
    if (owned) await store.close();
  }
}

function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

/** Left-aligned columns, each as wide as its widest cell. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

function chainStatus(chain: ChainReport): string {
  const broken = chain.firstBroken;
  if (broken === null) return chain.records === 0 ? 'ok (no records)' : 'ok';
  return `BROKEN at seq ${broken.seq}: ${broken.reason}`;
}

function chainBreakDetails(chain: ChainReport): string[] {
  const broken = chain.firstBroken;
  if (broken === null) return [];
  const where = `  ${chain.chain} seq ${broken.seq}`;
  return [
    broken.expectedHash === undefined ? '' : `${where} expected hash ${broken.expectedHash}`,
    broken.actualHash === undefined ? '' : `${where} actual hash   ${broken.actualHash}`,
  ].filter((line) => line !== '');
}

function formatVerify(report: VerifyReport): string {
  if (report.chains.length === 0) return 'no records: nothing to verify';
  const rows = report.chains.map((c) => [
    c.chain,
    String(c.records),
    c.head === null ? '-' : `${c.head.seq} ${shortHash(c.head.hash)}`,
    chainStatus(c),
  ]);
  const broken = report.chains.filter((c) => c.firstBroken !== null);
  const summary = report.ok
    ? `verified: ${report.chains.length} chain(s) intact`
    : `TAMPERING DETECTED: ${broken.length} of ${report.chains.length} chain(s) broken`;
  return [
    table(['chain', 'records', 'head (seq hash)', 'status'], rows),
    ...broken.flatMap(chainBreakDetails),
    summary,
  ].join('\n');
}

export async function verifyCommand(flags: StoreFlags & WitnessFlags & { json?: boolean }): Promise<number> {
  const { report, witness, stored, reviews } = await withStore(flags, async (store, settings, baseDir) => {
    const key = verificationKey(flags, settings, baseDir);
    return {
      report: await store.verify(flags.chain),
      witness: await checkWitness(store, flags, settings, baseDir, key),
      stored: key === undefined ? undefined : await verifyStoredCheckpoints(store, key, flags.chain),
      reviews: key === undefined ? undefined : await checkReviewSignatures(store, key, flags.chain),
    };
  });
  if (flags.json) {
    const json = { ...report, witness: witness?.report, storedCheckpoints: stored, reviewSignatures: reviews };
    console.log(JSON.stringify(json, null, 2));
  } else {
    console.log(formatVerify(report));
    console.log(
      witness === undefined
        ? 'no witness: a cut tail or a consistent rewrite is not detectable (configure evidence.checkpoints)'
        : formatWitness(witness.path, witness.report),
    );
    if (stored !== undefined) console.log(formatStoredCheckpoints(stored));
    if (reviews !== undefined) console.log(formatReviewSignatures(reviews));
  }
  const held = report.ok && (witness?.report.ok ?? true) && (stored?.ok ?? true) && (reviews?.failure ?? null) === null;
  return held ? 0 : EXIT_TAMPERED;
}

export async function proveTraceCommand(
  traceId: string,
  flags: StoreFlags & { chain?: string; witness?: string },
): Promise<number> {
  return withStore(flags, (store, settings, baseDir) => proveCommand(store, traceId, flags, settings, baseDir));
}

export async function showCommand(traceId: string, flags: StoreFlags & { chain?: string }): Promise<number> {
  const scope = flags.chain === undefined ? {} : { chain: flags.chain };
  const entries = await withStore(flags, (store) => traceEntries(store, traceId, scope));
  console.log(JSON.stringify(entries, null, 2));
  return 0;
}

/** `--since` as the canonical ISO time records carry. */
function sinceFlag(value: string): string {
  const time = Date.parse(value);
  if (!ISO_8601.test(value) || Number.isNaN(time)) {
    throw new EleanorError(
      'INVALID_INPUT',
      `--since: expected an ISO 8601 time such as 2026-01-31 or 2026-01-31T12:00:00Z, got '${value}'`,
    );
  }
  return new Date(time).toISOString();
}

async function* jsonLines(entries: AsyncIterable<EvidenceEntry>): AsyncIterable<string> {
  for await (const entry of entries) yield `${JSON.stringify(entry)}\n`;
}

export async function exportCommand(
  flags: StoreFlags & { since?: string; chain?: string; out?: string },
): Promise<number> {
  const since = flags.since === undefined ? undefined : sinceFlag(flags.since);
  await withStore(flags, async (store) => {
    const lines = Readable.from(
      jsonLines(
        store.export({
          ...(since !== undefined && { since }),
          ...(flags.chain !== undefined && { chain: flags.chain }),
        }),
      ),
    );
    if (flags.out === undefined) await pipeline(lines, process.stdout, { end: false });
    else await pipeline(lines, createWriteStream(flags.out));
  });
  return 0;
}

/** The table, then how many cases match — by tier and by critic where not filtered by them — and the next cursor. */
function formatReviews(page: ReviewPage, status: ReviewStatus, query: ReviewQuery): string {
  const { reviews, counts, nextCursor } = page;
  if (reviews.length === 0) return counts.total === 0 ? `no ${status} reviews` : `no more ${status} reviews`;
  const rows = reviews.map((c) => [
    c.traceId,
    c.createdAt,
    c.decision,
    `Tier ${c.tier}`,
    c.requiredAction,
    c.status,
    c.review?.actor ?? '-',
  ]);
  // Each count by tier (by critic) is under the other filters: shown only when that filter is not set.
  const by = [
    ...(query.tier === undefined ? [`Tier 2: ${counts.byTier['2']}, Tier 3: ${counts.byTier['3']}`] : []),
    ...(query.critic === undefined && Object.keys(counts.byCritic).length > 0
      ? [
          `by critic: ${Object.entries(counts.byCritic)
            .map(([critic, n]) => `${critic} ${n}`)
            .join(', ')}`,
        ]
      : []),
  ];
  const summary =
    `${reviews.length} of ${counts.total} ${status} case(s) matching` + (by.length === 0 ? '' : ` (${by.join('; ')})`);
  const next = nextCursor === null ? [] : [`next page: --cursor ${nextCursor}`];
  return [
    table(['trace id', 'created at', 'decision', 'tier', 'required action', 'status', 'reviewer'], rows),
    '',
    summary,
    ...next,
  ].join('\n');
}

export interface ReviewListFlags extends StoreFlags {
  readonly status: ReviewStatus;
  readonly limit?: number;
  readonly cursor?: string;
  readonly chain?: string;
  readonly critic?: string;
  readonly tier?: '2' | '3';
  readonly decision?: Decision;
  readonly since?: string;
  readonly search?: string;
  readonly oldest?: boolean;
  readonly json?: boolean;
}

/** The flag a query field comes from, for errors: `q` is --search, `order` is --oldest. */
const REVIEW_FLAGS: Readonly<Record<string, string>> = { q: '--search', order: '--oldest' };

export async function reviewListCommand(flags: ReviewListFlags): Promise<number> {
  const query: ReviewQuery = {
    status: flags.status,
    ...(flags.limit !== undefined && { limit: flags.limit }),
    ...(flags.cursor !== undefined && { cursor: flags.cursor }),
    ...(flags.chain !== undefined && { chain: flags.chain }),
    ...(flags.critic !== undefined && { critic: flags.critic }),
    ...(flags.tier !== undefined && { tier: flags.tier === '2' ? 2 : 3 }),
    ...(flags.decision !== undefined && { decision: flags.decision }),
    ...(flags.since !== undefined && { since: sinceFlag(flags.since) }),
    ...(flags.search !== undefined && { q: flags.search }),
    ...(flags.oldest === true && { order: 'oldest' }),
  };
  const page = await withStore(flags, (store) => createReviewQueue(store).page(query)).catch((error: unknown) => {
    // The store names the query field at fault; the user typed a flag.
    if (isEleanorError(error) && error.code === 'INVALID_INPUT' && error.path !== undefined) {
      const flag = REVIEW_FLAGS[error.path] ?? `--${error.path}`;
      throw new EleanorError('INVALID_INPUT', `${flag}${error.message.slice(error.path.length)}`, { cause: error });
    }
    throw error;
  });
  console.log(flags.json ? JSON.stringify(page, null, 2) : formatReviews(page, flags.status, query));
  return 0;
}

export interface ReviewDecideFlags extends StoreFlags {
  readonly action: ReviewAction;
  readonly actor: string;
  readonly outcome: ReviewOutcome;
  readonly statement: string;
  readonly chain?: string;
}

export async function reviewDecideCommand(traceId: string, flags: ReviewDecideFlags): Promise<number> {
  const { action, actor, outcome, statement } = flags;
  const decision = await withStore(flags, (store, settings, baseDir) =>
    createReviewQueue(
      store,
      settings.checkpoints === undefined ? undefined : checkpointSigningKey(settings.checkpoints, baseDir),
    ).decide(traceId, { action, actor, outcome, statement }, flags.chain === undefined ? {} : { chain: flags.chain }),
  );
  const { chain, seq, hash } = decision.evidence;
  console.log(
    `${traceId}: ${decision.status} by ${actor} (${action}) — recorded in chain ${chain}, seq ${seq}, hash ${hash}`,
  );
  return 0;
}
