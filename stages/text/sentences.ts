// A sentence splitter for news prose: knows abbreviations, initials, decimals and quotations.
// One left-to-right scan, no regex backtracking, so a 1 MB line costs linear time.

export interface SentenceSpan {
  /** String index of the first character (an opening quote belongs to its sentence). */
  readonly start: number
  /** String index just past the sentence's last character (trailing whitespace excluded). */
  readonly end: number
  readonly text: string
}

/** Words that end with a period without ending the sentence, even before a capital or a digit. */
export const DEFAULT_ABBREVIATIONS: ReadonlyArray<string> = [
  "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj",
  "gov", "sen", "rep", "rev", "pres", "amb", "hon", "mt", "ft", "no", "nos", "vol", "fig", "pp", "approx",
  "dept", "est", "vs", "cf", "al", "e.g", "i.e", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
  "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "a.m", "p.m"
]

const TERMINATORS = new Set([".", "!", "?", "…"])
/** Characters that may close a quotation or a bracket right after a terminator. */
const CLOSERS = new Set(['"', "”", "’", "'", ")", "]", "»"])
/** Characters that may open a quotation or a bracket at a sentence start. */
const OPENERS = new Set(['"', "“", "‘", "'", "(", "[", "«", "„"])

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c)
const isUpper = (c: string | undefined): boolean => c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase()
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9"
const isLetter = (c: string | undefined): boolean => c !== undefined && c.toLowerCase() !== c.toUpperCase()

/** The word (letters and inner periods) that ends just before index `dot`. */
const wordBefore = (text: string, dot: number): string => {
  let i = dot
  while (i > 0 && (isLetter(text[i - 1]) || (text[i - 1] === "." && isLetter(text[i - 2])))) i--
  return text.slice(i, dot)
}

/** True when a sentence may start at `k`: a capital, a digit, or an opener followed by one. */
const startsSentence = (text: string, k: number): boolean => {
  const c = text[k]
  if (isUpper(c) || isDigit(c)) return true
  if (c !== undefined && OPENERS.has(c)) return isUpper(text[k + 1]) || isDigit(text[k + 1]) || text[k + 1] === "…"
  return false
}

/**
 * Splits text into sentences. A boundary is a terminator (with any closing quotes or brackets after it)
 * followed by whitespace and a capital, digit or opening quote. `Dr. Smith`, `J. R. Smith`, `U.S. envoy`,
 * `3.5 percent` and `"Stop!" he said` do not split.
 */
export const splitSentences = (text: string, abbreviations: ReadonlyArray<string> = DEFAULT_ABBREVIATIONS): SentenceSpan[] => {
  const abbr = new Set(abbreviations.map((a) => a.toLowerCase()))
  const spans: SentenceSpan[] = []
  let start = 0
  while (start < text.length && isSpace(text[start])) start++
  let i = start
  while (i < text.length) {
    const c = text[i]!
    if (!TERMINATORS.has(c)) {
      i++
      continue
    }
    let j = i + 1
    while (j < text.length && TERMINATORS.has(text[j]!)) j++
    while (j < text.length && CLOSERS.has(text[j]!)) j++
    if (j < text.length && !isSpace(text[j])) {
      i = j
      continue
    }
    let k = j
    while (k < text.length && isSpace(text[k])) k++
    let boundary = k >= text.length || startsSentence(text, k)
    if (boundary && c === "." && j === i + 1) {
      const word = wordBefore(text, i)
      const lower = word.toLowerCase()
      // An initial (`J.`), a dotted acronym (`U.S.`) or a known abbreviation does not end a sentence.
      if (abbr.has(lower) || (word.length === 1 && isUpper(word)) || (word.length > 2 && word.includes(".") && word.length <= 6 && isUpper(word[0])))
        boundary = k >= text.length
    }
    if (boundary) {
      if (j > start) spans.push({ start, end: j, text: text.slice(start, j) })
      start = k
    }
    i = k > i ? k : i + 1
  }
  let end = text.length
  while (end > start && isSpace(text[end - 1])) end--
  if (end > start) spans.push({ start, end, text: text.slice(start, end) })
  return spans
}

/**
 * A quoted sentence that ends in its attribution (`…the discussion," the minister said.`): `core` is the
 * quoted words, `tail` the closing punctuation, quote and attribution (`," the minister said.`).
 * Sentences without an attribution have tail "".
 */
export const splitAttribution = (sentence: string): { readonly core: string; readonly tail: string } => {
  for (let i = 0; i + 2 < sentence.length; i++) {
    const c = sentence[i]!
    if ((c === "," || c === "?" || c === "!") && (sentence[i + 1] === '"' || sentence[i + 1] === "”" || sentence[i + 1] === "’") && isSpace(sentence[i + 2])) {
      let k = i + 2
      while (k < sentence.length && isSpace(sentence[k])) k++
      if (isLetter(sentence[k])) return { core: sentence.slice(0, i), tail: sentence.slice(i) }
    }
  }
  return { core: sentence, tail: "" }
}

/** Quotation depth at the end of `text`: straight `"` toggle, curly “ ” nest. */
export const quoteDepth = (text: string): number => {
  let straight = 0
  let curly = 0
  for (const c of text) {
    if (c === '"') straight ^= 1
    else if (c === "“") curly++
    else if (c === "”") curly = Math.max(0, curly - 1)
  }
  return straight + curly
}

/** True when every quotation opened in `text` is closed in it. */
export const quotesBalanced = (text: string): boolean => {
  let straight = 0
  let curly = 0
  for (const c of text) {
    if (c === '"') straight ^= 1
    else if (c === "“") curly++
    else if (c === "”") {
      if (curly === 0) return false
      curly--
    }
  }
  return straight === 0 && curly === 0
}
