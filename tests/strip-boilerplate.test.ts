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
  galleryBlocks,
  teaserCards,
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

  // Finishes within the test timeout (a backtracking pattern would not); `npm run bench -- adversarial` prints the times.
  it("1 MB lines built to make patterns backtrack are handled, and each is judged", () => {
    const big = "word ".repeat(200_000) + "reportedThat " + "a".repeat(100_000) + "..."
    const digits = "1 ".repeat(500_000) + "x"
    const inputs = [big, "x".repeat(1_000_000), "[" + " ".repeat(500_000), digits, digits, "Read more", digits]
    const r = stripBoilerplateParagraphs(inputs, defaults)
    expect(r.kept.length + r.removals.length).toBe(inputs.length)
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

describe("furniture kinds seen on a fresh real-page holdout (devset-real2)", () => {
  it("a site speaking about itself is furniture; a story about privacy is not", () => {
    expect(ruleOf("Read the rules you agree to by using this website in our Terms of Service.")).toBe("site-notice")
    expect(ruleOf("The Daily Post uses cookies and analytics trackers, and is supported by advertising.")).toBe("site-notice")
    expect(ruleOf("The Daily Post is published under a Creative Commons license except where otherwise noted.")).toBe("site-notice")
    expect(ruleOf("Facebook changed its privacy policy on Tuesday after regulators in Ireland opened an inquiry, the company said.")).toBeNull()
    expect(ruleOf("\"Our terms of service forbid this,\" a spokesman for the company said.")).toBeNull()
  })
  it("a newsletter plug written as a sentence is a subscribe prompt; a story about sign-ups is not", () => {
    expect(ruleOf("Every day, our editors send out a selection of the best stories. Sign up for the newsletter here.")).toBe("subscribe-prompt")
    expect(ruleOf("More than two million readers signed up for the paper's newsletter in its first week.")).toBeNull()
  })
  it("image file names printed as alt text are markup residue; ordinary words are not", () => {
    expect(ruleOf("Barbourxiloveponys2")).toBe("markup-residue")
    expect(ruleOf("rewilding-redonda-island")).toBe("markup-residue")
    expect(ruleOf("COVID-19")).toBeNull()
    expect(ruleOf("Paris")).toBeNull()
  })
  it("an alt text closed by an agency credit and a teaser cut with [...] are caught", () => {
    expect(ruleOf("Tahir Della (picture-alliance/dpa/L. Schwedes)")).toBe("photo-caption")
    expect(ruleOf("The owners say they will bake through the night for the first trains and sell the rest in the evening […]")).toBe("teaser-paragraph")
    expect(ruleOf("The deal was signed in Geneva/Vienna talks, officials said (Reuters/AP).")).toBeNull()
    expect(ruleOf("Fotos: Sophia Mahnert")).toBe("photo-credit")
  })
  it("`X recommends` opens a trailing block; a sentence ending in recommends does not", () => {
    const h = keySet(defaults.trailingHeadings)
    expect(trailingHeadingOf("DW recommends", h, 10)).toBe("dw recommends")
    expect(trailingHeadingOf("Die Redaktion empfiehlt", h, 10)).not.toBeNull()
    expect(trailingHeadingOf("The panel of doctors now strongly recommends", h, 10)).toBeNull()
  })
  it("teaser cards need a headline, an excerpt and a read-more link, and come in lists", () => {
    const page = [
      "Article headline", "Long article paragraph about the council and the buses, with plenty of words in it.",
      "Bakery opens in the station", "[img]", "The owners say they will bake through the night for the first trains.", "READ THE REST",
      "Five walks along the river", "[img]", "These walks take between one and three hours and start in the centre.", "READ THE REST"
    ]
    const headline = page.map((p) => !/[.!?]$/.test(p) && p.split(" ").length <= 20 && !p.startsWith("["))
    expect(teaserCards(page, (i) => page[i]!.startsWith("["), headline)).toEqual([2, 4, 6, 8])
    // One "Read more" under a lead paragraph is the article's own expander.
    const single = ["Headline", "The lead paragraph of the article, which the site cuts after one paragraph.", "Read more", "More of the article follows here."]
    expect(teaserCards(single, () => false, single.map((p) => !/[.!?]$/.test(p)))).toEqual([])
  })
  it("a slideshow is found from its title repeated before each picture, and stops after the last item", () => {
    const page = ["Intro paragraph.", "pic 1", "Gallery title here", "Item one", "Text one.", "pic 2", "Gallery title here", "Item two", "Text two.", "pic 3", "Gallery title here", "Item three", "Text three.", "The article goes on."]
    const headline = page.map((p) => !/[.]$/.test(p))
    expect(galleryBlocks(page, headline)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    // Two copies are a teaser repeated, not a gallery.
    expect(galleryBlocks(page.slice(0, 9), headline)).toEqual([])
  })
  it("one subheading between paragraphs stays; two caption lines between paragraphs go", () => {
    const body = (s: string) => `${s} The council met on Monday and voted after a long debate that lasted most of the evening.`
    const r = stripBoilerplateParagraphs([body("First."), "Reaping the harvest", body("Second."), "Oak barrels in the cellar of the old abbey", "Oak barrels give the wine its flavour", body("Third.")], defaults)
    expect(r.kept).toContain("Reaping the harvest")
    expect(r.kept).not.toContain("Oak barrels give the wine its flavour")
    expect(r.removals.find((x) => x.text === "Oak barrels in the cellar of the old abbey")?.rule).toBe("photo-caption")
  })
})
