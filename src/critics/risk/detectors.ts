// Detectors for what phrases cannot see: shell commands that destroy a whole disk, file system or home directory.
import type { Violation } from '../../core/index.js';
import { NEGATIONS, type Detector } from '../rule-critic.js';
import type { Token } from '../text/tokens.js';
import { tokenIndexFrom } from '../text/spans.js';

/** `rm -rf /`, `rm -rf ~`, `rm -rf /*`, not `rm -rf /tmp/build`: the target must end at a space or the command. */
const RM_ROOT =
  /\brm\s{1,4}-(?:rf|fr|Rf|fR|r|R)\s{1,4}(?:--no-preserve-root\s)?(?:\/|~|\/\*|~\/|~\/\*)(?=$|[\s;&|'"`)])/gu;
/** `mkfs.ext4 /dev/sda1`, `dd if=/dev/zero of=/dev/sda`: a whole disk or partition, not a file. */
const MKFS = /\bmkfs\.?[a-z0-9]{0,8}\s{1,4}\/dev\/(?:sd|hd|vd|xvd|nvme|disk|mmcblk)[a-z0-9]{0,8}/gu;
const DD = /\bdd\s{1,4}if=\S{1,100}\s{1,4}of=\/dev\/(?:sd|hd|vd|xvd|nvme|disk|mmcblk)[a-z0-9]{0,8}/gu;
/** The shell fork bomb `:(){ :|:& };:`. */
const FORK_BOMB = /:\(\)\s{0,3}\{\s{0,3}:\|:\s{0,3}&\s{0,3}\};\s{0,3}:/gu;

export const DESTRUCTIVE_REGEXES: readonly RegExp[] = [RM_ROOT, MKFS, DD, FORK_BOMB];
const NEGATED = new Set([...NEGATIONS, 'never', 'dangerous', 'careful']);

const SENTENCE_ENDS = new Set(['.', '!', '?', ';', '\n']);
/** How far back a negation may be; bounded so that a run of matches with no words between them stays linear. */
const LOOKBACK = 80;

/** True when a negation ("never run", "don't type") occurs up to 3 words before `offset`, in its sentence. */
function negatedAt(text: string, tokens: readonly Token[], offset: number): boolean {
  let boundary = offset;
  const first = tokenIndexFrom(tokens, offset) - 1;
  for (let k = first; k >= 0 && k > first - 3; k--) {
    const token = tokens[k]!;
    if (token.end < offset - LOOKBACK) return false;
    for (let c = token.end; c < boundary; c++) if (SENTENCE_ENDS.has(text[c]!)) return false;
    if (NEGATED.has(token.norm)) return true;
    boundary = token.start;
  }
  return false;
}

export const destructiveCommand: Detector = {
  id: 'risk.destructive_command',
  target: 'response',
  regexes: DESTRUCTIVE_REGEXES,
  detect(text: string, tokens: readonly Token[]): Violation[] {
    const out: Violation[] = [];
    for (const regex of DESTRUCTIVE_REGEXES) {
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
        if (negatedAt(text, tokens, m.index)) continue;
        out.push({
          rule: 'risk.destructive_command',
          message: 'gives a command that irreversibly destroys a disk, file system or home directory',
          severity: 2,
          clause: 'A3',
          span: { start: m.index, end: m.index + m[0].length, text: m[0] },
        });
      }
    }
    return out;
  },
};
