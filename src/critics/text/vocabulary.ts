// Phrase lists several critics share: a sentence that says a harm is unlawful reports it rather than commits it.

/** "… is illegal", "the law forbids …": used in `unless` lists. */
export const UNLAWFUL: readonly string[] = Object.freeze([
  'is|are|was|were illegal',
  'illegal to',
  'unlawful',
  'against the law',
  'prohibit|prohibits|prohibited|prohibiting|prohibition|prohibitions',
  'forbid|forbids|forbidden|forbidding|forbade',
]);
