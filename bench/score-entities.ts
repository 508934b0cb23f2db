// Prints the entity-linking figures: country-variant accuracy on the fixture and on every Latin-script
// variant in `world-countries` (in-sample: the gazetteer is generated from that package), and
// abbreviation-definition precision/recall on the tuning and held-out UN-style sets.
// Run: npx tsx bench/score-entities.ts
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { pathToFileURL } from "node:url"
import { defaultOptions } from "../pipeline/stage.js"
import { findDefinitions } from "../stages/entities/schwartz-hearst.js"
import { linkEntities, normaliseEntities } from "../stages/normalise-entities.js"

export const jsonl = <T>(name: string): T[] =>
  readFileSync(new URL(`../tests/fixtures/entities/${name}`, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as T)

export interface CountryRow {
  text: string
  variant: string | null
  country: string | null
}

/** Accuracy of country linking: the variant's exact span linked to the expected country. */
export const scoreCountries = (rows: ReadonlyArray<CountryRow>) => {
  const opts = defaultOptions(normaliseEntities)
  let right = 0
  const wrong: string[] = []
  const missed: string[] = []
  for (const r of rows) {
    const countries = linkEntities([r.text], [], opts).entities.filter((e) => e.type === "country")
    if (r.country === null || r.variant === null) {
      if (countries.length) wrong.push(`${r.text} → ${countries.map((c) => c.canonical).join(", ")}`)
      continue
    }
    const at = r.text.indexOf(r.variant)
    const hit = countries.find((e) => e.start === at && e.end === at + r.variant!.length)
    if (hit?.canonical === r.country) right++
    else if (countries.some((e) => e.canonical !== r.country)) wrong.push(`${r.variant} → ${countries.map((c) => c.canonical).join(", ")}`)
    else missed.push(r.variant)
  }
  const positives = rows.filter((r) => r.country !== null).length
  return { positives, right, accuracy: right / positives, wrong, missed }
}

export interface AbbrRow {
  text: string
  pairs: Array<[string, string]>
}

/** Precision and recall of definitions: a pair counts when short and long form are both exact. */
export const scoreAbbreviations = (rows: ReadonlyArray<AbbrRow>) => {
  let tp = 0
  let found = 0
  let expected = 0
  for (const r of rows) {
    const got = findDefinitions(r.text).map((d) => `${d.short} = ${d.long}`)
    const want = new Set(r.pairs.map(([s, l]) => `${s} = ${l}`))
    found += got.length
    expected += want.size
    tp += got.filter((g) => want.has(g)).length
  }
  return { tp, found, expected, precision: found ? tp / found : 1, recall: expected ? tp / expected : 1 }
}


/** Every Latin-script official, alternative and native name in world-countries, in three sentence frames. */
export const packageVariantRows = (): CountryRow[] => {
  const require = createRequire(import.meta.url)
  const world = require("world-countries/countries.json") as Array<{
    name: { common: string; official: string; native?: Record<string, { common: string; official: string }> }
    altSpellings: string[]
  }>
  const latin = (s: string) => /^[\p{Script=Latin}\p{M}\p{N}\s'’‘ʻ.,()\-]+$/u.test(s)
  const frames = ["Talks with {} resumed on Monday.", "The delegation of {} arrived in Geneva.", "{} said it would attend the summit."]
  // The expected name is the gazetteer's canonical one (Wikidata's label by default), looked up by the common name.
  const canonicalOf = new Map<string, string>()
  const builtIn = createRequire(import.meta.url)("../stages/data/gazetteer/countries.json") as Array<{ canonical: string; wikidataLabel?: string }>
  for (const e of builtIn) canonicalOf.set(e.canonical, e.wikidataLabel ?? e.canonical)
  const rows: CountryRow[] = []
  for (const c of world) {
    const names = [c.name.official, ...c.altSpellings, ...Object.values(c.name.native ?? {}).flatMap((n) => [n.common, n.official])]
    const variants = new Set(names.map((n) => n.trim()).filter((n) => latin(n) && n !== c.name.common && n.length > 3))
    for (const v of variants) for (const f of frames) rows.push({ text: f.replace("{}", v), variant: v, country: canonicalOf.get(c.name.common) ?? c.name.common })
  }
  return rows
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const fx = scoreCountries(jsonl<CountryRow>("countries.jsonl"))
  console.log(`fixture countries: ${fx.right}/${fx.positives} = ${(fx.accuracy * 100).toFixed(1)}%, wrong ${fx.wrong.length}`)
  const pk = scoreCountries(packageVariantRows())
  console.log(`world-countries variants × 3 frames: ${pk.right}/${pk.positives} = ${(pk.accuracy * 100).toFixed(1)}%, wrong ${pk.wrong.length}`)
  console.log(`  missed: ${[...new Set(pk.missed)].join("; ")}`)
  for (const w of pk.wrong) console.log(`  wrong: ${w}`)
  for (const f of ["abbreviations.jsonl", "abbreviations-holdout.jsonl"]) {
    const s = scoreAbbreviations(jsonl<AbbrRow>(f))
    console.log(`${f}: P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} (${s.tp} right of ${s.found} found, ${s.expected} expected)`)
  }
}
