// Writers: corpus.jsonl, corpus.csv, documents/ID.txt, audit.jsonl and run.json, written into a
// temporary folder beside the target and moved into place only when the run succeeded.
import { stringify } from "csv-stringify"
import { Data, Effect } from "effect"
import { createHash } from "node:crypto"
import { createWriteStream, type WriteStream } from "node:fs"
import { mkdir, rename, rm, writeFile } from "node:fs/promises"
import { basename, dirname, join, resolve } from "node:path"
import { finished } from "node:stream/promises"
import type { AuditEvent, Doc } from "./model.js"
import { blankLineParagraphs } from "./model.js"
import { entityNames } from "../stages/normalise-entities.js"

export class OutputError extends Data.TaggedError("OutputError")<{ readonly message: string }> {}

export const CSV_COLUMNS = ["id", "title", "published", "url", "source", "tags", "entities", "text"] as const

/** A document's final paragraphs: split by blank lines if no stage split them. */
export const finalParagraphs = (doc: Doc): ReadonlyArray<string> =>
  doc.paragraphs.length > 0 || doc.body.length === 0 ? doc.paragraphs : blankLineParagraphs(doc.body)

export const contentHash = (text: string): string => createHash("sha256").update(text).digest("hex")

/** File name for a document id: ids from JSONL/CSV may hold characters a file name cannot. */
export const fileNameFor = (id: string): string => {
  const safe = id.replace(/[^\p{L}\p{N}._-]+/gu, "_").replace(/^\.+/, "_").slice(0, 180)
  return safe === id ? `${safe}.txt` : `${safe}-${contentHash(id).slice(0, 8)}.txt`
}

export const corpusRecord = (doc: Doc) => {
  const paragraphs = finalParagraphs(doc)
  const text = paragraphs.join("\n\n")
  return {
    id: doc.id,
    source_file: doc.sourceFile,
    title: doc.title,
    published: doc.published,
    published_time: doc.publishedTime,
    url: doc.url,
    source: doc.source,
    tags: doc.tags,
    paragraphs,
    text,
    dates: doc.dates.map((d) => ({ paragraph: d.paragraph, start: d.start, end: d.end, text: d.text, value: d.value })),
    entities: doc.entities.map((e) => ({ paragraph: e.paragraph, start: e.start, end: e.end, text: e.text, canonical: e.canonical, ...(e.type ? { type: e.type } : {}) })),
    duplicates: doc.duplicates,
    encoding: doc.encoding,
    content_hash: contentHash(text)
  }
}

// Spreadsheets also run a formula behind leading white space; NUL breaks some readers outright.
const FORMULA_AFTER_SPACE = /^[\s\u00A0]+[=+\-@]/

export const csvCell = (value: string): string => {
  const clean = value.replace(/\u0000/g, "")
  return FORMULA_AFTER_SPACE.test(clean) ? `'${clean}` : clean
}

export const csvRow = (doc: Doc) => {
  const r = corpusRecord(doc)
  return {
    id: csvCell(r.id),
    title: csvCell(r.title ?? ""),
    published: csvCell(r.published ?? ""),
    url: csvCell(r.url ?? ""),
    source: csvCell(r.source ?? ""),
    tags: csvCell(r.tags.join("; ")),
    entities: csvCell(entityNames(doc).join("; ")),
    text: csvCell(r.text)
  }
}

export const documentText = (doc: Doc): string => {
  const paragraphs = finalParagraphs(doc).join("\n\n")
  return doc.title ? `${doc.title}\n\n${paragraphs}\n` : `${paragraphs}\n`
}

const writeChunk = (stream: WriteStream, chunk: string): Promise<void> =>
  stream.write(chunk) ? Promise.resolve() : new Promise((res) => stream.once("drain", () => res()))

export interface OutputWriter {
  readonly tmpDir: string
  readonly writeDoc: (doc: Doc) => Effect.Effect<void, OutputError>
  readonly writeEvents: (events: ReadonlyArray<AuditEvent>) => Effect.Effect<void, OutputError>
  /** Closes the files, writes run.json and swaps the temporary folder into place. */
  readonly commit: (run: unknown) => Effect.Effect<void, OutputError>
  /** Removes the temporary folder; the previous output stays untouched. */
  readonly abort: Effect.Effect<void>
}

const fail = (what: string) => (e: unknown) => new OutputError({ message: `${what}: ${e instanceof Error ? e.message : String(e)}` })

export const tmpDirFor = (outputDir: string, runId: string): string => join(dirname(resolve(outputDir)), `.${basename(resolve(outputDir))}.tmp-${runId}`)

export const openOutput = (outputDir: string, runId: string, options: { readonly bom: boolean }): Effect.Effect<OutputWriter, OutputError> =>
  Effect.tryPromise({
    try: async () => {
      const target = resolve(outputDir)
      const tmpDir = tmpDirFor(target, runId)
      await mkdir(join(tmpDir, "documents"), { recursive: true })
      const corpus = createWriteStream(join(tmpDir, "corpus.jsonl"))
      const audit = createWriteStream(join(tmpDir, "audit.jsonl"))
      const csvFile = createWriteStream(join(tmpDir, "corpus.csv"))
      const csv = stringify({ header: true, columns: [...CSV_COLUMNS], bom: options.bom, quoted: true, escape_formulas: true, record_delimiter: "windows" })
      csv.pipe(csvFile)
      const closeAll = async () => {
        csv.end()
        corpus.end()
        audit.end()
        await Promise.all([finished(csvFile), finished(corpus), finished(audit)])
      }
      const writer: OutputWriter = {
        tmpDir,
        writeDoc: (doc) =>
          Effect.tryPromise({
            try: async () => {
              await writeChunk(corpus, JSON.stringify(corpusRecord(doc)) + "\n")
              if (!csv.write(csvRow(doc))) await new Promise((res) => csv.once("drain", res))
              await writeFile(join(tmpDir, "documents", fileNameFor(doc.id)), documentText(doc))
            },
            catch: fail(`writing document ${doc.id}`)
          }),
        writeEvents: (events) =>
          events.length === 0
            ? Effect.void
            : Effect.tryPromise({ try: () => writeChunk(audit, events.map((e) => JSON.stringify(e)).join("\n") + "\n"), catch: fail("writing audit.jsonl") }),
        commit: (run) =>
          Effect.tryPromise({
            try: async () => {
              await closeAll()
              await writeFile(join(tmpDir, "run.json"), JSON.stringify(run, null, 2) + "\n")
              // Swap: the old output is moved aside first, so the target is never half-written.
              const old = `${tmpDir}.old`
              let hadOld = true
              await rename(target, old).catch((e: { code?: string }) => {
                if (e.code === "ENOENT") hadOld = false
                else throw e
              })
              try {
                await rename(tmpDir, target)
              } catch (e) {
                if (hadOld) await rename(old, target)
                throw e
              }
              if (hadOld) await rm(old, { recursive: true, force: true })
            },
            catch: fail("finishing the output folder")
          }),
        abort: Effect.promise(async () => {
          await closeAll().catch(() => undefined)
          await rm(tmpDir, { recursive: true, force: true })
        })
      }
      return writer
    },
    catch: fail(`creating a temporary output folder beside ${outputDir}`)
  })
