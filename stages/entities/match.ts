// Finds gazetteer names in a paragraph: one pass over its tokens, walking the trie from each word.
import type { Form, GazetteerIndex, Guard, TrieNode } from "./gazetteer.js"
import { isCapitalised, isUpper, type Token } from "./text.js"

/** A span found in a paragraph, before overlaps are resolved. */
export interface Candidate {
  readonly paragraph: number
  readonly start: number
  readonly end: number
  readonly text: string
  readonly canonical: string
  readonly type: string | undefined
  /** How it was found: decides which of two overlapping spans wins, and what is audited. */
  readonly source: "definition" | "gazetteer" | "defined-abbreviation" | "title-person" | "surname" | "typo"
  /** The gazetteer form was an alias or variant, not the canonical name itself. */
  readonly variant?: boolean
  readonly form?: Form
  /** For typo fixes: the edit distance. */
  readonly distance?: number
  /** Index of the first and one-past-last token, for neighbour checks. */
  readonly firstToken: number
  readonly endToken: number
}

const SENTENCE_OPENERS = new Set([".", "!", "?", ":", ";", "“", "\"", "‘", "«", "(", "[", "—", "-"])

/** True when the token at i starts a sentence (or the paragraph). */
export const sentenceInitial = (tokens: ReadonlyArray<Token>, i: number): boolean => {
  const prev = tokens[i - 1]
  return prev === undefined || SENTENCE_OPENERS.has(prev.text)
}

const capitaliseFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** Whether the surface tokens are an acceptable way of writing the form (case and diacritics). */
const caseFits = (form: Form, surface: ReadonlyArray<Token>): boolean => {
  if (form.kind === "abbreviation") return surface.every((t, k) => t.folded === form.tokens[k])
  if (form.kind === "exact") return surface.every((t, k) => t.text === form.raw[k] || t.folded === form.raw[k])
  const words = surface.filter((t) => t.isWord)
  // Headlines and tag-like text in capitals: accept the name in capitals when it has some length.
  const allCaps = words.every((t) => isUpper(t.text)) && words.reduce((n, t) => n + t.text.length, 0) >= 4
  return surface.every((t, k) => {
    const f = form.tokens[k] ?? ""
    if (t.folded === f) return true
    if (allCaps && t.folded.toUpperCase() === f.toUpperCase()) return true
    // `Republic Of Korea`, `Cote D'Ivoire`: a lower-case word of the name written with a capital.
    return f.charAt(0) === f.charAt(0).toLowerCase() && t.folded === capitaliseFirst(f)
  })
}

const adjacent = (a: Token | undefined, b: Token | undefined, text: string): boolean =>
  a !== undefined && b !== undefined && /^[ \t]*$/.test(text.slice(a.end, b.start))

const guardsHold = (
  guards: ReadonlyArray<Guard>,
  tokens: ReadonlyArray<Token>,
  i: number,
  j: number,
  text: string,
  index: GazetteerIndex
): boolean =>
  guards.every((g) => {
    switch (g) {
      case "not-before-capitalised": {
        const next = tokens[j]
        return !(next && next.isWord && isCapitalised(next.text) && adjacent(tokens[j - 1], next, text))
      }
      case "not-after-capitalised": {
        const prev = tokens[i - 1]
        return !(prev && prev.isWord && isCapitalised(prev.text) && adjacent(prev, tokens[i], text))
      }
      case "not-sentence-initial":
        return !sentenceInitial(tokens, i)
      case "not-after-comma-place": {
        // `Atlanta, Georgia`: a capitalised word that is not itself a known name, then a comma.
        const comma = tokens[i - 1]
        const place = tokens[i - 2]
        if (comma?.text !== "," || !place?.isWord || !isCapitalised(place.text)) return true
        const node = index.root.next.get(place.folded.toLowerCase())
        return node !== undefined && node.forms.length > 0
      }
      default: {
        const words = g.slice("not-before:".length).split("|")
        const next = tokens[j]
        return !(next && adjacent(tokens[j - 1], next, text) && words.includes(next.text.toLowerCase()))
      }
    }
  })

/** Every gazetteer name in one paragraph: at each word, the longest form that fits. */
export const matchGazetteer = (
  index: GazetteerIndex,
  paragraph: number,
  text: string,
  tokens: ReadonlyArray<Token>
): Candidate[] => {
  const out: Candidate[] = []
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!
    if (!first.isWord) continue
    const ends: Array<{ j: number; node: TrieNode }> = []
    let node: TrieNode | undefined = index.root
    for (let j = i; j < tokens.length && node; j++) {
      // A name never runs across a line break or a gap wider than spaces.
      if (j > i && !/^[ \t]*$/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break
      node = node.next.get(tokens[j]!.folded.toLowerCase())
      if (node && node.forms.length) ends.push({ j: j + 1, node })
    }
    for (let e = ends.length - 1; e >= 0; e--) {
      const { j, node: n } = ends[e]!
      const last = tokens[j - 1]!
      const surface = tokens.slice(i, j)
      const form = n.forms.find((f) => caseFits(f, surface) && guardsHold(f.guards, tokens, i, j, text, index))
      if (!form) continue
      const entry = index.entries[form.entry]!
      out.push({
        paragraph,
        start: first.start,
        end: last.end,
        text: text.slice(first.start, last.end),
        canonical: entry.canonical,
        type: entry.type,
        source: "gazetteer",
        variant: form.text !== entry.canonical,
        form,
        firstToken: i,
        endToken: j
      })
      break
    }
  }
  return out
}

const SOURCE_RANK: Record<Candidate["source"], number> = {
  definition: 6,
  "defined-abbreviation": 5,
  gazetteer: 4,
  "title-person": 3,
  surname: 2,
  typo: 1
}

/** Which characters of each paragraph already belong to a kept span: overlap tests in O(span). */
export class Occupancy {
  private readonly marks = new Map<number, Uint8Array>()
  constructor(private readonly lengths: ReadonlyArray<number>) {}
  private of(p: number): Uint8Array {
    let m = this.marks.get(p)
    if (!m) this.marks.set(p, (m = new Uint8Array((this.lengths[p] ?? 0) + 1)))
    return m
  }
  covered(p: number, start: number, end: number): boolean {
    const m = this.of(p)
    for (let i = start; i < end; i++) if (m[i]) return true
    return false
  }
  take(p: number, start: number, end: number): void {
    this.of(p).fill(1, start, end)
  }
}

/** Keeps the longest spans, then the most trusted source; drops anything overlapping a kept span. */
export const resolveOverlaps = (cands: ReadonlyArray<Candidate>, lengths: ReadonlyArray<number>): Candidate[] => {
  const sorted = [...cands].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      SOURCE_RANK[b.source] - SOURCE_RANK[a.source] ||
      a.paragraph - b.paragraph ||
      a.start - b.start
  )
  const occ = new Occupancy(lengths)
  const kept: Candidate[] = []
  for (const c of sorted) {
    if (occ.covered(c.paragraph, c.start, c.end)) continue
    occ.take(c.paragraph, c.start, c.end)
    kept.push(c)
  }
  return kept.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start)
}

/** An occupancy of the given spans, for the later passes' "is this already found" test. */
export const occupancyOf = (spans: ReadonlyArray<Candidate>, lengths: ReadonlyArray<number>): Occupancy => {
  const occ = new Occupancy(lengths)
  for (const c of spans) occ.take(c.paragraph, c.start, c.end)
  return occ
}
