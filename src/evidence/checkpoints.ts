// Signed checkpoints: every N records (and every S seconds, and on close) a chain's head and Merkle root, signed, appended
// to a witness file kept apart from the store, so a cut tail or a consistent rewrite no longer verifies.
import { mkdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { GENESIS_HASH } from './canonical.js';
import { rowProblem } from './chain-check.js';
import { checkpointText } from './checkpoint-text.js';
import { loadKnownCheckpoints, type KnownCheckpoints } from './known-checkpoints.js';
import { MerkleFrontier, recordLeaf } from './merkle.js';
import { signText, type SigningKey } from './signing.js';
import type { Checkpoint, EvidenceRef, EvidenceStore, StoredRow } from './types.js';

export interface CheckpointSettings {
  /** A checkpoint once this many records were appended to a chain since its last one. */
  readonly every: number;
  /** Also every this many seconds, for chains with records since their last checkpoint. */
  readonly seconds?: number;
  readonly key: SigningKey;
  /** The witness file (append-only JSONL). */
  readonly witness: string;
  /** Told of each checkpoint once it is in the witness (the engine publishes it on its event bus). */
  readonly onSigned?: (checkpoint: Checkpoint) => void;
}

/** Rows read from the store per page while a chain's tree is brought up to date. */
const PAGE = 5_000;

interface ChainState {
  frontier: MerkleFrontier;
  head: string;
  signedSeq: number;
  /** The highest seq appended through this process, and the one when the last checkpoint was asked for. */
  noted: number;
  asked: number;
  /** Checkpoints of one chain are made one after another. */
  queue: Promise<void>;
}

export class Checkpointer {
  readonly #chains = new Map<string, ChainState>();
  readonly #timer: NodeJS.Timeout | undefined;
  /** What the witness and the store already hold, signed by this key: read once, then kept up to date. */
  readonly #known: Promise<KnownCheckpoints>;
  #failure: Error | undefined;

  constructor(
    private readonly store: EvidenceStore,
    private readonly settings: CheckpointSettings,
    private readonly warn: (error: unknown, message: string) => void,
  ) {
    mkdirSync(dirname(settings.witness), { recursive: true });
    this.#known = loadKnownCheckpoints(store, settings.witness, settings.key, warn);
    if (settings.seconds !== undefined) {
      this.#timer = setInterval(() => void this.#checkpointAll(), settings.seconds * 1000);
      this.#timer.unref();
    }
  }

  /** Counts an appended record; a chain that reached `every` gets its checkpoint (in the background). */
  noteAppend(ref: EvidenceRef): void {
    const state = this.#state(ref.chain);
    state.noted = Math.max(state.noted, ref.seq);
    if (state.noted - state.asked >= this.settings.every) void this.#enqueue(ref.chain, state);
  }

  /** The first signed checkpoint of the chain that covers `seq`, if one does yet. */
  async covering(chain: string, seq: number): Promise<Checkpoint | undefined> {
    return (await this.#known).covering(chain, seq);
  }

  /** Checkpoints every chain with records since its last checkpoint; resolves once they are in the witness. */
  async flush(): Promise<void> {
    await this.#checkpointAll();
    if (this.#failure !== undefined) throw this.#failure;
  }

  async close(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    await this.flush();
  }

  #state(chain: string): ChainState {
    let state = this.#chains.get(chain);
    if (state === undefined) {
      state = {
        frontier: new MerkleFrontier(),
        head: GENESIS_HASH,
        signedSeq: 0,
        noted: 0,
        asked: 0,
        queue: Promise.resolve(),
      };
      this.#chains.set(chain, state);
    }
    return state;
  }

  #checkpointAll(): Promise<void> {
    const due = [...this.#chains].filter(([, s]) => s.noted > s.signedSeq);
    return Promise.all(due.map(([chain, state]) => this.#enqueue(chain, state))).then(() => undefined);
  }

  #enqueue(chain: string, state: ChainState): Promise<void> {
    state.asked = state.noted;
    state.queue = state.queue
      .then(() => this.#checkpoint(chain, state))
      .catch((error: unknown) => {
        // The tree may hold rows that failed: the next attempt reads the chain again from its first record.
        state.frontier = new MerkleFrontier();
        state.head = GENESIS_HASH;
        this.#failure = error instanceof Error ? error : new Error(String(error));
        this.warn(error, `eleanor: the evidence checkpoint of chain '${chain}' could not be written`);
      });
    return state.queue;
  }

  /**
   * Brings the chain's tree up to its stored head (checking each row, and that the records still give every checkpoint
   * signed before), signing at each multiple of `every` it passes and at the head, so a record is never more than
   * `every` records from the checkpoint that first covers it; appends them to the witness in one write, then keeps
   * copies in the store and tells `onSigned`.
   */
  async #checkpoint(chain: string, state: ChainState): Promise<void> {
    const known = await this.#known;
    state.signedSeq = Math.max(state.signedSeq, known.latestSeq(chain));
    const due: Checkpoint[] = [];
    for (;;) {
      const from = state.frontier.size + 1;
      const rows = await this.store.rowsBetween(chain, from, from + PAGE - 1);
      for (const row of rows) {
        this.#extend(chain, state, row, known);
        if (row.seq > state.signedSeq && row.seq % this.settings.every === 0) due.push(this.#sign(chain, state));
      }
      if (rows.length < PAGE) break;
    }
    const seq = state.frontier.size;
    if (seq > state.signedSeq && due.at(-1)?.seq !== seq) due.push(this.#sign(chain, state));
    if (due.length === 0) return;
    const file = await open(this.settings.witness, 'a', 0o644);
    try {
      await file.appendFile(due.map((c) => `${JSON.stringify(c)}\n`).join(''));
      await file.sync();
    } finally {
      await file.close();
    }
    state.signedSeq = seq;
    due.forEach((checkpoint) => known.add(checkpoint));
    try {
      await this.store.appendCheckpoints(due);
    } catch (error) {
      this.warn(
        error,
        `eleanor: checkpoints of '${chain}' up to ${seq} are in the witness but not copied to the store`,
      );
    }
    for (const checkpoint of due) this.settings.onSigned?.(checkpoint);
  }

  /** The signed checkpoint of the chain's tree as it stands. */
  #sign(chain: string, state: ChainState): Checkpoint {
    const unsigned = {
      chain,
      seq: state.frontier.size,
      head: state.head,
      root: state.frontier.root(),
      time: new Date().toISOString(),
      keyId: this.settings.key.keyId,
    };
    return { ...unsigned, signature: signText(this.settings.key, checkpointText(unsigned)) };
  }

  /** Adds one stored row to the chain's tree; nothing is signed over a row that does not verify or a rewritten past. */
  #extend(chain: string, state: ChainState, row: StoredRow, known: KnownCheckpoints): void {
    const problem = rowProblem(row, state.frontier.size + 1, state.head);
    if (problem) {
      throw new Error(
        `chain '${chain}' does not verify at seq ${problem.seq} (${problem.reason}): no checkpoint is signed over it`,
      );
    }
    state.frontier.push(recordLeaf(row.hash));
    state.head = row.hash;
    for (const signed of known.at(chain, row.seq)) {
      if (signed.head !== row.hash || signed.root !== state.frontier.root()) {
        throw new Error(
          `chain '${chain}': records 1–${row.seq} no longer give the checkpoint signed at ${signed.time}: ` +
            'the store was rewritten, and no checkpoint is signed over it',
        );
      }
    }
  }
}
