import { describe, expect, it } from "@effect/vitest"
import { Chunk, Effect, Stream } from "effect"
import { makeDoc } from "../pipeline/model.js"
import { defaultOptions, type Flow } from "../pipeline/stage.js"
import { lineHash, SiteLineCounter, stripSiteFurniture } from "../stages/strip-site-furniture.js"

const slogan = "Independent journalism from the heart of the valley since 1887."
const promo = "Get the full story every morning with our award-winning print edition."
const doc = (id: string, source: string | null, body: string[]) =>
  makeDoc({ id, sourceFile: `${id}.txt`, source, paragraphs: body })
const flow = (d: ReturnType<typeof doc>, dropped = false): Flow => ({ doc: d, events: [], dropped })

const ctx = { runId: "test-run", stateDir: "/tmp/unused", history: false }

describe("strip-site-furniture", () => {
  it("removes lines that recur across a site's documents, keeps each page's own text, keeps order", async () => {
    const flows = Array.from({ length: 5 }, (_, i) =>
      flow(doc(`d${i}`, "valley.example", [slogan, `Article ${i} reports that the council met on day ${i} and voted on the budget for the new school.`, promo]))
    )
    const other = flow(doc("x", "other.example", [slogan, "A story from another site that happens to quote the same slogan line."]))
    const out = await Effect.runPromise(
      Stream.runCollect(stripSiteFurniture.run(Stream.fromIterable([...flows, other]), defaultOptions(stripSiteFurniture), ctx))
    )
    const docs = Chunk.toReadonlyArray(out)
    expect(docs.map((f) => f.doc.id)).toEqual(["d0", "d1", "d2", "d3", "d4", "x"])
    for (const f of docs.slice(0, 5)) {
      expect(f.doc.paragraphs).toHaveLength(1)
      expect(f.events.map((e) => [e.stage, e.rule, e.text])).toEqual([
        ["strip-site-furniture", "site-repeated-line", slogan],
        ["strip-site-furniture", "site-repeated-line", promo]
      ])
      expect(f.events[0]!.reason).toMatch(/5 of the 5 documents from valley\.example/)
    }
    // Another site's single use of the same line is not furniture there.
    expect(docs[5]!.doc.paragraphs).toHaveLength(2)
  })

  it("needs minDocs documents and leaves documents that would mostly vanish (copies) to dedupe", () => {
    const o = defaultOptions(stripSiteFurniture)
    const c = new SiteLineCounter(o, "r")
    c.push(flow(doc("a", "s.example", [slogan, "Own text of the first article, long enough to count as a line."])))
    c.push(flow(doc("b", "s.example", [slogan, "Own text of the second article, long enough to count as a line."])))
    // Two documents are not enough evidence.
    expect(c.flush().every((f) => f.events.length === 0)).toBe(true)

    const copies = new SiteLineCounter(o, "r")
    const same = ["The same wire story printed three times by one site, word for word, in full.", slogan]
    for (const id of ["c1", "c2", "c3"]) copies.push(flow(doc(id, "s.example", same)))
    expect(copies.flush().every((f) => f.doc.paragraphs.length === 2)).toBe(true)
  })

  it("passes dropped flows and documents without a source through untouched", () => {
    const c = new SiteLineCounter(defaultOptions(stripSiteFurniture), "r")
    const dropped = flow(doc("d", "s.example", [slogan]), true)
    const anon = flow(doc("n", null, [slogan]))
    for (let i = 0; i < 4; i++) c.push(flow(doc(`s${i}`, "s.example", [slogan, `Body text number ${i} of this site with enough words in it.`])))
    c.push(dropped)
    c.push(anon)
    const out = c.flush()
    expect(out.find((f) => f.doc.id === "d")).toBe(dropped)
    expect(out.find((f) => f.doc.id === "n")).toBe(anon)
  })

  it("holds at most `window` documents back", () => {
    const c = new SiteLineCounter({ ...defaultOptions(stripSiteFurniture), window: 2 }, "r")
    expect(c.push(flow(doc("1", "s", ["a line of text here"])))).toHaveLength(0)
    expect(c.push(flow(doc("2", "s", ["a line of text here"])))).toHaveLength(0)
    expect(c.push(flow(doc("3", "s", ["a line of text here"])))).toHaveLength(1)
  })

  it("groups by the URL's host before the credited source", () => {
    const c = new SiteLineCounter(defaultOptions(stripSiteFurniture), "r")
    const credits = ["Agency One", "Agency Two", "Agency Three"]
    credits.forEach((src, i) =>
      c.push(flow(makeDoc({ id: `u${i}`, sourceFile: "f", source: src, url: `https://www.site.example/a/${i}`, paragraphs: [slogan, `Own article text number ${i}, with enough words to stand alone here.`] })))
    )
    expect(c.flush().every((f) => f.doc.paragraphs.length === 1)).toBe(true)
  })

  it("hashes are stable and spread", () => {
    expect(lineHash("abc")).toBe(lineHash("abc"))
    expect(lineHash("abc")).not.toBe(lineHash("abd"))
  })
})
