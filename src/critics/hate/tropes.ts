// Stereotype tropes asserted of a protected group (hate.contempt's slot templates): living off others, caring only
// for money, hired only for diversity, lacking a basic virtue, secret control, genocide wished finished.

/**
 * Templates over the slots `{H}` (a protected group) and `{TRANS}`. Each names the group and asserts the trope of all of
 * it; the counter-speech and negation cancellers of the rule that uses them still apply ("the myth that X …").
 */
export const TROPE_TEMPLATES: readonly string[] = [
  // "Black people would rather live off welfare than work."
  '{H} would [much] rather live|sponge|leech|mooch off welfare|benefits|handouts|taxpayers|others|the',
  '{H} would [much] rather steal|beg|scrounge|rob|loot|cheat than',
  // "Jewish people only care about money."
  '{H} only|just care|cares about money|themselves|gold|profit',
  // "Women in tech are mostly diversity hires."
  '{H} [in] [tech|science|politics|business|government|engineering|medicine|the] are|is [all|just|only|mostly|merely|basically|simply] diversity|dei|token|quota hires|hire|picks|pick',
  // "Chinese people have no concept of originality."
  '{H} have|has no concept|sense|notion of originality|hygiene|honour|honor|decency|morality|manners|shame|loyalty|creativity|innovation|civilisation|civilization',
  // Secret control at one remove: "the Jews always seem to end up running the banks".
  'jews|zionists ... end up running|controlling|owning the banks|media|world|government|hollywood|press|money',
  'jews|zionists ... running|controlling|owning the banks|media|world|government|hollywood|press',
  // A genocide wished finished: "it's a shame Hitler didn't finish the job" ("Nazis" is counter-speech's word).
  "hitler didn't|didnt|never finish|finished|complete|completed the job",
  'hitler did not finish|complete the job',
  'hitler should have|shoulda finished|completed|done the job',
  // A trans woman's gender denied in one word: "transwomen are just men in dresses".
  '{TRANS} are|is [just|really|actually|only|still|simply] men|males|dudes|guys',
  '{TRANS} are|is [just|really|actually|only|still|simply] a|an man|dude|guy|male',
];

/** Trans women written as one word. */
export const TRANS_ONE_WORD = 'transwomen|transwoman|transgenderwomen';
