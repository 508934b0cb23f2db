// Runs strip-boilerplate over a devset folder of page dumps (devNN.txt + devNN.gold.txt), writes the
// cleaned bodies (paragraphs only, no headline) to a folder and prints the python scorer's figures.
// usage: npx tsx bench/score-boilerplate.ts [DEVSET_DIR] [--out DIR] [--worst N] [--rules-only]
import { execFileSync } from "node:child_process"
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { makeDoc, type Doc } from "../pipeline/model.js"
import { defaultOptions, type DocumentStage } from "../pipeline/stage.js"
import { stripBoilerplate } from "../stages/strip-boilerplate.js"

const args = process.argv.slice(2)
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const positional = args.filter((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1]!.startsWith("--") && args[i - 1] !== "--rules-only"))
const here = new URL(".", import.meta.url).pathname
const devset = resolve(positional[0] ?? join(here, "..", "..", "shared", "devsets", "boilerplate"))
const out = resolve(flag("--out") ?? join(tmpdir(), "strip-boilerplate-bench"))
const scorer = resolve(join(here, "..", "..", "shared", "tools", "score_boilerplate.py"))

// The stages before ours, when they exist: decode, parse-metadata, split-paragraphs. Without them a
// plain non-empty-line split stands in.
const optionalStage = async (file: string, name: string): Promise<DocumentStage | null> => {
  const path = join(here, "..", "stages", file)
  if (!existsSync(path)) return null
  const mod = (await import(path)) as Record<string, unknown>
  const stage = Object.values(mod).find((v): v is DocumentStage => typeof v === "object" && v !== null && (v as DocumentStage).kind === "document" && (v as DocumentStage).name === name)
  return stage ?? null
}
const before = (await Promise.all([
  optionalStage("decode.ts", "decode"),
  optionalStage("parse-metadata.ts", "parse-metadata"),
  optionalStage("split-paragraphs.ts", "split-paragraphs")
])).filter((s): s is DocumentStage => s !== null)
const hasSplit = before.some((s) => s.name === "split-paragraphs")

const options = { ...defaultOptions(stripBoilerplate), ...(args.includes("--rules-only") ? { classifier: false } : {}) }

mkdirSync(out, { recursive: true })
const stems = readdirSync(devset).filter((f) => f.endsWith(".gold.txt")).map((f) => f.slice(0, -".gold.txt".length)).sort()
let removedEvents = 0
for (const stem of stems) {
  const text = readFileSync(join(devset, `${stem}.txt`), "utf8")
  let doc: Doc = makeDoc({ id: stem, sourceFile: join(devset, `${stem}.txt`), body: text })
  for (const stage of before) doc = stage.run(doc, defaultOptions(stage)).doc
  if (!hasSplit) doc = doc.with({ paragraphs: doc.body.split("\n").map((l) => l.trim()).filter((l) => l.length > 0), body: "" })
  const r = stripBoilerplate.run(doc, options)
  removedEvents += r.events.length
  writeFileSync(join(out, `${stem}.txt`), r.doc.paragraphs.join("\n\n") + "\n")
}
console.log(`stages before strip-boilerplate: ${before.map((s) => s.name).join(", ") || "(none: line split)"}`)
console.log(`${stems.length} pages, ${removedEvents} paragraphs removed; cleaned bodies in ${out}`)
const worst = flag("--worst")
console.log(execFileSync("python3", [scorer, out, devset, ...(worst ? ["--worst", worst] : [])], { encoding: "utf8" }))
