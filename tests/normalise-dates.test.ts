import { describe, expect, it } from "@effect/vitest"
import fc from "fast-check"
import { makeDoc } from "../pipeline/model.js"
import { defaultOptions } from "../pipeline/stage.js"
import type { Anchor } from "../stages/dates/calendar.js"
import { anchorOf, datelineDate } from "../stages/dates/published.js"
import { findDates, shiftValue } from "../stages/dates/rules.js"
import { leanAround } from "../stages/dates/tense.js"
import { normaliseDates, parsePublished } from "../stages/normalise-dates.js"

const july13: Anchor = { y: 2024, m: 7, d: 13 } // a Saturday
const none: Anchor = { y: null, m: null, d: null }
const found = (text: string, anchor: Anchor = july13) => findDates(text, anchor).map((f) => [f.text, f.value])
const valueOf = (text: string, expr: string, anchor: Anchor = july13) => findDates(text, anchor).find((f) => f.text === expr)?.value
const run = (doc: ReturnType<typeof makeDoc>, options: Partial<typeof normaliseDates.options.Type> = {}) =>
  normaliseDates.run(doc, { ...defaultOptions(normaliseDates), ...options })

describe("parsePublished", () => {
  const p = (raw: string, dayFirst = true) => parsePublished(raw, { dayFirst })
  it("reads ISO dates and date-times", () => {
    expect(p("2024-07-13")).toEqual({ published: "2024-07-13", publishedTime: null })
    expect(p("2024-07-13T19:01")).toEqual({ published: "2024-07-13T19:01", publishedTime: null })
    expect(p("2024-07-13 19:01:22+03:00").published).toBe("2024-07-13T19:01")
  })
  it("reads European dotted dates, with and without a time", () => {
    expect(p("23.07.2024").published).toBe("2024-07-23")
    expect(p("23.07.2024, 19:01").published).toBe("2024-07-23T19:01")
    expect(p("12.03.2023, 10:15").published).toBe("2023-03-12T10:15")
  })
  it("reads slashed dates by the day-first setting", () => {
    expect(p("13/07/2024").published).toBe("2024-07-13")
    expect(p("07/08/2024", true).published).toBe("2024-08-07")
    expect(p("07/08/2024", false).published).toBe("2024-07-08")
    // 13 cannot be a month, whatever the setting says
    expect(p("13/07/2024", false).published).toBe("2024-07-13")
  })
  it("reads written dates and RFC 2822 stamps", () => {
    expect(p("July 13, 2024").published).toBe("2024-07-13")
    expect(p("13 July 2024").published).toBe("2024-07-13")
    expect(p("Sat, 13 Jul 2024 10:00:00 GMT").published).toBe("2024-07-13T10:00")
  })
  it("keeps a bare time as the publication time", () => {
    expect(p("12:40")).toEqual({ published: null, publishedTime: "12:40" })
  })
  it("never invents a date", () => {
    expect(p("")).toEqual({ published: null, publishedTime: null })
    expect(p("Tuesday")).toEqual({ published: null, publishedTime: null })
    expect(p("July 13")).toEqual({ published: null, publishedTime: null })
    expect(p("31.02.2024")).toEqual({ published: null, publishedTime: null })
    expect(p("see the article for details")).toEqual({ published: null, publishedTime: null })
  })
})

describe("absolute and partial dates", () => {
  it("full dates in several orders", () => {
    expect(valueOf("The charter was signed on 3 March 2022 in Minsk.", "3 March 2022")).toBe("2022-03-03")
    expect(valueOf("It was signed on March 3, 2022.", "March 3, 2022")).toBe("2022-03-03")
    expect(valueOf("Filed on 2024-07-10 by the clerk.", "2024-07-10")).toBe("2024-07-10")
    expect(valueOf("The deadline is 23.07.2024 for all.", "23.07.2024")).toBe("2024-07-23")
    expect(valueOf("The vote is on 5 May.", "5 May")).toBe("2024-05-05")
  })
  it("a month-day takes its year from the anchor and the tense", () => {
    expect(valueOf("The board met on March 3 to approve it.", "March 3")).toBe("2024-03-03")
    expect(valueOf("The board met on December 12.", "December 12", { y: 2024, m: 2, d: 10 })).toBe("2023-12-12")
    expect(valueOf("The board will meet on March 3.", "March 3", { y: 2024, m: 2, d: 10 })).toBe("2024-03-03")
  })
  it("months, years, decades", () => {
    expect(valueOf("Exports fell in September, officials said.", "September", { y: 2023, m: 5, d: 20 })).toBe("2022-09")
    expect(valueOf("The terminal will open in September.", "September", { y: 2023, m: 5, d: 20 })).toBe("2023-09")
    expect(found("The firm plans to list in 2025.")).toEqual([["2025", "2025"]])
    expect(found("Prices have doubled since the 1990s.")).toEqual([["the 1990s", "199X"]])
    expect(found("Trade peaked in the mid-2000s.")).toEqual([["the mid-2000s", "200X"]])
    expect(found("It was built in the 19th century.")).toEqual([["the 19th century", "18"]])
  })
})

describe("relative dates", () => {
  it("day words", () => {
    expect(found("The talks collapsed yesterday.")).toEqual([["yesterday", "2024-07-12"]])
    expect(found("The strike begins tomorrow.")).toEqual([["tomorrow", "2024-07-14"]])
    expect(found("Rebels shelled the town last night.")).toEqual([["last night", "2024-07-12TNI"]])
  })
  it("weekdays lean to the past unless the verb is future", () => {
    expect(found("The minister resigned on Tuesday.")).toEqual([["Tuesday", "2024-07-09"]])
    expect(found("The leaders will meet on Tuesday.")).toEqual([["Tuesday", "2024-07-16"]])
    expect(found("He said on Tuesday that the army would withdraw.")).toEqual([["Tuesday", "2024-07-09"]])
    expect(found("The vote is on Saturday.")).toEqual([["Saturday", "2024-07-13"]])
    expect(found("The fire broke out Friday afternoon.")).toEqual([["Friday afternoon", "2024-07-12TAF"]])
  })
  it("this, last and next periods", () => {
    expect(found("Shipments resumed last week.", { y: 2023, m: 3, d: 6 })).toEqual([["last week", "2023-W09"]])
    expect(found("The bill goes to a vote next month.")).toEqual([["next month", "2024-08"]])
    expect(found("Inflation has slowed this year.")).toEqual([["this year", "2024"]])
    expect(found("The line opens this autumn.")).toEqual([["this autumn", "2024-FA"]])
    expect(found("Tourism fell last summer.")).toEqual([["last summer", "2023-SU"]])
    expect(found("Profits rose in the third quarter.")).toEqual([["the third quarter", "2024-Q3"]])
    expect(found("Earlier this month, the bank cut rates.")).toEqual([["Earlier this month", "2024-07"]])
  })
  it("June with a modifier resolves to the anchor's June", () => {
    expect(found("Earlier in June, the bank raised its rate.")).toEqual([["June", "2024-06"]])
    expect(found("It was drafted in early June.")).toEqual([["early June", "2024-06"]])
  })
  it("ago expressions keep the unit's granularity", () => {
    expect(found("It was ratified two years ago.")).toEqual([["two years ago", "2022"]])
    expect(found("The plant closed three days ago.")).toEqual([["three days ago", "2024-07-10"]])
    expect(found("He left nearly five months ago.")).toEqual([["nearly five months ago", "2024-02"]])
  })
  it("a year earlier shifts the date just mentioned, keeping its granularity", () => {
    expect(found("Profit fell in the third quarter from a year earlier.", { y: 1989, m: 11, d: 2 })).toEqual([
      ["the third quarter", "1989-Q3"],
      ["a year earlier", "1988-Q3"]
    ])
    expect(found("In the six months ended Aug. 12, sales rose from a year earlier.", { y: 1989, m: 10, d: 26 })).toEqual([
      ["Aug. 12", "1989-08-12"],
      ["a year earlier", "1988-08-12"]
    ])
    expect(found("Two years later the firm failed.")).toEqual([])
    expect(shiftValue("2024-Q1", -1, "quarter")).toBe("2023-Q4")
    expect(shiftValue("2024-03-31", -1, "month")).toBe("2024-02-29")
    expect(shiftValue("2024", -1, "month")).toBeNull()
  })
  it("reference words", () => {
    expect(found("Unemployment is currently low.")).toEqual([["currently", "PRESENT_REF"]])
    expect(found("The reactor was recently inspected.")).toEqual([["recently", "PAST_REF"]])
    expect(found("He will decide in the future.")).toEqual([["the future", "FUTURE_REF"]])
  })
})

describe("no anchor: keep what is known", () => {
  it("weekdays and month-days without a year", () => {
    expect(found("Officials met on Friday.", none)).toEqual([["Friday", "XXXX-WXX-5"]])
    expect(found("The talks ended on March 3.", none)).toEqual([["March 3", "XXXX-03-03"]])
    expect(found("Exports fell in September.", none)).toEqual([["September", "XXXX-09"]])
    expect(found("The treaty of 1997 still holds.", none)).toEqual([["1997", "1997"]])
  })
})

describe("what is not a date", () => {
  const nothing = (text: string) => expect(found(text)).toEqual([])
  it("durations, ages and names", () => {
    nothing("The alliance marked 30 Years on Guard with a parade.")
    nothing("She has worked there for a decade and for the past three years.")
    nothing("The suspect, 45, was released.")
    nothing("Protesters carried Black Lives Matter banners.")
    nothing("Shoppers queued on Black Friday.")
  })
  it("may the verb and March the noun", () => {
    nothing("The minister said the talks may resume.")
    nothing("May I add one more point?")
    nothing("Thousands joined the march to the square.")
  })
  it("scores, prices and quantities", () => {
    nothing("The home side won 2-1 after extra time.")
    nothing("Tickets cost $2,010 each and 2000 people bought them.")
    nothing("The plant produced 2,500 tonnes of steel.")
    nothing("A basket costs 1999 rubles.")
    nothing("Flight 1549 landed in the river.")
    nothing("Version 1.2.10 fixed the bug.")
  })
  it("sets and recurring days", () => {
    nothing("The shop opens every Monday at nine.")
    nothing("Flights leave on Monday and Tuesday nights.")
  })
})

describe("verb-tense cues", () => {
  it("reads the nearest cue, preferring auxiliaries", () => {
    const at = (s: string, w: string) => leanAround(s, s.indexOf(w), s.indexOf(w) + w.length)
    expect(at("The summit will open in June.", "June")).toBe("future")
    expect(at("The summit opened in June.", "June")).toBe("past")
    expect(at("The book is due to be published in May.", "May")).toBe("future")
    expect(at("The summit is in June.", "June")).toBe("unknown")
  })
})

describe("anchorOf and datelines", () => {
  it("anchors on what the ISO value gives", () => {
    expect(anchorOf("2024-07-13T19:01")).toEqual({ y: 2024, m: 7, d: 13 })
    expect(anchorOf("2024-07")).toEqual({ y: 2024, m: 7, d: null })
    expect(anchorOf(null)).toEqual(none)
  })
  it("a dateline gives a date only with a year", () => {
    expect(datelineDate("LONDON, 13 July 2024 (AFP) - Talks resumed.", null)).toBe("2024-07-13")
    expect(datelineDate("MOSCOW, July 13 (Reuters) - Talks resumed.", "https://example.com/2024/07/13/talks")).toBe("2024-07-13")
    expect(datelineDate("MOSCOW, July 13 (Reuters) - Talks resumed.", null)).toBeNull()
    expect(datelineDate("Talks resumed in Moscow on July 13.", null)).toBeNull()
  })
})

describe("the stage", () => {
  it("normalises published and annotates paragraphs with exact offsets", () => {
    const doc = makeDoc({
      id: "a",
      sourceFile: "a.txt",
      published: "2024-07-13",
      paragraphs: ["Nothing here.", "Earlier in June, the ministers met. They met again in early June and on Friday."]
    })
    const out = run(doc).doc
    expect(out.published).toBe("2024-07-13")
    expect(out.dates.map((d) => [d.paragraph, d.text, d.value])).toEqual([
      [1, "June", "2024-06"],
      [1, "early June", "2024-06"],
      [1, "Friday", "2024-07-12"]
    ])
    for (const d of out.dates) expect(out.paragraphs[d.paragraph]!.slice(d.start, d.end)).toBe(d.text)
  })
  it("rewrites a raw datetime and audits the change", () => {
    const out = run(makeDoc({ id: "b", sourceFile: "b.jsonl", published: "23.07.2024, 19:01", given: ["published"] }))
    expect(out.doc.published).toBe("2024-07-23T19:01")
    expect(out.events.some((e) => e.rule === "published-iso" && e.text === "23.07.2024, 19:01")).toBe(true)
  })
  it("keeps a bare headline time as published_time and invents no date", () => {
    const out = run(makeDoc({ id: "c", sourceFile: "c.txt", publishedTime: "12:40", paragraphs: ["CSTO members met on Thursday."] })).doc
    expect(out.published).toBeNull()
    expect(out.publishedTime).toBe("12:40")
    expect(out.dates.map((d) => d.value)).toEqual(["XXXX-WXX-4"])
  })
  it("takes a dated dateline when nothing else is given", () => {
    const out = run(makeDoc({ id: "d", sourceFile: "d.txt", paragraphs: ["KYIV, 2 May 2023 (Reuters) - Drones struck the city yesterday."] })).doc
    expect(out.published).toBe("2023-05-02")
    expect(out.dates.find((d) => d.text === "yesterday")?.value).toBe("2023-05-01")
  })
  it("annotateInline writes values beside expressions, with replace events and right offsets", () => {
    const doc = makeDoc({ id: "e", sourceFile: "e.txt", published: "2024-07-13", paragraphs: ["Talks began in June and ended yesterday."] })
    const out = run(doc, { annotateInline: true })
    expect(out.doc.paragraphs[0]).toBe("Talks began in June [2024-06] and ended yesterday [2024-07-12].")
    expect(out.events.filter((e) => e.rule === "inline-date-value").map((e) => [e.action, e.text, e.replacement])).toEqual([
      ["replace", "June", "June [2024-06]"],
      ["replace", "yesterday", "yesterday [2024-07-12]"]
    ])
    for (const d of out.doc.dates) expect(out.doc.paragraphs[0]!.slice(d.start, d.end)).toBe(d.text)
  })
  it("leaves the text alone by default", () => {
    const doc = makeDoc({ id: "f", sourceFile: "f.txt", published: "2024-07-13", paragraphs: ["Talks began in June."] })
    const out = run(doc)
    expect(out.doc.paragraphs).toEqual(["Talks began in June."])
    expect(out.events).toEqual([])
  })
})

describe("robustness", () => {
  it("offsets always point at the annotated text", () => {
    const words = ["in", "June", "on", "Friday", "2024", "the", "1990s", "last", "week", "yesterday", "3", "March", "May", "-", ",", ".", "will", "met", "Q3", "12:40", "at", "p.m."]
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), (ws) => {
        const text = ws.join(" ")
        for (const f of findDates(text, july13)) expect(text.slice(f.start, f.end)).toBe(f.text)
      }),
      { numRuns: 300 }
    )
  })
  // Completes within the test timeout; the timings themselves are printed by `npm run bench -- adversarial`.
  it("a megabyte on one line is scanned whole, and runs of one character find nothing", () => {
    const line = "In June 2024 the ministers met on Friday and said 1999 rubles would do; ".repeat(14_000)
    expect(findDates(line, july13).length).toBeGreaterThan(14_000)
    expect(findDates("9".repeat(1_000_000), july13)).toEqual([])
    expect(findDates("a".repeat(1_000_000), july13)).toEqual([])
  })
})
