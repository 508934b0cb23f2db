import { describe, expect, it } from "@effect/vitest"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { makeDoc } from "../pipeline/model.js"
import { defaultOptions } from "../pipeline/stage.js"
import { dedupeParagraphList, dedupeParagraphs } from "../stages/dedupe-paragraphs.js"
import { quotesBalanced, splitAttribution, splitSentences } from "../stages/text/sentences.js"
import { foldText } from "../stages/text/similarity.js"
import { mulberry32 } from "./fixtures/dedupe/synthetic.js"
import { repoRoot } from "./helpers.js"

const options = defaultOptions(dedupeParagraphs)
const fixture = (name: string): string[] =>
  readFileSync(join(repoRoot, "tests/fixtures/dedupe", name), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
const texts = (s: string) => splitSentences(s).map((x) => x.text)

describe("splitSentences", () => {
  it("does not split at abbreviations, initials, decimals or dotted acronyms", () => {
    expect(texts("Dr. Karl Weiss met J. R. Smith of the U.S. embassy at 10 a.m. today. Prices rose 2.5 percent. Gen. Lee left.")).toEqual([
      "Dr. Karl Weiss met J. R. Smith of the U.S. embassy at 10 a.m. today.",
      "Prices rose 2.5 percent.",
      "Gen. Lee left."
    ])
  })

  it("keeps closing quotes with their sentence and splits before an opening quote", () => {
    expect(texts(`"We will win. They know it," he said. "Nobody doubts it." Then he left! Why? Nobody asked.`)).toEqual([
      `"We will win.`,
      `They know it," he said.`,
      `"Nobody doubts it."`,
      "Then he left!",
      "Why?",
      "Nobody asked."
    ])
  })

  it("does not split a quoted exclamation followed by its attribution", () => {
    expect(texts(`"Stop!" he shouted at the crowd. It worked.`)).toEqual([`"Stop!" he shouted at the crowd.`, "It worked."])
  })

  it("handles curly quotes", () => {
    expect(texts("“First one. Second one,” she said. “Third.”")).toEqual(["“First one.", "Second one,” she said.", "“Third.”"])
  })

  it("offsets point at the text", () => {
    const p = `  "One is here. Two is there," he said.  Three. `
    for (const s of splitSentences(p)) expect(p.slice(s.start, s.end)).toBe(s.text)
  })

  it("separates a quotation's words from its attribution", () => {
    expect(splitAttribution(`This is the core," the minister said.`)).toEqual({ core: "This is the core", tail: `," the minister said.` })
    expect(splitAttribution("No quote here, he said.")).toEqual({ core: "No quote here, he said.", tail: "" })
  })

  it("is linear on a 1 MB line", () => {
    const line = "word. ".repeat(200_000) + "x".repeat(1_000_000) + ' "'.repeat(1000)
    const t0 = performance.now()
    splitSentences(line)
    splitAttribution(line)
    foldText(line)
    expect(performance.now() - t0).toBeLessThan(3000)
  })
})

describe("dedupe-paragraphs", () => {
  it("removes exact, near and sentence-level repeats and keeps short legitimate repeats", () => {
    const paras = fixture("repeats-article.txt")
    const r = dedupeParagraphList("d1", paras, options)
    expect(r.paragraphs).toEqual([
      paras[0],
      "Reuters",
      paras[2],
      paras[3],
      paras[4],
      "Reuters",
      `"The vote shows what the city wants," the mayor said. "The money was found without new debt. The trams will run by 2027."`,
      "Work starts in spring.",
      "Work starts in spring."
    ])
    const byRule = (rule: string) => r.events.filter((e) => e.rule === rule)
    expect(byRule("repeated-paragraph")).toMatchObject([{ text: paras[6], paragraph: 6, duplicate_of: { doc: "d1", paragraph: 2 }, action: "remove" }])
    expect(byRule("near-duplicate-paragraph")).toMatchObject([{ text: paras[7], paragraph: 7, duplicate_of: { doc: "d1", paragraph: 3 } }])
    expect(byRule("near-duplicate-paragraph")[0]!.reason).toMatch(/similar/)
    expect(byRule("repeated-sentence")).toMatchObject([{ text: "We have waited for this investment for a decade.", paragraph: 8, duplicate_of: { doc: "d1", paragraph: 2 } }])
  })

  it("keeps the quotation well-formed and the attribution when repeated sentences end a quote", () => {
    const paras = fixture("quote-attribution.txt")
    const r = dedupeParagraphList("d2", paras, options)
    expect(r.paragraphs[2]).toBe(`"Rail lines to the south are being repaired around the clock," the minister added. "We expect the first trains within weeks."`)
    expect(quotesBalanced(r.paragraphs[2]!)).toBe(true)
    const removed = r.events.filter((e) => e.rule === "repeated-sentence").map((e) => e.text)
    expect(removed).toEqual(["Prices for grain have doubled since the harbour closed in March.", "Farmers cannot sell what they grew last year"])
    // The changed period is recorded, not silently lost.
    expect(r.events.find((e) => e.rule === "repeated-sentence-punctuation")).toMatchObject({ action: "replace", text: ".", replacement: "," })
  })

  it("moves an opening quote to the next kept sentence and removes a whole repeated quotation with its marks", () => {
    const first = "Officials said the harbour would reopen once the mines in the bay had been cleared."
    const r = dedupeParagraphList("d3", [first, `"Officials said the harbour would reopen once the mines in the bay had been cleared. We are ready to help," the envoy said.`], options)
    expect(r.paragraphs[1]).toBe(`"We are ready to help," the envoy said.`)
    const r2 = dedupeParagraphList("d4", [first, `The talks went on. "Officials said the harbour would reopen once the mines in the bay had been cleared." More ships waited outside.`], options)
    expect(r2.paragraphs[1]).toBe("The talks went on. More ships waited outside.")
    expect(r2.events[0]!.text).toBe(`"Officials said the harbour would reopen once the mines in the bay had been cleared."`)
  })

  it("every removed word is in the audit", () => {
    for (const name of ["repeats-article.txt", "quote-attribution.txt"]) {
      const paras = fixture(name)
      const r = dedupeParagraphList("d", paras, options)
      const kept = r.paragraphs.join(" ")
      const audit = r.events.map((e) => e.text).join(" ")
      const words = (s: string) => foldText(s).split(" ")
      const count = (ws: string[]) => ws.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>())
      const before = count(words(paras.join(" ")))
      const after = count([...words(kept), ...words(audit)])
      for (const [w, n] of before) expect(after.get(w) ?? 0, w).toBeGreaterThanOrEqual(n)
    }
  })

  it("keeps different paragraphs on the same subject", () => {
    const paras = [
      "The central bank raised its key interest rate by half a point to 5.5 percent on Thursday.",
      "The central bank kept its key interest rate unchanged at 5.5 percent on Thursday, as expected.",
      "Analysts had expected the central bank to raise its key rate by a quarter point on Thursday."
    ]
    expect(dedupeParagraphList("d", paras, options).paragraphs).toEqual(paras)
  })

  it("solves seed 001 exactly", () => {
    const id = "001_9adb4a75e9006f09"
    const paras = readFileSync(join(repoRoot, "seeds", `${id}.txt`), "utf8").split("\n").map((l) => l.trim()).filter(Boolean)
    const expected = JSON.parse(readFileSync(join(repoRoot, "tests/expected", `${id}.json`), "utf8")) as { paragraphs: string[]; removed: Array<{ text: string; duplicate_of_paragraph: number }> }
    const out = dedupeParagraphs.run(makeDoc({ id, sourceFile: `${id}.txt`, paragraphs: paras }), options)
    expect(out.doc.paragraphs).toEqual(expected.paragraphs)
    const audit = out.events.map((e) => e.text).join(" ")
    for (const r of expected.removed) expect(audit).toContain(r.text)
    for (const e of out.events.filter((e) => e.duplicate_of)) expect(paras[e.duplicate_of!.paragraph!]).toBeDefined()
  })

  it("the prefilter keeps a long article far from a quadratic number of edit distances", () => {
    const rand = mulberry32(5)
    const words = Array.from({ length: 3000 }, () => Array.from({ length: 2 + Math.floor(rand() * 8) }, () => "etaoinshrdlucmfwypvbgkjqxz"[Math.floor(Math.pow(rand(), 1.5) * 26)]).join(""))
    const paras = Array.from({ length: 1500 }, () => Array.from({ length: 30 }, () => words[Math.floor(rand() * words.length)]).join(" ") + ".")
    const t0 = performance.now()
    const r = dedupeParagraphList("long", paras, options)
    const ms = performance.now() - t0
    expect(r.paragraphs.length).toBe(1500)
    expect(r.distances).toBeLessThan((1500 * 1499) / 2 / 100)
    expect(ms).toBeLessThan(8000)
  })

  it("compares very long paragraphs without edit distance", () => {
    const rand = mulberry32(3)
    const big = Array.from({ length: 20_000 }, () => Math.floor(rand() * 1e9).toString(36)).join(" ") + "."
    const t0 = performance.now()
    const r = dedupeParagraphList("big", [big, big + " Extra words at the end of it."], options)
    expect(r.paragraphs.length).toBe(1)
    expect(performance.now() - t0).toBeLessThan(5000)
  })

  it("does not take a sentence with a changed figure or a changed key word for a repeat", () => {
    const paras = [
      "Sales of electric cars rose 12 percent in Germany in the first half of the year, the association said.",
      "Sales of electric cars rose 21 percent in Germany in the first half of the year, the association said.",
      "The company said its quarterly profit rose sharply on strong demand for its new cloud services in Asia.",
      "The company said its quarterly revenue fell sharply on weak demand for its new cloud services in Asia."
    ]
    expect(dedupeParagraphList("d", paras, options).paragraphs).toEqual(paras)
  })

  it("the default threshold separates edited repeats from different sentences (measured)", () => {
    // Near repeats: 1 or 2 words replaced in a 15–40 word sentence; different: two sentences sharing a third of their words in place.
    const rand = mulberry32(11)
    const vocab = Array.from({ length: 2000 }, () => Array.from({ length: 2 + Math.floor(rand() * 8) }, () => "etaoinshrdlucmfwypvbgkjqxz"[Math.floor(Math.pow(rand(), 1.5) * 26)]).join(""))
    const word = () => vocab[Math.floor(rand() * vocab.length)]!
    const trials = 300
    const found = [0, 0, 0]
    let falseHit = 0
    for (let t = 0; t < trials; t++) {
      const base = Array.from({ length: 15 + Math.floor(rand() * 26) }, word).join(" ")
      for (const edits of [1, 2]) {
        const ws = base.split(" ")
        for (let e = 0; e < edits; e++) ws[Math.floor(rand() * ws.length)] = word()
        if (dedupeParagraphList("m", [base, ws.join(" ")], options).paragraphs.length === 1) found[edits]!++
      }
      const other = base.split(" ").map((w) => (rand() < 0.66 ? word() : w)).join(" ")
      if (dedupeParagraphList("m", [base, other], options).paragraphs.length === 1) falseHit++
    }
    console.log(`dedupe-paragraphs threshold ${options.threshold}: repeats found with 1 word changed ${found[1]}/${trials}, with 2 words changed ${found[2]}/${trials}; different sentences taken for repeats ${falseHit}/${trials}`)
    expect(found[1]! / trials).toBeGreaterThanOrEqual(0.95)
    expect(found[2]! / trials).toBeGreaterThanOrEqual(0.75)
    expect(falseHit).toBe(0)
  })

})
