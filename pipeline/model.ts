// The document model and the audit event: the records every stage reads and returns.
import { Schema } from "effect"

export class DateAnnotation extends Schema.Class<DateAnnotation>("DateAnnotation")({
  paragraph: Schema.Int,
  start: Schema.Int,
  end: Schema.Int,
  text: Schema.String,
  /** TIMEX3-style value: 2024-07-13, 2024-06, 2024, 200X, XXXX-WXX-5, 2024-07-23T19:01, 2024-Q3, 2024-FA … */
  value: Schema.String
}) {}

export class EntityAnnotation extends Schema.Class<EntityAnnotation>("EntityAnnotation")({
  paragraph: Schema.Int,
  start: Schema.Int,
  end: Schema.Int,
  text: Schema.String,
  canonical: Schema.String,
  /** organisation, person, place, agency … (from the gazetteer or the way it was found) */
  type: Schema.optional(Schema.String)
}) {}

export class DuplicateRef extends Schema.Class<DuplicateRef>("DuplicateRef")({
  doc: Schema.String,
  paragraph: Schema.NullOr(Schema.Int)
}) {}

/**
 * A document as it flows through the stages.
 * Before `split-paragraphs` the text lives in `body`; the stage moves it into `paragraphs`
 * and empties `body`. Later stages work on `paragraphs`.
 */
export class Doc extends Schema.Class<Doc>("Doc")({
  id: Schema.String,
  sourceFile: Schema.String,
  title: Schema.NullOr(Schema.String),
  published: Schema.NullOr(Schema.String),
  publishedTime: Schema.NullOr(Schema.String),
  url: Schema.NullOr(Schema.String),
  source: Schema.NullOr(Schema.String),
  tags: Schema.Array(Schema.String),
  /** The tag list exactly as scraped, before normalise-entities maps it to canonical names. */
  rawTags: Schema.Array(Schema.String),
  body: Schema.String,
  paragraphs: Schema.Array(Schema.String),
  dates: Schema.Array(DateAnnotation),
  entities: Schema.Array(EntityAnnotation),
  /** Ids of documents dropped as copies of this one (filled by dedupe-documents). */
  duplicates: Schema.Array(Schema.String),
  /** Fields the reader was given explicitly (JSONL/CSV): stages must not overwrite them. */
  given: Schema.Array(Schema.Literal("title", "url", "published", "source")),
  /** How the input was decoded (utf-8, utf-8-bom, utf-16le, windows-1251 …). */
  encoding: Schema.String
}) {
  /** A copy with some fields changed; skips re-validation, the fields are already typed. */
  with(patch: Partial<DocFields>): Doc {
    return new Doc({ ...fieldsOf(this), ...patch }, true)
  }
}

export type DocFields = Schema.Struct.Type<typeof Doc.fields>

const fieldsOf = (d: Doc): DocFields => ({
  id: d.id,
  sourceFile: d.sourceFile,
  title: d.title,
  published: d.published,
  publishedTime: d.publishedTime,
  url: d.url,
  source: d.source,
  tags: d.tags,
  rawTags: d.rawTags,
  body: d.body,
  paragraphs: d.paragraphs,
  dates: d.dates,
  entities: d.entities,
  duplicates: d.duplicates,
  given: d.given,
  encoding: d.encoding
})

export const makeDoc = (p: Partial<DocFields> & { id: string; sourceFile: string }): Doc =>
  new Doc(
    {
      title: null,
      published: null,
      publishedTime: null,
      url: null,
      source: null,
      tags: [],
      rawTags: [],
      body: "",
      paragraphs: [],
      dates: [],
      entities: [],
      duplicates: [],
      given: [],
      encoding: "utf-8",
      ...p
    },
    true
  )

export const AuditAction = Schema.Literal(
  "remove",
  "replace",
  "split",
  "extract",
  "annotate",
  "drop-document",
  "reject-document"
)
export type AuditAction = typeof AuditAction.Type

/**
 * One change a stage made, as the stage reports it. The runner adds `run` and `doc`.
 * `text` is the exact text taken out or changed: the audit loses nothing.
 */
export interface StageEvent {
  readonly rule: string
  readonly action: AuditAction
  readonly text: string
  readonly replacement?: string | null
  readonly reason: string
  readonly duplicate_of?: { readonly doc: string; readonly paragraph: number | null } | null
  /** Index of the paragraph the change concerns, when there is one. */
  readonly paragraph?: number | null
}

export class AuditEvent extends Schema.Class<AuditEvent>("AuditEvent")({
  run: Schema.String,
  doc: Schema.String,
  stage: Schema.String,
  rule: Schema.String,
  action: AuditAction,
  text: Schema.String,
  replacement: Schema.NullOr(Schema.String),
  reason: Schema.String,
  duplicate_of: Schema.NullOr(Schema.Struct({ doc: Schema.String, paragraph: Schema.NullOr(Schema.Int) })),
  paragraph: Schema.optional(Schema.NullOr(Schema.Int))
}) {}

/** Splits text into paragraphs at blank lines: the fallback when `split-paragraphs` did not run. */
export const blankLineParagraphs = (text: string): string[] =>
  text
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)

/** The audit record of a stage's event, as the runner writes it. */
export const toAuditEvent = (run: string, doc: string, stage: string, e: StageEvent): AuditEvent =>
  new AuditEvent(
    {
      run,
      doc,
      stage,
      rule: e.rule,
      action: e.action,
      text: e.text,
      replacement: e.replacement ?? null,
      reason: e.reason,
      duplicate_of: e.duplicate_of ?? null,
      ...(e.paragraph !== undefined ? { paragraph: e.paragraph } : {})
    },
    true
  )
