// Whole-pipeline throughput: every stage over a synthetic corpus built from the seed dumps
// (each copy given its own id and a changed sentence, so dedupe sees distinct documents).
import { Effect } from "effect"
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { configHash, decodeConfig } from "../pipeline/config.js"
import { runPipeline } from "../pipeline/runner.js"

const root = join(import.meta.dirname, "..")
/** A seeded generator, so every run builds the same corpus. */
const rng = (seed: number) => () => {
  // mulberry32: 32-bit integer arithmetic throughout, so the sequence does not collapse.
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

/**
 * Distinct articles in the seeds' shape: a header line, a headline, body sentences drawn from the
 * seeds' own vocabulary, a credit line and a trailing teaser block.
 */
export const syntheticCorpus = (dir: string, n: number) => {
  const text = readdirSync(join(root, "seeds")).map((f) => readFileSync(join(root, "seeds", f), "utf8")).join(" ")
  const vocab = [...new Set(text.match(/[A-Za-z][a-z]+/g) ?? [])]
  const rand = rng(7)
  const pick = () => vocab[Math.floor(rand() * vocab.length)]!
  const sentence = () => {
    const ws = Array.from({ length: 8 + Math.floor(rand() * 20) }, pick)
    return `${ws[0]!.charAt(0).toUpperCase()}${ws.join(" ").slice(1)}.`
  }
  for (let i = 0; i < n; i++) {
    const paras = Array.from({ length: 4 + Math.floor(rand() * 8) }, () => Array.from({ length: 1 + Math.floor(rand() * 4) }, sentence).join(" "))
    const teasers = Array.from({ length: 3 }, () => `${sentence().slice(0, -1)} 02:24\n\n${sentence()}..`)
    const day = String(1 + (i % 28)).padStart(2, "0")
    const doc = [` date 2024-07-${day} https://news.example.org/${i}`, sentence().slice(0, 60), ...paras, "Source: Example Wire", "More from author", ...teasers]
    writeFileSync(join(dir, `doc-${String(i).padStart(6, "0")}.txt`), doc.join("\n\n"))
  }
}

export const main = async (args: ReadonlyArray<string>): Promise<void> => {
  const sizes = args.length > 0 ? args.map(Number) : [1000, 5000]
  const config = Effect.runSync(decodeConfig({}, "bench"))
  for (const n of sizes) {
    const tmp = mkdtempSync(join(tmpdir(), "bench-pipeline-"))
    try {
      const input = join(tmp, "in")
      mkdirSync(input)
      syntheticCorpus(input, n)
      const cpu0 = process.cpuUsage()
      const t0 = performance.now()
      let peak = process.memoryUsage().rss
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
      const s = await Effect.runPromise(
        runPipeline({ input, output: join(tmp, "out"), loaded: { config, file: null, baseDir: tmp, hash: configHash(config) }, only: null, history: false })
      )
      clearInterval(timer)
      const secs = (performance.now() - t0) / 1000
      const cpu = process.cpuUsage(cpu0)
      const stages = (s.record["stages"] as Array<{ name: string; ms: number }>).map((x) => `${x.name} ${Math.round(x.ms)}`).join(", ")
      console.log(`${n} documents: ${(n / secs).toFixed(0)} docs/s wall, ${(n / ((cpu.user + cpu.system) / 1e6)).toFixed(0)} docs per CPU-second, peak RSS ${(peak / 2 ** 20).toFixed(0)} MB; kept ${s.kept}, dropped ${s.dropped}`)
      console.log(`  ms per stage: ${stages}`)
    } finally {
      rmSync(tmp, { recursive: true, force: true })
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2))
