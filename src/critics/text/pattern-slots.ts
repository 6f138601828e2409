// Pattern templates: write each word list once and expand slots like '{G} are {X}' into phrase patterns.

/**
 * Expands `{NAME}` slots in phrase patterns: one pattern per combination of the slot's values, in order.
 * A value may hold several words ("black|gay people|applicants") or be '' for an optional slot.
 * Alternatives (`a|b`) are single words, so a multi-word option needs its own value, never `a b|c`.
 */
export function expand(templates: readonly string[], slots: Readonly<Record<string, readonly string[]>>): string[] {
  let out = [...templates];
  for (const [name, values] of Object.entries(slots)) {
    const marker = `{${name}}`;
    out = out.flatMap((t) => (t.includes(marker) ? values.map((v) => t.split(marker).join(v)) : [t]));
  }
  return out.map((t) => t.trim().split(/\s+/).join(' '));
}
