// End-to-end value F1 (span found and value right) on annotated sentences of our own,
// run through the stage exactly as the pipeline runs it.
import { describe, expect, it } from "@effect/vitest"
import { fileURLToPath } from "node:url"
import { readRows, scoreRows } from "../bench/score-dates.js"

const fixture = fileURLToPath(new URL("./fixtures/dates/sentences.jsonl", import.meta.url))

describe("date scorer", () => {
  it("reaches value F1 ≥ 0.9 on the fixture sentences", () => {
    const rows = readRows(fixture)
    expect(rows.length).toBeGreaterThan(50)
    const score = scoreRows(rows)
    expect(score.errors, score.errors.join("\n")).toEqual([])
    expect(score.valueF1).toBeGreaterThanOrEqual(0.9)
  })
  it("counts a wrong value and an extra find against the score", () => {
    const score = scoreRows([
      { text: "The deal closed in June.", published: "2024-07-13", expected: [{ text: "June", value: "2023-06" }] },
      { text: "Nothing to see on this line.", published: "2024-07-13", expected: [{ text: "line", value: "2024" }] }
    ])
    expect(score.valueF1).toBe(0)
    expect(score.spanF1).toBeCloseTo(2 / 3)
  })
})
