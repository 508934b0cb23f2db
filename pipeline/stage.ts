// What a stage is: a named value with a description, its options schema and a function.
// Stages never write files or log; they return audit events and the runner records them.
import type { Stream } from "effect"
import { Schema } from "effect"
import type { AuditEvent, Doc, StageEvent } from "./model.js"

/** What a per-document stage returns: the new document and the changes it made. */
export interface DocResult {
  readonly doc: Doc
  readonly events: ReadonlyArray<StageEvent>
  /** Set when the stage drops the whole document (its event has action `drop-document`). */
  readonly drop?: StageEvent
}

/** A document on its way through the pipeline, with every audit event recorded for it so far. */
export interface Flow {
  readonly doc: Doc
  readonly events: ReadonlyArray<AuditEvent>
  /** Dropped or rejected documents still flow to the writer, which puts them in the audit only. */
  readonly dropped: boolean
}

/** Text stages work on `body` (before split-paragraphs) or on `paragraphs` (after it). */
export type Needs = "body" | "paragraphs" | "none"

export interface DocumentStage<O = unknown> {
  readonly kind: "document"
  readonly name: string
  readonly description: string
  readonly needs: Needs
  readonly options: Schema.Schema<O, any>
  readonly run: (doc: Doc, options: O) => DocResult
}

/** What a corpus-level stage may use besides its options. */
export interface CorpusContext {
  readonly runId: string
  /** Folder for state kept across runs (indexes); created on demand by the stage. */
  readonly stateDir: string
  /** `--no-history`: ignore and do not update state kept across runs. */
  readonly history: boolean
}

/**
 * A stage over the whole stream, for cross-document work. It must pass dropped flows through
 * untouched and append its own events (built with `toAuditEvent`) to the flows it changes.
 */
export interface CorpusStage<O = unknown> {
  readonly kind: "corpus"
  readonly name: string
  readonly description: string
  readonly needs: Needs
  readonly options: Schema.Schema<O, any>
  readonly run: (input: Stream.Stream<Flow, Error>, options: O, ctx: CorpusContext) => Stream.Stream<Flow, Error>
}

export type Stage = DocumentStage<any> | CorpusStage<any>

export const defineDocumentStage = <O, I>(stage: {
  readonly name: string
  readonly description: string
  readonly needs: Needs
  readonly options: Schema.Schema<O, I>
  readonly run: (doc: Doc, options: O) => DocResult
}): DocumentStage<O> => ({ kind: "document", ...stage })

export const defineCorpusStage = <O, I>(stage: {
  readonly name: string
  readonly description: string
  readonly needs: Needs
  readonly options: Schema.Schema<O, I>
  readonly run: (input: Stream.Stream<Flow, Error>, options: O, ctx: CorpusContext) => Stream.Stream<Flow, Error>
}): CorpusStage<O> => ({ kind: "corpus", ...stage })

/** A stage's default options: its schema decoded from an empty object. */
export const defaultOptions = <O>(stage: { readonly options: Schema.Schema<O, any> }): O =>
  Schema.decodeUnknownSync(stage.options)({})
