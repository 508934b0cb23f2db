// One golden test per seed: the whole pipeline over seeds/ against the copy of the expected
// clean form kept in tests/expected/ (so the repo tests itself without ../shared).
import { beforeAll, describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { runPipeline } from "../pipeline/runner.js"
import { loadedConfig, repoRoot, tempDir } from "./helpers.js"

interface Expected {
  id: string
  title: string | null
  published: string | null
  published_time?: string
  url: string | null
  source: string | null
  tags: string[]
  paragraphs: string[]
  removed: Array<{ text: string; kind: string; duplicate_of_paragraph?: number }>
  dates: Array<{ text: string; value: string }>
  entities: Record<string, string[]>
}

interface Annotation {
  paragraph: number
  start: number
  end: number
  text: string
}

const expectedDir = join(repoRoot, "tests/expected")
const seeds = readdirSync(expectedDir).filter((f) => f.endsWith(".json")).sort()
const squash = (s: string) => s.replace(/\s+/g, " ").trim()
// A definition `Long Name (ABBR)` may be annotated whole or as its long name.
const accepted = (form: string): string[] => {
  const m = /^(.+) \((\w[\w-]*)\)$/.exec(form)
  return m ? [form, m[1]!] : [form]
}

describe("golden seeds", () => {
  const corpus = new Map<string, Record<string, unknown>>()
  let audit: Array<{ doc: string; text: string }> = []

  beforeAll(async () => {
    const t = tempDir()
    try {
      await Effect.runPromise(runPipeline({ input: join(repoRoot, "seeds"), output: join(t.path, "out"), loaded: loadedConfig(), only: null, history: false }))
      for (const line of readFileSync(join(t.path, "out", "corpus.jsonl"), "utf8").trim().split("\n")) {
        const rec = JSON.parse(line) as Record<string, unknown>
        corpus.set(rec["id"] as string, rec)
      }
      audit = readFileSync(join(t.path, "out", "audit.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l))
    } finally {
      t.cleanup()
    }
  })

  for (const file of seeds) {
    const exp = JSON.parse(readFileSync(join(expectedDir, file), "utf8")) as Expected
    describe(exp.id, () => {
      it("fields", () => {
        const got = corpus.get(exp.id)!
        expect(got).toBeDefined()
        expect({ title: got["title"], published: got["published"], url: got["url"], source: got["source"], tags: got["tags"] }).toEqual({
          title: exp.title,
          published: exp.published,
          url: exp.url,
          source: exp.source,
          tags: exp.tags
        })
        if (exp.published_time !== undefined) expect(got["published_time"]).toBe(exp.published_time)
      })

      it("paragraphs", () => {
        const got = corpus.get(exp.id)!
        expect(got["paragraphs"]).toEqual(exp.paragraphs)
        expect(got["text"]).toBe(exp.paragraphs.join("\n\n"))
      })

      it("removed text is gone and in the audit", () => {
        const kept = squash(corpus.get(exp.id)!["text"] as string)
        const trail = squash(audit.filter((e) => e.doc === exp.id).map((e) => e.text).join(" "))
        for (const r of exp.removed)
          for (const line of r.text.split("\n").filter((l) => l.trim())) {
            const s = squash(line)
            if (r.duplicate_of_paragraph !== undefined) expect(kept.split(s).length - 1, s).toBeLessThanOrEqual(1)
            else if (s.length >= 12) expect(kept, s).not.toContain(s)
            expect(trail, `${r.kind}: ${s}`).toContain(s)
          }
      })

      it("dates", () => {
        const got = corpus.get(exp.id)!
        const dates = got["dates"] as Array<Annotation & { value: string }>
        for (const d of exp.dates) {
          const want = d.text.toLowerCase()
          const hits = dates.filter((x) => want.includes(x.text.toLowerCase()) || x.text.toLowerCase().includes(want))
          expect(hits.map((h) => h.value), d.text).toContain(d.value)
        }
      })

      it("entities and annotation offsets", () => {
        const got = corpus.get(exp.id)!
        const paras = got["paragraphs"] as string[]
        const ents = got["entities"] as Array<Annotation & { canonical: string }>
        for (const a of [...(got["dates"] as Annotation[]), ...ents]) expect(paras[a.paragraph]!.slice(a.start, a.end)).toBe(a.text)
        for (const [canonical, forms] of Object.entries(exp.entities))
          for (const form of forms) expect(ents.some((x) => accepted(form).includes(x.text) && x.canonical === canonical), `${form} → ${canonical}`).toBe(true)
      })
    })
  }
})
