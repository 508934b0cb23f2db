import { describe, expect, it } from "@effect/vitest"
import { parse } from "csv-parse/sync"
import { Effect, Schema, Stream } from "effect"
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { lockPathFor } from "../pipeline/lock.js"
import { makeDoc } from "../pipeline/model.js"
import { runPipeline } from "../pipeline/runner.js"
import { defineCorpusStage, defineDocumentStage, type Stage } from "../pipeline/stage.js"
import { csvCell, csvRow, fileNameFor } from "../pipeline/write.js"
import { registry } from "../stages/index.js"
import { loadedConfig, tempDir } from "./helpers.js"

const write = (dir: string, files: Record<string, string>) => {
  mkdirSync(dir, { recursive: true })
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
}

const run = (input: string, output: string, extra: { registry?: ReadonlyArray<Stage>; bom?: boolean } = {}) =>
  runPipeline({
    input,
    output,
    loaded: loadedConfig({ csv: { bom: extra.bom ?? false } }),
    only: null,
    history: false,
    ...(extra.registry ? { registry: extra.registry } : {})
  })

const nasty = {
  "a.jsonl": [
    { id: "f1", title: "=SUM(A1:A9)", source: "+cmd|' /C calc'!A0", text: '-2+3 is a "formula", with commas,\nand a newline.' },
    { id: "f2", title: "@IMPORT", source: " =1+1", text: "Plain\u0000text with a NUL." },
    { id: "f3", title: "\tTabbed", text: "Ordinary text." }
  ]
    .map((o) => JSON.stringify(o))
    .join("\n")
}

describe("writers", () => {
  it.effect("corpus.csv round-trips through a CSV parser and neutralises formulas", () =>
    Effect.gen(function* () {
      const t = tempDir()
      try {
        write(join(t.path, "in"), nasty)
        yield* run(join(t.path, "in"), join(t.path, "out"))
        const csv = readFileSync(join(t.path, "out", "corpus.csv"), "utf8")
        const rows = parse(csv, { columns: true }) as Array<Record<string, string>>
        expect(Object.keys(rows[0]!)).toEqual(["id", "title", "published", "url", "source", "tags", "entities", "text"])
        const byId = new Map(rows.map((r) => [r["id"], r]))
        // Formula-looking cells start with a quote, so a spreadsheet shows them as text.
        expect(byId.get("f1")!["title"]).toBe("'=SUM(A1:A9)")
        expect(byId.get("f1")!["source"]).toBe("'+cmd|' /C calc'!A0")
        expect(byId.get("f1")!["text"]).toBe("'-2+3 is a \"formula\", with commas,\n\nand a newline.")
        expect(byId.get("f2")!["title"]).toBe("'@IMPORT")
        expect(byId.get("f2")!["source"]).toBe("' =1+1")
        expect(byId.get("f2")!["text"]).not.toContain("\u0000")
        expect(byId.get("f3")!["title"]).toBe("'\tTabbed")
      } finally {
        t.cleanup()
      }
    })
  )

  it.effect("the bom option writes a UTF-8 byte-order mark for spreadsheet users", () =>
    Effect.gen(function* () {
      const t = tempDir()
      try {
        write(join(t.path, "in"), { "a.txt": "Some text here." })
        yield* run(join(t.path, "in"), join(t.path, "out"), { bom: true })
        expect([...readFileSync(join(t.path, "out", "corpus.csv")).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
        yield* run(join(t.path, "in"), join(t.path, "out2"))
        expect(readFileSync(join(t.path, "out2", "corpus.csv"))[0]).toBe(0x22)
      } finally {
        t.cleanup()
      }
    })
  )

  it("cells and file names are safe", () => {
    expect(csvCell("\u0000=x")).toBe("=x") // csv-stringify's escape_formulas then quotes it
    expect(csvCell("  -1")).toBe("'  -1")
    expect(csvCell("ok")).toBe("ok")
    expect(fileNameFor("000_8d47757346265ea4")).toBe("000_8d47757346265ea4.txt")
    const escaped = fileNameFor("../../etc/passwd")
    expect(escaped).toMatch(/^[^./][^/]*-[0-9a-f]{8}\.txt$/)
    expect(fileNameFor("a/b")).not.toBe(fileNameFor("a_b"))
    expect(csvRow(makeDoc({ id: "x", sourceFile: "x", paragraphs: ["a", "b"], tags: ["t1", "t2"] }))).toMatchObject({ tags: "t1; t2", text: "a\n\nb" })
  })

  it.effect("writes every output file, and every input ends in the corpus or the audit", () =>
    Effect.gen(function* () {
      const t = tempDir()
      try {
        write(join(t.path, "in"), { "good.txt": "Headline Words Here\n\nBody text.", "empty.txt": "", "bad.jsonl": "{oops\n" })
        const s = yield* run(join(t.path, "in"), join(t.path, "out"))
        expect(readdirSync(join(t.path, "out")).sort()).toEqual(["audit.jsonl", "corpus.csv", "corpus.jsonl", "documents", "run.json"])
        expect(s).toMatchObject({ kept: 1, rejected: 2 })
        const audit = readFileSync(join(t.path, "out", "audit.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l))
        expect(audit.filter((e) => e.action === "reject-document").map((e) => e.doc).sort()).toEqual(["bad:1", "empty"])
        expect(readFileSync(join(t.path, "out", "documents", "good.txt"), "utf8")).toBe("Headline Words Here\n\nBody text.\n")
        const runJson = JSON.parse(readFileSync(join(t.path, "out", "run.json"), "utf8"))
        expect(runJson.outcomes).toEqual({ kept: 1, dropped: 0, rejected: 2 })
        expect(runJson.stages.map((x: { name: string }) => x.name)).toEqual(registry.map((x) => x.name))
        expect(runJson.config.hash).toMatch(/^[0-9a-f]{16}$/)
      } finally {
        t.cleanup()
      }
    })
  )
})

describe("atomic output", () => {
  const explode = defineCorpusStage({
    name: "explode",
    description: "fails after the first document, as a crash midway would",
    needs: "none",
    options: Schema.Struct({}),
    run: (input) => Stream.mapEffect(Stream.zipWithIndex(input), ([f, i]) => (i === 0 ? Effect.succeed(f) : Effect.fail(new Error("disk on fire"))))
  })
  const marker = defineDocumentStage({
    name: "marker",
    description: "changes nothing",
    needs: "body",
    options: Schema.Struct({}),
    run: (doc) => ({ doc, events: [] })
  })

  it.effect("a run that fails midway leaves the previous output untouched and no temporary folder", () =>
    Effect.gen(function* () {
      const t = tempDir()
      try {
        write(join(t.path, "in"), { "a.txt": "First article body.", "b.txt": "Second article body." })
        const out = join(t.path, "out")
        yield* run(join(t.path, "in"), out)
        const before = readFileSync(join(out, "corpus.jsonl"), "utf8")
        const err = yield* Effect.flip(run(join(t.path, "in"), out, { registry: [marker, explode] }))
        expect(err.message).toMatch(/run failed, previous output left untouched.*disk on fire/s)
        expect(readFileSync(join(out, "corpus.jsonl"), "utf8")).toBe(before)
        expect(readdirSync(t.path).sort()).toEqual(["in", "out"])
        expect(existsSync(lockPathFor(out))).toBe(false)
      } finally {
        t.cleanup()
      }
    })
  )

  it.effect("a second run while a live one holds the lock exits with the holder's pid; a stale lock is taken over", () =>
    Effect.gen(function* () {
      const t = tempDir()
      try {
        write(join(t.path, "in"), { "a.txt": "Body." })
        const out = join(t.path, "out")
        writeFileSync(lockPathFor(out), JSON.stringify({ pid: process.pid, host: (yield* Effect.promise(() => import("node:os"))).hostname(), started: "2026-01-01T00:00:00Z" }))
        const err = yield* Effect.flip(run(join(t.path, "in"), out))
        expect(err.message).toMatch(new RegExp(`another run \\(process ${process.pid} `))
        // A lock left by a process that no longer exists.
        writeFileSync(lockPathFor(out), JSON.stringify({ pid: 2 ** 22 + 12345, host: (yield* Effect.promise(() => import("node:os"))).hostname(), started: "2026-01-01T00:00:00Z" }))
        const s = yield* run(join(t.path, "in"), out)
        expect(s.kept).toBe(1)
        expect(existsSync(lockPathFor(out))).toBe(false)
      } finally {
        t.cleanup()
      }
    })
  )
})
