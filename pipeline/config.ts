// The pipeline's configuration: what `pipeline.config.ts` exports, decoded with Schema so that a
// wrong key or type is reported with its path before anything runs.
import { Data, Effect, Either, ParseResult, Schema } from "effect"
import { createHash } from "node:crypto"
import { existsSync } from "node:fs"
import { resolve } from "node:path"
import { pathToFileURL } from "node:url"
import { registry } from "../stages/index.js"

export class ConfigError extends Data.TaggedError("ConfigError")<{ readonly message: string }> {}

/** Which CSV column holds which field; only `text` is required. */
export const CsvColumns = Schema.Struct({
  id: Schema.optionalWith(Schema.String, { default: () => "id" }),
  text: Schema.optionalWith(Schema.String, { default: () => "text" }),
  title: Schema.optionalWith(Schema.String, { default: () => "title" }),
  url: Schema.optionalWith(Schema.String, { default: () => "url" }),
  published: Schema.optionalWith(Schema.String, { default: () => "published" }),
  source: Schema.optionalWith(Schema.String, { default: () => "source" })
})

const stageNames = registry.map((s) => s.name)

const StageOptions = Schema.Struct(
  Object.fromEntries(registry.map((s) => [s.name, Schema.optional(s.options as Schema.Schema<unknown, any>)]))
)

export const PipelineConfig = Schema.Struct({
  /** A folder of dumps or one file; relative paths are taken from the config file's folder. */
  input: Schema.optionalWith(Schema.String, { default: () => "seeds" }),
  output: Schema.optionalWith(Schema.String, { default: () => "output" }),
  /** Where indexes kept across runs live (the document-dedupe history). */
  stateDir: Schema.optionalWith(Schema.String, { default: () => ".state" }),
  /** The stages to run, in pipeline order; defaults to all of them. */
  stages: Schema.optionalWith(Schema.Array(Schema.Literal(...(stageNames as [string, ...string[]]))), {
    default: () => stageNames
  }),
  /** Per-stage options, keyed by stage name. */
  options: Schema.optionalWith(StageOptions, { default: () => ({}) }),
  /** How many files are read at once. */
  concurrency: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 64)), { default: () => 4 }),
  /** Inputs larger than this are rejected rather than read. */
  maxFileBytes: Schema.optionalWith(Schema.Int.pipe(Schema.positive()), { default: () => 20 * 1024 * 1024 }),
  csv: Schema.optionalWith(
    Schema.Struct({
      /** Columns of input CSV exports. */
      columns: Schema.optionalWith(CsvColumns, { default: () => Schema.decodeSync(CsvColumns)({}) }),
      delimiter: Schema.optionalWith(Schema.String, { default: () => "," }),
      /** Write a UTF-8 byte-order mark in corpus.csv so Excel on Windows reads it as UTF-8. */
      bom: Schema.optionalWith(Schema.Boolean, { default: () => false })
    }),
    { default: () => ({ columns: Schema.decodeSync(CsvColumns)({}), delimiter: ",", bom: false }) }
  )
})
export type PipelineConfig = typeof PipelineConfig.Type
export type PipelineConfigInput = typeof PipelineConfig.Encoded

/** What `pipeline.config.ts` default-exports: typed, so editors check it as it is written. */
export const defineConfig = (config: PipelineConfigInput): PipelineConfigInput => config

export const decodeConfig = (raw: unknown, origin: string): Either.Either<PipelineConfig, ConfigError> =>
  Schema.decodeUnknownEither(PipelineConfig, { onExcessProperty: "error", errors: "all" })(raw).pipe(
    Either.mapLeft(
      (e) =>
        new ConfigError({
          message: `${origin} is not a valid pipeline config:\n${ParseResult.ArrayFormatter.formatErrorSync(e)
            .map((i) => `  - at ${i.path.length ? i.path.join(".") : "(top level)"}: ${i.message}`)
            .join("\n")}`
        })
    )
  )

export interface LoadedConfig {
  readonly config: PipelineConfig
  /** The file it came from, or null for built-in defaults. */
  readonly file: string | null
  /** Relative paths in the config are taken from here. */
  readonly baseDir: string
  readonly hash: string
}

export const configHash = (config: PipelineConfig): string =>
  createHash("sha256").update(JSON.stringify(config)).digest("hex").slice(0, 16)

/** Loads and decodes a config file; with no file named, `pipeline.config.ts` in the working folder if present. */
export const loadConfig = (file: string | null): Effect.Effect<LoadedConfig, ConfigError> =>
  Effect.gen(function* () {
    const path = file ?? (existsSync("pipeline.config.ts") ? "pipeline.config.ts" : null)
    if (path === null) {
      const config = yield* decodeConfig({}, "the built-in defaults")
      return { config, file: null, baseDir: process.cwd(), hash: configHash(config) }
    }
    const abs = resolve(path)
    if (!existsSync(abs)) return yield* new ConfigError({ message: `config file not found: ${path}` })
    const mod = yield* Effect.tryPromise({
      try: () => import(pathToFileURL(abs).href) as Promise<{ default?: unknown }>,
      catch: (e) => new ConfigError({ message: `could not load config ${path}: ${e instanceof Error ? e.message : String(e)}` })
    })
    if (mod.default === undefined) return yield* new ConfigError({ message: `${path} has no default export (export default defineConfig({...}))` })
    const config = yield* decodeConfig(mod.default, path)
    return { config, file: abs, baseDir: resolve(abs, ".."), hash: configHash(config) }
  })
