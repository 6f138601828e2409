// The most frequent English words: what tells a run of letters that reads as English from one that does not.

/** About 200 of the most frequent English words (function words first), lower-case. */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  (
    'the of and to a in is it you that he was for on are with as i his they be at one have this from or had by not ' +
    'but what some we can out other were all there when up use your how said an each she which do their time if ' +
    'will way about many then them write would like so these her long make thing see him two has look more day ' +
    'could go come did no most my over know than call first who may down side been now find any new work part ' +
    'take get place made live where after back little only round man year came show every good me give our under ' +
    'name very through just form much great think say help low line before turn cause same mean differ move right ' +
    'boy old too does tell set three want air well also play small end put home read hand large add even land here ' +
    'must big high such why ask men went need should us its just into than those tell am is was been being has ' +
    'please now from above below again never always everything anything nothing everyone someone yes ok okay'
  ).split(' '),
);
