// Misspelt names (`Kazakstan`, `Tasmagambetow`) linked to the name they miss, under guards that keep
// two real names apart: only words of six or more letters, never a word that is itself a known name,
// demonym or given name (Austria/Australia), never a derived form (Lavrova, Georgian), same first
// letter, and one best candidate only.
import levenshtein from "fast-levenshtein"
import type { GazetteerIndex } from "./gazetteer.js"
import type { Candidate } from "./match.js"
import { TITLE_WORDS } from "./people.js"
import { fold, isCapitalised, isUpper, keyOf, letterCount, type Token } from "./text.js"

/** Edit distance allowed for a word of this many letters. */
export const allowedDistance = (letters: number): number => (letters < 6 ? 0 : letters < 9 ? 1 : 2)

/** Levenshtein distance, with one swap of adjacent letters (`Lavorv`) counted as one edit. */
export const typoDistance = (a: string, b: string): number => {
  const d = levenshtein.get(a, b)
  if (d === 2 && a.length === b.length) {
    const diff: number[] = []
    for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i)
    if (diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!]) return 1
  }
  return d
}

export interface TypoMatch {
  readonly entry: number
  readonly name: string
  readonly distance: number
}

const cache = new WeakMap<GazetteerIndex, Map<string, TypoMatch | null>>()

/** The one gazetteer name a word misspells, or null. */
export const typoTarget = (index: GazetteerIndex, word: string): TypoMatch | null => {
  let memo = cache.get(index)
  if (!memo) cache.set(index, (memo = new Map()))
  const hit = memo.get(word)
  if (hit !== undefined) return hit
  const result = computeTypo(index, word)
  if (memo.size < 50_000) memo.set(word, result)
  return result
}

const computeTypo = (index: GazetteerIndex, word: string): TypoMatch | null => {
  const letters = letterCount(word)
  const max = allowedDistance(letters)
  if (max === 0 || !/^[\p{L}\p{M}'-]+$/u.test(word)) return null
  const key = keyOf(word)
  if (index.knownWords.has(key)) return null
  const w = fold(word)
  let best: TypoMatch[] = []
  let bestD = max + 2
  let secondD = Number.POSITIVE_INFINITY
  for (const t of index.typoTargets.get(key.charAt(0)) ?? []) {
    if (Math.abs(t.name.length - w.length) > max + 1) continue
    // A known name plus an ending is another word made from it (Lavrova, Georgian, Swedes).
    const wl = w.toLowerCase()
    const tl = t.name.toLowerCase()
    if (wl.startsWith(tl) || tl.startsWith(wl)) continue
    // A plural of a word made from the name (Swedes/Sweden): same stem, an `s` for the last letter.
    if (wl.length === tl.length && wl.endsWith("s") && wl.slice(0, -1) === tl.slice(0, -1)) continue
    if (allowedDistance(letterCount(t.name)) === 0) continue
    const d = typoDistance(wl, tl)
    if (d < bestD) {
      if (best.length) secondD = bestD
      bestD = d
      best = [{ entry: t.entry, name: t.name, distance: d }]
    } else if (d === bestD) {
      if (!best.some((b) => b.entry === t.entry)) best.push({ entry: t.entry, name: t.name, distance: d })
    } else if (d < secondD && !best.some((b) => b.entry === t.entry)) secondD = d
  }
  // One best candidate, and no other entity's name just one edit further: a word between two
  // names (Austrila: Australia? Austria?) is left alone.
  return best.length === 1 && bestD <= max && secondD > bestD + 1 ? best[0]! : null
}

/**
 * Typo candidates in a paragraph: capitalised words not inside a found name. A word next to another
 * capitalised word is part of some name we do not know and is left alone, unless the whole run is a
 * known multi-word name with one word misspelt.
 */
export const typoMentions = (
  index: GazetteerIndex,
  paragraph: number,
  text: string,
  tokens: ReadonlyArray<Token>,
  covered: (start: number, end: number) => boolean
): Candidate[] => {
  const out: Candidate[] = []
  const breaks = (u: Token) => covered(u.start, u.end) || TITLE_WORDS.has(u.text.toLowerCase())
  let i = 0
  while (i < tokens.length) {
    const t = tokens[i]!
    if (!t.isWord || !isCapitalised(t.text) || isUpper(t.text) || breaks(t)) {
      i++
      continue
    }
    // The run of capitalised words (and lower-case joiners like `of`) starting here, up to a found
    // name or a title word.
    let j = i + 1
    while (j < tokens.length && text.slice(tokens[j - 1]!.end, tokens[j]!.start) === " ") {
      const u = tokens[j]!
      if (breaks(u) || !(u.isWord && (isCapitalised(u.text) || /^(of|the|and|for|in|on)$/.test(u.text)))) break
      j++
    }
    while (j > i + 1 && !isCapitalised(tokens[j - 1]!.text)) j--
    // A sentence's `The`/`In` is not part of the name that follows it.
    let a = i
    while (a < j - 1 && LEADING.has(tokens[a]!.text)) a++
    const run = tokens.slice(a, j)
    const push = (from: number, to: number, m: TypoMatch) => {
      const entry = index.entries[m.entry]!
      const first = tokens[from]!
      const last = tokens[to - 1]!
      out.push({
        paragraph, start: first.start, end: last.end, text: text.slice(first.start, last.end), canonical: entry.canonical,
        type: entry.type, source: "typo", distance: m.distance, firstToken: from, endToken: to
      })
    }
    const whole = run.length === 1 ? typoTarget(index, run[0]!.text) : multiWordTypo(index, run)
    if (whole) push(a, j, whole)
    else if (run.length > 1)
      // `Kazakstan and Tajikstan`: words joined by `and`/`of` are separate names when no known
      // multi-word name covers the run; a word next to another capitalised word is still left alone.
      for (let k = a; k < j; k++) {
        const u = tokens[k]!
        const prevCap = k > a && isCapitalised(tokens[k - 1]!.text)
        const nextCap = k + 1 < j && isCapitalised(tokens[k + 1]!.text)
        if (!isCapitalised(u.text) || prevCap || nextCap) continue
        const m = typoTarget(index, u.text)
        if (m) push(k, k + 1, m)
      }
    i = j
  }
  return out
}

const LEADING = new Set(["The", "A", "An", "In", "On", "At", "For", "And", "But", "Of", "To", "By", "From", "With", "As"])

/** A run of words equal to a multi-word name but for one word of six or more letters. */
const multiWordTypo = (index: GazetteerIndex, run: ReadonlyArray<Token>): TypoMatch | null => {
  const words = run.map((t) => t.folded)
  let found: TypoMatch | null = null
  for (const cand of index.multiTargets.get(words.length) ?? []) {
    let diff = -1
    let ok = true
    for (let k = 0; k < words.length && ok; k++) {
      if (words[k] === cand.words[k]) continue
      if (diff >= 0) ok = false
      else diff = k
    }
    if (!ok || diff < 0) continue
    const w = words[diff]!
    const c = cand.words[diff]!
    const max = allowedDistance(Math.min(letterCount(w), letterCount(c)))
    if (max === 0 || index.knownWords.has(keyOf(w)) || w.charAt(0).toLowerCase() !== c.charAt(0).toLowerCase()) continue
    const d = typoDistance(w.toLowerCase(), c.toLowerCase())
    if (d > max) continue
    if (found && found.entry !== cand.entry) return null
    found = { entry: cand.entry, name: cand.words.join(" "), distance: d }
  }
  return found
}
