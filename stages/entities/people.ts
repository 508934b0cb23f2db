// People: full names introduced by a title (`Secretary General Imangali Tasmagambetov`), and short
// forms (`Lavrov`) linked to a full name of the same document, else to a unique gazetteer person.
import type { GazetteerIndex } from "./gazetteer.js"
import type { Candidate } from "./match.js"
import { sentenceInitial } from "./match.js"
import { isCapitalised, isUpper, keyOf, type Token } from "./text.js"

/** Words that stand before a person's name; a name after them is a person. */
export const TITLE_WORDS = new Set([
  "president", "minister", "secretary", "general", "secretary-general", "ambassador", "spokesman", "spokeswoman",
  "spokesperson", "chancellor", "premier", "chairman", "chairwoman", "chair", "speaker", "senator", "governor",
  "mayor", "director", "commander", "deputy", "envoy", "representative", "king", "queen", "prince", "emir", "sheikh",
  "mr", "mrs", "ms", "dr", "prof", "professor", "colonel", "lieutenant", "captain", "major", "admiral", "marshal",
  "head", "leader", "chief", "adviser", "advisor", "aide", "counselor", "counsellor", "judge", "prosecutor", "rep",
  "sen", "gen", "lt", "col", "capt", "patriarch", "metropolitan", "archbishop", "bishop", "chairperson", "diplomat",
  "official", "officer", "lawmaker", "mp", "deputy-head", "vice", "vice-president", "coordinator", "commissioner"
])

const NAME_WORD = /^\p{Lu}[\p{Ll}\p{M}'’-]+$/u

// Words of institutions and things, never of a person's name (`General Staff Academy`, `Major League`).
const NOT_NAME_WORDS = new Set([
  "academy", "agency", "army", "assembly", "association", "bank", "board", "bureau", "cabinet", "center", "centre",
  "chamber", "church", "city", "club", "college", "command", "commission", "committee", "company", "conference",
  "congress", "corporation", "council", "court", "department", "district", "embassy", "federation", "fleet", "force",
  "forces", "forum", "foundation", "fund", "group", "guard", "house", "institute", "league", "ministry", "mission",
  "navy", "office", "organisation", "organization", "palace", "parliament", "party", "police", "port", "program",
  "programme", "region", "republic", "school", "service", "staff", "state", "states", "street", "summit", "team",
  "treaty", "tribunal", "union", "university", "weekly", "times", "news", "post", "daily", "affairs", "defence",
  "defense", "security", "foreign", "electric", "motors", "airlines", "international", "national", "general"
])

/** A person a document names in full, with where (paragraph, start) it first does. */
export interface KnownPerson {
  readonly canonical: string
  readonly surname: string
  readonly paragraph: number
  readonly start: number
}

/**
 * `Minister Sergey Ryabkov`: two or three name-shaped words straight after a title word, none of
 * them already part of a found name, make a person not in the gazetteer.
 */
export const titledPeople = (
  paragraph: number,
  text: string,
  tokens: ReadonlyArray<Token>,
  covered: (start: number, end: number) => boolean
): Candidate[] => {
  const out: Candidate[] = []
  for (let i = 1; i < tokens.length; i++) {
    const title = tokens[i - 1]!
    if (!title.isWord || !TITLE_WORDS.has(title.text.toLowerCase().replace(/\.$/, ""))) continue
    let j = i
    while (j < tokens.length && j - i < 3) {
      const t = tokens[j]!
      if (!NAME_WORD.test(t.text) || TITLE_WORDS.has(t.text.toLowerCase()) || NOT_NAME_WORDS.has(t.text.toLowerCase())) break
      if (j > i && !/^ $/.test(text.slice(tokens[j - 1]!.end, t.start))) break
      j++
    }
    // A fourth name word means this is not a plain `First Last` (an organisation, a place).
    const n = j - i
    if (n < 2 || (tokens[j] && NAME_WORD.test(tokens[j]!.text) && /^ $/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start)))) continue
    const first = tokens[i]!
    const last = tokens[j - 1]!
    if (covered(first.start, last.end)) continue
    const name = text.slice(first.start, last.end)
    out.push({ paragraph, start: first.start, end: last.end, text: name, canonical: name, type: "person", source: "title-person", firstToken: i, endToken: j })
    i = j
  }
  return out
}

/**
 * Surname tokens: linked to a person of the document (first named earlier, else anywhere in it, tags
 * included), else to the only gazetteer person with that surname. A word straight after another
 * capitalised word that is not a title is part of some other name and is left alone.
 */
/** The people of a document by surname: built once per document. */
export interface SurnameBook {
  readonly bySurname: ReadonlyMap<string, { readonly names: ReadonlySet<string>; readonly mentions: ReadonlyArray<KnownPerson> }>
}

export const surnameBook = (people: ReadonlyArray<KnownPerson>): SurnameBook => {
  // Per surname: the distinct people, and every mention in document order for "nearest before".
  const bySurname = new Map<string, { names: Set<string>; mentions: KnownPerson[] }>()
  for (const p of people) {
    const k = keyOf(p.surname)
    const b = bySurname.get(k) ?? { names: new Set<string>(), mentions: [] }
    b.names.add(p.canonical)
    b.mentions.push(p)
    bySurname.set(k, b)
  }
  for (const b of bySurname.values()) b.mentions.sort((x, y) => x.paragraph - y.paragraph || x.start - y.start)
  return { bySurname }
}

export const surnameMentions = (
  index: GazetteerIndex,
  book: SurnameBook,
  paragraph: number,
  text: string,
  tokens: ReadonlyArray<Token>
): Candidate[] => {
  const out: Candidate[] = []
  const { bySurname } = book
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (!t.isWord || !(isCapitalised(t.text) || isUpper(t.text)) || t.text.length < 2) continue
    // Multi-word surnames (`von der Leyen`) are matched as a run of tokens.
    const { k, j } = longestSurname(index, bySurname, tokens, i, text)
    if (k === null) continue
    const prev = tokens[i - 1]
    // `Andrei Lavrov` is someone else: a capitalised word before it that is a given name, or any
    // capitalised word that is not just the sentence's first (`Then Lavrov said`) or a title.
    if (
      prev && prev.isWord && isCapitalised(prev.text) && /^ $/.test(text.slice(prev.end, t.start)) &&
      !TITLE_WORDS.has(prev.text.toLowerCase()) &&
      (!sentenceInitial(tokens, i - 1) || index.givenNames.has(keyOf(prev.text)))
    ) continue
    const local = bySurname.get(k)
    let canonical: string | undefined
    let type: string | undefined = "person"
    if (local) {
      if (local.names.size > 1) {
        // Two people with one surname: the nearest one named before this point, if any.
        const m = local.mentions
        let lo = 0
        let hi = m.length
        while (lo < hi) {
          const mid = (lo + hi) >> 1
          const x = m[mid]!
          if (x.paragraph < paragraph || (x.paragraph === paragraph && x.start < t.start)) lo = mid + 1
          else hi = mid
        }
        canonical = lo > 0 ? m[lo - 1]!.canonical : undefined
      } else canonical = local.mentions[0]!.canonical
    } else {
      const ids = index.surnames.get(k) ?? []
      if (ids.length === 1) {
        const e = index.entries[ids[0]!]!
        canonical = e.canonical
        type = e.type
      }
    }
    if (canonical === undefined) continue
    const end = tokens[j - 1]!.end
    out.push({ paragraph, start: t.start, end, text: text.slice(t.start, end), canonical, type, source: "surname", firstToken: i, endToken: j })
  }
  return out
}

const longestSurname = (
  index: GazetteerIndex,
  local: ReadonlyMap<string, unknown>,
  tokens: ReadonlyArray<Token>,
  i: number,
  text: string
): { k: string | null; j: number } => {
  let best: { k: string | null; j: number } = { k: null, j: i + 1 }
  let s = ""
  for (let j = i; j < tokens.length && j < i + 4; j++) {
    const t = tokens[j]!
    if (j > i && !/^[ ]?$/.test(text.slice(tokens[j - 1]!.end, t.start))) break
    s += (j > i && text.slice(tokens[j - 1]!.end, t.start) === " " ? " " : "") + t.folded.toLowerCase()
    if (t.isWord && (local.has(s) || index.surnames.has(s))) best = { k: s, j: j + 1 }
  }
  return best
}
