// Stereotype tropes asserted of a protected group (hate.contempt's slot templates): living off others, caring only
// for money, hired only for diversity, lacking a basic virtue, secret control, genocide wished finished, taking "our"
// jobs, crime and disease laid at a group's door, a faith called a cult, a woman's place, damnation for who one is.

/** The control trope after its subject, hedged or not: "… do tend to control the banks", "… really run the media". */
const HEDGED_CONTROL =
  '[do|really|secretly|still|basically|actually|all] [tend|seem] [to] control|run|own the banks|media|world|government|hollywood|press|money';

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
  'jews|zionists [always|all] stick together to control|run|take',
  // Asserted with a hedge: "Jewish people do tend to control the banks and the media" (not "do not control").
  `jews|zionists ${HEDGED_CONTROL}`,
  `jewish people|families|elites ${HEDGED_CONTROL}`,
  // An "agenda" pushed on children: "the gay agenda is indoctrinating kids in schools".
  'gay|trans|homosexual|transgender|lgbt|lgbtq agenda is|are indoctrinating|brainwashing|grooming|destroying|ruining|corrupting|poisoning|targeting',
  'push|pushing|pushes|spread|spreading|promote|promoting the|their gay|trans|homosexual|transgender|lgbt|lgbtq agenda on|onto|to kids|children|students|our',
  // A genocide wished finished: "it's a shame Hitler didn't finish the job" ("Nazis" is counter-speech's word).
  "hitler didn't|didnt|never finish|finished|complete|completed the job",
  'hitler did not finish|complete the job',
  'hitler should have|shoulda finished|completed|done the job',
  // A trans woman's gender denied in one word: "transwomen are just men in dresses".
  '{TRANS} are|is [just|really|actually|only|still|simply] men|males|dudes|guys',
  '{TRANS} are|is [just|really|actually|only|still|simply] a|an man|dude|guy|male',
  // "Immigrants are taking all our jobs", "they come here to steal our benefits" ("our" makes it the grievance).
  '{H} are|is [all|just|only] taking|stealing [all|away] our jobs|benefits|homes|houses|women|country|money',
  '{H} [all|just|only] take|steal [all|away] our jobs|benefits|homes|houses|women|country|money',
  '{H} [all|just|only] come|came here ... to take|steal|rob|sponge|mooch|leech',
  // Crime and disease laid at a group's door: "Blacks commit most of the crime", "Chinese people spread diseases".
  '{H} commit|cause|do [almost] most|all [of] [the] crime|crimes|rapes|murders|violence|shootings|stabbings',
  '{H} [all] spread|carry|bring disease|diseases|aids|hiv|germs|plagues|the virus',
  '{H} [all] eat dogs|cats|bats|rats',
  // A faith called a cult: "Islam is a death cult" ("Islam is not a religion of peace" heads news commentary, which
  // labelled sets read as not hateful).
  '{FAITH} is|are [just|really|simply|merely] a [death|satanic|evil] cult|cults',
  '{FAITH} is|are nothing but a [death|satanic|evil] cult|cults',
  // A woman's place: "a woman's place is in the home, obeying her husband".
  "a woman's|womans|women's|womens place is in|at the kitchen|home|house|bedroom",
  // Damnation for who one is: "if you're gay you're going to hell", "Muslims are all going to hell".
  "if {YOU_ARE} {GA} [then] [you're|youre|ur|you] [are] going|headed|bound to|for hell",
  "if {YOU_ARE} {GA} [then] you'll|youll go|burn|rot in|to hell",
  'if {YOU_ARE} {GA} [then] you will go|burn|rot in|to hell',
  '{H} are|is [all] going|headed|bound to|for hell',
  // A group's place in work or public life called a mistake: "women in the workplace were a mistake", "giving women the
  // vote was a mistake".
  '{H} in|into the workplace|workforce|army|military|politics|government|office|boardroom|police were|was a mistake',
  'letting|allowing|giving {D} {H} ... was|were a mistake',
  // Belonging denied by race or faith: "if you're not white you're not really American".
  "if {YOU_ARE} not white|christian|straight [then] [you're|youre|you] [are] not [really|truly|a] [real|true] american|british|english|french|german|european|australian|patriot",
  // Aims laid at a group's door: "feminists want to destroy the family", "immigrants want to replace us".
  '{H} ... want|wants to destroy|ruin|replace|erase the|our|western family|families|culture|country|west|nation|civilisation|civilization|race|children|kids|us',
  // Distrust by what one wears: "I don't trust anyone who wears a turban".
  "don't|dont|never|can't|cant trust anyone|anybody|people|someone|somebody who|that wears|wear a|an turban|hijab|burqa|burka|niqab|kippah|yarmulke|headscarf|turbans|hijabs|burqas",
];

/** `{YOU_ARE}`: "you're" in its spellings (a slot value is one word or one phrase; one value fills every use). */
export const YOU_ARE = ["you're|youre|ur", 'you are'];

/** A faith named by its name: "{FAITH} is a death cult". */
export const FAITHS = 'islam|judaism|hinduism|sikhism|christianity|catholicism|mormonism|buddhism';

/** Trans women written as one word. */
export const TRANS_ONE_WORD = 'transwomen|transwoman|transgenderwomen';
