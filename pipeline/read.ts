// Readers: a folder or file of `.txt` dumps, `.jsonl`/`.ndjson` articles and `.csv` exports,
// turned into documents, or into rejections with a one-line reason. Never throws on an input.
import { parse as parseCsv } from "csv-parse/sync"
import { Data, Effect } from "effect"
import { lstat, readdir, readFile, realpath, stat } from "node:fs/promises"
import { basename, extname, join, relative, resolve, sep } from "node:path"
import { decodeBytes } from "./bytes.js"
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

export const parseJsonl = (text: string, file: InputFile, encoding: string): ReadItem[] => {
  const items: ReadItem[] = []
  const stem = stemOf(file.path)
  const lines = text.split("\n")
  lines.forEach((line, n) => {
    if (line.trim() === "") return
    const where = `${file.display}:${n + 1}`
    let rec: unknown
    try {
      rec = JSON.parse(line)
    } catch (e) {
      items.push(rejected(`${stem}:${n + 1}`, file.display, `malformed JSON on line ${n + 1}: ${e instanceof Error ? e.message : String(e)}`, line))
      return
    }
    if (typeof rec !== "object" || rec === null || Array.isArray(rec)) {
      items.push(rejected(`${stem}:${n + 1}`, file.display, `line ${n + 1} is not a JSON object`, line))
      return
    }
    const r = rec as Record<string, unknown>
    const id = str(r["id"]) ?? `${stem}-${n + 1}`
    if (typeof r["text"] !== "string" || r["text"].trim() === "") {
      items.push(rejected(id, file.display, `line ${n + 1} has no "text" string (${where})`, line))
      return
    }
    items.push({ _tag: "Doc", doc: docFromRecord(r, id, file.display, encoding) })
  })
  return items
}

export const parseCsvRecords = (text: string, file: InputFile, encoding: string, csv: PipelineConfig["csv"]): ReadItem[] => {
  const items: ReadItem[] = []
  const stem = stemOf(file.path)
  const cols = csv.columns
  const skipped: Array<{ line: number; message: string; raw: string }> = []
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>
  try {
    records = parseCsv(text, {
      columns: true,
      delimiter: csv.delimiter,
      bom: true,
      skip_empty_lines: true,
      relax_quotes: false,
      info: true,
      raw: true,
      skip_records_with_error: true,
      on_skip: (err: { message: string; lines?: number; raw?: string } | undefined, raw?: string) => {
        skipped.push({ line: err?.lines ?? 0, message: err?.message ?? "malformed row", raw: raw ?? err?.raw ?? "" })
      }
    }) as never
  } catch (e) {
    return [rejected(stem, file.display, `malformed CSV: ${e instanceof Error ? e.message : String(e)}`, text.slice(0, 2000))]
  }
  if (records.length > 0 && !(cols.text in records[0]!.record))
    return [rejected(stem, file.display, `CSV has no "${cols.text}" column (set csv.columns.text in the config; columns are: ${Object.keys(records[0]!.record).join(", ")})`, text.slice(0, 2000))]
  for (const s of skipped) items.push(rejected(`${stem}:${s.line}`, file.display, `malformed CSV row ending on line ${s.line}: ${s.message}`, s.raw))
  for (const { record, info } of records) {
    const rec = {
      id: record[cols.id],
      text: record[cols.text],
      title: record[cols.title],
      url: record[cols.url],
      published: record[cols.published],
      source: record[cols.source]
    }
    const id = str(rec.id) ?? `${stem}-${info.lines}`
    if (!str(rec.text)) {
      items.push(rejected(id, file.display, `CSV row ending on line ${info.lines} has an empty "${cols.text}" cell`, Object.values(record).join(",")))
      continue
    }
    items.push({ _tag: "Doc", doc: docFromRecord(rec, id, file.display, encoding) })
  }
  return items
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
