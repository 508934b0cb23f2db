import { describe, expect, it } from "@effect/vitest"
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { Effect, Schema, Stream } from "effect"
import { makeDoc, type Doc } from "../pipeline/model.js"
import { defaultOptions, type Flow } from "../pipeline/stage.js"
import { HistoryStore } from "../pipeline/history-store.js"
import { dedupeDocuments, DedupeDocumentsOptions, runDedupe } from "../stages/dedupe-documents.js"
import { bandKeys, candidateProbability, minhashSignature, setSimilarity, shingleHashes } from "../stages/minhash.js"
import { clustersOf } from "../bench/dedupe.js"
import { pairwiseScores, syntheticCorpus } from "./fixtures/dedupe/synthetic.js"
import { repoRoot, tempDir } from "./helpers.js"

const o = defaultOptions(dedupeDocuments)
const fixtureDocs = (): Doc[] =>
  JSON.parse(readFileSync(join(repoRoot, "tests/fixtures/dedupe/wire-copies.json"), "utf8")).map(
    (d: { id: string; published: string | null; paragraphs: string[] }) => makeDoc({ id: d.id, sourceFile: `${d.id}.txt`, published: d.published, paragraphs: d.paragraphs })
  )

const run = (docs: ReadonlyArray<Doc>, stateDir: string, runId: string, history = true, extra: ReadonlyArray<Flow> = []) =>
  Effect.runPromise(
    Stream.runCollect(runDedupe(Stream.fromIterable([...docs.map((doc): Flow => ({ doc, events: [], dropped: false })), ...extra]), o, { runId, stateDir, history }))
  ).then((c) => [...c])

describe("minhash", () => {
  it("signature agreement estimates Jaccard", () => {
    const words = Array.from({ length: 400 }, (_, i) => `w${i}`)
    const a = shingleHashes(words, 4)
    const b = shingleHashes([...words.slice(0, 300), ...Array.from({ length: 100 }, (_, i) => `x${i}`)], 4)
    const exact = setSimilarity(a, b).jaccard
    const sa = minhashSignature(a, 256)
    const sb = minhashSignature(b, 256)
    const agree = sa.filter((x, i) => x === sb[i]).length / 256
    expect(Math.abs(agree - exact)).toBeLessThan(0.08)
    expect(bandKeys(sa, 32, 8)).toEqual(bandKeys(minhashSignature(a, 256), 32, 8))
  })

  it("the default banding makes likely copies candidates and rarely pairs unrelated text", () => {
    // Copies verified at containment ≥ 0.8 with size ratio ≥ 0.5 have Jaccard ≥ 0.36 (a half-length excerpt)
    // and usually ≥ 0.7 (a paragraph dropped, a few words edited).
    expect(candidateProbability(0.7, o.bands, o.rows)).toBeGreaterThan(0.999)
    expect(candidateProbability(0.5, o.bands, o.rows)).toBeGreaterThan(0.85)
    expect(candidateProbability(0.1, o.bands, o.rows)).toBeLessThan(0.01)
  })

  it("options reject bands × rows that do not match numPerm", () => {
    expect(() => Schema.decodeUnknownSync(DedupeDocumentsOptions)({ bands: 10 })).toThrow(/numPerm/)
  })
})

describe("dedupe-documents", () => {
  it("recognises wire copies with different furniture and edits, keeps same-topic articles apart", async () => {
    const dir = tempDir("dedupe-docs-")
    try {
      const flows = await run(fixtureDocs(), dir.path, "r1")
      const byId = new Map(flows.map((f) => [f.doc.id, f]))
      // wire-a is the earliest published of the three copies of the ceasefire story.
      expect(byId.get("wire-a")!.dropped).toBe(false)
      expect(byId.get("wire-a")!.doc.duplicates).toEqual(["wire-b", "wire-c"])
      for (const id of ["wire-b", "wire-c"]) {
        const f = byId.get(id)!
        expect(f.dropped).toBe(true)
        const ev = f.events.find((e) => e.action === "drop-document")!
        expect(ev).toMatchObject({ stage: "dedupe-documents", rule: "near-duplicate-document", duplicate_of: { doc: "wire-a", paragraph: null } })
        expect(ev.text).toBe(f.doc.paragraphs.join("\n\n"))
        expect(ev.reason).toMatch(/shingles/)
      }
      for (const id of ["topic-other", "topic-followup"]) expect(byId.get(id)!.dropped).toBe(false)
      // No published date on either copy: the longer one represents the pair.
      expect(byId.get("undated-long")!.doc.duplicates).toEqual(["undated-short"])
      expect(byId.get("undated-short")!.dropped).toBe(true)
    } finally {
      dir.cleanup()
    }
  })

  it("passes dropped flows through untouched, in order", async () => {
    const dir = tempDir("dedupe-docs-")
    try {
      const gone: Flow = { doc: makeDoc({ id: "rejected", sourceFile: "x.txt", paragraphs: ["whatever"] }), events: [], dropped: true }
      const flows = await run(fixtureDocs(), dir.path, "r1", true, [gone])
      expect(flows.at(-1)).toEqual(gone)
      expect(flows.map((f) => f.doc.id).slice(0, -1)).toEqual(fixtureDocs().map((d) => d.id))
    } finally {
      dir.cleanup()
    }
  })

  it("a later run recognises copies of documents kept by an earlier one; re-running is idempotent", async () => {
    const dir = tempDir("dedupe-docs-")
    try {
      const docs = fixtureDocs()
      const first = await run(docs, dir.path, "run-1")
      expect(existsSync(join(dir.path, o.storeFile))).toBe(true)
      // No spill file is left behind.
      expect(readdirSync(dir.path).filter((f) => f.startsWith("spill-"))).toEqual([])
      const wireA = docs.find((d) => d.id === "wire-a")!
      const tomorrow = makeDoc({
        id: "wire-d",
        sourceFile: "wire-d.txt",
        published: "2024-07-14",
        paragraphs: ["Subscribe to our newsletter", ...wireA.paragraphs.slice(0, -1).map((p) => p.replace("Tuesday", "Tuesday evening"))]
      })
      const fresh = makeDoc({ id: "fresh", sourceFile: "fresh.txt", paragraphs: docs.find((d) => d.id === "topic-other")!.paragraphs.map((p) => p.split(" ").reverse().join(" ")) })
      const second = await run([tomorrow, fresh], dir.path, "run-2")
      const d = second.find((f) => f.doc.id === "wire-d")!
      expect(d.dropped).toBe(true)
      const ev = d.events.find((e) => e.action === "drop-document")!
      expect(ev.duplicate_of).toEqual({ doc: "wire-a", paragraph: null })
      expect(ev.reason).toMatch(/earlier run \(run-1\)/)
      expect(second.find((f) => f.doc.id === "fresh")!.dropped).toBe(false)

      // The same input again: nothing is a copy of itself, and the decisions are those of the first run.
      const again = await run(docs, dir.path, "run-3")
      const summary = (fs: Flow[]) => fs.map((f) => [f.doc.id, f.dropped, f.doc.duplicates.join(","), f.events.find((e) => e.action === "drop-document")?.duplicate_of?.doc ?? null])
      expect(summary(again)).toEqual(summary(first))

      // --no-history neither reads nor writes the store.
      const before = readFileSync(join(dir.path, o.storeFile))
      const isolated = await run([tomorrow], dir.path, "run-4", false)
      expect(isolated[0]!.dropped).toBe(false)
      expect(readFileSync(join(dir.path, o.storeFile))).toEqual(before)
    } finally {
      dir.cleanup()
    }
  })

  it("creates the state folder on first use", async () => {
    const dir = tempDir("dedupe-docs-")
    try {
      const stateDir = join(dir.path, "nested", "state")
      await run(fixtureDocs().slice(0, 2), stateDir, "r1")
      expect(existsSync(join(stateDir, o.storeFile))).toBe(true)
    } finally {
      dir.cleanup()
    }
  })

  it.effect("the in-memory store layer serves the same interface", () =>
    Effect.gen(function* () {
      const store = yield* HistoryStore
      const shingles = new Uint32Array([1, 5, 9])
      yield* store.put([{ id: "a", run: "r", published: null, length: 10, shingles, keys: new Uint32Array([7, 0xfffffff0]) }])
      const hits = yield* store.candidateIds([0xfffffff0])
      expect(hits).toEqual([{ key: 0xfffffff0, id: "a" }])
      const [doc] = yield* store.load(["a"])
      expect(Array.from(doc!.shingles)).toEqual([1, 5, 9])
      expect(yield* store.count).toBe(1)
    }).pipe(Effect.provide(HistoryStore.Test))
  )

  it("reaches F1 ≥ 0.95 with precision ≥ 0.98 on a synthetic wire corpus (measured)", async () => {
    const dir = tempDir("dedupe-docs-")
    try {
      const corpus = syntheticCorpus({ stories: 600, seed: 99 })
      const flows = await run(corpus.docs, dir.path, "q", false)
      const s = pairwiseScores(corpus.story, clustersOf(flows))
      console.log(`dedupe-documents on ${corpus.docs.length} synthetic docs: precision ${s.precision.toFixed(4)} recall ${s.recall.toFixed(4)} F1 ${s.f1.toFixed(4)} (${s.truePairs} true pairs)`)
      expect(s.truePairs).toBeGreaterThan(300)
      expect(s.precision).toBeGreaterThanOrEqual(0.98)
      expect(s.f1).toBeGreaterThanOrEqual(0.95)
    } finally {
      dir.cleanup()
    }
  })
})
