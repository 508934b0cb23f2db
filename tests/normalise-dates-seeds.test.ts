// The seeds' date expectations, checked the way check_seeds.py checks them: each expected
// expression must be found (substring either way) with its value, and offsets must hold.
import { describe, expect, it } from "@effect/vitest"
import { readdirSync, readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { makeDoc } from "../pipeline/model.js"
import { defaultOptions } from "../pipeline/stage.js"
import { normaliseDates } from "../stages/normalise-dates.js"

interface Expected {
  id: string
  published: string | null
  published_time?: string | null
  paragraphs: string[]
  dates: Array<{ text: string; value: string }>
}

const dir = fileURLToPath(new URL("./expected/", import.meta.url))
const seeds: Expected[] = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readFileSync(dir + f, "utf8")) as Expected)

describe("seed dates", () => {
  for (const seed of seeds) {
    it(seed.id, () => {
      const doc = makeDoc({
        id: seed.id,
        sourceFile: `seeds/${seed.id}.txt`,
        published: seed.published,
        publishedTime: seed.published_time ?? null,
        paragraphs: seed.paragraphs
      })
      const out = normaliseDates.run(doc, defaultOptions(normaliseDates)).doc
      for (const want of seed.dates) {
        const w = want.text.toLowerCase()
        const hits = out.dates.filter((d) => w.includes(d.text.toLowerCase()) || d.text.toLowerCase().includes(w))
        expect(hits.map((h) => h.value), want.text).toContain(want.value)
      }
      for (const d of out.dates) expect(out.paragraphs[d.paragraph]!.slice(d.start, d.end)).toBe(d.text)
    })
  }
})
