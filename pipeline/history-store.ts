// SQLite storage for dedupe-documents: the history of documents kept by earlier runs (their
// shingle sets and LSH band keys) and a per-run spill table that holds the flows while the stage
// decides, so memory stays bounded to the band index rather than the documents.
import { SqlClient } from "@effect/sql"
import type { SqlError } from "@effect/sql/SqlError"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Effect, Layer } from "effect"
import { mkdirSync, rmSync } from "node:fs"
import { dirname } from "node:path"

/** A document kept by an earlier run, as the history holds it. */
export interface StoredDoc {
  readonly id: string
  readonly run: string
  readonly published: string | null
  readonly length: number
  readonly shingles: Uint32Array
}

export interface StoredDocInput extends StoredDoc {
  readonly keys: Uint32Array
}

const toBlob = (a: Uint32Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength)
const fromBlob = (b: unknown): Uint32Array => {
  const bytes = b as Uint8Array
  // Copy: the driver's buffer may not be 4-byte aligned.
  const copy = new Uint8Array(bytes.byteLength)
  copy.set(bytes)
  return new Uint32Array(copy.buffer, 0, copy.byteLength >>> 2)
}

/** Keys per IN (…) list: well under SQLite's limit on bound parameters. */
const CHUNK = 500

/**
 * The cross-run index. Created on first use (tables `IF NOT EXISTS`); no set-up step.
 * Band keys are stored as signed 32-bit integers so SQLite keeps them in 4 bytes.
 */
export class HistoryStore extends Effect.Service<HistoryStore>()("HistoryStore", {
  effect: Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    // A 64 MB page cache: band keys are random, so index inserts touch pages all over the B-tree.
    yield* sql`PRAGMA cache_size = -65536`
    yield* sql`CREATE TABLE IF NOT EXISTS docs (id TEXT PRIMARY KEY, run TEXT NOT NULL, published TEXT, length INTEGER NOT NULL, shingles BLOB NOT NULL, keys BLOB NOT NULL)`
    // One B-tree keyed by (key, id): the lookup is a range scan and there is no separate index to maintain.
    yield* sql`CREATE TABLE IF NOT EXISTS bands (key INTEGER NOT NULL, id TEXT NOT NULL, PRIMARY KEY (key, id)) WITHOUT ROWID`

    /** Ids of stored documents sharing at least one band key with the given keys. */
    const candidateIds = (keys: ReadonlyArray<number>): Effect.Effect<ReadonlyArray<{ key: number; id: string }>, SqlError> =>
      Effect.gen(function* () {
        const out: Array<{ key: number; id: string }> = []
        for (let i = 0; i < keys.length; i += CHUNK) {
          const part = keys.slice(i, i + CHUNK).map((k) => k | 0)
          const rows = yield* sql<{ key: number; id: string }>`SELECT key, id FROM bands WHERE ${sql.in("key", part)}`
          for (const r of rows) out.push({ key: r.key >>> 0, id: r.id })
        }
        return out
      })

    const load = (ids: ReadonlyArray<string>): Effect.Effect<ReadonlyArray<StoredDoc>, SqlError> =>
      Effect.gen(function* () {
        const out: StoredDoc[] = []
        for (let i = 0; i < ids.length; i += CHUNK) {
          const rows = yield* sql<{ id: string; run: string; published: string | null; length: number; shingles: Uint8Array }>`SELECT id, run, published, length, shingles FROM docs WHERE ${sql.in("id", ids.slice(i, i + CHUNK))}`
          for (const r of rows) out.push({ id: r.id, run: r.run, published: r.published, length: r.length, shingles: fromBlob(r.shingles) })
        }
        return out
      })

    /** Adds or replaces documents (a re-run replaces a document's earlier entry). */
    const put = (docs: ReadonlyArray<StoredDocInput>): Effect.Effect<void, SqlError> =>
      docs.length === 0
        ? Effect.void
        : sql.withTransaction(
            Effect.gen(function* () {
              for (let i = 0; i < docs.length; i += CHUNK) {
                const part = docs.slice(i, i + CHUNK)
                // A document stored again (a re-run) first loses its old band entries, found by its old keys.
                const old = yield* sql<{ id: string; keys: Uint8Array }>`SELECT id, keys FROM docs WHERE ${sql.in("id", part.map((d) => d.id))}`
                for (const o of old) {
                  const keys = Array.from(fromBlob(o.keys), (k) => k | 0)
                  for (let j = 0; j < keys.length; j += CHUNK) yield* sql`DELETE FROM bands WHERE id = ${o.id} AND ${sql.in("key", keys.slice(j, j + CHUNK))}`
                }
                yield* sql`INSERT OR REPLACE INTO docs ${sql.insert(part.map((d) => ({ id: d.id, run: d.run, published: d.published, length: d.length, shingles: toBlob(d.shingles), keys: toBlob(d.keys) })))}`
                // Inserted in key order so consecutive inserts land on neighbouring B-tree pages.
                const bandRows = part.flatMap((d) => Array.from(d.keys, (k) => ({ key: k | 0, id: d.id }))).sort((a, b) => a.key - b.key)
                for (let j = 0; j < bandRows.length; j += CHUNK) yield* sql`INSERT OR IGNORE INTO bands ${sql.insert(bandRows.slice(j, j + CHUNK))}`
              }
            })
          )

    const count = sql<{ n: number }>`SELECT count(*) AS n FROM docs`.pipe(Effect.map((r) => r[0]?.n ?? 0))

    return { candidateIds, load, put, count } as const
  })
}) {
  /** The store in a SQLite file; its folder is created when missing. */
  static readonly layerFile = (filename: string): Layer.Layer<HistoryStore, Error> =>
    HistoryStore.Default.pipe(
      Layer.provide(
        Layer.unwrapEffect(
          Effect.sync(() => {
            mkdirSync(dirname(filename), { recursive: true })
            return SqliteClient.layer({ filename })
          })
        )
      ),
      Layer.mapError((e) => (e instanceof Error ? e : new Error(`history store ${filename}: ${String(e)}`)))
    )

  /** The same store in an in-memory SQLite database, for tests. */
  static readonly Test: Layer.Layer<HistoryStore, Error> = HistoryStore.layerFile(":memory:")
}

/**
 * The spill table of one run: flows as JSON and their shingle sets and band keys, by arrival order.
 * Lives in a temporary SQLite file removed when the scope closes.
 */
export class SpillStore extends Effect.Service<SpillStore>()("SpillStore", {
  effect: Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    // A throw-away file: no rollback journal and no fsync; a crash loses only this run's spill.
    yield* sql`PRAGMA journal_mode = OFF`
    yield* sql`PRAGMA synchronous = OFF`
    yield* sql`PRAGMA cache_size = -32768`
    yield* sql`CREATE TABLE IF NOT EXISTS flows (seq INTEGER PRIMARY KEY, json TEXT NOT NULL, shingles BLOB, keys BLOB)`

    const write = (rows: ReadonlyArray<{ seq: number; json: string; shingles: Uint32Array | null; keys: Uint32Array | null }>): Effect.Effect<void, SqlError> =>
      rows.length === 0
        ? Effect.void
        : sql.withTransaction(
            Effect.gen(function* () {
              for (let i = 0; i < rows.length; i += 200)
                yield* sql`INSERT INTO flows ${sql.insert(
                  rows.slice(i, i + 200).map((r) => ({ seq: r.seq, json: r.json, shingles: r.shingles ? toBlob(r.shingles) : null, keys: r.keys ? toBlob(r.keys) : null }))
                )}`
            })
          )

    const shingles = (seqs: ReadonlyArray<number>): Effect.Effect<Map<number, Uint32Array>, SqlError> =>
      Effect.gen(function* () {
        const out = new Map<number, Uint32Array>()
        for (let i = 0; i < seqs.length; i += CHUNK) {
          const rows = yield* sql<{ seq: number; shingles: Uint8Array | null }>`SELECT seq, shingles FROM flows WHERE ${sql.in("seq", seqs.slice(i, i + CHUNK))}`
          for (const r of rows) if (r.shingles) out.set(r.seq, fromBlob(r.shingles))
        }
        return out
      })

    /** Rows with seq in [from, to), in order. */
    const page = (from: number, to: number) =>
      sql<{ seq: number; json: string; shingles: Uint8Array | null; keys: Uint8Array | null }>`SELECT seq, json, shingles, keys FROM flows WHERE seq >= ${from} AND seq < ${to} ORDER BY seq`.pipe(
        Effect.map((rows) => rows.map((r) => ({ seq: r.seq, json: r.json, shingles: r.shingles ? fromBlob(r.shingles) : null, keys: r.keys ? fromBlob(r.keys) : null })))
      )

    return { write, shingles, page } as const
  })
}) {
  /** A spill file at `filename`, deleted (with its journal) when the layer's scope closes. */
  static readonly layerTemp = (filename: string): Layer.Layer<SpillStore, Error> =>
    SpillStore.Default.pipe(
      Layer.provide(
        Layer.unwrapScoped(
          Effect.acquireRelease(
            Effect.sync(() => {
              mkdirSync(dirname(filename), { recursive: true })
              return SqliteClient.layer({ filename, disableWAL: true })
            }),
            () => Effect.sync(() => {
              for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(filename + suffix, { force: true })
            })
          )
        )
      ),
      Layer.mapError((e) => (e instanceof Error ? e : new Error(`spill store ${filename}: ${String(e)}`)))
    )
}
