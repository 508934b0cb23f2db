// The command line: run, stages, stage, explain. Exit status: 0 every input processed,
// 1 the run failed (or --strict and an input was rejected), 2 bad usage or config.
import { Args, Command, Options, ValidationError } from "@effect/cli"
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Cause, Effect, Exit, Layer, Logger, LogLevel, Option } from "effect"
import { readFileSync } from "node:fs"
import { resolve } from "node:path"
import { registry } from "../stages/index.js"
import { type LoadedConfig, loadConfig } from "./config.js"
import { explainDoc, formatEvent, inspectStage, unifiedDiff } from "./inspect.js"
import { runPipeline } from "./runner.js"

const version = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version

/** Set by the handlers; read by the teardown that ends the process. */
let exitCode = 0

const configOpt = Options.file("config").pipe(Options.withDescription("Config file (default: pipeline.config.ts in the working folder, if any)."), Options.optional)
const outputOpt = Options.directory("output").pipe(Options.withDescription("Output folder (default: the config's `output`, else output/)."), Options.optional)
const inputOpt = Options.text("input").pipe(Options.withDescription("A folder (its .txt, .jsonl/.ndjson and .csv files) or one such file (default: the config's `input`, else seeds/)."), Options.optional)
const onlyOpt = Options.text("only").pipe(Options.withDescription("Comma-separated stage names to run (in pipeline order); reading and writing always happen."), Options.optional)
const strictOpt = Options.boolean("strict").pipe(Options.withDescription("Exit 1 when any input was rejected."))
const noHistoryOpt = Options.boolean("no-history").pipe(Options.withDescription("Ignore the cross-run dedupe history: neither read nor update it."))
const logFormatOpt = Options.choice("log-format", ["json", "pretty"]).pipe(
  Options.withDescription("Log lines on stderr: json (one object per line, for cron) or pretty. Default: pretty on a terminal, json otherwise."),
  Options.optional
)

const useConfig = (file: Option.Option<string>) => loadConfig(Option.getOrNull(file))

const fromConfig = (loaded: LoadedConfig, key: "input" | "output", given: Option.Option<string>): string =>
  Option.match(given, { onSome: (v) => v, onNone: () => resolve(loaded.baseDir, loaded.config[key]) })

/** One line on stderr, redrawn at most ten times a second, on a terminal only. */
const progress = (enabled: boolean) => {
  let last = 0
  return (p: { readonly filesRead: number; readonly files: number; readonly documents: number; readonly final?: boolean }) => {
    if (!enabled) return
    const now = Date.now()
    if (now - last < 100 && !p.final) return
    last = now
    process.stderr.write(`\r\u001b[2K${p.filesRead}/${p.files} files read, ${p.documents} documents done${p.final ? "\n" : ""}`)
  }
}

const runHandler = (o: {
  readonly input: Option.Option<string>
  readonly output: Option.Option<string>
  readonly config: Option.Option<string>
  readonly only: Option.Option<string>
  readonly strict: boolean
  readonly noHistory: boolean
  readonly logFormat: Option.Option<"json" | "pretty">
}) =>
  Effect.gen(function* () {
    const loaded = yield* useConfig(o.config)
    const only = Option.map(o.only, (s) => s.split(",").map((x) => x.trim()).filter(Boolean))
    const summary = yield* runPipeline({
      input: fromConfig(loaded, "input", o.input),
      output: fromConfig(loaded, "output", o.output),
      loaded,
      only: Option.getOrNull(only),
      history: !o.noHistory,
      onProgress: progress(process.stderr.isTTY === true)
    })
    if (process.stdout.isTTY) {
      console.log(`${summary.kept} kept, ${summary.dropped} dropped, ${summary.rejected} rejected from ${summary.files} file(s) → ${summary.output}`)
    }
    if (o.strict && summary.rejected > 0) {
      yield* Effect.logError(`--strict: ${summary.rejected} input(s) rejected (see ${summary.output}/audit.jsonl, action reject-document)`)
      exitCode = 1
    }
  }).pipe(withLogFormat(o.logFormat))

const runOptions = {
  input: inputOpt,
  output: outputOpt,
  config: configOpt,
  only: onlyOpt,
  strict: strictOpt,
  noHistory: noHistoryOpt,
  logFormat: logFormatOpt
}

const run = Command.make("run", runOptions, runHandler).pipe(Command.withDescription("Clean the input into the output folder (the default command)."))

const stages = Command.make("stages", {}, () =>
  Effect.sync(() => {
    const width = Math.max(...registry.map((s) => s.name.length))
    registry.forEach((s, i) => console.log(`${String(i + 1).padStart(2)}. ${s.name.padEnd(width)}  ${s.kind === "corpus" ? "[corpus] " : ""}${s.description}`))
  })
).pipe(Command.withDescription("List every stage, in pipeline order, with what it does."))

const stage = Command.make(
  "stage",
  {
    name: Args.text({ name: "NAME" }).pipe(Args.withDescription("The stage to inspect (see `pipeline stages`).")),
    file: Args.text({ name: "FILE" }).pipe(Args.withDescription("One input file (.txt, .jsonl or .csv).")),
    config: configOpt,
    json: Options.boolean("json").pipe(Options.withDescription("Print the views as JSON instead of a diff."))
  },
  ({ name, file, config, json }) =>
    Effect.gen(function* () {
      const loaded = yield* useConfig(config)
      const views = yield* inspectStage(name, file, loaded)
      if (json) {
        console.log(JSON.stringify(views, null, 2))
        return
      }
      const color = process.stdout.isTTY === true
      for (const v of views) {
        console.log(`== ${v.doc}: ${name}${v.dropped ? " (document dropped or rejected)" : ""}`)
        console.log(v.before === v.after ? "  (no change)" : unifiedDiff(v.before, v.after, color))
        console.log(`\n-- ${v.events.length} audit event(s)`)
        for (const e of v.events) console.log(formatEvent(e))
        console.log("")
      }
    })
).pipe(Command.withDescription("Run the stages up to and including NAME on one file and show what NAME changed, with its audit events."))

const explain = Command.make(
  "explain",
  {
    docId: Args.text({ name: "DOC_ID" }).pipe(Args.withDescription("The document id (its input file name without extension).")),
    output: outputOpt,
    config: configOpt
  },
  ({ docId, output, config }) =>
    Effect.gen(function* () {
      const loaded = yield* useConfig(config)
      const dir = fromConfig(loaded, "output", output)
      const { events, kept } = yield* explainDoc(docId, dir)
      console.log(`${docId}: ${kept ? "kept in corpus.jsonl" : "not in the corpus (dropped or rejected)"}; ${events.length} audit event(s) in ${dir}/audit.jsonl`)
      for (const e of events) console.log(formatEvent(e))
    })
).pipe(Command.withDescription("Print a document's whole audit trail from an output folder."))

// The bare command runs the pipeline, so `npm run pipeline` cleans seeds/ into output/.
const root = Command.make("pipeline", runOptions, runHandler).pipe(
  Command.withDescription("Clean scraped news dumps into a deduplicated corpus with an audit log."),
  Command.withSubcommands([run, stages, stage, explain])
)

function withLogFormat(format: Option.Option<"json" | "pretty">) {
  const chosen = Option.getOrElse(format, () => (process.stderr.isTTY ? "pretty" : "json"))
  const logger =
    chosen === "json"
      ? Logger.withConsoleError(Logger.jsonLogger)
      : Logger.make(({ logLevel, message }) => {
          const text = Array.isArray(message) ? message.join(" ") : String(message)
          process.stderr.write(`${logLevel.label.toLowerCase()}: ${text}\n`)
        })
  return <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.provide(self, Logger.replace(Logger.defaultLogger, logger))
}

const cli = Command.run(root, { name: "pipeline", version })

const main = Effect.suspend(() => cli(process.argv)).pipe(
  Effect.catchAll((e: unknown) =>
    Effect.sync(() => {
      if (ValidationError.isValidationError(e)) {
        // @effect/cli has already printed the usage error.
        exitCode = 2
        return
      }
      const tagged = e as { _tag?: string; message?: string }
      exitCode = tagged._tag === "ConfigError" || tagged._tag === "UsageError" ? 2 : 1
      process.stderr.write(`error: ${tagged.message ?? String(e)}\n`)
    })
  ),
  Effect.provide(Layer.mergeAll(NodeContext.layer, Logger.minimumLogLevel(LogLevel.Info)))
)

NodeRuntime.runMain(main, {
  disablePrettyLogger: true,
  teardown: (exit, onExit) => {
    if (Exit.isFailure(exit)) {
      if (!Cause.isInterruptedOnly(exit.cause)) process.stderr.write(`error: ${Cause.pretty(exit.cause)}\n`)
      else process.stderr.write("interrupted: the previous output was left untouched\n")
      onExit(1)
    } else {
      process.exitCode = exitCode
      onExit(exitCode)
    }
  }
})
