// Property tests over generated articles: no stage throws, every word of the input survives in the
// clean document or in one of its audit events, and running twice gives the same output.
import { describe, expect, it } from "@effect/vitest"
import { Effect, Stream } from "effect"
import fc from "fast-check"
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { makeDoc } from "../pipeline/model.js"
import { applyStages, runPipeline, type StageStats } from "../pipeline/runner.js"
import type { Flow } from "../pipeline/stage.js"
import { registry } from "../stages/index.js"
import { loadedConfig, tempDir } from "./helpers.js"

const words = ["council", "minister", "said", "Tuesday", "the", "of", "report", "talks", "budget", "NATO", "Lavrov", "election", "city", "river", "prices", "rose", "percent", "court", "ruled", "that", "in", "and", "a", "police", "Zürich", "Москва", "naïve", "café", "2024", "3.5", "U.S.", "e.g."]
const furniture = [
  "Related articles",
  "Read more: Officials weigh new plan",
  "Source: Example Wire",
  "Photo: A crowd gathers (file picture).",
  "What do you think?",
  "Share this article",
  "Subscribe to our newsletter",
  "© 2024 Example Media. All rights reserved.",
  "Most read",
  "Editor's choice",
  "Home | News | Sport | Weather",
  "Sign in",
  "tags",
  "world news",
  "12:40",
  "23.07.2024, 19:01"
]

const unicodeNoise = fc.constantFrom("\u00A0", "\u200B", "\t", "  ", "\r\n", "\u0301", "“", "”", "‘", "’", "—", "…", "🙂", "\uFEFF", "e\u0301")

const sentence = fc
  .tuple(fc.array(fc.constantFrom(...words), { minLength: 3, maxLength: 18 }), fc.constantFrom(".", "!", "?", ",\" he said.", "..."), fc.array(unicodeNoise, { maxLength: 2 }))
  .map(([ws, end, noise]) => {
    const s = ws.join(" ")
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}${end}${noise.join("")}`
  })

const paragraph = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((ss) => ss.join(" "))

/** An article: an optional header and headline, body paragraphs with furniture mixed in, some repeated. */
const article = fc
  .record({
    header: fc.boolean(),
    headline: fc.option(fc.array(fc.constantFrom(...words), { minLength: 3, maxLength: 10 }).map((w) => w.join(" ")), { nil: null }),
    body: fc.array(fc.oneof({ weight: 5, arbitrary: paragraph }, { weight: 2, arbitrary: fc.constantFrom(...furniture) }), { minLength: 1, maxLength: 14 }),
    repeats: fc.array(fc.nat(20), { maxLength: 3 }),
    glue: fc.boolean(),
    sep: fc.constantFrom("\n", "\n\n", "\r\n\r\n")
  })
  .map(({ header, headline, body, repeats, glue, sep }) => {
    const paras = [...body]
    for (const r of repeats) paras.push(paras[r % paras.length]!)
    if (glue && paras.length > 2) paras.splice(1, 2, `${paras[1]}${paras[2]}`)
    const lines = [...(header ? [" date 2024-07-13 https://news.example.org/a/1"] : []), ...(headline ? [headline] : []), ...paras]
    return lines.join(sep)
  })

const tokens = (s: string): Map<string, number> => {
  const m = new Map<string, number>()
  for (const w of s.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) m.set(w, (m.get(w) ?? 0) + 1)
  return m
}

const runStages = (body: string): Flow => {
  const loaded = loadedConfig()
  const stats: StageStats[] = []
  const input = Stream.make<Flow[]>({ doc: makeDoc({ id: "gen", sourceFile: "gen.txt", body }), events: [], dropped: false })
  const out = Effect.runSync(Stream.runCollect(applyStages(input, registry, loaded, "prop", false, stats)))
  return [...out][0]!
}

describe("properties", () => {
  it("no stage throws, and every word of the input is in the clean document or in an audit event", () => {
    fc.assert(
      fc.property(article, (body) => {
        const flow = runStages(body)
        const rejected = flow.events.find((e) => e.action === "reject-document")
        expect(rejected?.reason).toBeUndefined()
        const d = flow.doc
        const kept = flow.dropped ? "" : [d.title ?? "", ...d.paragraphs, d.body].join("\n")
        const trail = flow.events.map((e) => e.text).join("\n")
        const have = tokens(`${kept}\n${trail}`)
        for (const [w, n] of tokens(body)) expect(have.get(w) ?? 0, `word "${w}" lost from:\n${body}`).toBeGreaterThanOrEqual(n)
      }),
      { numRuns: 150, seed: 20261122 }
    )
  })

  it("every annotation points at its text", () => {
    fc.assert(
      fc.property(article, (body) => {
        const { doc } = runStages(body)
        for (const a of [...doc.dates, ...doc.entities]) expect(doc.paragraphs[a.paragraph]?.slice(a.start, a.end)).toBe(a.text)
      }),
      { numRuns: 100, seed: 20261123 }
    )
  })

  it.effect("running twice over the same input gives the same output", () =>
    Effect.gen(function* () {
      const t = tempDir()
      try {
        const input = join(t.path, "in")
        mkdirSync(input)
        const samples = fc.sample(article, { numRuns: 40, seed: 42 })
        samples.forEach((body, i) => writeFileSync(join(input, `a${String(i).padStart(2, "0")}.txt`), body))
        const loaded = { ...loadedConfig(), baseDir: t.path }
        const once = yield* runPipeline({ input, output: join(t.path, "o1"), loaded, only: null, history: true })
        const twice = yield* runPipeline({ input, output: join(t.path, "o2"), loaded, only: null, history: true })
        expect(twice.kept).toBe(once.kept)
        const read = (dir: string, f: string) => readFileSync(join(t.path, dir, f), "utf8")
        expect(read("o2", "corpus.jsonl")).toBe(read("o1", "corpus.jsonl"))
        expect(read("o2", "corpus.csv")).toBe(read("o1", "corpus.csv"))
        const strip = (s: string) => s.replaceAll(once.run, "RUN").replaceAll(twice.run, "RUN")
        expect(strip(read("o2", "audit.jsonl"))).toBe(strip(read("o1", "audit.jsonl")))
      } finally {
        t.cleanup()
      }
    })
  )
})

describe("adversarial input", () => {
  // Each stage alone, on what would make a backtracking pattern explode; the bench prints the timings.
  const line = "word ".repeat(200_000)
  const run = "a".repeat(1_000_000)
  for (const stage of registry)
    it(`${stage.name} handles a 1 MB single line and a 1 MB run of one character`, () => {
      for (const text of [line, run, ".".repeat(1_000_000), "\"".repeat(1_000_000), "1 ".repeat(500_000), "- ".repeat(500_000), " ".repeat(999_999) + "x"]) {
        const flow = runStagesOnly(stage.name, text)
        expect(flow.events.find((e) => e.action === "reject-document")?.reason).toBeUndefined()
      }
    })
})

const runStagesOnly = (name: string, text: string): Flow => {
  const stage = registry.find((s) => s.name === name)!
  const doc = stage.needs === "paragraphs" ? makeDoc({ id: "adv", sourceFile: "adv.txt", paragraphs: [text] }) : makeDoc({ id: "adv", sourceFile: "adv.txt", body: text })
  const out = Effect.runSync(Stream.runCollect(applyStages(Stream.make<Flow[]>({ doc, events: [], dropped: false }), [stage], loadedConfig(), "adv", false, [])))
  return [...out][0]!
}
