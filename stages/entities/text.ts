// Tokens and folding shared by the gazetteer build, the index and the matcher.
// Names are compared on folded tokens (no diacritics, one apostrophe, one hyphen) so that
// `România`, `Cote d’Ivoire` and `Co‑operation` meet their gazetteer forms.

/** One word or punctuation mark of a text, with its offsets. */
export interface Token {
  readonly text: string
  readonly start: number
  readonly end: number
  /** `text` without diacritics, apostrophes and dashes unified; case kept. */
  readonly folded: string
  readonly isWord: boolean
}

// Letters that NFD does not decompose into a base letter and a mark.
const SPECIAL: Record<string, string> = {
  ø: "o", Ø: "O", ł: "l", Ł: "L", đ: "d", Đ: "D", ð: "d", Ð: "D", þ: "th", Þ: "Th", ß: "ss",
  æ: "ae", Æ: "Ae", œ: "oe", Œ: "Oe", ı: "i", ħ: "h", Ħ: "H", ŧ: "t", Ŧ: "T", ŋ: "ng"
}
const APOSTROPHES = /[’‘ʼʻ`´ʹ′]/g
const DASHES = /[‐‑‒–—―−]/g

/** Removes diacritics and unifies apostrophes and dashes; keeps case and length-independent meaning. */
export const fold = (s: string): string =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[øØłŁđĐðÐþÞßæÆœŒıħĦŧŦŋ]/g, (c) => SPECIAL[c] ?? c)
    .replace(APOSTROPHES, "'")
    .replace(DASHES, "-")

/** The key names are indexed under: folded and lower case. */
export const keyOf = (s: string): string => fold(s).toLowerCase()

// A word is a run of letters, marks and digits; `ʻ` (okina) counts as a letter in Unicode, which is
// what Polynesian names need. Everything else that is not space is a one-character token.
const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu

export const tokenize = (text: string): Token[] => {
  const out: Token[] = []
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0]
    const start = m.index ?? 0
    out.push({ text: t, start, end: start + t.length, folded: fold(t), isWord: /[\p{L}\p{N}]/u.test(t) })
  }
  return out
}

/** The folded, lower-case token keys of a name: what the trie is built from. */
export const nameKeys = (name: string): string[] => tokenize(name).map((t) => t.folded.toLowerCase())

export const isUpper = (s: string): boolean => s === s.toUpperCase() && s !== s.toLowerCase()
export const isCapitalised = (s: string): boolean => {
  const c = s.charAt(0)
  return c !== c.toLowerCase() && c === c.toUpperCase()
}
export const letterCount = (s: string): number => (s.match(/\p{L}/gu) ?? []).length

/** `sergey lavrov` → `Sergey Lavrov`; keeps short function words of multi-word names in lower case. */
export const titleCase = (s: string): string =>
  s
    .split(/(\s+|-)/)
    .map((w, i) =>
      i > 0 && /^(of|the|and|for|in|on|de|da|del|der|van|von|al|bin|la|le)$/.test(w)
        ? w
        : w.charAt(0).toUpperCase() + w.slice(1)
    )
    .join("")
