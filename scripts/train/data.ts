// Training data: the labelled corpus (../shared/data/corpus) plus our hand-written rows, and the held-out split by source.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface Row {
  readonly text: string;
  readonly label: 'harmful' | 'benign';
  readonly category: string;
  readonly side: 'input' | 'response';
  readonly source: string;
  /** The file (slice) the row came from, e.g. 'toxigen_hate'. */
  readonly slice: string;
  readonly heldOut: boolean;
}

/**
 * Slices held out whole: each is a source the models never see, so the split measures generalisation to a new source.
 * Chosen so that every category keeps both labels in the held-out part and most of its sources in training.
 */
export const HELD_OUT_SLICES: ReadonlySet<string> = new Set([
  'simplesafetytests', // harmful_request, self_harm: harmful
  'dangerousqa', // harmful_request: harmful
  'xsafety_commonsense_safety', // harmful_request: benign
  'gpteacher_codegen_riskyword', // harmful_request: benign
  'selfinstruct_responses', // harmful_response: benign
  'moderation_hate', // hate: both
  'toxigen_neutral', // hate: benign
  'gptfuzz_jailbreak_templates', // jailbreak: harmful (the only real jailbreak slice)
  'xsafety_goal_hijacking', // prompt_injection: harmful
  'greshake_indirect_injections', // prompt_injection: harmful
  'email_parser_fixtures', // prompt_injection: benign
  'moderation_self_harm', // self_harm: both
  'hh_rlhf_selfharm_redteam', // self_harm: harmful
  'xsafety_mental_health', // self_harm: benign
  'secretlint_fixtures', // pii: both
]);

/**
 * Slices too central to hold out whole (a category's only source of a label): one row in five is held out, chosen by a
 * hash of the text. Templated rows leak across such a split, so these cells measure less than the whole-slice ones.
 */
export const HASH_SPLIT_SLICES: ReadonlySet<string> = new Set([
  'gptfuzz_responses',
  'synthetic_jailbreak',
  'gpteacher_roleplay_prompts',
  'toxigen_hate',
  'synthetic_pii',
  'counselchat_answers',
  'tldr_imperative_docs',
  'everyday-benign',
  'benign-lookalikes',
  'harmful-handwritten',
]);

export function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function isHeldOut(slice: string, text: string): boolean {
  if (HELD_OUT_SLICES.has(slice)) return true;
  return HASH_SPLIT_SLICES.has(slice) && textHash(text) % 5 === 0;
}

function readJsonl(file: string, heldOutWhole: boolean): Row[] {
  const slice = basename(file, '.jsonl');
  const rows: Row[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const r = JSON.parse(line) as Omit<Row, 'slice' | 'heldOut'>;
    rows.push({ ...r, slice, heldOut: heldOutWhole || isHeldOut(slice, r.text) });
  }
  return rows;
}

/** Every corpus row, plus the hand-written training rows (files named check-*.jsonl are held out whole). */
export function loadRows(corpusDir: string, ownDir: string): Row[] {
  const rows: Row[] = [];
  for (const f of readdirSync(corpusDir).sort()) {
    if (f.endsWith('.jsonl')) rows.push(...readJsonl(join(corpusDir, f), false));
  }
  for (const f of readdirSync(ownDir).sort()) {
    if (f.endsWith('.jsonl')) rows.push(...readJsonl(join(ownDir, f), f.startsWith('check-')));
  }
  return rows;
}
