import { describe, expect, it } from "@effect/vitest"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { makeDoc } from "../pipeline/model.js"
import { defaultOptions } from "../pipeline/stage.js"
import { decode, decodeText } from "../stages/decode.js"
import { isHeadlineShaped, isTagShaped, parseHeaderLine, parseMetadata, parseMetadataStage } from "../stages/parse-metadata.js"
import { gluedBreaks, looksHardWrapped, splitParagraphs, splitParagraphsStage } from "../stages/split-paragraphs.js"
import { repoRoot } from "./helpers.js"

const decodeDefaults = defaultOptions(decode)
const metaDefaults = defaultOptions(parseMetadataStage)
const splitDefaults = defaultOptions(splitParagraphsStage)
const known = { title: null, url: null, published: null, source: null, givenTitle: false }

describe("decode", () => {
  it("folds line endings, odd spaces and invisible characters, and records each kind", () => {
    const r = decodeText("\uFEFFOne\r\ntwo\u00A0 words\rthree\u200B\tfour  five ", decodeDefaults)
    expect(r.text).toBe("One\ntwo words\nthree four five")
    expect(r.counts).toMatchObject({ "byte-order-mark": 1, "line-endings": 2, "non-breaking-space": 1, "zero-width": 1, tab: 1 })
    const rules = new Set(r.events.map((e) => e.rule))
    for (const rule of ["byte-order-mark", "line-endings", "non-breaking-space", "zero-width", "tab"]) expect(rules).toContain(rule)
  })

  it("keeps a lone no-break space between words, as the author wrote it", () => {
    const r = decodeText("It is 10\u00A0km away.\u00A0\n\u00A0Next\u2003line.", decodeDefaults)
    expect(r.text).toBe("It is 10\u00A0km away.\nNext line.")
    expect(r.counts["non-breaking-space"]).toBe(3)
  })

  it("puts text into NFC so composed and decomposed accents compare equal", () => {
    const r = decodeText("Cafe\u0301 in Mu\u0308nchen", decodeDefaults)
    expect(r.text).toBe("Café in München")
    expect(r.events.find((e) => e.rule === "unicode-normal-form")).toBeDefined()
  })

  it("leaves clean text alone and records nothing", () => {
    const r = decodeText("Plain text.\n\nSecond paragraph.", decodeDefaults)
    expect(r.text).toBe("Plain text.\n\nSecond paragraph.")
    expect(r.events).toEqual([])
  })

  it("records a legacy encoding chosen by the reader", () => {
    const out = decode.run(makeDoc({ id: "x", sourceFile: "x.txt", body: "Текст", encoding: "windows-1251" }), decodeDefaults)
    expect(out.events[0]).toMatchObject({ rule: "encoding", replacement: "windows-1251" })
  })
})

describe("parse-metadata", () => {
  it("reads a header line made only of a date and a URL", () => {
    expect(parseHeaderLine(" date 2024-07-13 https://example.com/a")).toEqual({ date: "2024-07-13", url: "https://example.com/a" })
    expect(parseHeaderLine("https://example.com/a 23.07.2024, 19:01")).toEqual({ date: "23.07.2024, 19:01", url: "https://example.com/a" })
    expect(parseHeaderLine("The date 2024-07-13 was chosen")).toBeNull()
  })

  it("tells a headline from a first body sentence", () => {
    expect(isHeadlineShaped("Council approves budget after long debate", 20)).toBe(true)
    expect(isHeadlineShaped("Council approves budget.", 20)).toBe(true)
    expect(isHeadlineShaped("The council approved the budget on Tuesday after a debate that lasted well into the night, officials said, adding that the vote was close.", 20)).toBe(false)
    expect(isHeadlineShaped("It rained. Then it stopped", 20)).toBe(false)
  })

  it("takes the headline and a time glued to its end", () => {
    const m = parseMetadata("Mayor opens new bridge 09:15\n\nThe mayor opened the bridge on Monday.\n\nTraffic was light.", metaDefaults, known)
    expect(m.title).toBe("Mayor opens new bridge")
    expect(m.publishedTime).toBe("09:15")
    expect(m.published).toBeNull()
    expect(m.body).toBe("The mayor opened the bridge on Monday.\n\nTraffic was light.")
  })

  it("takes a date and time glued to the headline as the publication date", () => {
    const m = parseMetadata("Storm closes schools 12.03.2023, 10:15\n\nSchools closed on Friday.", metaDefaults, known)
    expect(m.title).toBe("Storm closes schools")
    expect(m.published).toBe("12.03.2023, 10:15")
  })

  it("moves runs of short lowercase lines into tags, and a lone one at the end once a run was seen", () => {
    const body = "Headline Of Note\n\nFirst paragraph of the article, long enough to be body text.\n\nflood defences\n\nriver thames\n\nlocal government\n\nThe second paragraph is body text too.\n\nflood defences"
    const m = parseMetadata(body, metaDefaults, known)
    expect(m.tags).toEqual(["flood defences", "river thames", "local government"])
    expect(m.body).toBe("First paragraph of the article, long enough to be body text.\n\nThe second paragraph is body text too.")
    expect(m.events.filter((e) => e.rule === "tag-list").map((e) => e.text)).toEqual(["flood defences", "river thames", "local government", "flood defences"])
  })

  it("keeps a single lowercase line inside the body that is not part of a tag run", () => {
    const m = parseMetadata("Title Here Now\n\nBody starts here and goes on.\n\nand then it continued\n\nMore body text follows here.", metaDefaults, known)
    expect(m.tags).toEqual([])
    expect(m.body).toContain("and then it continued")
  })

  it("reads labelled tag lines", () => {
    const m = parseMetadata("A Headline For Tags\n\nBody text of the article here.\n\nTags: Energy, Oil prices; OPEC", metaDefaults, known)
    expect(m.tags).toEqual(["Energy", "Oil prices", "OPEC"])
  })

  it("takes credit lines out and fills source from the first, else from the URL's host", () => {
    const m = parseMetadata("Big Story Today\n\nBody text.\n\nSource: Daily Planet.\n\nPhoto: A crowd outside the court (file picture).", metaDefaults, known)
    expect(m.source).toBe("Daily Planet")
    expect(m.body).toBe("Body text.")
    expect(m.events.map((e) => e.rule)).toEqual(["headline", "source-credit", "photo-caption"])
    const h = parseMetadata(" date 2024-01-02 https://www.news.example.net/x\n\nHeadline Words Here\n\nBody.", metaDefaults, known)
    expect(h.source).toBe("news.example.net")
    expect(h.published).toBe("2024-01-02")
  })

  it("keeps a body sentence that merely starts with a label-like word", () => {
    const m = parseMetadata("Headline Of The Day\n\nSource of the leak remains unknown, police said on Monday after a long inquiry.", metaDefaults, known)
    expect(m.body).toContain("Source of the leak")
    expect(m.source).toBeNull()
  })

  it("does not overwrite fields a JSONL or CSV reader was given", () => {
    const doc = makeDoc({ id: "g", sourceFile: "g.jsonl", title: "Given title", source: "Given", given: ["title", "source"], body: "Another Headline Here\n\nBody.\n\nSource: Other" })
    const out = parseMetadataStage.run(doc, metaDefaults).doc
    expect(out.title).toBe("Given title")
    expect(out.source).toBe("Given")
    expect(out.body).toContain("Another Headline Here")
  })

  it("tag and headline shapes", () => {
    expect(isTagShaped("collective security treaty organization (csto)", 6)).toBe(true)
    expect(isTagShaped("Russia", 6)).toBe(false)
    expect(isTagShaped("he said.", 6)).toBe(false)
  })
})

describe("split-paragraphs", () => {
  it("splits at single and blank newlines", () => {
    expect(splitParagraphs("One.\nTwo.\n\nThree.", splitDefaults).paragraphs).toEqual(["One.", "Two.", "Three."])
  })

  it("splits paragraphs glued by the scraper and tells opening quotes from closing ones", () => {
    const text = `“We agree,” Smith said.Earlier in May, talks stalled.Jones added that it is true."The risks are real," he said. He called for "a new start in the region."President Lee agreed.`
    const r = splitParagraphs(text, splitDefaults)
    expect(r.paragraphs).toEqual([
      "“We agree,” Smith said.",
      "Earlier in May, talks stalled.",
      "Jones added that it is true.",
      `"The risks are real," he said. He called for "a new start in the region."`,
      "President Lee agreed."
    ])
    expect(r.events.filter((e) => e.action === "split")).toHaveLength(4)
  })

  it("never splits abbreviations, initials, decimals or domains", () => {
    const s = "The U.S.Army grew 3.5 percent, Mr.Smith said, citing commonspace.eu data.It was e.g.Fine"
    const cuts = gluedBreaks(s, new Set(defaultOptions(splitParagraphsStage).abbreviations))
    expect(cuts.map((c) => s.slice(c, c + 5))).toEqual(["It wa"])
  })

  it("re-joins hard-wrapped text", () => {
    const wrapped = [
      "The committee met on Tuesday to consider the proposal for a new",
      "bridge across the river, which has been debated for more than ten",
      "years by residents and the council alike.",
      "",
      "Members voted to commission a further study before any decision is",
      "made on the funding, the route or the timetable of the works, and",
      "asked for a report by the end of the year."
    ].join("\n")
    expect(looksHardWrapped(wrapped)).toBe(true)
    const r = splitParagraphs(wrapped, splitDefaults)
    expect(r.paragraphs).toHaveLength(2)
    expect(r.paragraphs[0]).toMatch(/^The committee met .* alike\.$/)
  })

  it("splits seed 000's glued paragraph exactly as expected", () => {
    const expected = JSON.parse(readFileSync(join(repoRoot, "tests/expected/000_8d47757346265ea4.json"), "utf8")) as { paragraphs: string[] }
    const glued = expected.paragraphs.slice(1).join("")
    expect(splitParagraphs(glued, splitDefaults).paragraphs).toEqual(expected.paragraphs.slice(1))
  })
})
