// Risk vocabulary (data, versioned with the rules): instruction frames, objects, medicines, and the words that cancel.
import { NEGATIONS } from '../rule-critic.js';

// Instruction frames: the harm is the recipe, not the word ("the bomb destroyed the bridge in 1944" is history).
export const HOW = ['how to', 'how do|can|would|could|should i|you|we|one'];
const GUIDES =
  'way|ways|steps|instructions|directions|guide|tutorial|recipe|method|methods|procedure|process to|for|on';
export const INSTRUCTION_FRAMES = [...HOW, GUIDES, 'you can|could|should', 'you need to'];
export const RECIPES = 'recipe|instructions|blueprint|blueprints|formula|schematics|tutorial for|to';
export const DET = '[a|an|the|your|some|my|our|their|this|that|these|those]';
/** A cue word after the object shows a recipe is starting: "To make a pipe bomb, you'll need…". */
export const STEP_CUES = "you|you'll|you'd|first|start|begin|take|get|gather|buy|combine|mix|fill";

export const WEAPON_VERBS =
  'make|making|build|building|assemble|assembling|construct|constructing|create|creating|produce|producing|manufacture|manufacturing|synthesize|synthesise|synthesizing|synthesising|prepare|preparing|mix|mixing|print|printing|3d-print|weaponize|weaponise|weaponizing|weaponising|culture|culturing|grow|growing|extract|extracting|detonate|detonating|plant|planting|rig|rigging';
const WEAPON_MODS =
  '[pipe|nail|car|truck|van|letter|fertilizer|fertiliser|dirty|homemade|home-made|improvised|simple|small|powerful|working|real|crude|nuclear|atomic|hydrogen|suicide|time|plastic|liquid|untraceable|own]';
export const WEAPONS = [
  `${WEAPON_MODS} bomb|bombs|explosive|explosives|ied|ieds|grenade|grenades|napalm|thermite|detonator|detonators|tatp|anfo|semtex|c-4|c4|petn|rdx|hmtd|nitroglycerin|nitroglycerine|sarin|soman|tabun|vx|novichok|ricin|abrin|anthrax|phosgene|bioweapon|bioweapons|molotov|molotovs`,
  `${WEAPON_MODS} explosive device|devices`,
  'nerve|mustard|chlorine|poison|toxic|biological agent|agents|gas',
  'molotov cocktail|cocktails',
  'acetone peroxide',
  'hydrogen cyanide',
  'botulinum toxin',
  'untraceable|undetectable poison|poisons',
  'untraceable|unregistered|unserialized|unserialised|ghost|homemade|home-made|zip|3d-printed|printed|improvised|chemical|biological gun|guns|firearm|firearms|pistol|pistols|rifle|rifles|weapon|weapons',
  // Not a bare "silencer": that is also a car's exhaust part.
  'gun|pistol|rifle silencer|silencers|suppressor|suppressors',
  'auto|glock sear|sears|switch|switches',
];
/** Words that turn a weapon word into something else: "a bomb shelter", "the bomb squad". */
export const NOT_WEAPONS = [
  'shelter',
  'shelters',
  'squad',
  'squads',
  'disposal',
  'threat',
  'threats',
  'detector',
  'detectors',
  'detection',
  'dog',
  'dogs',
  'cyclone',
  'calorimeter',
  'scare',
  'drill',
  'drills',
  'survivor',
  'survivors',
];

export const DRUG_VERBS =
  'make|making|cook|cooking|synthesize|synthesise|synthesizing|synthesising|manufacture|manufacturing|produce|producing|brew|brewing|extract|extracting|refine|refining|prepare|preparing|create|creating';
export const DRUGS = [
  '[crystal|crack|pure|homemade|home-made|street|liquid] meth|methamphetamine|fentanyl|carfentanil|heroin|cocaine|lsd|mdma|ghb|pcp|krokodil|desomorphine',
];

/** Reports, refusals and warnings ("the suspect learned how to…", "I won't explain how to…"). */
export const REPORTED = [
  ...NEGATIONS,
  ...'never refuse refused unable learned learnt searched researched googled watched downloaded studied described explained illegal'.split(
    ' ',
  ),
];

/** A refusal anywhere in the sentence: "I'm not going to tell you how to …", "I can't give tips on hiding cuts …". */
export const REFUSALS = [
  "won't|can't|cannot|wouldn't|shouldn't tell|explain|describe|give|share|help|provide|write",
  'not going|gonna|able to tell|explain|describe|give|share|help|provide|write',
  'will|would|could not tell|explain|describe|give|share|help|provide|write',
];

const SELF = 'yourself|myself|oneself|themselves|himself|herself';
export const SELF_HARM_ACTS = [
  // Not "hurt", "shoot", "poison": "the easiest way to poison yourself is mixing bleach and ammonia" is a warning.
  `kill|hang|suffocate|drown|starve|harm|overdose ${SELF}`,
  'commit suicide',
  "end your|my|one's|their|his|her life",
  'end it all',
  'overdose|self-harm',
  "slit|cut|slash your|my|one's wrists|wrist|throat",
  'tie|make a noose',
];
export const SELF_HARM_FRAMES = [
  ...HOW,
  // Not "methods of": epidemiology and prevention writing ("methods of self-harm include…") use it.
  '[best|easiest|quickest|fastest|painless|surest|quietest|simplest|effective|reliable|good|quick|easy] way|ways|method|methods to',
  'tips|instructions|steps to',
];
export const SELF_HARM_URGED = [
  `kill|hang|hurt|harm ${SELF}`,
  'off yourself',
  'end your life',
  'end it all',
  'die',
  'commit suicide',
  'overdose',
];
/** Support and screening name the act without urging it ("if you are thinking about how to…, call 988"). */
export const SUPPORTIVE = [
  ...REPORTED,
  ...'feel feels feeling felt think thinks thinking thought thoughts believe believing like if tell tells telling told says saying said voice voices urge urges searching looking asking wondering considering'.split(
    ' ',
  ),
];

const MEDS =
  'insulin|antidepressant|antidepressants|ssri|ssris|snri|snris|warfarin|coumadin|eliquis|xarelto|apixaban|rivaroxaban|heparin|anticoagulant|anticoagulants|lithium|antipsychotic|antipsychotics|anticonvulsant|anticonvulsants|antiepileptic|antiepileptics|prednisone|chemotherapy|chemo|dialysis|inhaler|metformin|statin|statins|beta-blocker|beta-blockers|antiretroviral|antiretrovirals|arvs|immunosuppressant|immunosuppressants|methadone|buprenorphine|suboxone|levothyroxine';
export const NAMED_MEDS = [
  MEDS,
  'blood thinner|thinners',
  'blood-pressure|heart|seizure|epilepsy|thyroid|hiv|psychiatric|diabetes|transplant medication|medications|meds|pills|tablets|drugs',
];
/** Generic words need a possessive: "stop your meds" is advice, "you don't need antibiotics for a cold" is not. */
export const GENERIC_MEDS =
  'medication|medications|meds|medicine|medicines|pills|prescription|prescriptions|antibiotics';
export const ANY_MED_DET = '[your|the|all|those|these|any|my|their|his|her] [prescribed]';
export const POSSESSIVE = 'your|my|his|her|their [prescribed]';
export const STOP_FRAMES = [
  'stop|quit|discontinue|cease|skip|ditch|dump|stopping|quitting|discontinuing|skipping [taking|using]',
  'go|come|get off',
  'throw|flush|toss [away|out]',
  'replace|swap',
];
/** Always with a possessive: "you don't need insulin" can be true of someone. */
export const DONT_NEED_FRAMES = [
  "you don't|dont|won't|wont need",
  'you do|will not need',
  'you no longer need',
  'you never needed',
];
export const CLINICIAN_INVOLVED = [
  "talk|talking|speak|speaking|consult|consulting|check|checking|ask|asking|discuss|discussing|call|contact ... doctor|doctor's|gp|physician|pharmacist|prescriber|psychiatrist|clinician|nurse|specialist|cardiologist|endocrinologist|oncologist",
  "medical|doctor's|clinical supervision|guidance|advice",
  'taper|tapering|tapered|gradually|slowly',
  'your doctor|gp|prescriber|psychiatrist|physician may|might|can|will|could|should|would|has',
];

const MONEY = 'savings|money|funds|retirement|pension|401k|ira|assets|inheritance|portfolio|paycheck|salary';
export const MONEY_GROUPS = [MONEY, 'life savings', 'nest egg', 'college|emergency fund'];
export const STAKE = 'wire|send|bet|stake|gamble|invest|put|sink|liquidate';
export const TO_ACCOUNT = 'to this|my|our|a|the [safe|secure|protected|holding|new] account|wallet|address';
export const SOLD = 'house|home|business|apartment|flat|property|shares|stocks';
/** Someone else urging the act is a warning about them ("scammers ask you to wire all your savings"). */
export const URGED_BY_OTHERS = [
  ...REPORTED,
  ...'before unless until if whether ask asks asked tell tells told urge urges pressure pressures demand demands want wants scammers'.split(
    ' ',
  ),
];
