// Pattern templates: write each word list once; `{SLOT}`s and `[optional]` elements expand into phrase patterns.
//
// Expansion happens once, when the rules are built; the matcher stays a plain, linear phrase matcher.

/** Every variant of one template, with each `[x]` element left out or kept, in order. */
function variants(template: string): string[] {
  let out: string[][] = [[]];
  for (const raw of template.trim().split(/\s+/)) {
    const optional = raw.startsWith('[') && raw.endsWith(']');
    const element = optional ? raw.slice(1, -1) : raw;
    if (element.length === 0 || element.includes('[') || element.includes(']')) {
      throw new Error(`template '${template}': malformed element '${raw}'`);
    }
    out = out.flatMap((v) => (optional ? [v, [...v, element]] : [[...v, element]]));
  }
  return out.filter((v) => v.length > 0).map((v) => v.join(' '));
}

/**
 * Expands templates into phrase patterns, in order and without duplicates.
 *
 * `{NAME}` slots give one pattern per combination of the slot's values: a value may hold several words
 * ("black|gay people|applicants") or be '' for an optional slot. An element in brackets may be left out:
 * `make [a|the] [pipe] bomb` gives `make bomb`, `make pipe bomb`, `make a|the bomb` and `make a|the pipe bomb`.
 * Alternatives (`a|b`) are single words, so a multi-word option needs its own value, never `a b|c`.
 */
export function expand(
  templates: readonly string[],
  slots: Readonly<Record<string, readonly string[]>> = {},
): string[] {
  let out = [...templates];
  for (const [name, values] of Object.entries(slots)) {
    const marker = `{${name}}`;
    out = out.flatMap((t) => (t.includes(marker) ? values.map((v) => t.split(marker).join(v)) : [t]));
  }
  return [...new Set(out.flatMap(variants))];
}

/** A rule's framed phrases (rule-critic.ts `FramedPhrases`) with both sides expanded. */
export function framed(
  frames: readonly string[],
  phrases: readonly string[],
): { readonly frames: string[]; readonly phrases: string[] } {
  return { frames: expand(frames), phrases: expand(phrases) };
}
