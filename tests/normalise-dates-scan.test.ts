// The scanning helpers behind the date tagger's speed: the keyword check that lets a rule skip a
// paragraph must never miss a keyword (or a rule would silently lose dates), and `matches` must
// give exactly what matchAll gives.
import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import type { Anchor } from "../stages/dates/calendar.js"
import { findDates } from "../stages/dates/rules.js"
import { KeywordScanner, matches } from "../stages/dates/scan.js"

const july13: Anchor = { y: 2024, m: 7, d: 13 }

const groups = {
  month: ["jan", "mar", "may"],
  dayPart: ["night", "afternoon"],
  shift: ["after", "ago"],
  quote: ["year’s", "'"],
  dot: ["a.m", "."]
}
const scanner = new KeywordScanner(groups)

/** What scan must report: every group with a word somewhere in the text, in any ASCII case. */
const reference = (text: string): number => {
  const lower = text.toLowerCase()
  let bits = 0
  for (const [g, words] of Object.entries(groups)) if (words.some((w) => lower.includes(w))) bits |= scanner.bit[g as keyof typeof groups]
  return bits
}

describe("KeywordScanner", () => {
  it("reports each group whose word occurs, in any case, overlapping or nested", () => {
    const { month, dayPart, shift, quote, dot } = scanner.bit
    expect(scanner.scan("")).toBe(0)
    expect(scanner.scan("nothing here")).toBe(0)
    expect(scanner.scan("TONIGHT")).toBe(dayPart) // a keyword inside a longer word
    expect(scanner.scan("Afternoon")).toBe(dayPart | shift) // one keyword the start of another
    expect(scanner.scan("Jamar")).toBe(month) // a false start ("jam") before the real one
    expect(scanner.scan("New Year’s Eve")).toBe(quote)
    expect(scanner.scan("10 A.M")).toBe(dot)
  })

  it("agrees with a lowercase substring search on random ASCII text", () => {
    const pieces = ["j", "a", "n", "M", "A", "R", "y", "nig", "ht", "AFTER", "noon", "ago", "year", "’s", "'", ".", "m", " ", "x", "Ni", "GHT"]
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join("")
        expect(scanner.scan(text)).toBe(reference(text))
      }),
      { numRuns: 2000 }
    )
  })

  it("does not pair ASCII letters with look-alikes, as a regex's /i does not", () => {
    // U+0130 lowercases to "i̇" and U+212A (Kelvin) to "k"; neither matches an ASCII letter under /i.
    const s = new KeywordScanner({ k: ["kin"] })
    expect(s.scan("\u212Ain")).toBe(0)
    expect(/kin/i.test("\u212Ain")).toBe(false)
    expect(s.scan("KIN")).toBe(s.bit.k)
  })

  it("refuses keywords it could not match", () => {
    expect(() => new KeywordScanner({ bad: ["Jan"] })).toThrow()
    expect(() => new KeywordScanner({ bad: [""] })).toThrow()
  })

  it("scans a megabyte of a keyword's prefix and finds what one copy holds", () => {
    expect(scanner.scan("afternoo".repeat(125_000))).toBe(scanner.scan("afternoo"))
    expect(scanner.scan("a".repeat(1_000_000))).toBe(0)
  })
})

describe("matches", () => {
  it("gives what matchAll gives, including empty matches, and leaves the regex reusable", () => {
    const text = "On 3 May, 4 June and 5 July; then nothing."
    for (const re of [/\d+\s+\w+/g, /\b/g, /x*/g, /(?<n>\d)/g]) {
      const viaMatchAll = [...text.matchAll(re)].map((m) => [m.index, m[0], m[1]])
      expect(matches(re, text).map((m) => [m.index, m[0], m[1]])).toEqual(viaMatchAll)
      expect(re.lastIndex).toBe(0)
      expect(matches(re, text).length).toBe(viaMatchAll.length)
    }
  })
})

describe("keyword checks keep every rule's finds", () => {
  it("case-insensitive rules still fire on capitalised and upper-case text", () => {
    const values = (text: string) => findDates(text, july13).map((f) => [f.text, f.value])
    expect(values("TWO YEARS AGO")).toEqual([["TWO YEARS AGO", "2022"]])
    expect(values("It will close at the END OF THE YEAR.")).toContainEqual(["the END OF THE YEAR", "2024"])
    expect(values("Sales rose in the Third Quarter.")).toContainEqual(["the Third Quarter", "2024-Q3"])
    expect(values("They met Yesterday Afternoon.")).toEqual([["Yesterday Afternoon", "2024-07-12TAF"]])
    expect(values("in the ’90s")).toEqual([["the ’90s", "199X"]])
  })
})
