// Accuracy on the fixture sets: country-name variants (with sentences that name no country) and
// UN-style abbreviation definitions. The figures are printed; the floors are the targets.
import { describe, expect, it } from "@effect/vitest"
import { type AbbrRow, type CountryRow, jsonl, scoreAbbreviations, scoreCountries } from "../bench/score-entities.js"

describe("country variants", () => {
  const rows = jsonl<CountryRow>("countries.jsonl")
  it("has at least 150 variants and sentences that name no country", () => {
    expect(rows.filter((r) => r.country !== null).length).toBeGreaterThanOrEqual(150)
    expect(rows.filter((r) => r.country === null).length).toBeGreaterThanOrEqual(10)
  })
  it("links ≥ 97% of variants to the right country and never to a wrong one", () => {
    const s = scoreCountries(rows)
    console.log(`countries: ${s.right}/${s.positives} = ${(s.accuracy * 100).toFixed(1)}%, wrong ${s.wrong.length}, missed: ${s.missed.join("; ")}`)
    expect(s.wrong).toEqual([])
    expect(s.accuracy).toBeGreaterThanOrEqual(0.97)
  })
})

describe("abbreviation definitions (Schwartz–Hearst and changes)", () => {
  for (const file of ["abbreviations.jsonl", "abbreviations-holdout.jsonl"])
    it(`${file}: precision ≥ 0.95 and recall ≥ 0.85`, () => {
      const s = scoreAbbreviations(jsonl<AbbrRow>(file))
      console.log(`${file}: P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} (${s.tp} right of ${s.found} found, ${s.expected} expected)`)
      expect(s.precision).toBeGreaterThanOrEqual(0.95)
      expect(s.recall).toBeGreaterThanOrEqual(0.85)
    })
})
