// The runner: reads inputs as a stream, folds the selected stages over it in pipeline order,
// records every audit event, and writes the outputs; per-stage counts and timings go to run.json.
import { Cause, Data, Effect, Exit, Stream } from "effect"
import { createHash, randomUUID } from "node:crypto"
import { statSync } from "node:fs"
import { resolve } from "node:path"
import { registry } from "../stages/index.js"
import type { LoadedConfig } from "./config.js"
import { acquireLock, LockError } from "./lock.js"
import { type AuditEvent, blankLineParagraphs, type Doc, makeDoc, toAuditEvent } from "./model.js"
import { type InputFile, listInputs, type ReadItem, readInputStream } from "./read.js"
import { type CorpusStage, defaultOptions, type DocumentStage, type Flow, type Stage } from "./stage.js"
import { openOutput } from "./write.js"

export class RunError extends Data.TaggedError("RunError")<{ readonly message: string }> {}
export class UsageError extends Data.TaggedError("UsageError")<{ readonly message: string }> {}

export interface RunParams {
  readonly input: string
  readonly output: string
  readonly loaded: LoadedConfig
  /** Stage names from `--only`; null runs the config's stages. */
  readonly only: ReadonlyArray<string> | null
  readonly history: boolean
  /** The stage list to select from; the registry unless a caller composes its own. */
  readonly registry?: ReadonlyArray<Stage>
  /** Called after each input file is read, for progress display. */
  readonly onProgress?: (progress: { readonly filesRead: number; readonly files: number; readonly documents: number; final?: boolean }) => void
}

export interface StageStats {
  name: string
  kind: "document" | "corpus"
  documents: number
  changed: number
  events: number
  dropped: number
  rejected: number
  rules: Record<string, number>
  ms: number
}

export interface RunSummary {
  readonly run: string
  readonly output: string
  readonly files: number
  readonly kept: number
  readonly dropped: number
  readonly rejected: number
  readonly record: Record<string, unknown>
}

/** The stages to run: the `--only` list or the config's, always in registry (pipeline) order. */
export const selectStages = (
  names: ReadonlyArray<string> | null,
  configured: ReadonlyArray<string>,
  stages: ReadonlyArray<Stage> = registry
): Effect.Effect<ReadonlyArray<Stage>, UsageError> => {
  const wanted = names ?? configured
  const unknown = wanted.filter((n) => !stages.some((s) => s.name === n))
  if (unknown.length > 0)
    return Effect.fail(new UsageError({ message: `unknown stage${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")} (known: ${stages.map((s) => s.name).join(", ")})` }))
  return Effect.succeed(stages.filter((s) => wanted.includes(s.name)))
}

/** Options for a stage: the config's (already decoded with the stage's defaults), else the defaults. */
export const stageOptions = (stage: Stage, loaded: LoadedConfig): unknown =>
  (loaded.config.options as Record<string, unknown>)[stage.name] ?? defaultOptions(stage)

const emptyStats = (stage: Stage): StageStats => ({ name: stage.name, kind: stage.kind, documents: 0, changed: 0, events: 0, dropped: 0, rejected: 0, rules: {}, ms: 0 })

/** Paragraph stages need paragraphs even when `split-paragraphs` was left out by `--only`. */
const ensureNeeds = (doc: Doc, stage: Stage): Doc =>
  stage.needs === "paragraphs" && doc.paragraphs.length === 0 && doc.body.length > 0
    ? doc.with({ paragraphs: blankLineParagraphs(doc.body), body: "" })
    : doc

/** Applies one per-document stage to one flow; a stage that throws rejects that document only. */
export const applyDocumentStage = (stage: DocumentStage<any>, options: unknown, runId: string, stats: StageStats) => (flow: Flow): Flow => {
  if (flow.dropped) return flow
  const t0 = performance.now()
  stats.documents++
  try {
    const input = ensureNeeds(flow.doc, stage)
    const result = stage.run(input, options)
    const events = result.events.map((e) => toAuditEvent(runId, flow.doc.id, stage.name, e))
    for (const e of events) stats.rules[e.rule] = (stats.rules[e.rule] ?? 0) + 1
    stats.events += events.length
    if (events.length > 0) stats.changed++
    if (result.drop) {
      stats.dropped++
      const drop = toAuditEvent(runId, flow.doc.id, stage.name, result.drop)
      return { doc: result.doc, events: [...flow.events, ...events, drop], dropped: true }
    }
    return { doc: result.doc, events: events.length ? [...flow.events, ...events] : flow.events, dropped: false }
  } catch (e) {
    stats.rejected++
    const message = e instanceof Error ? e.message : String(e)
    const d = flow.doc
    // The rejected document's every field goes into the event: nothing of it is lost.
    const text = [d.title, d.url, d.source, d.published, d.body.length > 0 ? d.body : d.paragraphs.join("\n\n")].filter((x) => x).join("\n\n")
    const event = toAuditEvent(runId, flow.doc.id, stage.name, {
      rule: "stage-error",
      action: "reject-document",
      text,
      reason: `The ${stage.name} stage failed on this document (${message}); it was set aside and the run went on.`
    })
    return { doc: flow.doc, events: [...flow.events, event], dropped: true }
  } finally {
    stats.ms += performance.now() - t0
  }
}

const rejectionFlow = (runId: string, item: Extract<ReadItem, { _tag: "Rejected" }>): Flow => ({
  doc: makeDoc({ id: item.id, sourceFile: item.sourceFile }),
  events: [
    toAuditEvent(runId, item.id, "read", {
      rule: "unusable-input",
      action: "reject-document",
      text: item.text,
      reason: `${item.sourceFile}: ${item.reason}`
    })
  ],
  dropped: true
})

/** Flows from the inputs: documents, rejections, and a rejection for each repeated id. */
export const readFlows = (files: ReadonlyArray<InputFile>, loaded: LoadedConfig, runId: string, onRead: () => void): Stream.Stream<Flow> => {
  const seen = new Set<string>()
  return Stream.fromIterable(files).pipe(
    // Files are opened a few at a time but their items come out in file order, so runs are repeatable.
    Stream.mapEffect((f) => readInputStream(f, loaded.config), { concurrency: loaded.config.concurrency }),
    Stream.flatMap((items) => Stream.concat(items, Stream.fromEffect(Effect.sync(onRead)).pipe(Stream.drain))),
    Stream.map((item): Flow => {
      if (item._tag === "Rejected") return rejectionFlow(runId, item)
      if (seen.has(item.doc.id))
        return rejectionFlow(runId, { _tag: "Rejected", id: item.doc.id, sourceFile: item.doc.sourceFile, reason: `another input already has the id ${item.doc.id}; ids must be unique`, text: item.doc.body })
      seen.add(item.doc.id)
      return { doc: item.doc, events: [], dropped: false }
    })
  )
}

/** Folds the stages over the stream, in order. */
export const applyStages = (
  input: Stream.Stream<Flow, Error>,
  stages: ReadonlyArray<Stage>,
  loaded: LoadedConfig,
  runId: string,
  history: boolean,
  stats: StageStats[]
): Stream.Stream<Flow, Error> =>
  stages.reduce((stream, stage) => {
    const s = emptyStats(stage)
    stats.push(s)
    const options = stageOptions(stage, loaded)
    if (stage.kind === "document") return Stream.map(stream, applyDocumentStage(stage, options, runId, s))
    const corpus = stage as CorpusStage<unknown>
    const stateDir = resolve(loaded.baseDir, loaded.config.stateDir)
    // A corpus stage interleaves with the stages before it, so its time is the wall-clock span
    // from its first input to its last output (upstream work included).
    let first: number | null = null
    const prepared = Stream.map(stream, (f) => {
      first ??= performance.now()
      if (!f.dropped) s.documents++
      return f.dropped ? f : { ...f, doc: ensureNeeds(f.doc, stage) }
    })
    return corpus.run(prepared, options, { runId, stateDir, history }).pipe(
      Stream.map((f) => {
        if (first !== null) s.ms = performance.now() - first
        const mine = f.events.filter((e) => e.stage === stage.name)
        for (const e of mine) {
          s.events++
          s.rules[e.rule] = (s.rules[e.rule] ?? 0) + 1
          if (e.action === "drop-document") s.dropped++
        }
        return f
      })
    )
  }, input)

/** Identifies the input set: each file's name, size and modification time (cheap, without a second read). */
const hashFiles = (files: ReadonlyArray<InputFile>): string => {
  const h = createHash("sha256")
  for (const f of files) {
    const info = statSync(f.path, { throwIfNoEntry: false })
    h.update(`${f.display}\0${info?.size ?? -1}\0${info?.mtimeMs ?? -1}\n`)
  }
  return h.digest("hex").slice(0, 16)
}

export const newRunId = (): string => `${new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "")}-${randomUUID().slice(0, 8)}`

export const runPipeline = (params: RunParams): Effect.Effect<RunSummary, RunError | UsageError | LockError> =>
  Effect.gen(function* () {
    const { loaded } = params
    const runId = newRunId()
    const started = new Date()
    const available = params.registry ?? registry
    const stages = yield* selectStages(params.only, params.registry ? available.map((s) => s.name) : loaded.config.stages, available)
    const files = yield* listInputs(params.input).pipe(Effect.mapError((e) => new UsageError({ message: e.message })))
    if (files.length === 0) yield* Effect.logWarning(`no input files (.txt, .jsonl, .ndjson, .csv) in ${params.input}`)
    yield* Effect.logInfo(`run ${runId}: ${files.length} input file(s) from ${params.input}, stages ${stages.map((s) => s.name).join(", ")}`)

    yield* acquireLock(params.output)
    // Whatever ends the run early (a failure, SIGINT, SIGTERM) removes the temporary folder; the previous output stays.
    const writer = yield* Effect.acquireRelease(
      openOutput(params.output, runId, { bom: loaded.config.csv.bom }).pipe(Effect.mapError((e) => new RunError({ message: e.message }))),
      (w, exit) => (Exit.isSuccess(exit) ? Effect.void : w.abort)
    )
    const stats: StageStats[] = []
    let read = 0
    let kept = 0
    let dropped = 0
    let rejected = 0
    const definitions = new Map<string, number>()
    const flows = applyStages(
      readFlows(files, loaded, runId, () => {
        read++
      }),
      stages,
      loaded,
      runId,
      params.history,
      stats
    )
    const t0 = performance.now()
    const exit = yield* Stream.runForEach(flows, (flow) =>
      Effect.gen(function* () {
        yield* writer.writeEvents(flow.events)
        params.onProgress?.({ filesRead: read, files: files.length, documents: kept + dropped + rejected + 1 })
        for (const e of flow.events) if (e.rule === "abbreviation-definition" && e.replacement) definitions.set(e.replacement, (definitions.get(e.replacement) ?? 0) + 1)
        if (!flow.dropped) {
          kept++
          yield* writer.writeDoc(flow.doc)
        } else if (flow.events.some((e: AuditEvent) => e.action === "reject-document")) rejected++
        else dropped++
      })
    ).pipe(Effect.exit)
    if (Exit.isFailure(exit)) {
      if (Exit.isInterrupted(exit)) return yield* Effect.interrupt
      return yield* new RunError({ message: `run failed, previous output left untouched: ${Cause.pretty(exit.cause)}` })
    }
    params.onProgress?.({ filesRead: read, files: files.length, documents: kept + dropped + rejected, final: true })
    const finished = new Date()
    const record = {
      run: runId,
      started: started.toISOString(),
      finished: finished.toISOString(),
      duration_ms: Math.round(performance.now() - t0),
      input: { path: params.input, files: files.length, files_hash: hashFiles(files) },
      config: { file: loaded.file, hash: loaded.hash },
      history: params.history,
      stages: stats.map((s) => ({ ...s, ms: Math.round(s.ms * 10) / 10 })),
      outcomes: { kept, dropped, rejected },
      abbreviation_definitions: [...definitions].sort((a, b) => b[1] - a[1]).map(([definition, documents]) => ({ definition, documents }))
    }
    yield* writer.commit(record).pipe(Effect.mapError((e) => new RunError({ message: e.message })))
    yield* Effect.logInfo(`run ${runId} done: ${kept} kept, ${dropped} dropped, ${rejected} rejected → ${params.output}`)
    return { run: runId, output: params.output, files: files.length, kept, dropped, rejected, record }
  }).pipe(Effect.scoped)
