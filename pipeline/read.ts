// Readers: a folder or file of `.txt` dumps, `.jsonl`/`.ndjson` articles and `.csv` exports,
// turned into documents, or into rejections with a one-line reason. Never throws on an input.
import { parse as parseCsvStream } from "csv-parse"
import { parse as parseCsv } from "csv-parse/sync"
import { Data, Effect, Stream } from "effect"
import iconv from "iconv-lite"
import { createReadStream } from "node:fs"
import { lstat, open, readdir, readFile, realpath, stat } from "node:fs/promises"
import { basename, extname, join, relative, resolve, sep } from "node:path"
import { decodeBytes, firstInvalidUtf8, legacyEncodingOf } from "./bytes.js"
import type { PipelineConfig } from "./config.js"
import { type Doc, makeDoc } from "./model.js"

export class InputError extends Data.TaggedError("InputError")<{ readonly message: string }> {}

export const INPUT_EXTENSIONS = [".txt", ".jsonl", ".ndjson", ".csv"] as const

/** One thing a reader produced: a document, or an input (or part of one) that could not be used. */
export type ReadItem =
  | { readonly _tag: "Doc"; readonly doc: Doc }
  | { readonly _tag: "Rejected"; readonly id: string; readonly sourceFile: string; readonly reason: string; readonly text: string }

export interface InputFile {
  readonly path: string
  /** As shown in outputs: relative to the working folder when inside it. */
  readonly display: string
  /** Set when the file may not be read at all (a link leaving the input folder). */
  readonly refused?: string
}

const display = (p: string): string => {
  const rel = relative(process.cwd(), p)
  return rel.startsWith("..") || rel === "" ? p : rel.split(sep).join("/")
}

const stemOf = (p: string): string => basename(p, extname(p))

/** The input files under a folder (sorted, not recursive) or the one file named. */
export const listInputs = (input: string): Effect.Effect<ReadonlyArray<InputFile>, InputError> =>
  Effect.tryPromise({
    try: async () => {
      const abs = resolve(input)
      const info = await stat(abs)
      if (info.isFile()) return [{ path: abs, display: display(abs) }]
      const root = await realpath(abs)
      const names = (await readdir(abs)).filter((n) => INPUT_EXTENSIONS.includes(extname(n).toLowerCase() as never)).sort()
      const files: InputFile[] = []
      for (const name of names) {
        const p = join(abs, name)
        const l = await lstat(p)
        if (l.isSymbolicLink()) {
          const target = await realpath(p).catch(() => null)
          if (target === null) files.push({ path: p, display: display(p), refused: "a broken symbolic link" })
          else if (!target.startsWith(root + sep)) files.push({ path: p, display: display(p), refused: `a symbolic link that leaves the input folder (to ${target})` })
          else files.push({ path: p, display: display(p) })
        } else if (l.isFile()) files.push({ path: p, display: display(p) })
      }
      return files
    },
    catch: (e) => new InputError({ message: `cannot read input ${input}: ${e instanceof Error ? e.message : String(e)}` })
  })

const rejected = (id: string, sourceFile: string, reason: string, text = ""): ReadItem => ({ _tag: "Rejected", id, sourceFile, reason, text })

const str = (v: unknown): string | null => (typeof v === "string" && v.trim().length > 0 ? v : typeof v === "number" ? String(v) : null)

/** A record from JSONL or CSV as a document; the fields it gives are kept as given. */
export const docFromRecord = (rec: Record<string, unknown>, id: string, sourceFile: string, encoding: string): Doc => {
  const title = str(rec["title"])
  const url = str(rec["url"])
  const published = str(rec["published"])
  const source = str(rec["source"])
  const given = [
    ...(title !== null ? (["title"] as const) : []),
    ...(url !== null ? (["url"] as const) : []),
    ...(published !== null ? (["published"] as const) : []),
    ...(source !== null ? (["source"] as const) : [])
  ]
  return makeDoc({ id, sourceFile, title, url, published, source, body: String(rec["text"] ?? ""), given, encoding })
}

/** One JSONL line as a document or a rejection; null for a blank line. */
const jsonlItem = (line: string, n: number, file: InputFile, encoding: string): ReadItem | null => {
  if (line.trim() === "") return null
  const stem = stemOf(file.path)
  let rec: unknown
  try {
    rec = JSON.parse(line)
  } catch (e) {
    return rejected(`${stem}:${n}`, file.display, `malformed JSON on line ${n}: ${e instanceof Error ? e.message : String(e)}`, line)
  }
  if (typeof rec !== "object" || rec === null || Array.isArray(rec)) return rejected(`${stem}:${n}`, file.display, `line ${n} is not a JSON object`, line)
  const r = rec as Record<string, unknown>
  const id = str(r["id"]) ?? `${stem}-${n}`
  if (typeof r["text"] !== "string" || r["text"].trim() === "") return rejected(id, file.display, `line ${n} has no "text" string (${file.display}:${n})`, line)
  return { _tag: "Doc", doc: docFromRecord(r, id, file.display, encoding) }
}

export const parseJsonl = (text: string, file: InputFile, encoding: string): ReadItem[] =>
  text.split("\n").flatMap((line, i) => jsonlItem(line, i + 1, file, encoding) ?? [])

export const parseCsvRecords = (text: string, file: InputFile, encoding: string, csv: PipelineConfig["csv"]): ReadItem[] => {
  const items: ReadItem[] = []
  const stem = stemOf(file.path)
  const cols = csv.columns
  const skipped: Skipped[] = []
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>
  try {
    records = parseCsv(text, csvOptions(csv, (s) => skipped.push(s))) as never
  } catch (e) {
    return [rejected(stem, file.display, `malformed CSV: ${e instanceof Error ? e.message : String(e)}`, text.slice(0, 2000))]
  }
  if (records.length > 0 && !(cols.text in records[0]!.record))
    return [rejected(stem, file.display, `CSV has no "${cols.text}" column (set csv.columns.text in the config; columns are: ${Object.keys(records[0]!.record).join(", ")})`, text.slice(0, 2000))]
  for (const s of skipped) items.push(csvSkipped(s, file))
  for (const { record, info } of records) items.push(csvItem(record, info.lines, file, encoding, cols))
  return items
}

interface Skipped {
  readonly line: number
  readonly message: string
  readonly raw: string
}

// Malformed rows are skipped with their line number, so one bad row never costs the rest of the file.
const csvOptions = (csv: PipelineConfig["csv"], onSkip: (s: Skipped) => void) => ({
  columns: true,
  delimiter: csv.delimiter,
  bom: true,
  skip_empty_lines: true,
  relax_quotes: false,
  info: true,
  raw: true,
  skip_records_with_error: true,
  on_skip: (err: { message: string; lines?: number; raw?: string } | undefined, raw?: string): undefined => {
    onSkip({ line: err?.lines ?? 0, message: err?.message ?? "malformed row", raw: raw ?? err?.raw ?? "" })
    return undefined
  }
})

const csvSkipped = (s: Skipped, file: InputFile): ReadItem =>
  rejected(`${stemOf(file.path)}:${s.line}`, file.display, `malformed CSV row ending on line ${s.line}: ${s.message}`, s.raw)

const csvItem = (record: Record<string, string>, line: number, file: InputFile, encoding: string, cols: PipelineConfig["csv"]["columns"]): ReadItem => {
  const rec = {
    id: record[cols.id],
    text: record[cols.text],
    title: record[cols.title],
    url: record[cols.url],
    published: record[cols.published],
    source: record[cols.source]
  }
  const id = str(rec.id) ?? `${stemOf(file.path)}-${line}`
  if (!str(rec.text)) return rejected(id, file.display, `CSV row ending on line ${line} has an empty "${cols.text}" cell`, Object.values(record).join(","))
  return { _tag: "Doc", doc: docFromRecord(rec, id, file.display, encoding) }
}

/** Reads one input file into documents or rejections; every failure becomes a rejection. */
export const readInput = (file: InputFile, config: PipelineConfig): Effect.Effect<ReadItem[]> =>
  Effect.promise(async (): Promise<ReadItem[]> => {
    const id = stemOf(file.path)
    if (file.refused) return [rejected(id, file.display, `not read: ${file.refused}`)]
    try {
      const info = await stat(file.path)
      if (info.size > config.maxFileBytes)
        return [rejected(id, file.display, `file too large: ${info.size} bytes, over the limit of ${config.maxFileBytes} (maxFileBytes in the config)`)]
      const bytes = await readFile(file.path)
      const decoded = decodeBytes(bytes)
      if (!decoded.ok) return [rejected(id, file.display, decoded.reason)]
      const ext = extname(file.path).toLowerCase()
      if (ext === ".jsonl" || ext === ".ndjson") return parseJsonl(decoded.text, file, decoded.encoding)
      if (ext === ".csv") return parseCsvRecords(decoded.text, file, decoded.encoding, config.csv)
      return [{ _tag: "Doc", doc: makeDoc({ id, sourceFile: file.display, body: decoded.text, encoding: decoded.encoding }) }]
    } catch (e) {
      const code = (e as { code?: string }).code
      return [rejected(id, file.display, `unreadable: ${code === "EACCES" ? "permission denied" : e instanceof Error ? e.message : String(e)}`)]
    }
  })

const isRecordFile = (p: string): boolean => [".jsonl", ".ndjson", ".csv"].includes(extname(p).toLowerCase())

/** JSONL lines from a file read in chunks; a line with invalid UTF-8 or over the size limit is rejected alone. */
async function* jsonlLines(file: InputFile, maxLineBytes: number): AsyncGenerator<ReadItem> {
  let pending: Buffer[] = []
  let pendingBytes = 0
  let lineNo = 0
  let offset = 0
  let lineStart = 0
  let overflow = false
  const finish = (): ReadItem | null => {
    lineNo++
    const buf = Buffer.concat(pending)
    pending = []
    pendingBytes = 0
    if (overflow) {
      overflow = false
      return rejected(`${stemOf(file.path)}:${lineNo}`, file.display, `line ${lineNo} is longer than the limit of ${maxLineBytes} bytes (maxFileBytes in the config)`)
    }
    const start = lineNo === 1 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0
    const bad = firstInvalidUtf8(buf.subarray(start))
    if (bad >= 0) return rejected(`${stemOf(file.path)}:${lineNo}`, file.display, `invalid UTF-8 on line ${lineNo} at byte offset ${lineStart + start + bad} (JSON Lines must be UTF-8)`)
    return jsonlItem(buf.subarray(start).toString("utf8").replace(/\r$/, ""), lineNo, file, "utf-8")
  }
  for await (const chunk of createReadStream(file.path) as AsyncIterable<Buffer>) {
    let from = 0
    for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, from)) {
      if (pendingBytes + nl - from > maxLineBytes) overflow = true
      if (!overflow) pending.push(chunk.subarray(from, nl))
      const item = finish()
      if (item) yield item
      lineStart = offset + nl + 1
      from = nl + 1
    }
    if (from < chunk.length && !overflow) {
      pending.push(chunk.subarray(from))
      pendingBytes += chunk.length - from
      if (pendingBytes > maxLineBytes) {
        overflow = true
        pending = []
      }
    }
    offset += chunk.length
  }
  if (pending.length > 0 || overflow) {
    const item = finish()
    if (item) yield item
  }
}

/** CSV records from a stream; the encoding is detected on the file's first 64 KiB. */
async function* csvRows(file: InputFile, csv: PipelineConfig["csv"]): AsyncGenerator<ReadItem> {
  const handle = await open(file.path, "r")
  const sample = Buffer.alloc(65536)
  const { bytesRead } = await handle.read(sample, 0, sample.length, 0)
  await handle.close()
  // A sample may end inside a multi-byte character: judge it without its last three bytes.
  const head = sample.subarray(0, Math.max(0, bytesRead - 3))
  const bom16 = head[0] === 0xff && head[1] === 0xfe ? "utf-16le" : head[0] === 0xfe && head[1] === 0xff ? "utf-16be" : null
  const legacy = bom16 === null && firstInvalidUtf8(head) >= 0 ? legacyEncodingOf(head) : null
  const encoding = bom16 ?? (legacy === null ? "utf-8" : legacy.encoding)
  if (encoding === undefined) {
    yield rejected(stemOf(file.path), file.display, `a large CSV export that is neither UTF-8 nor a known legacy encoding (detector said ${legacy?.guess ?? "nothing"})`)
    return
  }
  const skipped: Skipped[] = []
  const raw = createReadStream(file.path)
  const parser = (encoding === "utf-8" ? raw : raw.pipe(iconv.decodeStream(encoding))).pipe(parseCsvStream(csvOptions(csv, (s) => skipped.push(s))))
  let checkedColumns = false
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    if (!checkedColumns) {
      checkedColumns = true
      if (!(csv.columns.text in record)) {
        parser.destroy()
        yield rejected(stemOf(file.path), file.display, `CSV has no "${csv.columns.text}" column (set csv.columns.text in the config; columns are: ${Object.keys(record).join(", ")})`)
        return
      }
    }
    while (skipped.length > 0) yield csvSkipped(skipped.shift()!, file)
    yield csvItem(record, info.lines, file, encoding, csv.columns)
  }
  while (skipped.length > 0) yield csvSkipped(skipped.shift()!, file)
}

/**
 * One input as a stream of items. Files within `maxFileBytes` are read whole (with encoding
 * detection); larger JSONL and CSV exports are streamed record by record, so memory stays flat
 * however large the export; a larger `.txt` dump is rejected.
 */
export const readInputStream = (file: InputFile, config: PipelineConfig): Effect.Effect<Stream.Stream<ReadItem>> =>
  Effect.gen(function* () {
    if (!file.refused && isRecordFile(file.path)) {
      const size = yield* Effect.promise(() => stat(file.path).then((s) => s.size, () => -1))
      if (size > config.maxFileBytes) {
        const ext = extname(file.path).toLowerCase()
        const items = ext === ".csv" ? csvRows(file, config.csv) : jsonlLines(file, config.maxFileBytes)
        return Stream.fromAsyncIterable(items, (e) => e).pipe(
          Stream.catchAll((e) => Stream.make(rejected(stemOf(file.path), file.display, `reading stopped: ${e instanceof Error ? e.message : String(e)}`)))
        )
      }
    }
    return Stream.fromIterable(yield* readInput(file, config))
  })
