// dedupe-documents benchmark: throughput and peak memory at 10k and 100k synthetic articles (each size
// in its own process, so peaks do not mix), plus the quality sweep that justifies the default options.
import { spawnSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, Schema, Stream } from "effect"
import type { Doc } from "../pipeline/model.js"
import type { CorpusContext, Flow } from "../pipeline/stage.js"
import { type DedupeDocumentsOptions, DedupeDocumentsOptions as OptionsSchema, type DedupeStats, runDedupe } from "../stages/dedupe-documents.js"
import { candidateProbability } from "../stages/minhash.js"
import { pairwiseScores, syntheticCorpus, syntheticDocs } from "../tests/fixtures/dedupe/synthetic.js"

export const defaults = (): DedupeDocumentsOptions => Schema.decodeUnknownSync(OptionsSchema)({})

const newStats = (): DedupeStats => ({ documents: 0, candidatePairs: 0, verifiedPairs: 0, historyCandidates: 0, dropped: 0, spillMs: 0, clusterMs: 0, emitMs: 0 })

/** Runs the stage over documents; returns every flow that came out and the stage's counters. */
export const runOver = async (docs: Iterable<Doc>, o: DedupeDocumentsOptions, ctx: CorpusContext) => {
  const stats = newStats()
  const input = Stream.fromIterable(docs).pipe(Stream.map((doc): Flow => ({ doc, events: [], dropped: false })))
  const out = await Effect.runPromise(Stream.runCollect(runDedupe(input, o, ctx, { stats })))
  return { flows: [...out], stats }
}

/** doc id → id of the kept document it belongs to (itself when kept). */
export const clustersOf = (flows: ReadonlyArray<Flow>): Map<string, string> => {
  const m = new Map<string, string>()
  for (const f of flows) {
    const drop = f.events.find((e) => e.action === "drop-document" && e.stage === "dedupe-documents")
    m.set(f.doc.id, drop?.duplicate_of?.doc ?? f.doc.id)
  }
  return m
}

const withTemp = async <A>(f: (dir: string) => Promise<A>): Promise<A> => {
  const dir = mkdtempSync(join(tmpdir(), "dedupe-bench-"))
  try {
    return await f(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** One size, measured in this process: throughput of the stage and the process's peak memory. */
const scaleChild = async (size: number): Promise<void> => {
  // Generated lazily and consumed as a stream, so the peak is the stage's own memory, not the corpus's.
  function* docs(): Generator<Doc> {
    let n = 0
    for (const d of syntheticDocs({ stories: size, seed: 7 })) {
      if (n++ >= size) return
      yield d.doc
    }
  }
  let peakRss = 0
  let peakHeap = 0
  const sample = () => {
    const m = process.memoryUsage()
    peakRss = Math.max(peakRss, m.rss)
    peakHeap = Math.max(peakHeap, m.heapUsed + m.external + m.arrayBuffers)
  }
  global.gc?.()
  const baseRss = process.memoryUsage().rss
  const timer = setInterval(sample, 20)
  const result = await withTemp(async (dir) => {
    const t0 = performance.now()
    const cpu0 = process.cpuUsage()
    let out = 0
    const stats = newStats()
    const input = Stream.fromIterable(docs()).pipe(Stream.map((doc): Flow => ({ doc, events: [], dropped: false })))
    await Effect.runPromise(Stream.runForEach(runDedupe(input, defaults(), { runId: "bench", stateDir: dir, history: true }, { stats }), () => Effect.sync(() => void out++)))
    const cpu = process.cpuUsage(cpu0)
    return { stats, out, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 }
  })
  clearInterval(timer)
  sample()
  console.log(
    JSON.stringify({
      size: result.out,
      ms: Math.round(result.ms),
      cpuMs: Math.round(result.cpuMs),
      docsPerSec: Math.round(result.out / (result.ms / 1000)),
      peakRssMB: Math.round(peakRss / 1048576),
      baseRssMB: Math.round(baseRss / 1048576),
      peakHeapMB: Math.round(peakHeap / 1048576),
      ...result.stats,
      spillMs: Math.round(result.stats.spillMs),
      clusterMs: Math.round(result.stats.clusterMs),
      emitMs: Math.round(result.stats.emitMs)
    })
  )
}

const scale = (sizes: ReadonlyArray<number>): void => {
  console.log("dedupe-documents scaling (synthetic articles, history on, fresh state folder; each size in its own process)")
  console.log("articles are generated lazily and streamed in; base RSS is the process before the stage starts (runtime and modules)")
  const rows: Array<Record<string, number>> = []
  for (const size of sizes) {
    const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", import.meta.filename, "--child", String(size)], { encoding: "utf8", maxBuffer: 1 << 24 })
    if (r.status !== 0) {
      console.error(r.stderr)
      process.exitCode = 1
      return
    }
    const row = JSON.parse(r.stdout.trim().split("\n").pop()!) as Record<string, number>
    rows.push(row)
    console.log(`${String(row.size).padStart(7)} docs: ${String(row.docsPerSec).padStart(6)} docs/s, ${(row.ms! / 1000).toFixed(1)} s wall, ${(row.cpuMs! / 1000).toFixed(1)} s CPU (${Math.round(row.size! / (row.cpuMs! / 1000))} docs per CPU-second), peak RSS ${row.peakRssMB} MB (base ${row.baseRssMB} MB), peak heap+buffers ${row.peakHeapMB} MB, candidate pairs ${row.candidatePairs}, verified ${row.verifiedPairs}, dropped ${row.dropped}; spill ${row.spillMs} ms, cluster ${row.clusterMs} ms, emit ${row.emitMs} ms`)
  }
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1]!
    const b = rows[i]!
    const n = b.size! / a.size!
    const t = b.ms! / a.ms!
    const c = b.cpuMs! / a.cpuMs!
    console.log(
      `${a.size} → ${b.size} (×${n.toFixed(0)} docs): time ×${t.toFixed(1)} (exponent ${(Math.log(t) / Math.log(n)).toFixed(2)}; 1.00 is linear), CPU time ×${c.toFixed(1)} (exponent ${(Math.log(c) / Math.log(n)).toFixed(2)}), stage memory (peak RSS − base) ×${((b.peakRssMB! - b.baseRssMB!) / Math.max(1, a.peakRssMB! - a.baseRssMB!)).toFixed(1)}, candidate pairs ×${(b.candidatePairs! / Math.max(1, a.candidatePairs!)).toFixed(1)}`
    )
  }
}

/** Pairwise precision/recall/F1 of the clusters on a synthetic corpus with known copies, per option set. */
export const quality = async (stories = 3000, seeds: ReadonlyArray<number> = [1, 2, 3]): Promise<void> => {
  const base = defaults()
  const variants: Array<[string, Partial<DedupeDocumentsOptions>]> = [
    ["defaults (k=4, 32×4, containment ≥ 0.8, size ratio ≥ 0.5)", {}],
    ["k=3", { shingle: 3 }],
    ["k=5", { shingle: 5 }],
    ["containment ≥ 0.7", { threshold: 0.7 }],
    ["containment ≥ 0.9", { threshold: 0.9 }],
    ["jaccard ≥ 0.5", { measure: "jaccard", threshold: 0.5 }],
    ["jaccard ≥ 0.7", { measure: "jaccard", threshold: 0.7 }],
    ["16 bands × 8 rows", { bands: 16, rows: 8 }],
    ["64 bands × 2 rows", { bands: 64, rows: 2 }]
  ]
  console.log(`S-curve of ${base.bands} bands × ${base.rows} rows: P(candidate | Jaccard) = ${[0.3, 0.4, 0.5, 0.6, 0.7, 0.8].map((j) => `${j}: ${candidateProbability(j, base.bands, base.rows).toFixed(3)}`).join(", ")}`)
  console.log(`quality on synthetic corpora (${stories} stories × seeds ${seeds.join(",")}: copies with edited words, dropped paragraph, leftover furniture; same-topic articles sharing quotes; follow-ups reusing background)`)
  for (const [name, patch] of variants) {
    const o = { ...base, ...patch, numPerm: (patch.bands ?? base.bands) * (patch.rows ?? base.rows) }
    let tp = 0
    let truePairs = 0
    let predictedPairs = 0
    let candidates = 0
    for (const seed of seeds) {
      const corpus = syntheticCorpus({ stories, seed })
      const { flows, stats } = await withTemp((dir) => runOver(corpus.docs, o, { runId: "quality", stateDir: dir, history: false }))
      const s = pairwiseScores(corpus.story, clustersOf(flows))
      tp += s.precision * s.predictedPairs
      truePairs += s.truePairs
      predictedPairs += s.predictedPairs
      candidates += stats.candidatePairs
    }
    const precision = predictedPairs === 0 ? 1 : tp / predictedPairs
    const recall = truePairs === 0 ? 1 : tp / truePairs
    const f1 = (2 * precision * recall) / (precision + recall)
    console.log(`${name.padEnd(58)} precision ${precision.toFixed(4)} recall ${recall.toFixed(4)} F1 ${f1.toFixed(4)} (true pairs ${truePairs}, candidate pairs ${candidates})`)
  }
}

export const main = async (args: ReadonlyArray<string>): Promise<void> => {
  if (args[0] === "--child") return scaleChild(Number(args[1]))
  if (args.includes("--quality")) return quality()
  const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number)
  scale(sizes.length > 0 ? sizes : [10_000, 100_000])
}

if (process.argv[1] === import.meta.filename && process.argv[2] === "--child") await main(process.argv.slice(2))
