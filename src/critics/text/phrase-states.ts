// The index a phrase set matches with: its patterns' leading word lists as a deterministic automaton over word ids.
//
// A text's token leads from one state to the next by its id alone, so matching at a token costs one lookup per word
// matched, however many patterns share those words (a group's name, then "are", starts hundreds of patterns). Built
// once per set in two steps: a trie of the patterns' leading lists, shared while two patterns' lists are the same (as
// large as the lists, not as their combinations), then the trie's nodes reached by the same words merged into states.

/** What the index reads of a pattern: its elements, a word list's being the ids of its words. */
export interface ListedPattern {
  readonly matchers: ReadonlyArray<{ readonly kind: string; readonly ids: ReadonlySet<number> | null }>;
}

/** Where a text's words have led: the patterns they matched whole and those to match on from here. */
export interface State<P> {
  /** How many tokens (and elements of its patterns) the state has matched. */
  readonly depth: number;
  /** Patterns matched whole here. */
  readonly ends: readonly P[];
  /** Patterns whose next element is not a word list: matched on from here, element by element. */
  readonly rest: readonly P[];
  /** By the next token's id. */
  readonly next: ReadonlyMap<number, State<P>>;
}

interface TrieNode<P> {
  readonly id: number;
  readonly depth: number;
  /** By a word's id: the children whose list holds it. */
  readonly byWord: Map<number, Array<TrieNode<P>>>;
  /** The children by their list's key (its sorted ids). */
  readonly byList: Map<string, TrieNode<P>>;
  readonly ends: P[];
  readonly rest: P[];
}

function trie<P extends ListedPattern>(patterns: readonly P[]): TrieNode<P> {
  let nodes = 0;
  const node = (depth: number): TrieNode<P> => ({
    id: nodes++,
    depth,
    byWord: new Map(),
    byList: new Map(),
    ends: [],
    rest: [],
  });
  /** Down the pattern's leading word lists, then into the node's `ends` (all were lists) or `rest`. */
  const insert = (at: TrieNode<P>, pattern: P): void => {
    for (const matcher of pattern.matchers) {
      if (matcher.kind !== 'words' || matcher.ids === null) {
        at.rest.push(pattern);
        return;
      }
      const key = [...matcher.ids].sort((a, b) => a - b).join(',');
      let child = at.byList.get(key);
      if (child === undefined) {
        at.byList.set(key, (child = node(at.depth + 1)));
        for (const id of matcher.ids) {
          const list = at.byWord.get(id);
          if (list === undefined) at.byWord.set(id, [child]);
          else list.push(child);
        }
      }
      at = child;
    }
    at.ends.push(pattern);
  };
  const root = node(0);
  for (const pattern of patterns) insert(root, pattern);
  return root;
}

/**
 * The state for each first word's id (the patterns' order kept within `ends` and `rest` of a state only by trie order:
 * the set sorts what it finds at a token). States are shared by the trie nodes they merge.
 */
export function statesOf<P extends ListedPattern>(patterns: readonly P[]): Array<State<P> | undefined> {
  const known = new Map<string, State<P>>();
  const stateOf = (nodes: ReadonlyArray<TrieNode<P>>): State<P> => {
    const key = nodes.map((n) => n.id).join(',');
    const found = known.get(key);
    if (found !== undefined) return found;
    const next = new Map<number, State<P>>();
    const state: State<P> = {
      depth: nodes[0]!.depth,
      ends: nodes.flatMap((n) => n.ends),
      rest: nodes.flatMap((n) => n.rest),
      next,
    };
    known.set(key, state);
    for (const [id, children] of childrenById(nodes)) next.set(id, stateOf(children));
    return state;
  };
  const first: Array<State<P> | undefined> = [];
  for (const [id, children] of childrenById([trie(patterns)])) first[id] = stateOf(children);
  return first;
}

/** For each word id any of the nodes reads: their children that read it, by id, each once. */
function childrenById<P>(nodes: ReadonlyArray<TrieNode<P>>): Map<number, Array<TrieNode<P>>> {
  const byId = new Map<number, Array<TrieNode<P>>>();
  for (const node of nodes) {
    for (const [id, children] of node.byWord) {
      const list = byId.get(id);
      if (list === undefined) byId.set(id, [...children]);
      else list.push(...children);
    }
  }
  // Sorted by node id: the same children reached in another order are the same state.
  for (const list of byId.values()) list.sort((a, b) => a.id - b.id);
  return byId;
}
