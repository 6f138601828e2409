// Exclusion and stigma in plain words (slot templates for hate.contempt): refusing a group work, housing or company,
// wanting its marriages outlawed, "replaced by" a group, women as property, and stigma on disability and illness.
import { TRAITS } from './vocabulary.js';

/** People named by a condition: "people with autism", "everyone with a mental disability", "mentally ill people". */
const WITH_CONDITION = [
  'people|everyone|anyone|those|persons|kids|children with autism|disabilities|dyslexia|adhd|schizophrenia|bipolar|dementia|epilepsy',
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
  ]),
];
