// Abbreviation definitions in running text: `Long Form (SF)` and `SF (Long Form)`, after
// Schwartz & Hearst (2003), "A simple algorithm for identifying abbreviation definitions in
// biomedical text", with three changes for UN-style prose: letters are first matched to word
// initials only (tighter long-form boundaries), a long form starting on a function word
// (`of the United Nations …`) is extended to the capitalised word that really starts it, and
// plural short forms (`LDCs`, `NGOs`) are matched without their `s`.

export interface Definition {
  readonly short: string
  readonly long: string
  /** Offsets in the text of the whole definition, `Long Form (SF)` or `SF (Long Form)`. */
  readonly start: number
  readonly end: number
  readonly shortStart: number
  readonly longStart: number
  readonly order: "long-short" | "short-long"
}

const FUNCTION_WORDS = new Set(["of", "the", "and", "for", "in", "on", "to", "a", "an", "at", "by", "with", "or", "de", "du", "des", "la", "le"])
const isAlnum = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c)

/** Whether a string can be a short form: short, has letters, at least two capitals, not a number or a symbol. */
export const isShortForm = (s: string): boolean => {
  if (s.length < 2 || s.length > 10) return false
  if (s.split(/\s+/).length > 2) return false
  if (!isAlnum(s.charAt(0))) return false
  if ((s.match(/\p{Lu}/gu) ?? []).length < 2) return false
  // Roman numerals of enumerations `(II)`, `(XIV)` (not `ICC`); document symbols `(A/78/1)`.
  if (/^X{0,3}(?:IX|IV|V?I{0,3})$/.test(s)) return false
  if (/\d/.test(s) && /\//.test(s)) return false
  return true
}

/** Schwartz–Hearst's right-to-left letter match; `initials` demands every letter start a word. */
const bestLongForm = (short: string, long: string, initials: boolean): number | null => {
  let s = short.length - 1
  let l = long.length - 1
  while (s >= 0) {
    const c = short.charAt(s).toLowerCase()
    if (!isAlnum(c)) {
      s--
      continue
    }
    const mustStartWord = initials || s === 0
    while (l >= 0 && (long.charAt(l).toLowerCase() !== c || (mustStartWord && isAlnum(long.charAt(l - 1))))) l--
    if (l < 0) return null
    l--
    s--
  }
  // The long form starts at the beginning of the word holding the first letter matched.
  let start = l + 1
  while (start > 0 && isAlnum(long.charAt(start - 1))) start--
  return start
}

/** Letters of a short form that must appear in its long form: no plural `s`, no trailing number (`COP28`). */
export const matchableShort = (short: string): string =>
  short.replace(/(\p{Lu})s$/u, "$1").replace(/(\p{L})-?\d+$/u, "$1")

/**
 * The offset in `long` where the long form of `short` starts, or null when the letters do not fit;
 * `strict` when every letter matched the start of a word.
 */
export const findLongForm = (short: string, long: string): { start: number; strict: boolean } | null => {
  const sf = matchableShort(short)
  const strict = bestLongForm(sf, long, true)
  const start = strict ?? bestLongForm(sf, long, false)
  if (start === null) return null
  return { start: extendOverFunctionWord(sf, long, start), strict: strict !== null }
}

export const findLongFormStart = (short: string, long: string): number | null => findLongForm(short, long)?.start ?? null

// `… Office of the United Nations High Commissioner (OHCHR)`: the O matched `of`; if a capitalised
// word with the same initial stands just before, the long form starts there.
const extendOverFunctionWord = (short: string, long: string, start: number): number => {
  const firstWord = long.slice(start).match(/^[\p{L}]+/u)?.[0] ?? ""
  if (!FUNCTION_WORDS.has(firstWord.toLowerCase())) return start
  const initial = short.charAt(0).toLowerCase()
  const before = long.slice(0, start)
  const m = before.match(/(\p{Lu}[\p{L}-]*)((?:\s+[\p{Ll}]+){0,2})\s+$/u)
  if (m && m.index !== undefined && m[1]!.charAt(0).toLowerCase() === initial) return m.index
  return start
}

// Schwartz–Hearst allow min(|A| + 5, 2|A|) words; UN names are wordier (`Food and Agriculture
// Organization of the United Nations (FAO)` has eight), so three words a letter are allowed.
const maxWords = (letters: number) => Math.min(letters + 5, letters * 3)

// `Treaty on the Non-Proliferation of Nuclear Weapons (NPT)`: the head noun's letter comes last in
// the short form. When the word before the long form, across `on the`/`of`, starts with the short
// form's last letter, the long form starts there.
const rotatedHead = (short: string, long: string, start: number): number => {
  const sf = matchableShort(short)
  const lastLetter = sf.charAt(sf.length - 1).toLowerCase()
  const m = long.slice(0, start).match(/(\p{Lu}\p{L}+)\s+(?:on|of|for)\s+(?:the\s+)?$/u)
  if (!m || m.index === undefined || m[1]!.charAt(0).toLowerCase() !== lastLetter) return start
  // Only when the last letter is otherwise matched inside the long form's last word, not at a word start.
  const tail = long.slice(start)
  const initials = tail.split(/[\s-]+/).map((w) => w.charAt(0).toLowerCase()).join("")
  return initials.includes(lastLetter) ? start : m.index
}

const wordCount = (s: string) => s.split(/\s+/).filter((w) => w.length > 0).length

/** Checks on a found pair: the long form is longer, not just the short form again, and not too long. */
const plausible = (short: string, long: string, maxLongWords: number): boolean => {
  if (long.length <= short.length) return false
  if (long.split(/\s+/).includes(short)) return false
  if (wordCount(long) > maxLongWords) return false
  // Every short form letter matched, but a one-word long form must be a compound (`Interpol`-like
  // one-word expansions are rare and usually wrong matches inside a single word).
  return wordCount(long) >= 2 || /-/.test(long)
}

// Where the words available to a long form before `(` begin: the clause, not the whole paragraph.
const clauseStart = (text: string, open: number): number => {
  let i = open - 1
  const floor = Math.max(0, open - 300)
  while (i > floor) {
    const c = text.charAt(i)
    if (c === ";" || c === "(" || c === ")" || c === ":" || c === "\n") return i + 1
    if ((c === "." || c === "!" || c === "?") && /\s/.test(text.charAt(i + 1)) && !/\b(?:[A-Z]|[A-Z][a-z]|No|St|Mr|Ms|Dr|para|art|paras)\.$/.test(text.slice(Math.max(0, i - 5), i + 1)))
      return i + 1
    i--
  }
  return floor
}

/** The last `n` words of `s` (and where they start in it). */
const lastWords = (s: string, n: number): number => {
  let i = s.length
  let words = 0
  while (i > 0 && words < n) {
    while (i > 0 && /\s/.test(s.charAt(i - 1))) i--
    while (i > 0 && !/\s/.test(s.charAt(i - 1))) i--
    words++
  }
  return i
}

/** Every abbreviation definition in a text, in order. Linear: each `(` is looked at once. */
export const findDefinitions = (text: string): Definition[] => {
  const out: Definition[] = []
  let from = 0
  let close = -1
  for (;;) {
    const open = text.indexOf("(", from)
    if (open < 0) break
    // The next `)` is searched again only once passed, so a text full of `(` stays linear.
    if (close <= open) close = text.indexOf(")", open + 1)
    if (close < 0) break
    const nested = text.indexOf("(", open + 1)
    from = open + 1
    if (nested >= 0 && nested < close) continue
    if (close - open > 200) continue
    const inner = text.slice(open + 1, close)
    const d = longShort(text, open, close, inner) ?? shortLong(text, open, close, inner)
    if (d) {
      out.push(d)
      from = close + 1
    }
  }
  return out
}

// `Long Form (SF)`; the short form is what comes before a `,` or `;` inside the brackets.
const longShort = (text: string, open: number, close: number, inner: string): Definition | null => {
  const cut = inner.search(/[,;]\s/)
  const rawShort = (cut >= 0 ? inner.slice(0, cut) : inner).trim()
  if (!isShortForm(rawShort)) return null
  const begin = clauseStart(text, open)
  const window = text.slice(begin, open).replace(/\s+$/, "")
  const letters = matchableShort(rawShort).replace(/[^\p{L}\p{N}]/gu, "").length
  // UN names carry words after the lettered ones (`… Agency for Palestine Refugees in the Near
  // East (UNRWA)`): a long form whose every letter starts a capitalised word may be wordier.
  const wide = window.slice(lastWords(window, letters + 10))
  const w = findLongForm(rawShort, wide)
  let candidate: string
  let s: number
  if (w && w.strict && /^\p{Lu}/u.test(wide.slice(w.start)) && plausible(rawShort, wide.slice(w.start), letters + 10)) {
    candidate = wide
    s = rotatedHead(rawShort, wide, w.start)
  } else {
    candidate = window.slice(lastWords(window, maxWords(letters)))
    const f = findLongForm(rawShort, candidate)
    if (f === null) return null
    s = rotatedHead(rawShort, candidate, f.start)
  }
  const wStart = window.length - candidate.length
  const long = candidate.slice(s)
  if (!plausible(rawShort, long, maxWords(letters) + (candidate === wide ? 10 : 0))) return null
  const longStart = begin + wStart + s
  const shortStart = open + 1 + inner.indexOf(rawShort)
  return { short: rawShort, long, start: longStart, end: close + 1, shortStart, longStart, order: "long-short" }
}

// `SF (Long Form)`: three or more words in brackets, and a short form word just before them.
const shortLong = (text: string, open: number, close: number, inner: string): Definition | null => {
  const long = inner.trim()
  if (wordCount(long) < 2) return null
  const before = text.slice(Math.max(0, open - 40), open)
  const m = before.match(/(\S+)\s*$/)
  if (!m || m.index === undefined) return null
  const short = m[1]!.replace(/^[“"‘'(]+|[”"’',.:;]+$/g, "")
  if (!isShortForm(short)) return null
  const s = findLongFormStart(short, long)
  // The whole bracket must be the long form, bar a leading article or a head like `Office of the`.
  if (s === null || !/^(?:(?:the|a|an)\s+)?(?:\p{Lu}\p{L}+\s+(?:of|for|on)\s+(?:the\s+)?)?$/u.test(long.slice(0, s))) return null
  const letters = matchableShort(short).replace(/[^\p{L}\p{N}]/gu, "").length
  if (!plausible(short, long.slice(s), maxWords(letters) + 3)) return null
  const lead = long.slice(0, s).match(/^(?:(?:the|a|an)\s+)?/u)![0].length
  const shortStart = Math.max(0, open - 40) + m.index + m[1]!.indexOf(short)
  const longStart = open + 1 + inner.indexOf(long) + lead
  return { short, long: long.slice(lead), start: shortStart, end: close + 1, shortStart, longStart, order: "short-long" }
}
