// Destructive shell commands: whole disks, file systems and home directories, unless a warning precedes them.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokens.js';
import { destructiveCommand } from './detectors.js';

function found(text: string): string[] {
  const input = { inputText: '', modelResponse: text, context: {}, traceId: 't' };
  return destructiveCommand.detect(text, tokenize(text), input).map((v) => v.span!.text);
}

describe('destructiveCommand', () => {
  it.each([
    ['Run sudo rm -rf / now.', 'rm -rf /'],
    ['Then: rm -rf ~', 'rm -rf ~'],
    ['rm -rf --no-preserve-root /', 'rm -rf --no-preserve-root /'],
    ['Format it with mkfs.ext4 /dev/sda1.', 'mkfs.ext4 /dev/sda1'],
    ['dd if=/dev/zero of=/dev/nvme0n1 bs=1M', 'dd if=/dev/zero of=/dev/nvme0n1'],
    ['Paste :(){ :|:& };: into the shell.', ':(){ :|:& };:'],
  ])('flags %s', (text, span) => {
    expect(found(text)).toEqual([span]);
  });

  it.each([
    'rm -rf /tmp/build and rm -rf ./dist are routine.',
    'Never run rm -rf / on a server.',
    "Don't type mkfs.ext4 /dev/sda1 unless you mean it.",
    'dd if=disk.img of=backup.img copies a file.',
  ])('does not flag %s', (text) => {
    expect(found(text)).toEqual([]);
  });
});
