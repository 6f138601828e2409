// Pattern templates with optional elements ("make [a|the] bomb") expanded into plain phrase patterns.
import type { FramedPhrases } from '../truth/guarded-critic.js';

/**
 * Every variant of a template: an element in brackets may be left out. `make [a|the] [pipe] bomb` gives
 * `make bomb`, `make a|the bomb`, `make pipe bomb` and `make a|the pipe bomb`. Expansion happens once, when
 * the rules are built; the matcher stays a plain, linear phrase matcher.
 */
export function expand(template: string): string[] {
  let variants: string[][] = [[]];
  for (const raw of template.trim().split(/\s+/)) {
    const optional = raw.startsWith('[') && raw.endsWith(']');
    const element = optional ? raw.slice(1, -1) : raw;
    if (element.length === 0 || element.includes('[') || element.includes(']')) {
      throw new Error(`template '${template}': malformed element '${raw}'`);
    }
    variants = variants.flatMap((v) => (optional ? [v, [...v, element]] : [[...v, element]]));
  }
  return [...new Set(variants.filter((v) => v.length > 0).map((v) => v.join(' ')))];
}

/** Every frame followed by every object, each expanded: `combine(['how to make'], ['[a] bomb'])`. */
export function combine(frames: readonly string[], objects: readonly string[]): string[] {
  return [...new Set(frames.flatMap((f) => objects.flatMap((o) => expand(`${f} ${o}`))))];
}

/** Framed phrases (see GuardedRule.framed) with both sides expanded. */
export function framed(frames: readonly string[], phrases: readonly string[]): FramedPhrases {
  return { frames: frames.flatMap(expand), phrases: phrases.flatMap(expand) };
}
