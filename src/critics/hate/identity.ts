// An orientation or gender identity denied or called a disorder (hate.contempt's slot templates over `{ORIENTATION}`):
// "being gay is a choice", "homosexuality is a mental illness", "trans women aren't real women".

/** Templates over `{ORIENTATION}` (an orientation or identity named as a thing); the rest name trans people directly. */
export const IDENTITY_DENIAL_TEMPLATES: readonly string[] = [
  'homosexuality|bisexuality|transgenderism|transsexualism is|are a mental disorder|illness|disease|sickness|perversion|abomination',
  // "Being gay is a choice", "bisexuality is just a phase": denying that an orientation or identity is real.
  '{ORIENTATION} is [just|only|simply|all] a choice|phase|trend|fad|delusion|lifestyle|sin|fetish',
  '{ORIENTATION} is [just|only|simply] not real',
  '{ORIENTATION} is [just|only|simply|clearly|obviously] a mental illness|disorder|disease|sickness',
  "{ORIENTATION} isn't|isnt real",
  // One trans person's gender denied: "a trans woman is not a real woman", "there's no way a trans man is a man".
  'a|any|every trans|transgender woman is [still|just|really|actually] a man|male|dude',
  'a|any|every trans|transgender man is [still|just|really|actually] a woman|female|girl',
  'a|any trans|transgender woman is not|never [a] real|actual|true woman',
  "a|any trans|transgender woman isn't|isnt [a] real|actual|true woman",
  'a|any trans|transgender man is not|never [a] real|actual|true man',
  "a|any trans|transgender man isn't|isnt [a] real|actual|true man",
  'no way [that] a|any trans|transgender woman is [actually|really] a woman',
  'no way [that] a|any trans|transgender man is [actually|really] a man',
  'homosexuality|bisexuality|transgenderism|transsexualism is|are a|an disorder|disease|sickness|perversion|abomination',
  // Denying a trans person's gender.
  'trans|transgender women are [just|really|actually|only|still] men|males|dudes|guys',
  'trans|transgender men are [just|really|actually|only|still] women|females|girls',
  // One word per slot: "are not" and "aren't" are separate patterns.
  'trans|transgender women are not [real|actual|really|actually] women|females',
  "trans|transgender women aren't|arent [real|actual|really|actually] women|females",
  'trans|transgender men are not [real|actual|really|actually] men|males',
  "trans|transgender men aren't|arent [real|actual|really|actually] men|males",
  'trans|transgender women|men will never be [real|actual] women|men',
  // An orientation or identity said not to exist: "there's no such thing as bisexuality", "… as a trans kid".
  "there's|theres no such thing as bisexuality|asexuality|bisexuals|asexuals|nonbinary|non-binary",
  'there is no such thing as bisexuality|asexuality|bisexuals|asexuals|nonbinary|non-binary',
  "there's|theres no such thing as a bisexual|trans|transgender|nonbinary|non-binary|asexual [person|man|woman|kid|child]",
  'there is no such thing as a bisexual|trans|transgender|nonbinary|non-binary|asexual [person|man|woman|kid|child]',
  "there's|theres no such thing as bisexual|trans|transgender|nonbinary|non-binary|asexual people|kids|children",
  'there is no such thing as bisexual|trans|transgender|nonbinary|non-binary|asexual people|kids|children',
  // Bisexuality explained away: "bisexual men are really just gay men who won't admit it", "… are just confused".
  'bisexual|bi men|women|people|guys|girls are [really|just|actually|secretly|all|only] [just] gay|straight|lesbians|confused|experimenting|pretending',
  'bisexuals are [really|just|actually|secretly|all|only] [just] gay|straight|lesbians|confused|experimenting|pretending',
  // "Lesbians just haven't met the right man yet."
  "lesbians|lesbian [women|girls] [just|only|simply] haven't|havent|hasn't|hasnt met|found the right man|guy",
  'lesbians|lesbian [women|girls] [just|only|simply] have|has not met|found the right man|guy',
  'lesbians|lesbian [women|girls] [just|only|simply] need|needs a [good|real|proper] man|guy|dick',
];
