// Regenerates stages/data/gazetteer/countries.json and capitals.json from the installed packages
// `world-countries` and `i18n-iso-countries` plus the hand-curated files in sources/, then checks
// that no name points at two entities across the whole gazetteer. Run: npx tsx scripts/build-gazetteer.ts
import { readFileSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { fold, keyOf } from "../stages/entities/text.js"

const require = createRequire(import.meta.url)
const dir = new URL("../stages/data/gazetteer/", import.meta.url)
const readJson = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, dir), "utf8")) as T

interface WorldCountry {
  cca2: string
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> }
  altSpellings: string[]
  capital: string[]
  demonyms?: Record<string, { f: string; m: string }>
}
type Guard = string
interface Entry {
  canonical: string
  type: string
  aliases: string[]
  abbreviations: string[]
  code?: string
  demonyms?: string[]
  /** Context conditions for names that have another reading (Chad the given name, Island the word). */
  guards?: Record<string, Guard[]>
  /** Wikidata's English label, where it differs from `canonical`. */
  wikidataLabel?: string
  /** Names matched only with their own diacritics (Ísland, not Island). */
  exact?: string[]
}
interface CountryExtras {
  aliases: Record<string, string[]>
  abbreviations: Record<string, string[]>
  guards: { names: Record<string, Guard[]> }
  resolve: Record<string, string | null>
  translationStoplist: string[]
  translationLanguages: string[]
  dropNames: { names: string[] }
  exactOnly: { names: string[] }
  wikidataLabels: { labels: Record<string, string> }
}
interface CapitalExtras {
  guards: Record<string, Guard[]>
  canonical: Record<string, string>
  aliases: Record<string, string[]>
  skip: string[]
}

const world = require("world-countries/countries.json") as WorldCountry[]
const extras = readJson<CountryExtras>("sources/country-extras.json")
const capExtras = readJson<CapitalExtras>("sources/capital-extras.json")

// Latin script only: the corpus is English, and other scripts would never be typed in it.
const LATIN = /^[\p{Script=Latin}\p{M}\p{N}\s'’‘ʻ.,()\-]+$/u
const isLatin = (s: string) => LATIN.test(s) && /\p{L}/u.test(s)
// ISO codes (`CN`, `AT`) are ordinary words or noise in running text; only curated ones are kept.
const isCode = (s: string) => /^[A-Z]{2,3}$/.test(s)
const dropped = new Set(extras.dropNames.names.map(keyOf))
const exactOnly = new Set(extras.exactOnly.names)
const isUsable = (s: string) => isLatin(s) && !isCode(s) && !dropped.has(keyOf(s))
// Moves exact-only names out of `aliases` into `exact`.
const splitExact = (e: Entry): Entry => {
  const exact = e.aliases.filter((a) => exactOnly.has(a))
  return exact.length ? { ...e, aliases: e.aliases.filter((a) => !exactOnly.has(a)), exact } : e
}

const uniq = (xs: string[]) => [...new Map(xs.map((x) => [x, x])).values()]

// Tier 1: the packages' English, official, alternative and native names and the curated extras.
// Tier 2: common names in a few other languages, dropped whenever they collide with anything.
const tier1 = new Map<string, string[]>()
const tier2 = new Map<string, string[]>()
const add = (m: Map<string, string[]>, code: string, names: string[]) =>
  m.set(code, [...(m.get(code) ?? []), ...names])

const enNames = require("i18n-iso-countries/langs/en.json").countries as Record<string, string | string[]>
for (const c of world) {
  const native = Object.values(c.name.native ?? {}).flatMap((n) => [n.common, n.official])
  const en = enNames[c.cca2]
  add(tier1, c.cca2, [
    c.name.official,
    ...c.altSpellings,
    ...native,
    ...(en === undefined ? [] : Array.isArray(en) ? en : [en]),
    ...(extras.aliases[c.cca2] ?? [])
  ])
}
for (const lang of extras.translationLanguages) {
  const names = require(`i18n-iso-countries/langs/${lang}.json`).countries as Record<string, string | string[]>
  for (const [code, v] of Object.entries(names)) add(tier2, code, Array.isArray(v) ? v : [v])
}

const byCode = new Map(world.map((c) => [c.cca2, c]))
const owner = new Map<string, string>() // name key → cca2
const ambiguous = new Set<string>() // names left unlinked: they mean two countries
const conflicts: string[] = []
const stop = new Set(extras.translationStoplist.map(keyOf))

// Tier 1 first: a same-tier clash fails the build unless `resolve` names the winner.
for (const c of world) owner.set(keyOf(c.name.common), c.cca2)
for (const [code, names] of tier1)
  for (const n of names) {
    if (!isUsable(n)) continue
    const k = keyOf(n)
    const prev = owner.get(k)
    if (ambiguous.has(k)) continue
    if (prev === undefined || prev === code) owner.set(k, code)
    else if (extras.resolve[k] === null) {
      owner.delete(k)
      ambiguous.add(k)
    } else if (extras.resolve[k] !== undefined) owner.set(k, extras.resolve[k]!)
    else conflicts.push(`"${n}": ${prev} and ${code}`)
  }
const tier2Seen = new Map<string, string | null>()
for (const [code, names] of tier2)
  for (const n of names) {
    if (!isUsable(n) || n.replace(/[^\p{L}]/gu, "").length < 4 || stop.has(keyOf(n))) continue
    const k = keyOf(n)
    const prev = tier2Seen.get(k)
    tier2Seen.set(k, prev === undefined || prev === code ? code : null)
  }
let droppedTranslations = 0
for (const [k, code] of tier2Seen) {
  if (owner.has(k) || ambiguous.has(k)) continue
  if (code === null) droppedTranslations++
  else owner.set(k, code)
}
if (conflicts.length) {
  console.error(`country names claimed by two countries (add them to sources/country-extras.json resolve):\n  ${conflicts.join("\n  ")}`)
  process.exit(1)
}

// Surface forms per country, keeping the first spelling seen for each key.
const forms = new Map<string, Map<string, string>>()
const allNames = (code: string) => [...(tier1.get(code) ?? []), ...(tier2.get(code) ?? [])]
for (const c of world)
  for (const n of [c.name.common, ...allNames(c.cca2)]) {
    if (!isUsable(n)) continue
    if (owner.get(keyOf(n)) !== c.cca2) continue
    // One spelling per folded form, but case variants (`eSwatini`, `République gabonaise`) all kept.
    const k = fold(n.trim())
    const m = forms.get(c.cca2) ?? new Map<string, string>()
    if (!m.has(k)) m.set(k, n.trim())
    forms.set(c.cca2, m)
  }

const countries: Entry[] = world
  .map((c) => {
    const names = [...(forms.get(c.cca2)?.values() ?? [])].filter((n) => n !== c.name.common)
    const e: Entry = {
      canonical: c.name.common,
      type: "country",
      code: c.cca2,
      aliases: names,
      abbreviations: extras.abbreviations[c.cca2] ?? [],
      demonyms: uniq(Object.values(c.demonyms ?? {}).flatMap((d) => [d.m, d.f]).filter((d) => d.length > 0))
    }
    const wd = extras.wikidataLabels.labels[c.cca2]
    if (wd !== undefined) e.wikidataLabel = wd
    const guards = Object.entries(extras.guards.names).filter(([n]) => n === e.canonical || names.includes(n))
    if (guards.length) e.guards = Object.fromEntries(guards)
    return splitExact(e)
  })
  .sort((a, b) => a.canonical.localeCompare(b.canonical))

// Capitals: one place each; a capital named like a country (Singapore, Monaco) is the country.
const capitals: Entry[] = []
const capSeen = new Set<string>()
for (const c of world)
  for (const raw of c.capital) {
    if (capExtras.skip.includes(raw)) continue
    const canonical = capExtras.canonical[raw] ?? raw
    const k = keyOf(canonical)
    if (owner.has(k) || capSeen.has(k)) continue
    capSeen.add(k)
    const aliases = uniq([...(canonical !== raw ? [raw] : []), ...(capExtras.aliases[canonical] ?? [])])
    const e: Entry = { canonical, type: "place", code: c.cca2, aliases, abbreviations: [] }
    if (capExtras.guards[canonical]) e.guards = { [canonical]: capExtras.guards[canonical]! }
    capitals.push(exactOnly.has(canonical) ? { ...e, canonical, exact: [canonical] } : e)
  }
capitals.sort((a, b) => a.canonical.localeCompare(b.canonical))

const write = (name: string, entries: Entry[]) =>
  writeFileSync(new URL(name, dir), "[\n" + entries.map((e) => "  " + JSON.stringify(e)).join(",\n") + "\n]\n")
write("countries.json", countries)
write("capitals.json", capitals)

// The whole gazetteer: no name (alias or abbreviation, folded) may belong to two entities.
const files = ["countries.json", "capitals.json", "organisations.json", "agencies.json", "people.json", "places.json"]
const names = new Map<string, string>()
const clashes: string[] = []
for (const f of files)
  for (const e of readJson<Entry[]>(f))
    for (const n of [e.canonical, ...e.aliases, ...e.abbreviations, ...(e.exact ?? [])]) {
      // Abbreviations are matched case-sensitively, so they only clash with the same capitals.
      const k = e.abbreviations.includes(n) ? `abbr:${n}` : keyOf(n)
      const id = `${f}:${e.canonical}`
      const prev = names.get(k)
      if (prev !== undefined && prev !== id) clashes.push(`"${n}": ${prev} / ${id}`)
      else names.set(k, id)
    }
if (clashes.length) {
  console.error(`names that point at two entities:\n  ${clashes.join("\n  ")}`)
  process.exit(1)
}
console.log(
  `countries: ${countries.length} (${countries.reduce((s, e) => s + e.aliases.length, 0)} aliases, ` +
    `${droppedTranslations} ambiguous translations dropped); capitals: ${capitals.length}; ${names.size} names, no clashes`
)
