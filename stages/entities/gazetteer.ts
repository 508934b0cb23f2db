// The gazetteer: entries read from stages/data/gazetteer/*.json, merged with the user's own, and the
// index the matcher walks (a trie over folded tokens), built once per gazetteer value.
import { Schema } from "effect"
import { readFileSync } from "node:fs"
import { fold, isCapitalised, keyOf, letterCount, tokenize } from "./text.js"

export const Guard = Schema.Union(
  Schema.Literal("not-before-capitalised", "not-after-capitalised", "not-sentence-initial", "not-after-comma-place"),
  /** `not-before:pig|pigs`: not this entity when one of these words follows (`Guinea pigs`). */
  Schema.TemplateLiteral(Schema.Literal("not-before:"), Schema.String)
)
export type Guard = typeof Guard.Type

export const GazetteerEntry = Schema.Struct({
  canonical: Schema.String,
  /** country, place, organisation, agency, person … */
  type: Schema.String,
  aliases: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [] }),
  /** Matched case-sensitively (NATO, not Nato or nato). */
  abbreviations: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [] }),
  /** Matched only with their own diacritics (Ísland; plain `Island` is an English word). */
  exact: Schema.optional(Schema.Array(Schema.String)),
  /** Per name, contexts in which it is not this entity (Chad before a surname is a given name). */
  guards: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Array(Guard) })),
  /** For people: the short form used alone (defaults to the last word of the name). */
  surname: Schema.optional(Schema.String),
  wikidata: Schema.optional(Schema.String),
  /** Wikidata's English label where it differs from `canonical` (People's Republic of China for China). */
  wikidataLabel: Schema.optional(Schema.String),
  code: Schema.optional(Schema.String),
  /** Words for the people of a country: never linked, and never "corrected" as typos. */
  demonyms: Schema.optional(Schema.Array(Schema.String))
})
export type GazetteerEntry = typeof GazetteerEntry.Type

/** What users put in pipeline.config.ts under the stage's `gazetteer` option. */
export const GazetteerOptions = Schema.Struct({
  /** Extra entries; an entry whose canonical name exists replaces the built-in one. */
  entries: Schema.optionalWith(Schema.Array(GazetteerEntry), { default: () => [] }),
  /** Canonical names of built-in entries to leave out. */
  remove: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [] }),
  /**
   * Canonical country names: `wikidata` (the default: Wikidata's English labels, as the issue asks:
   * China, Czech Republic, Turkey, East Timor) or `common` (world-countries `name.common`: Czechia,
   * Türkiye, Timor-Leste). The other form stays an alias either way.
   */
  countryNames: Schema.optionalWith(Schema.Literal("common", "wikidata"), { default: () => "wikidata" as const }),
  /** Leave out the built-in data entirely (then only `entries` are used). */
  builtin: Schema.optionalWith(Schema.Boolean, { default: () => true })
})
export type GazetteerOptions = typeof GazetteerOptions.Type

const DATA_FILES = ["countries.json", "capitals.json", "organisations.json", "agencies.json", "people.json", "places.json"]
const readData = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../data/gazetteer/${name}`, import.meta.url), "utf8"))

let builtinCache: ReadonlyArray<GazetteerEntry> | undefined
export const builtinEntries = (): ReadonlyArray<GazetteerEntry> => {
  if (builtinCache === undefined) {
    const decode = Schema.decodeUnknownSync(Schema.Array(GazetteerEntry))
    builtinCache = DATA_FILES.flatMap((f) => decode(readData(f)))
  }
  return builtinCache
}

interface NameVariants {
  readonly groups: ReadonlyArray<ReadonlyArray<string>>
}
interface SpellingVariants {
  readonly pairs: ReadonlyArray<readonly [string, string]>
}
let variantCache: { given: Map<string, string[]>; spelling: Map<string, string[]> } | undefined
const variantTables = () => {
  if (variantCache === undefined) {
    const given = new Map<string, string[]>()
    for (const g of (readData("name-variants.json") as NameVariants).groups)
      for (const n of g) given.set(n, g.filter((x) => x !== n))
    const spelling = new Map<string, string[]>()
    for (const [a, b] of (readData("spelling-variants.json") as SpellingVariants).pairs) {
      spelling.set(a, [...(spelling.get(a) ?? []), b])
      spelling.set(b, [...(spelling.get(b) ?? []), a])
    }
    variantCache = { given, spelling }
  }
  return variantCache
}

let givenCache: ReadonlyArray<string> | undefined
const givenNames = (): ReadonlyArray<string> =>
  (givenCache ??= (readData("given-names.json") as { names: string[] }).names)

export type FormKind = "name" | "abbreviation" | "exact"

/** One way of writing an entry, as the matcher compares it. */
export interface Form {
  readonly entry: number
  readonly kind: FormKind
  readonly text: string
  /** Folded tokens with case kept, for the case rules. */
  readonly tokens: ReadonlyArray<string>
  /** Original tokens (diacritics kept), for `exact` forms. */
  readonly raw: ReadonlyArray<string>
  readonly guards: ReadonlyArray<Guard>
}

export interface TrieNode {
  readonly next: Map<string, TrieNode>
  readonly forms: Form[]
}

export interface GazetteerIndex {
  readonly entries: ReadonlyArray<GazetteerEntry>
  readonly root: TrieNode
  /** Case-insensitive whole-name lookup (tags, long forms of definitions): key → entry. */
  readonly byKey: ReadonlyMap<string, number>
  /** Folded surname → people who have it. */
  readonly surnames: ReadonlyMap<string, ReadonlyArray<number>>
  /** Folded lower-case single words that are names, demonyms or given names: never typos. */
  readonly knownWords: ReadonlySet<string>
  /** Folded lower-case given names (Andrei, Georgina): a capitalised word before a surname that is one makes another full name. */
  readonly givenNames: ReadonlySet<string>
  /** Single-word names of six or more letters, bucketed by first letter, for typo search. */
  readonly typoTargets: ReadonlyMap<string, ReadonlyArray<{ readonly name: string; readonly entry: number }>>
  /** Multi-word names, for typo search on runs of capitalised words, by word count. */
  readonly multiTargets: ReadonlyMap<number, ReadonlyArray<{ readonly words: ReadonlyArray<string>; readonly entry: number }>>
}

/** Every spelling of a name: British/American and hyphen variants, transliterated given names. */
export const expandName = (name: string, type: string): string[] => {
  const { given, spelling } = variantTables()
  const words = name.split(" ")
  let out: string[][] = [words]
  words.forEach((w, i) => {
    const alts = [...(spelling.get(w) ?? []), ...(type === "person" && i === 0 ? (given.get(w) ?? []) : [])]
    if (alts.length === 0 || out.length > 16) return
    out = out.flatMap((ws) => [ws, ...alts.map((a) => ws.map((x, j) => (j === i ? a : x)))])
  })
  return [...new Set(out.map((ws) => ws.join(" ")))]
}

export const surnameOf = (e: GazetteerEntry): string | null => {
  if (e.type !== "person") return null
  if (e.surname !== undefined) return e.surname
  const words = e.canonical.split(" ")
  return words.length > 1 ? (words[words.length - 1] ?? null) : null
}

/** The entries in effect: built-in ones minus `remove`, with `entries` added or replacing. */
export const effectiveEntries = (opts: GazetteerOptions): GazetteerEntry[] => {
  const removed = new Set(opts.remove)
  const replaced = new Set(opts.entries.map((e) => e.canonical))
  const base = (opts.builtin ? builtinEntries() : []).map((e) =>
    opts.countryNames === "wikidata" && e.wikidataLabel !== undefined && e.wikidataLabel !== e.canonical
      ? { ...e, canonical: e.wikidataLabel, aliases: [e.canonical, ...e.aliases.filter((a) => a !== e.wikidataLabel)] }
      : e
  )
  return [...base.filter((e) => !removed.has(e.canonical) && !replaced.has(e.canonical)), ...opts.entries]
}

const indexCache = new WeakMap<GazetteerOptions, GazetteerIndex>()
let defaultIndex: GazetteerIndex | undefined
const valueCache = new Map<string, GazetteerIndex>()

/** The index for a gazetteer option value; built once per value (the runner reuses decoded options). */
export const gazetteerIndex = (opts: GazetteerOptions): GazetteerIndex => {
  const isDefault = opts.builtin && opts.entries.length === 0 && opts.remove.length === 0 && opts.countryNames === "common"
  if (isDefault && defaultIndex) return defaultIndex
  const cached = indexCache.get(opts)
  if (cached) return cached
  // A runner that decodes options per document passes equal values that are not the same object.
  const key = JSON.stringify(opts)
  const byValue = valueCache.get(key)
  if (byValue) {
    indexCache.set(opts, byValue)
    return byValue
  }
  const index = buildIndex(effectiveEntries(opts))
  if (isDefault) defaultIndex = index
  else {
    indexCache.set(opts, index)
    if (valueCache.size >= 8) valueCache.delete(valueCache.keys().next().value!)
    valueCache.set(key, index)
  }
  return index
}

export const buildIndex = (entries: ReadonlyArray<GazetteerEntry>): GazetteerIndex => {
  const root: TrieNode = { next: new Map(), forms: [] }
  const byKey = new Map<string, number>()
  const surnames = new Map<string, number[]>()
  const knownWords = new Set<string>()
  const typoTargets = new Map<string, Array<{ name: string; entry: number }>>()
  const multiTargets = new Map<number, Array<{ words: string[]; entry: number }>>()
  const { given } = variantTables()
  const givenSet = new Set<string>([...given.keys(), ...givenNames()].map(keyOf))
  for (const g of givenSet) knownWords.add(g)

  const insert = (entry: number, text: string, kind: FormKind, guards: ReadonlyArray<Guard>) => {
    const toks = tokenize(text)
    if (toks.length === 0) return
    let node = root
    for (const t of toks) {
      const k = t.folded.toLowerCase()
      let n = node.next.get(k)
      if (!n) {
        n = { next: new Map(), forms: [] }
        node.next.set(k, n)
      }
      node = n
    }
    // A later entry (the user's) wins over a built-in one for the same form.
    const same = node.forms.findIndex((f) => f.kind === kind && f.text === text)
    const form: Form = { entry, kind, text, tokens: toks.map((t) => t.folded), raw: toks.map((t) => t.text), guards }
    if (same >= 0) node.forms[same] = form
    else node.forms.push(form)
  }

  entries.forEach((e, i) => {
    const guardsFor = (name: string) => e.guards?.[name] ?? []
    const names = [e.canonical, ...e.aliases].filter((n) => !e.abbreviations.includes(n) && !(e.exact ?? []).includes(n))
    for (const n of names) {
      for (const v of expandName(n, e.type)) {
        insert(i, v, "name", guardsFor(n))
        byKey.set(keyOf(v), i)
        const words = v.split(" ")
        if (words.length === 1) {
          knownWords.add(keyOf(v))
          if (letterCount(v) >= 6 && isCapitalised(v)) {
            const b = keyOf(v).charAt(0)
            typoTargets.set(b, [...(typoTargets.get(b) ?? []), { name: fold(v), entry: i }])
          }
        } else if (words.every((w) => isCapitalised(w) || /^(of|the|and|for|in|on|de|la)$/.test(w))) {
          multiTargets.set(words.length, [...(multiTargets.get(words.length) ?? []), { words: words.map(fold), entry: i }])
        }
      }
    }
    for (const a of e.abbreviations) {
      insert(i, a, "abbreviation", guardsFor(a))
      if (!byKey.has(keyOf(a))) byKey.set(keyOf(a), i)
    }
    for (const x of e.exact ?? []) insert(i, x, "exact", guardsFor(x))
    for (const d of e.demonyms ?? []) knownWords.add(keyOf(d))
    const s = surnameOf(e)
    if (s !== null) {
      const k = keyOf(s)
      surnames.set(k, [...(surnames.get(k) ?? []), i])
      knownWords.add(k)
      if (letterCount(s) >= 6) {
        const b = k.charAt(0)
        typoTargets.set(b, [...(typoTargets.get(b) ?? []), { name: fold(s), entry: i }])
      }
    }
  })
  entries.forEach((e) => {
    if (e.type === "person") {
      const first = e.canonical.split(" ")[0]
      if (first && e.canonical.includes(" ")) givenSet.add(keyOf(first))
    }
  })
  return { entries, root, byKey, surnames, knownWords, givenNames: givenSet, typoTargets, multiTargets }
}

/** The entry a whole name denotes, compared case-insensitively (tags, long forms): or undefined. */
export const lookupName = (index: GazetteerIndex, name: string): number | undefined =>
  index.byKey.get(keyOf(name.replace(/\s+/g, " ").trim()))
