import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { listInputs, type ReadItem, readInput, readInputStream } from "../pipeline/read.js"
import { Stream } from "effect"
import iconv from "iconv-lite"
import { loadedConfig, repoRoot, tempDir } from "./helpers.js"

const fixtures = join(repoRoot, "tests/fixtures/readers")
const defaults = loadedConfig().config

const docs = (items: ReadItem[]) => items.flatMap((i) => (i._tag === "Doc" ? [i.doc] : []))
const rejections = (items: ReadItem[]) => items.flatMap((i) => (i._tag === "Rejected" ? [i] : []))

describe("readers", () => {
  it.effect("a .txt dump is one document named after its file stem", () =>
    Effect.gen(function* () {
      const items = yield* readInput({ path: join(repoRoot, "seeds/000_8d47757346265ea4.txt"), display: "seeds/000_8d47757346265ea4.txt" }, defaults)
      expect(items).toHaveLength(1)
      const [doc] = docs(items)
      expect(doc!.id).toBe("000_8d47757346265ea4")
      expect(doc!.body.startsWith(" date 2024-07-13")).toBe(true)
      expect(doc!.given).toEqual([])
    })
  )

  it.effect("JSONL: one article per line, given fields kept, bad lines rejected with their line number", () =>
    Effect.gen(function* () {
      const items = yield* readInput({ path: join(fixtures, "articles.jsonl"), display: "articles.jsonl" }, defaults)
      const ds = docs(items)
      expect(ds.map((d) => d.id)).toEqual(["wire-001", "wire-002", "articles-6"])
      expect(ds[0]).toMatchObject({ title: "Port strike enters second week", url: "https://news.example.org/port-strike", published: "2024-03-05", source: "Example Wire" })
      expect(ds[0]!.given).toEqual(["title", "url", "published", "source"])
      expect(ds[1]!.given).toEqual([])
      const rs = rejections(items)
      expect(rs.map((r) => r.reason)).toEqual([
        expect.stringMatching(/^malformed JSON on line 3/),
        expect.stringMatching(/^malformed JSON on line 4/),
        expect.stringMatching(/^line 5 has no "text"/)
      ])
      // The rejected line's text is kept in the audit, so nothing is lost.
      expect(rs[1]!.text).toBe("not json at all")
    })
  )

  it.effect("CSV: columns mapped by the config, multi-line cells, malformed rows rejected and the rest read", () =>
    Effect.gen(function* () {
      const config = loadedConfig({ csv: { columns: { id: "article_id", title: "headline", text: "body", url: "link", published: "date", source: "outlet" } } }).config
      const items = yield* readInput({ path: join(fixtures, "export.csv"), display: "export.csv" }, config)
      const ds = docs(items)
      expect(ds.map((d) => d.id)).toEqual(["csv-1", "csv-2"])
      expect(ds[0]).toMatchObject({ title: "Council votes, then adjourns", url: "https://city.example.com/a", published: "2024-05-02", source: "City Desk" })
      expect(ds[0]!.body).toBe("The council voted 7-2 on Tuesday.\n\nIt adjourned until May.")
      expect(ds[1]!.body).toBe('He said "no" twice, then left.')
      const rs = rejections(items)
      expect(rs).toHaveLength(2)
      expect(rs[0]!.reason).toMatch(/malformed CSV row ending on line 6/)
      expect(rs[1]!.reason).toMatch(/empty "body" cell/)
    })
  )

  it.effect("CSV without the text column is rejected with the columns it has", () =>
    Effect.gen(function* () {
      const items = yield* readInput({ path: join(fixtures, "export.csv"), display: "export.csv" }, defaults)
      expect(rejections(items)[0]!.reason).toMatch(/no "text" column .*article_id, headline, body/)
    })
  )

  it.effect("a folder lists .txt, .jsonl, .ndjson and .csv files, sorted, and refuses links that leave it", () =>
    Effect.gen(function* () {
      const t = tempDir()
      try {
        const dir = join(t.path, "in")
        mkdirSync(dir)
        for (const n of ["b.txt", "a.jsonl", "c.csv", "d.ndjson", "notes.md", "e.TXT"]) writeFileSync(join(dir, n), "x")
        writeFileSync(join(t.path, "outside.txt"), "secret")
        symlinkSync(join(t.path, "outside.txt"), join(dir, "f.txt"))
        symlinkSync(join(dir, "b.txt"), join(dir, "g.txt"))
        const files = yield* listInputs(dir)
        expect(files.map((f) => f.path.slice(dir.length + 1))).toEqual(["a.jsonl", "b.txt", "c.csv", "d.ndjson", "e.TXT", "f.txt", "g.txt"])
        expect(files.find((f) => f.path.endsWith("f.txt"))!.refused).toMatch(/leaves the input folder/)
        expect(files.find((f) => f.path.endsWith("g.txt"))!.refused).toBeUndefined()
      } finally {
        t.cleanup()
      }
    })
  )

  it.effect("JSONL and CSV exports larger than maxFileBytes are streamed record by record, with the same result", () =>
    Effect.gen(function* () {
      const small = loadedConfig({ maxFileBytes: 280, csv: { columns: { id: "article_id", title: "headline", text: "body", url: "link", published: "date", source: "outlet" } } }).config
      const whole = loadedConfig({ csv: small.csv }).config
      for (const name of ["articles.jsonl", "export.csv"]) {
        const file = { path: join(fixtures, name), display: name }
        const streamed = [...(yield* Stream.runCollect(yield* readInputStream(file, small)))]
        const read = yield* readInput(file, whole)
        const summary = (items: ReadItem[]) => items.map((i) => (i._tag === "Doc" ? `doc ${i.doc.id} ${i.doc.body}` : `rejected ${i.id} ${i.reason}`))
        expect(summary(streamed).sort(), name).toEqual(summary(read).sort())
      }
    })
  )

  it.effect("a large CSV export in a legacy encoding is detected and streamed", () =>
    Effect.gen(function* () {
      const t = tempDir()
      try {
        const path = join(t.path, "legacy.csv")
        const rows = Array.from({ length: 40 }, (_, i) => `r${i},"Les cafés de Zürich ont protesté le ${i} mai, « injuste » selon les propriétaires."`)
        writeFileSync(path, iconv.encode(["id,text", ...rows].join("\r\n"), "windows-1252"))
        const items = [...(yield* Stream.runCollect(yield* readInputStream({ path, display: "legacy.csv" }, loadedConfig({ maxFileBytes: 500 }).config)))]
        expect(docs(items)).toHaveLength(40)
        expect(docs(items)[3]).toMatchObject({ id: "r3", encoding: "windows-1252", body: "Les cafés de Zürich ont protesté le 3 mai, « injuste » selon les propriétaires." })
      } finally {
        t.cleanup()
      }
    })
  )

  it.effect("a streamed JSONL line with invalid UTF-8 or over the limit is rejected alone", () =>
    Effect.gen(function* () {
      const t = tempDir()
      try {
        const path = join(t.path, "big.jsonl")
        const good = (id: string) => JSON.stringify({ id, text: "Some text." })
        writeFileSync(path, Buffer.concat([Buffer.from(`${good("a")}\n`), Buffer.from('{"id": "b", "text": "bad \xff byte"}\n', "latin1"), Buffer.from(`${good("c")}\n{"id": "d", "text": "${"x".repeat(500)}"}\n${good("e")}`)]))
        const config = loadedConfig({ maxFileBytes: 200 }).config
        const items = [...(yield* Stream.runCollect(yield* readInputStream({ path, display: "big.jsonl" }, config)))]
        expect(docs(items).map((d) => d.id)).toEqual(["a", "c", "e"])
        expect(rejections(items).map((r) => r.reason)).toEqual([
          expect.stringMatching(/^invalid UTF-8 on line 2 at byte offset 56 /),
          expect.stringMatching(/^line 4 is longer than the limit of 200 bytes/)
        ])
      } finally {
        t.cleanup()
      }
    })
  )

  it.effect("a missing input is an input error, not a crash", () =>
    Effect.gen(function* () {
      const r = yield* Effect.flip(listInputs("/no/such/folder"))
      expect(r.message).toMatch(/cannot read input \/no\/such\/folder/)
    })
  )
})
