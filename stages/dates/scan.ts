// Scanning helpers shared by the date rules: the tagger runs ~40 patterns over every paragraph of
// a corpus, so patterns are compiled once, and a rule is skipped when the paragraph lacks a word
// its patterns cannot match without (most paragraphs hold no date at all).

/**
 * Every match of a global regex, as String.prototype.matchAll gives them, without the regex copy
 * that matchAll makes on each call. Collected before the caller's loop runs, so a regex shared at
 * module level is never re-entered.
 */
export const matches = (re: RegExp, text: string): RegExpExecArray[] => {
  const out: RegExpExecArray[] = []
  re.lastIndex = 0
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m)
    if (m[0].length === 0) re.lastIndex++
  }
  re.lastIndex = 0
  return out
}

// Characters are folded to 128 slots: ASCII as itself with A-Z as a-z, the right single quote as
// 127 (DEL, which no keyword holds), anything else as 0 (NUL, likewise never in a keyword).
const SLOTS = 128
const RIGHT_QUOTE = 0x2019
const FOLD = new Uint8Array(65536)
for (let c = 1; c < SLOTS - 1; c++) FOLD[c] = c >= 65 && c <= 90 ? c + 32 : c
FOLD[RIGHT_QUOTE] = SLOTS - 1

/**
 * Which groups of keywords occur in a text, found in one pass by an Aho-Corasick automaton: one
 * table step per character, so the scan is linear whatever the text. Letters match in any ASCII
 * case, as an ASCII letter does under a regex's /i flag (which never pairs an ASCII letter with a
 * non-ASCII one), so a group reported missing cannot be matched by a pattern that needs one of its
 * words, with or without /i.
 */
export class KeywordScanner<G extends string> {
  /** The bit of each group in the mask `scan` returns. */
  readonly bit: Readonly<Record<G, number>>
  /** delta[state * SLOTS + slot]: the next state. */
  private readonly delta: Int32Array
  /** The groups of every keyword that ends in a state (including those ending in its suffixes). */
  private readonly out: Int32Array

  constructor(groups: Readonly<Record<G, ReadonlyArray<string>>>) {
    const names = Object.keys(groups) as G[]
    if (names.length > 31) throw new Error("a keyword scanner holds at most 31 groups")
    const bit = {} as Record<G, number>
    names.forEach((g, i) => (bit[g] = 1 << i))
    this.bit = bit
    // The trie of the keywords.
    const children: Array<Map<number, number>> = [new Map()]
    const out: number[] = [0]
    for (const g of names) {
      for (const word of groups[g]) {
        if (word === "") throw new Error("empty keyword")
        let node = 0
        for (let k = 0; k < word.length; k++) {
          const code = word.charCodeAt(k)
          const slot = FOLD[code]!
          if (slot === 0 || (code >= 65 && code <= 90)) throw new Error(`keyword ${word}: lowercase ASCII (or ’) only`)
          let child = children[node]!.get(slot)
          if (child === undefined) {
            child = children.length
            children.push(new Map())
            out.push(0)
            children[node]!.set(slot, child)
          }
          node = child
        }
        out[node] = out[node]! | bit[g]
      }
    }
    // Breadth-first, each state's moves are its own edges or else its failure state's moves.
    const delta = new Int32Array(children.length * SLOTS)
    const fail = new Int32Array(children.length)
    const queue: number[] = []
    for (const [slot, child] of children[0]!) {
      delta[slot] = child
      queue.push(child)
    }
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q]!
      out[u] = out[u]! | out[fail[u]!]!
      for (let slot = 0; slot < SLOTS; slot++) {
        const child = children[u]!.get(slot)
        if (child === undefined) delta[u * SLOTS + slot] = delta[fail[u]! * SLOTS + slot]!
        else {
          fail[child] = delta[fail[u]! * SLOTS + slot]!
          delta[u * SLOTS + slot] = child
          queue.push(child)
        }
      }
    }
    this.delta = delta
    this.out = Int32Array.from(out)
  }

  /** The bits of the groups with a keyword somewhere in `text`. */
  scan(text: string): number {
    const { delta, out } = this
    let state = 0
    let found = 0
    for (let i = 0; i < text.length; i++) {
      state = delta[state * SLOTS + FOLD[text.charCodeAt(i)]!]!
      found |= out[state]!
    }
    return found
  }
}
