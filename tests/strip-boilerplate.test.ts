import { describe, expect, it } from "@effect/vitest"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { makeDoc } from "../pipeline/model.js"
import { defaultOptions } from "../pipeline/stage.js"
import { furnitureRule, compileRules, isCreditLine } from "../stages/boilerplate/rules.js"
import {
  defaultStripBoilerplateOptions as defaults,
  minorSegments,
  recapParagraphs,
  repeatedHeadlines,
  repeatedNearby,
  stripBoilerplate,
  pageStopwords,
  stripBoilerplateParagraphs,
  trailingHeadingOf
} from "../stages/strip-boilerplate.js"
import { reviseWithContext } from "../stages/boilerplate/classifier.js"
import { ENGLISH_STOPWORDS, FRENCH_STOPWORDS, SPANISH_STOPWORDS } from "../stages/boilerplate/stopwords.js"
import { keySet } from "../stages/boilerplate/text-shape.js"

const lines = (text: string): string[] =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0)

const rules = compileRules(defaults)
const ruleOf = (line: string) => furnitureRule(line, rules)?.rule ?? null

describe("fixtures in tests/fixtures/boilerplate", () => {
  const dir = join(import.meta.dirname, "fixtures", "boilerplate")
  const names = readdirSync(dir)
    .filter((f) => f.endsWith(".txt") && !f.endsWith(".expected.txt"))
    .map((f) => f.slice(0, -4))
  it("has at least 15 dumps", () => {
    expect(names.length).toBeGreaterThanOrEqual(15)
  })
  for (const name of names) {
    it(name, () => {
      const input = lines(readFileSync(join(dir, `${name}.txt`), "utf8"))
      const expected = lines(readFileSync(join(dir, `${name}.expected.txt`), "utf8"))
      const r = stripBoilerplateParagraphs(input, defaults)
      expect(r.kept).toEqual(expected)
      // Nothing lost: every input paragraph is kept or in a removal, in order, with a rule and reason.
      expect(r.kept.length + r.removals.length).toBe(input.length)
      for (const x of r.removals) {
        expect(input[x.paragraph]).toBe(x.text)
        expect(x.rule.length).toBeGreaterThan(0)
        expect(x.reason.length).toBeGreaterThan(10)
      }
    })
  }
})

describe("body sentences that merely contain furniture words stay", () => {
  it.each([
    "\"People should read more about the treaty,\" he said.",
    "Popular support for the bloc has fallen",
    "Share prices fell by 3% on Monday after the announcement.",
    "Related talks will continue next week, the ministry said.",
    "Comments by the minister drew criticism from the opposition.",
    "Follow-up inspections are planned for the spring.",
    "The photo was taken by a neighbour and later shared widely.",
    "He wrote a letter to the editor in 1998."
  ])("%s", (line) => {
    expect(ruleOf(line)).toBeNull()
    expect(trailingHeadingOf(line, keySet(defaults.trailingHeadings), defaults.maxHeadingWords)).toBeNull()
  })

  it("keeps a body paragraph that starts with a furniture word inside a document", () => {
    const body = [
      "The committee published its final report on Tuesday after two years of hearings with more than ninety witnesses.",
      "Popular support for the bloc has fallen in every member state since the spring, the report found.",
      "Read more about the methodology in the appendix, the authors wrote, which lists every source they used."
    ]
    expect(stripBoilerplateParagraphs(body, defaults).kept).toEqual(body)
  })
})

describe("phrase and shape rules", () => {
  it.each([
    ["Read more: Kremlin: new bid will not improve security", "related-link"],
    ["READ ALSO – Storm season starts early", "related-link"],
    ["June 24 reportedThat Russia and Belarus will improve coordination.", "related-link"],
    ["Ivanov before commented The possibility of a new summit.", "related-link"],
    ["What are you thinking?", "comment-prompt"],
    ["Share on Facebook", "share-prompt"],
    ["Sign up for our newsletter", "subscribe-prompt"],
    ["We use cookies to give you the best experience.", "cookie-privacy"],
    ["© 2019 Example News, Inc.", "copyright"],
    ["Copyright 2020 Example Media. All rights reserved.", "copyright"],
    ["By Jane Doe", "byline"],
    ["Analysis by Chris Smith, Editor-at-large", "byline"],
    ["Published 11:26 pm EST, Tuesday, November 19, 2019", "timestamp"],
    ["13.11.2019, 23:06", "markup-residue"],
    ["Tuesday, November 19, 2019", "timestamp"],
    ["[                    ] [Go]", "markup-residue"],
    ["•", "markup-residue"],
    ["[print-head] https://example.com/news/article-1.html", "markup-residue"],
    ["Source: Gazeta", "source-credit"],
    ["photo: The Secretary General at the summit (archive picture).", "photo-credit"],
    ["A man walks past the ruins on Monday. (AP Photo/John Doe)", "photo-caption"],
    ["Smoke over the town. Photograph by Ann Lee/AFP/Getty Images", "photo-caption"],
    ["Democrats asked for an extraordinary primary election 02:24", "teaser-headline"],
    ["Representatives of the movement demanded that the party hold early elections against the...", "teaser-paragraph"],
    ["Write to Al Smith at al.smith@example.com", "author-contact"]
  ])("%s → %s", (line, rule) => {
    expect(ruleOf(line)).toBe(rule)
  })

  it("isCreditLine reads the label and value", () => {
    expect(isCreditLine("source: commonspace.eu with Itar-Tass.")).toEqual({ label: "source", value: "commonspace.eu with Itar-Tass." })
    expect(isCreditLine("Sources close to the talks said the deal was near.")).toBeNull()
  })

  it("trailing headings are whole lines or a heading and a separator", () => {
    const h = keySet(defaults.trailingHeadings)
    expect(trailingHeadingOf("Related articles", h, 10)).toBe("related articles")
    expect(trailingHeadingOf("More from author", h, 10)).toBe("more from author")
    expect(trailingHeadingOf("Related coverage from Money Basics:", h, 10)).toBe("related coverage")
    expect(trailingHeadingOf("Most read »", h, 10)).toBe("most read")
    expect(trailingHeadingOf("Latest news on the strike is expected later today.", h, 10)).toBeNull()
  })
})

describe("structure", () => {
  const body = (n: number) =>
    Array.from({ length: n }, (_, i) => `Paragraph ${i + 1} of the article explains in a full sentence what the officials said about the new plan and why it matters to the people of the region.`)

  it("a trailing block runs to the end, one event per paragraph", () => {
    const input = [...body(3), "Most read", "First teaser headline about something else", "Second teaser headline here", "A long teaser paragraph that is a full sentence and reads like prose because it was copied from the start of another article."]
    const r = stripBoilerplateParagraphs(input, defaults)
    expect(r.kept).toEqual(body(3))
    expect(r.removals.map((x) => x.rule)).toEqual(["popular-block", "popular-block", "popular-block", "popular-block"])
  })

  it("short article lines between ad slots stay; a prompt's own blurb goes", () => {
    const input = [body(1)[0]!, "Advertisement", "Nobody was hurt in the blast.", "Advertisement", ...body(2).slice(1)]
    expect(stripBoilerplateParagraphs(input, defaults).kept).toEqual([body(1)[0]!, "Nobody was hurt in the blast.", ...body(2).slice(1)])
    const widget = [...body(2), "Sign up for our newsletter", "Stories you will love.", "Subscribe", ...body(3).slice(2)]
    const r = stripBoilerplateParagraphs(widget, defaults)
    expect(r.kept).toEqual([...body(2), ...body(3).slice(2)])
    expect(r.removals.find((x) => x.text === "Stories you will love.")?.rule).toBe("widget-text")
  })

  it("a comments link near the top does not end the article that goes on", () => {
    const input = [...body(2), "Comments", ...body(5).slice(2)]
    expect(stripBoilerplateParagraphs(input, defaults).kept).toEqual(body(5))
  })

  it("a heading before any article text does not swallow the article", () => {
    const input = ["Trending", "Some teaser headline", ...body(3)]
    expect(stripBoilerplateParagraphs(input, defaults).kept).toEqual(body(3))
  })

  it("leading navigation is removed with the leading-navigation rule", () => {
    const input = ["Home", "World news and views", "Europe", "Markets today", ...body(4)]
    const r = stripBoilerplateParagraphs(input, defaults)
    expect(r.kept).toEqual(body(4))
    expect(r.removals.find((x) => x.text === "World news and views")?.rule).toBe("leading-navigation")
  })

  it("repeated caption copies nearby are all removed; distant repeats are left to dedupe", () => {
    const cap = "The minister arrives for the summit in the capital on Monday morning with her delegation."
    expect(repeatedNearby(["x", cap, cap, "y"], 3)).toEqual([1, 2])
    expect(repeatedNearby([cap, "a", "b", "c", "d", cap], 3)).toEqual([])
  })

  it("a summary stitched from several earlier paragraphs is a recap; a copy of one is not", () => {
    const a = "The regional airline will stop flying to three small airports in the north from June this year."
    const b = "Passenger numbers on the routes fell by almost half during the past decade as roads improved."
    expect(recapParagraphs([a, b, `${a} ${b}`], 5, 0.5)).toEqual([2])
    expect(recapParagraphs([a, b, a], 5, 0.5)).toEqual([])
  })

  it("a kept segment far from the article and much smaller than it is furniture", () => {
    const st = ["kept", "furniture", "kept", "kept", "furniture", "furniture", "ruled", "furniture", "furniture", "furniture", "kept"] as const
    const words = [10, 1, 200, 150, 1, 1, 1, 1, 1, 1, 30]
    expect([...minorSegments(st, words, 5, 0.25)]).toEqual([10])
    // Rule removals (ads, captions) do not split the article.
    const ads = ["kept", "ruled", "ruled", "ruled", "ruled", "ruled", "ruled", "kept"] as const
    expect(minorSegments(ads, [100, 1, 1, 1, 1, 1, 1, 20], 5, 0.25).size).toBe(0)
  })

  it("headline-shaped lines printed twice are furniture; repeated sentences are not", () => {
    const ps = ["Ferry returns to the old harbour", "Body sentence that is repeated here.", "x", "Ferry returns to the old harbour", "Body sentence that is repeated here."]
    expect(repeatedHeadlines(ps, ps.map((p) => !p.endsWith(".")), 4)).toEqual([0, 3])
  })

  it("the stage fills source from a credit line only when it is unknown", () => {
    const doc = makeDoc({ id: "t", sourceFile: "t.txt", paragraphs: [...body(2), "Source: Example Agency"] })
    const r = stripBoilerplate.run(doc, defaultOptions(stripBoilerplate))
    expect(r.doc.source).toBe("Example Agency")
    expect(r.events).toEqual([expect.objectContaining({ rule: "source-credit", action: "remove", text: "Source: Example Agency", paragraph: 2 })])
    const given = makeDoc({ id: "t", sourceFile: "t.txt", source: "given.example", paragraphs: [...body(2), "Source: Example Agency"] })
    expect(stripBoilerplate.run(given, defaultOptions(stripBoilerplate)).doc.source).toBe("given.example")
  })

  it("options decode from {} with every default", () => {
    expect(defaultOptions(stripBoilerplate).lengthLow).toBe(70)
    expect(defaultOptions(stripBoilerplate).trailingHeadings).toContain("related articles")
  })

  it("a 1 MB single line does not hang", () => {
    const big = "word ".repeat(200_000) + "reportedThat " + "a".repeat(100_000) + "..."
    const t = Date.now()
    stripBoilerplateParagraphs([big, "x".repeat(1_000_000), "[" + " ".repeat(500_000)], defaults)
    expect(Date.now() - t).toBeLessThan(5000)
  })
})

describe("pages in other languages and page-meta strips", () => {
  const en = new Set(ENGLISH_STOPWORDS)
  const fr = new Set(FRENCH_STOPWORDS)
  const es = new Set(SPANISH_STOPWORDS)
  it("picks the function-word list of the page's language from its long paragraphs", () => {
    const french = ["Le conseil municipal a voté jeudi soir la création d'une piste cyclable entre la gare et le campus de la ville."]
    const english = ["The council voted on Thursday evening to build a cycle lane between the station and the campus of the town."]
    expect(pageStopwords(french, [en, fr, es])).toBe(fr)
    expect(pageStopwords(english, [en, fr, es])).toBe(en)
    // Short menu lines alone say nothing about the language: the first (English) list is kept.
    expect(pageStopwords(["Accueil", "Politique"], [en, fr, es])).toBe(en)
  })
  it("reads block headings of other languages, with a topic after a heading that ends in a preposition", () => {
    const h = keySet(defaults.trailingHeadings)
    const list = keySet(defaults.listHeadings)
    expect(trailingHeadingOf("Las más leídas", h, 10, undefined, list)).toBe("las más leídas")
    expect(trailingHeadingOf("Sur le même sujet", h, 10, undefined, list)).toBe("sur le même sujet")
    expect(trailingHeadingOf("Más sobre Conflicto rural", h, 10, undefined, list)).toBe("más sobre")
    expect(trailingHeadingOf("More about the vaccine trial, officials said.", h, 10, undefined, list)).toBeNull()
    expect(trailingHeadingOf("Commentaires", h, 10, undefined, list)).toBe("commentaires")
  })
  it("takes out a byline and dateline strip, not a sentence that uses a separator", () => {
    expect(ruleOf("La Gazette | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 | Par Jeanne Martin")).toBe("byline")
    expect(ruleOf("The Courier | Published 12 March 2021, 14:05 | By Jane Roe")).toBe("byline")
    expect(ruleOf("The final score read Harbour 3 | Visitors 1 when the lights failed, and the match was abandoned.")).toBeNull()
    // Names alone, without a date or a byline, are a menu or a credit strip, not a byline.
    expect(ruleOf("Home | News | Sport")).toBeNull()
  })
  it("lets a headline-shaped line stand only between article text on both sides", () => {
    const initial = ["good", "near-good", "good", "near-good", "bad"] as const
    const headline = [false, true, false, true, false]
    expect(reviseWithContext([...initial], [], headline)).toEqual(["good", "good", "good", "bad", "bad"])
    // Without the flag it is jusText's rule: one article neighbour is enough.
    expect(reviseWithContext([...initial])).toEqual(["good", "good", "good", "good", "bad"])
  })
  it("takes out live-ticker items, handle lines and comment gates, not a timed sentence of a live blog", () => {
    expect(ruleOf("  • 14:44 Train strike called off after overnight talks")).toBe("teaser-headline")
    expect(ruleOf("9:05 pm Storm warning lifted")).toBe("teaser-headline")
    expect(ruleOf("21:10 Opposition leaders said they would wait for the final count.")).toBeNull()
    expect(ruleOf("@cityhall")).toBe("social-embed")
    expect(ruleOf("#trams #mobility")).toBe("social-embed")
    expect(ruleOf("You must login or create an account to comment.")).toBe("subscribe-prompt")
    const h = keySet(defaults.trailingHeadings)
    expect(trailingHeadingOf("Live", h, 10)).toBe("live")
    expect(trailingHeadingOf("Live music returns to the square", h, 10)).toBeNull()
  })
})
