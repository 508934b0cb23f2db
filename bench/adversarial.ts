// How each stage copes with input built to make patterns backtrack: a 1 MB single line and a
// 1 MB run of one character, against a normal 1 MB document. Prints milliseconds per stage.
import { Effect, Stream } from "effect"
import { readFileSync, readdirSync } from "node:fs"
import { join } from "node:path"
import { decodeConfig, configHash } from "../pipeline/config.js"
import { makeDoc } from "../pipeline/model.js"
import { applyStages } from "../pipeline/runner.js"
import type { Flow } from "../pipeline/stage.js"
import { registry } from "../stages/index.js"

const MB = 1_000_000
const root = join(import.meta.dirname, "..")
const config = Effect.runSync(decodeConfig({}, "bench"))
const loaded = { config, file: null, baseDir: root, hash: configHash(config) }

/** A normal 1 MB document: the seed dumps' text repeated, with their paragraph structure. */
const normal = (): string => {
  const seeds = readdirSync(join(root, "seeds")).map((f) => readFileSync(join(root, "seeds", f), "utf8")).join("\n\n")
  return seeds.repeat(Math.ceil(MB / seeds.length)).slice(0, MB)
}

const inputs: ReadonlyArray<readonly [string, string]> = [
  ["normal 1 MB document", normal()],
  ["1 MB single line of words", "word ".repeat(MB / 5)],
  ["1 MB run of one character", "a".repeat(MB)],
  ["1 MB of periods", ".".repeat(MB)],
  ["1 MB of quotes", '"'.repeat(MB)],
  ["1 MB of digits and spaces", "1 ".repeat(MB / 2)],
  ["1 MB of dashes and spaces", "- ".repeat(MB / 2)]
]

const timeStage = (name: string, text: string): number => {
  const stage = registry.find((s) => s.name === name)!
  const doc =
    stage.needs === "paragraphs"
      ? makeDoc({ id: "b", sourceFile: "b.txt", paragraphs: text.split(/\n+/).filter(Boolean) })
      : makeDoc({ id: "b", sourceFile: "b.txt", body: text })
  const t0 = performance.now()
  Effect.runSync(Stream.runDrain(applyStages(Stream.make<Flow[]>({ doc, events: [], dropped: false }), [stage], loaded, "bench", false, [])))
  return performance.now() - t0
}

export const main = async (): Promise<void> => {
  console.log("\n== adversarial input: milliseconds per stage (each stage alone on one document)")
  const names = registry.map((s) => s.name)
  const width = Math.max(...inputs.map(([l]) => l.length))
  console.log(`${"".padEnd(width)}  ${names.map((n) => n.padStart(Math.max(9, n.length))).join(" ")}`)
  const normalTimes: number[] = []
  for (const [label, text] of inputs) {
    const times = names.map((n) => timeStage(n, text))
    if (normalTimes.length === 0) normalTimes.push(...times)
    console.log(`${label.padEnd(width)}  ${times.map((t, i) => t.toFixed(0).padStart(Math.max(9, names[i]!.length))).join(" ")}`)
  }
  console.log("(a stage more than 10× its normal-document time on adversarial input would point at a backtracking pattern)")
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
