// Bad input never crashes a run and is never lost: each file ends in the corpus or as a rejection
// with a one-line reason, and interrupted runs leave the previous output intact.
import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { spawn } from "node:child_process"
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from "node:fs"
import { join } from "node:path"
import { decodeBytes, firstInvalidUtf8 } from "../pipeline/bytes.js"
import { lockPathFor } from "../pipeline/lock.js"
import { runPipeline } from "../pipeline/runner.js"
import { loadedConfig, repoRoot, runCli, tempDir, tsxLoader } from "./helpers.js"

const fixtures = join(repoRoot, "tests/fixtures/encodings")
const fixture = (name: string) => readFileSync(join(fixtures, name))

const decoded = (name: string) => {
  const r = decodeBytes(fixture(name))
  if (!r.ok) throw new Error(`${name} rejected: ${r.reason}`)
  return r
}

describe("encodings", () => {
  it("UTF-8 with and without a byte-order mark", async () => {
    expect(decoded("utf8-bom.txt")).toMatchObject({ encoding: "utf-8-bom", text: "Council meets\n\nThe council met on Monday.\n" })
    expect(decodeBytes(Buffer.from("plain ascii"))).toMatchObject({ ok: true, encoding: "utf-8" })
  })

  it("UTF-16 with a byte-order mark, either byte order", async () => {
    expect(decoded("utf16le-bom.txt")).toMatchObject({ encoding: "utf-16le", text: "Ports reopen after storm\n\nShips returned to the harbour on Friday — the first time in a week.\n" })
    expect(decoded("utf16be-bom.txt")).toMatchObject({ encoding: "utf-16be", text: "Rail strike ends\n\nTrains ran again on Sunday — after nine days of talks between the unions and the operator.\n" })
  })

  it("a Windows-1251 Cyrillic article is detected and decoded", async () => {
    const r = decoded("cyrillic-windows-1251.txt")
    expect(r.encoding).toBe("windows-1251")
    expect(r.text).toContain("«Мы должны думать о будущем», — сказал он журналистам в Москве.")
  })

  it("a Windows-1252 Western article is detected and decoded", async () => {
    const r = decoded("latin-windows-1252.txt")
    expect(r.encoding).toBe("windows-1252")
    expect(r.text).toContain("Owners of cafés in Zürich and Málaga said on Monday that the rules were “unfair” and would cost them €2,000 a year.")
  })

  it("UTF-8 with stray bytes is rejected with the byte offset, not turned into U+FFFD", async () => {
    const r = decodeBytes(fixture("corrupt-utf8.txt"))
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/^invalid UTF-8 at byte offset 45\b/) })
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x82]))).toBe(1)
    expect(firstInvalidUtf8(Buffer.from([0xc0, 0x80]))).toBe(0) // overlong
    expect(firstInvalidUtf8(Buffer.from("ünïcödé ✓ 𝄞"))).toBe(-1)
  })

  it("empty, blank and binary files are rejected with a reason", async () => {
    expect(decodeBytes(fixture("empty.txt"))).toEqual({ ok: false, reason: "empty file (0 bytes)" })
    expect(decodeBytes(fixture("whitespace-only.txt"))).toEqual({ ok: false, reason: "empty file (only white space)" })
    expect(decodeBytes(fixture("picture.txt"))).toEqual({ ok: false, reason: "not text: the file is a PNG image" })
    expect(decodeBytes(Buffer.from("abc\u0000def"))).toMatchObject({ ok: false, reason: expect.stringMatching(/NUL byte at offset 3/) })
    expect(decodeBytes(Buffer.from("%PDF-1.7\n..."))).toMatchObject({ ok: false, reason: "not text: the file is a PDF document" })
    expect(decodeBytes(Buffer.from("text\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008"))).toMatchObject({ ok: false, reason: expect.stringMatching(/control characters/) })
  })
})

describe("a run over bad input", () => {
  it.effect("rejects what it cannot use, keeps the rest, and loses nothing", () =>
    Effect.gen(function* () {
      const t = tempDir()
      try {
        const input = join(t.path, "in")
        mkdirSync(input)
        for (const name of readdirSync(fixtures).filter((n) => !n.endsWith(".mjs"))) copyFileSync(join(fixtures, name), join(input, name))
        const s = yield* runPipeline({ input, output: join(t.path, "out"), loaded: loadedConfig(), only: null, history: false })
        const corpus = readFileSync(join(t.path, "out", "corpus.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { id: string; encoding: string; text: string })
        const audit = readFileSync(join(t.path, "out", "audit.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { doc: string; action: string; reason: string; rule: string; replacement: string | null })
        const rejected = new Map(audit.filter((e) => e.action === "reject-document").map((e) => [e.doc, e.reason]))
        expect([...rejected.keys()].sort()).toEqual(["broken:2", "broken:4", "corrupt-utf8", "empty", "picture", "whitespace-only"])
        expect(rejected.get("broken:2")).toMatch(/malformed JSON on line 2/)
        expect(corpus.map((d) => d.id).sort()).toEqual(["cyrillic-windows-1251", "latin-windows-1252", "ok-1", "ok-3", "utf16be-bom", "utf16le-bom", "utf8-bom"])
        expect(corpus.find((d) => d.id === "cyrillic-windows-1251")!.encoding).toBe("windows-1251")
        // The encoding choice is in the document's audit trail.
        expect(audit.find((e) => e.doc === "cyrillic-windows-1251" && e.rule === "encoding")!.replacement).toBe("windows-1251")
        expect(s).toMatchObject({ kept: 7, rejected: 6 })
      } finally {
        t.cleanup()
      }
    })
  )

  it.effect("a 50 MB file over the size limit is rejected without being read, and the run goes on", () =>
    Effect.gen(function* () {
      const t = tempDir()
      try {
        const input = join(t.path, "in")
        mkdirSync(input)
        const fd = openSync(join(input, "huge.txt"), "w")
        const block = Buffer.from("A line of scraped text that repeats until the file is very large.\n".repeat(16384))
        for (let written = 0; written < 50 * 1024 * 1024; written += block.length) writeSync(fd, block)
        closeSync(fd)
        writeFileSync(join(input, "small.txt"), "A small article.")
        const s = yield* runPipeline({ input, output: join(t.path, "out"), loaded: loadedConfig(), only: null, history: false })
        expect(s).toMatchObject({ kept: 1, rejected: 1 })
        const audit = readFileSync(join(t.path, "out", "audit.jsonl"), "utf8")
        expect(audit).toMatch(/file too large: 5\d{7} bytes, over the limit of 20971520/)
      } finally {
        t.cleanup()
      }
    })
  )

  it("SIGTERM in the middle of a run leaves the previous output intact and no temporary folder or lock", async () => {
    const t = tempDir()
    try {
      const input = join(t.path, "in")
      mkdirSync(input)
      writeFileSync(join(input, "first.txt"), "The first run's only article.")
      const out = join(t.path, "out")
      expect((await runCli(["run", "--input", input, "--output", out, "--no-history"])).status).toBe(0)
      const before = readFileSync(join(out, "corpus.jsonl"), "utf8")
      // Enough input that the second run is still going when the signal comes.
      const para = "Officials said on Tuesday that the talks would continue next week in the capital. ".repeat(40)
      for (let i = 0; i < 4000; i++) writeFileSync(join(input, `doc-${i}.txt`), `Headline number ${i} here\n\n${para}\n\n${para.toUpperCase()}`)
      const child = spawn(process.execPath, ["--import", tsxLoader, join(repoRoot, "pipeline/cli.ts"), "run", "--input", input, "--output", out, "--no-history"], { cwd: repoRoot })
      let stderr = ""
      child.stderr.on("data", (d) => (stderr += String(d)))
      const tmpSeen = await new Promise<boolean>((resolve) => {
        const started = Date.now()
        const poll = setInterval(() => {
          if (readdirSync(t.path).some((n) => n.startsWith(".out.tmp-"))) {
            clearInterval(poll)
            resolve(true)
          } else if (Date.now() - started > 30_000) {
            clearInterval(poll)
            resolve(false)
          }
        }, 20)
      })
      expect(tmpSeen).toBe(true)
      child.kill("SIGTERM")
      const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)))
      expect(code, `exit ${code}: ${stderr.slice(-600)}`).toBe(1)
      expect(stderr).toMatch(/interrupted: the previous output was left untouched/)
      expect(readFileSync(join(out, "corpus.jsonl"), "utf8")).toBe(before)
      expect(readdirSync(t.path).sort()).toEqual(["in", "out"])
      expect(existsSync(lockPathFor(out))).toBe(false)
    } finally {
      t.cleanup()
    }
  })
})
