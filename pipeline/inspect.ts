// Debugging views: one stage on one file (before/after diff and its events), and a document's
// whole audit trail from an output folder.
import { diffLines } from "diff"
import { Data, Effect, Stream } from "effect"
import { createReadStream, existsSync } from "node:fs"
import { join } from "node:path"
import { createInterface } from "node:readline"
import { registry } from "../stages/index.js"
import type { LoadedConfig } from "./config.js"
import type { AuditEvent, Doc } from "./model.js"
import { readInput } from "./read.js"
import { applyStages, newRunId, type StageStats, UsageError } from "./runner.js"
import type { Flow } from "./stage.js"

export class ExplainError extends Data.TaggedError("ExplainError")<{ readonly message: string }> {}

/** A document as a person reads it: its fields, then its text. */
export const renderDoc = (doc: Doc): string => {
  const fields = [
    `title: ${doc.title ?? "—"}`,
    `published: ${doc.published ?? "—"}${doc.publishedTime ? ` (time ${doc.publishedTime})` : ""}`,
    `url: ${doc.url ?? "—"}`,
    `source: ${doc.source ?? "—"}`,
    `tags: ${doc.tags.length ? doc.tags.join("; ") : "—"}`
  ]
  const dates = doc.dates.map((d) => `date: p${d.paragraph} ${JSON.stringify(d.text)} → ${d.value}`)
  const entities = doc.entities.map((e) => `entity: p${e.paragraph} ${JSON.stringify(e.text)} → ${e.canonical}`)
  const text = doc.paragraphs.length > 0 ? doc.paragraphs.map((p, i) => `[${i}] ${p}`).join("\n") : doc.body
  return [...fields, ...dates, ...entities, "", text].join("\n") + "\n"
}

export const unifiedDiff = (before: string, after: string, color: boolean): string => {
  const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s)
  const out: string[] = []
  for (const part of diffLines(before, after)) {
    const lines = part.value.replace(/\n$/, "").split("\n")
    if (part.added) out.push(...lines.map((l) => paint(32, `+ ${l}`)))
    else if (part.removed) out.push(...lines.map((l) => paint(31, `- ${l}`)))
    else if (lines.length > 6) out.push(...lines.slice(0, 2).map((l) => `  ${l}`), paint(2, `  … ${lines.length - 4} unchanged lines …`), ...lines.slice(-2).map((l) => `  ${l}`))
    else out.push(...lines.map((l) => `  ${l}`))
  }
  return out.join("\n")
}

export interface StageView {
  readonly doc: string
  readonly before: string
  readonly after: string
  readonly dropped: boolean
  readonly events: ReadonlyArray<AuditEvent>
}

/** Runs the stages up to and including `name` on one file; returns what `name` did to each document in it. */
export const inspectStage = (name: string, file: string, loaded: LoadedConfig): Effect.Effect<ReadonlyArray<StageView>, UsageError | Error> =>
  Effect.gen(function* () {
    const index = registry.findIndex((s) => s.name === name)
    if (index < 0) return yield* new UsageError({ message: `unknown stage ${name} (known: ${registry.map((s) => s.name).join(", ")})` })
    if (!existsSync(file)) return yield* new UsageError({ message: `no such file: ${file}` })
    const runId = newRunId()
    const items = yield* readInput({ path: file, display: file }, loaded.config)
    const flows: Flow[] = items.map((item) =>
      item._tag === "Doc"
        ? { doc: item.doc, events: [], dropped: false }
        : { doc: { id: item.id } as Doc, events: [{ run: runId, doc: item.id, stage: "read", rule: "unusable-input", action: "reject-document", text: "", replacement: null, reason: item.reason, duplicate_of: null } as AuditEvent], dropped: true }
    )
    const stats: StageStats[] = []
    const upTo = registry.slice(0, index)
    // History is never touched from here: inspecting must not change what the next scheduled run sees.
    const before = yield* Stream.runCollect(applyStages(Stream.fromIterable(flows), upTo, loaded, runId, false, stats))
    const after = yield* Stream.runCollect(applyStages(Stream.fromIterable(before), [registry[index]!], loaded, runId, false, stats))
    const beforeById = new Map([...before].map((f) => [f.doc.id, f]))
    return [...after].map((f) => {
      const b = beforeById.get(f.doc.id)
      const prior = b?.events.length ?? 0
      return {
        doc: f.doc.id,
        before: b && !b.dropped ? renderDoc(b.doc) : "",
        after: f.dropped ? "" : renderDoc(f.doc),
        dropped: f.dropped,
        events: f.events.slice(prior)
      }
    })
  })

export const formatEvent = (e: AuditEvent): string => {
  const where = e.paragraph !== undefined && e.paragraph !== null ? ` ¶${e.paragraph}` : ""
  const dup = e.duplicate_of ? ` (repeat of ${e.duplicate_of.doc}${e.duplicate_of.paragraph !== null ? ` ¶${e.duplicate_of.paragraph}` : ""})` : ""
  const text = e.text.length > 300 ? `${e.text.slice(0, 300)}…` : e.text
  const repl = e.replacement !== null && e.replacement !== undefined ? `\n      → ${JSON.stringify(e.replacement.length > 200 ? `${e.replacement.slice(0, 200)}…` : e.replacement)}` : ""
  return `  [${e.stage}] ${e.action} ${e.rule}${where}${dup}: ${e.reason}\n      ${JSON.stringify(text)}${repl}`
}

/** A document's audit events from an output folder, streamed so a large audit log is never held whole. */
export const explainDoc = (docId: string, outputDir: string): Effect.Effect<{ readonly events: AuditEvent[]; readonly kept: boolean }, ExplainError> =>
  Effect.tryPromise({
    try: async () => {
      const auditPath = join(outputDir, "audit.jsonl")
      if (!existsSync(auditPath)) throw new ExplainError({ message: `no audit log at ${auditPath}: run the pipeline first, or pass --output DIR` })
      const events: AuditEvent[] = []
      for await (const line of createInterface({ input: createReadStream(auditPath), crlfDelay: Infinity })) {
        if (!line.includes(docId)) continue
        const e = JSON.parse(line) as AuditEvent
        if (e.doc === docId) events.push(e)
      }
      let kept = false
      for await (const line of createInterface({ input: createReadStream(join(outputDir, "corpus.jsonl")), crlfDelay: Infinity })) {
        if (line.includes(docId) && (JSON.parse(line) as { id: string }).id === docId) {
          kept = true
          break
        }
      }
      if (!kept && events.length === 0) throw new ExplainError({ message: `no document ${docId} in ${outputDir} (a .txt dump's id is its file name without extension; a JSONL or CSV record's is its id field)` })
      return { events, kept }
    },
    catch: (e) => (e instanceof ExplainError ? e : new ExplainError({ message: `cannot read ${outputDir}: ${e instanceof Error ? e.message : String(e)}` }))
  })
