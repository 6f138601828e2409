// First-person signs of a plan or an ongoing habit that name no act outright (data for the intent rule in rules.ts, with
// its slots): slang for the act, a habit on the body, the place one is at, not expecting to see a date.

/** Unexpanded patterns; the intent rule expands them with its slots ({W} "I want to", {B} "I'm", {IM} "I'm", …). */
export const PLAN_SIGNS: readonly string[] = [
  // "ctb" ("catch the bus"): "I want to ctb", "my ctb plan is set for Friday" (after a wish or as a plan only).
  '{W} ctb',
  'my|the ctb plan|date|method|attempt',
  'ctb plan|date|method is|was set|ready|planned|made|chosen',
  // A habit on one's own body, told in the present: "I burn my wrist with a lighter when …", "I cut myself whenever …"
  // (not "I cut my arm on a fence" nor "… while shaving": the intent rule's next-word exceptions; not "I scratch my
  // arms" alone, eczema; nor "I burn myself every time I cook").
  'i [still|often|usually|sometimes|always|just] burn|cut|carve|slice my wrist|wrists|thigh|thighs|arm|arms|skin|stomach|hips|legs',
  'i [still|often|usually|sometimes|always|just] burn|cut|scratch my wrist|wrists|thigh|thighs|arm|arms|skin|stomach|hips|legs with|until ... razor|razors|blade|blades|knife|glass|lighter|scissors|compass|bleed|bleeds|bleeding',
  'i [still|often|usually|sometimes|always|just] burn|cut|scratch|carve|slice myself when|whenever|until|again',
  // Where one is, now: "I'm sitting on the ledge of the roof", "I'm on the wrong side of the railing" (not a view).
  '{IM} [standing|sitting] on the|a ledge of|on ... roof|rooftop|bridge|building|garage|balcony|tower|overpass',
  '{IM} [standing|sitting] on the wrong|other|outside side of the|a railing|railings|guardrail|barrier',
  // Not expecting to see a date: "I don't intend to see another Christmas", "I don't plan on being here by Christmas"
  // (not a year or a month: "I don't plan to be here next year, I'm moving").
  "i don't|dont intend|plan|expect to see another|next birthday|christmas|xmas|summer|winter|spring|autumn",
  'i do not intend|plan|expect to see another|next birthday|christmas|xmas|summer|winter|spring|autumn',
  "i don't|dont intend|plan|expect on|to being|be here|around|alive ... christmas|xmas|birthday|summer|winter|spring|autumn|longer",
  'i do not intend|plan|expect on|to being|be here|around|alive ... christmas|xmas|birthday|summer|winter|spring|autumn|longer',
  "i don't|dont|can't|cant see myself making it to|past|through ... birthday|christmas|xmas|summer|winter|spring|autumn",
  // Goodbye letters to everyone ("wrote goodbye letters for everyone tonight"; not one for a retiring colleague).
  '{HAVE} written|wrote [my] goodbye|farewell letters|notes for|to everyone|everybody|all',
  'wrote|written|writing [my] goodbye|farewell letters|notes for|to everyone|everybody|all',
];
