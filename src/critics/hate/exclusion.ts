// Exclusion and stigma in plain words (slot templates for hate.contempt): refusing a group work, housing or company,
// wanting its marriages outlawed or calling them a threat, its children damaged, "replaced by" a group, women as property,
// and stigma on disability and illness.
import { TRAITS } from './vocabulary.js';

/** People named by a condition: "people with autism", "everyone with a mental disability", "mentally ill people". */
const WITH_CONDITION = [
  'people|everyone|anyone|those|persons|kids|children with autism|disabilities|dyslexia|adhd|schizophrenia|bipolar|dementia|epilepsy|depression|anxiety|ocd|ptsd',
  'people|everyone|anyone|those|persons|kids|children with a|an ... disability|illness|disorder|impairment',
  'mentally|intellectually|physically ill|disabled|handicapped|challenged people|persons|kids|folks',
];
/** TRAITS without the words an illness makes literal ("people with depression are sick"). */
const STIGMA = TRAITS.split('|')
  .filter((trait) => trait !== 'sick' && trait !== 'diseased')
  .join('|');

/** hate.contempt templates over `{H}` (a group), `{D}` (a determiner) and `{ONE}` (one member). */
export const EXCLUSION_TEMPLATES: readonly string[] = [
  // Refusing work, housing or service: "I'd never rent my flat to a Pakistani", "never hire a woman".
  'never hire|employ|promote|serve|admit a|an|any {ONE}',
  'never rent|sell|let ... to a|an|any {ONE}',
  'never let|allow a|an|any {ONE} into|in|near|around',
  // "I'd never let a black doctor touch me."
  'never let|allow a|an|any {ONE} touch|treat|teach|examine|serve|cut me|my|us|our',
  // Company refused: "I don't want to share a classroom with a Muslim".
  "i|we [just|really|simply] don't|dont want to share|live|work|sit|study ... with|beside|near a|an|any {ONE}",
  "i|we [just|really|simply] don't|dont want to share|live|work|sit|study ... with|beside|near {D} {H}",
  // A law wanted against a group: "there should be a law against disabled people having children".
  'should|must be a law|laws against {D} {H}',
  // Marriages and families of a group outlawed.
  'interracial|mixed-race|gay|same-sex|lesbian marriage|marriages|relationships|couples should|must be illegal|banned|outlawed|criminalised|criminalized',
  // "Our race is being replaced by immigrants."
  'being|been|getting replaced|outbred by {D} {H}',
  // Women as things: "women are property".
  '{H} are|is [just|only|merely|simply] property|objects|possessions|livestock|cattle',
  // Stigma on disability and illness: "everyone with a mental disability is violent".
  ...WITH_CONDITION.flatMap((group) => [
    `${group} are|is [all|so|just|really|always|basically|inherently] ${STIGMA}`,
    `${group} should [all] be locked|put|shut away|up|down`,
    // An illness denied: "people with depression are just weak and looking for attention".
    `${group} are|is [all|just|only|simply|really] weak|faking|fakers|attention-seekers`,
    `${group} are|is [all|just|only|simply|really] looking|begging for attention`,
  ]),
  // Children of a group's families called damaged: "kids raised by gay parents grow up messed up".
  'raised by gay|lesbian|trans|transgender|same-sex|homosexual parents|couples|dads|moms|mums|fathers|mothers grow|turn|end up messed|damaged|confused|screwed|broken|disturbed|traumatised|traumatized',
  'raised by gay|lesbian|trans|transgender|same-sex|homosexual parents|couples|dads|moms|mums|fathers|mothers are|become [all|always|usually] messed|damaged|screwed|broken|disturbed|traumatised|traumatized',
  // A group's marriages as a threat: "gay marriage will destroy the traditional family".
  'gay|same-sex|homosexual|lesbian|interracial marriage|marriages will|would|is|are destroy|destroying|ruin|ruining|undermine|undermining|threaten|threatening|corrupt|corrupting the|our [traditional] family|families|marriage|society|civilisation|civilization|country|nation|children',
  'gay|same-sex|homosexual|lesbian|interracial marriage|marriages destroys|ruins|undermines|threatens|corrupts the|our [traditional] family|families|marriage|society|civilisation|civilization|country|nation|children',
];
