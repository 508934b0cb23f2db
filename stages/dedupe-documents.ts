// Recognises copies of the same story across documents (and across scheduled runs): MinHash with LSH
// banding over word shingles proposes candidates, an exact set similarity decides. One representative
// per cluster is kept (earliest published, else longest, else first seen); the others are dropped.
//
// Memory: the stage must see every document before it can choose a representative, so flows are
// spilled to a temporary SQLite file (in stateDir, or the OS temp folder under --no-history) and
// streamed back; memory holds only the band keys (8 bytes per band per document) and small metadata.
import { Context, Effect, Layer, Option, Schema, Stream } from "effect"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { HistoryStore, SpillStore, type StoredDoc, type StoredDocInput } from "../pipeline/history-store.js"
import { AuditEvent, Doc, toAuditEvent } from "../pipeline/model.js"
import { type CorpusContext, defineCorpusStage, type Flow } from "../pipeline/stage.js"
import { bandKeys, bodyWords, minhashSignature, type SetSimilarity, setSimilarity, shingleHashes } from "./minhash.js"

export const DedupeDocumentsOptions = Schema.Struct({
  /** Words per shingle. */
  shingle: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 12)), { default: () => 4 }),
  /** MinHash hash functions; must equal bands × rows. */
  numPerm: Schema.optionalWith(Schema.Int.pipe(Schema.between(8, 1024)), { default: () => 128 }),
  bands: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 512)), { default: () => 32 }),
  rows: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 64)), { default: () => 4 }),
  /** Which exact similarity verifies a candidate pair. */
  measure: Schema.optionalWith(Schema.Literal("containment", "jaccard"), { default: () => "containment" as const }),
  /** Verified similarity at or above which two documents are copies. */
  threshold: Schema.optionalWith(Schema.Number.pipe(Schema.between(0, 1)), { default: () => 0.8 }),
  /** The shorter body must hold at least this share of the longer one's shingles (containment alone would fold a brief into a long feature quoting it). */
  minSizeRatio: Schema.optionalWith(Schema.Number.pipe(Schema.between(0, 1)), { default: () => 0.5 }),
  /** Bodies with fewer shingles than this are never treated as copies: too little text to tell. */
  minShingles: Schema.optionalWith(Schema.Int.pipe(Schema.nonNegative()), { default: () => 10 }),
  /** LSH buckets larger than this pair each member with its neighbours only (a flood of identical boilerplate-only bodies stays linear). */
  maxBucket: Schema.optionalWith(Schema.Int.pipe(Schema.positive()), { default: () => 200 }),
  /** The history file inside stateDir. */
  storeFile: Schema.optionalWith(Schema.String, { default: () => "dedupe-documents.sqlite" })
}).pipe(Schema.filter((o) => o.bands * o.rows === o.numPerm || `bands × rows (${o.bands} × ${o.rows}) must equal numPerm (${o.numPerm})`))
export type DedupeDocumentsOptions = typeof DedupeDocumentsOptions.Type

const STAGE = "dedupe-documents"
const FlowJson = Schema.parseJson(Schema.Struct({ doc: Doc, events: Schema.Array(AuditEvent), dropped: Schema.Boolean }))
const encodeFlow = Schema.encodeSync(FlowJson)
const decodeFlow = Schema.decodeSync(FlowJson)

export interface Fingerprint {
  readonly shingles: Uint32Array
  readonly keys: Uint32Array
}

/** Shingle set and LSH band keys of a document's clean body. */
export const fingerprint = (paragraphs: ReadonlyArray<string>, o: DedupeDocumentsOptions): Fingerprint => {
  const shingles = shingleHashes(bodyWords(paragraphs), o.shingle)
  return { shingles, keys: bandKeys(minhashSignature(shingles, o.numPerm), o.bands, o.rows) }
}

/** The verification rule: the chosen measure over the threshold, with comparable sizes. */
export const isCopy = (s: SetSimilarity, o: DedupeDocumentsOptions): boolean =>
  (o.measure === "containment" ? s.containment : s.jaccard) >= o.threshold && s.sizeRatio >= o.minSizeRatio

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`
const describe = (s: SetSimilarity, o: DedupeDocumentsOptions): string =>
  `${pct(s.containment)} of the shorter body's ${o.shingle}-word shingles are in the other (Jaccard ${pct(s.jaccard)})`

interface Meta {
  readonly id: string
  readonly published: string | null
  readonly length: number
  readonly shingles: number
}

/** Representative order: earliest `published`, else the longest body, else the first seen. */
const better = (a: { published: string | null; length: number; seq: number }, b: { published: string | null; length: number; seq: number }): boolean => {
  if (a.published !== b.published) {
    if (a.published === null) return false
    if (b.published === null) return true
    return a.published < b.published
  }
  if (a.length !== b.length) return a.length > b.length
  return a.seq < b.seq
}

class UnionFind {
  readonly parent: Int32Array
  constructor(n: number) {
    this.parent = new Int32Array(n)
    for (let i = 0; i < n; i++) this.parent[i] = i
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]!]!
      x = this.parent[x]!
    }
    return x
  }
  union(a: number, b: number): void {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }
}

/** A growable Float64Array of packed (band key, seq) entries: sorting it groups LSH buckets. */
class PackedKeys {
  data = new Float64Array(1 << 16)
  length = 0
  push(key: number, seq: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    // 31 bits of key above 22 bits of seq: exact in a double (53 bits); a dropped key bit only adds candidates.
    this.data[this.length++] = (key >>> 1) * 4194304 + seq
  }
}
const MAX_SEQ = 4194304

export interface DedupeStats {
  documents: number
  candidatePairs: number
  verifiedPairs: number
  historyCandidates: number
  dropped: number
  spillMs: number
  clusterMs: number
  emitMs: number
}

/** Candidate pairs (lo, hi) from the sorted band keys, without repeats. */
const candidatePairs = (packed: PackedKeys, maxBucket: number): Array<[number, number]> => {
  const sorted = packed.data.subarray(0, packed.length).sort()
  const seen = new Set<number>()
  const pairs: Array<[number, number]> = []
  const add = (a: number, b: number) => {
    if (a === b) return
    const lo = Math.min(a, b)
    const hi = Math.max(a, b)
    const k = lo * MAX_SEQ + hi
    if (seen.has(k)) return
    seen.add(k)
    pairs.push([lo, hi])
  }
  let i = 0
  while (i < sorted.length) {
    const key = Math.floor(sorted[i]! / MAX_SEQ)
    let j = i + 1
    while (j < sorted.length && Math.floor(sorted[j]! / MAX_SEQ) === key) j++
    const size = j - i
    if (size > 1) {
      const seqAt = (x: number) => sorted[x]! - key * MAX_SEQ
      if (size <= maxBucket) {
        for (let a = i; a < j; a++) for (let b = a + 1; b < j; b++) add(seqAt(a), seqAt(b))
      } else for (let a = i + 1; a < j; a++) add(seqAt(a - 1), seqAt(a))
    }
    i = j
  }
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1])
  return pairs
}

interface Decision {
  readonly dropOf?: { readonly id: string; readonly reason: string }
  readonly duplicates?: ReadonlyArray<string>
}

/** Flows per spill write, history lookup and emitted page; larger batches mean fewer, bigger transactions. */
const BATCH = 1000

/** The stage's work over a stream, with its stores provided. Exported for tests and the bench. */
export const dedupeStream = (
  input: Stream.Stream<Flow, Error>,
  o: DedupeDocumentsOptions,
  ctx: CorpusContext,
  spill: SpillStore,
  history: HistoryStore | null,
  stats?: DedupeStats
): Stream.Stream<Flow, Error> =>
  Stream.unwrap(
    Effect.gen(function* () {
      const meta: Array<Meta | null> = []
      const packed = new PackedKeys()
      /** Verified matches with documents kept by earlier runs, by seq. */
      const past = new Map<number, Array<{ doc: StoredDoc; sim: SetSimilarity }>>()
      const t0 = performance.now()

      // 1. Spill every flow; fingerprint the live ones; look each batch up in the history.
      yield* Stream.runForEach(Stream.grouped(input, BATCH), (chunk) =>
        Effect.gen(function* () {
          const rows: Array<{ seq: number; json: string; shingles: Uint32Array | null; keys: Uint32Array | null }> = []
          const live: Array<{ seq: number; fp: Fingerprint }> = []
          for (const flow of chunk) {
            const seq = meta.length
            if (seq >= MAX_SEQ) return yield* Effect.fail(new Error(`dedupe-documents handles at most ${MAX_SEQ} documents per run`))
            if (flow.dropped) {
              meta.push(null)
              rows.push({ seq, json: encodeFlow(flow), shingles: null, keys: null })
              continue
            }
            const fp = fingerprint(flow.doc.paragraphs, o)
            meta.push({ id: flow.doc.id, published: flow.doc.published, length: flow.doc.paragraphs.reduce((n, p) => n + p.length, 0), shingles: fp.shingles.length })
            rows.push({ seq, json: encodeFlow(flow), shingles: fp.shingles, keys: fp.keys })
            if (fp.shingles.length >= o.minShingles) {
              for (const k of fp.keys) packed.push(k, seq)
              live.push({ seq, fp })
            }
          }
          yield* spill.write(rows)
          if (history && live.length > 0) {
            const hits = yield* history.candidateIds(live.flatMap((l) => Array.from(l.fp.keys)))
            const byKey = new Map<number, string[]>()
            for (const h of hits) {
              const list = byKey.get(h.key)
              if (list) list.push(h.id)
              else byKey.set(h.key, [h.id])
            }
            const wanted = new Map<number, Set<string>>()
            for (const l of live) {
              const ids = new Set<string>()
              for (const k of l.fp.keys) for (const id of byKey.get(k) ?? []) ids.add(id)
              if (ids.size > 0) wanted.set(l.seq, ids)
            }
            if (wanted.size > 0) {
              const all = [...new Set([...wanted.values()].flatMap((s) => [...s]))]
              if (stats) stats.historyCandidates += all.length
              const stored = new Map((yield* history.load(all)).map((d) => [d.id, d]))
              for (const l of live) {
                for (const id of wanted.get(l.seq) ?? []) {
                  const doc = stored.get(id)
                  if (!doc) continue
                  const sim = setSimilarity(l.fp.shingles, doc.shingles)
                  if (isCopy(sim, o)) {
                    const list = past.get(l.seq)
                    if (list) list.push({ doc, sim })
                    else past.set(l.seq, [{ doc, sim }])
                  }
                }
              }
            }
          }
        })
      )
      const t1 = performance.now()

      // 2. Candidate pairs within the run, verified exactly, joined into clusters.
      const n = meta.length
      const uf = new UnionFind(n)
      const pairs = candidatePairs(packed, o.maxBucket)
      packed.data = new Float64Array(0)
      if (stats) stats.candidatePairs += pairs.length
      for (let p = 0; p < pairs.length; p += 2000) {
        const part = pairs.slice(p, p + 2000)
        const sets = yield* spill.shingles([...new Set(part.flat())])
        for (const [a, b] of part) {
          const sa = sets.get(a)
          const sb = sets.get(b)
          if (!sa || !sb) continue
          if (isCopy(setSimilarity(sa, sb), o)) {
            if (stats) stats.verifiedPairs++
            uf.union(a, b)
          }
        }
      }
      const clusters = new Map<number, number[]>()
      for (let s = 0; s < n; s++) {
        if (meta[s] === null) continue
        const r = uf.find(s)
        const list = clusters.get(r)
        if (list) list.push(s)
        else clusters.set(r, [s])
      }
      const runIds = new Set<string>()
      for (const m of meta) if (m) runIds.add(m.id)

      const decisions = new Map<number, Decision>()
      for (const members of clusters.values()) {
        // Documents stored under an id of this run are this run's own earlier versions, not originals.
        const earlier = members
          .flatMap((s) => (past.get(s) ?? []).map((h) => ({ ...h, seq: s })))
          .filter((h) => !runIds.has(h.doc.id))
        if (members.length === 1 && earlier.length === 0) continue
        if (earlier.length > 0) {
          let target = earlier[0]!
          for (const h of earlier)
            if (better({ published: h.doc.published, length: h.doc.length, seq: 0 }, { published: target.doc.published, length: target.doc.length, seq: 0 }) || (h.doc.published === target.doc.published && h.doc.length === target.doc.length && h.doc.id < target.doc.id))
              target = h
          for (const s of members) {
            const direct = earlier.find((h) => h.seq === s && h.doc.id === target.doc.id)
            const link = direct ? describe(direct.sim, o) : `it is a copy of ${meta[target.seq]!.id}, which matches it`
            decisions.set(s, {
              dropOf: { id: target.doc.id, reason: `Copy of document ${target.doc.id}, kept by an earlier run (${target.doc.run}): ${link}.` }
            })
          }
          continue
        }
        let rep = members[0]!
        for (const s of members) {
          const a = meta[s]!
          const b = meta[rep]!
          if (better({ published: a.published, length: a.length, seq: s }, { published: b.published, length: b.length, seq: rep })) rep = s
        }
        const others = members.filter((s) => s !== rep)
        const sets = yield* spill.shingles(members)
        for (const s of others) {
          const sim = setSimilarity(sets.get(s)!, sets.get(rep)!)
          const how = isCopy(sim, o) ? describe(sim, o) : `${describe(sim, o)}, and it is linked to it through another copy`
          decisions.set(s, { dropOf: { id: meta[rep]!.id, reason: `Copy of document ${meta[rep]!.id} in this run, chosen as the cluster's representative (earliest published, else longest, else first seen): ${how}.` } })
        }
        decisions.set(rep, { duplicates: others.map((s) => meta[s]!.id) })
      }
      const t2 = performance.now()
      if (stats) {
        stats.documents += meta.filter((m) => m !== null).length
        stats.spillMs += t1 - t0
        stats.clusterMs += t2 - t1
      }

      // 3. Stream the flows back in arrival order with the decisions applied; remember the kept ones.
      return Stream.paginateEffect(0, (from) =>
        Effect.gen(function* () {
          const t3 = performance.now()
          const rows = yield* spill.page(from, from + BATCH)
          const out: Flow[] = []
          const keep: StoredDocInput[] = []
          for (const row of rows) {
            const flow = decodeFlow(row.json)
            if (flow.dropped) {
              out.push(flow)
              continue
            }
            const d = decisions.get(row.seq)
            if (d?.dropOf) {
              if (stats) stats.dropped++
              const event = toAuditEvent(ctx.runId, flow.doc.id, STAGE, {
                rule: "near-duplicate-document",
                action: "drop-document",
                text: flow.doc.paragraphs.join("\n\n"),
                reason: d.dropOf.reason,
                duplicate_of: { doc: d.dropOf.id, paragraph: null }
              })
              out.push({ doc: flow.doc, events: [...flow.events, event], dropped: true })
              continue
            }
            const doc = d?.duplicates ? flow.doc.with({ duplicates: [...flow.doc.duplicates, ...d.duplicates] }) : flow.doc
            out.push(d?.duplicates ? { ...flow, doc } : flow)
            const m = meta[row.seq]!
            if (history && row.shingles && row.keys && m.shingles >= o.minShingles)
              keep.push({ id: doc.id, run: ctx.runId, published: doc.published, length: m.length, shingles: row.shingles, keys: row.keys })
          }
          if (history) yield* history.put(keep)
          if (stats) stats.emitMs += performance.now() - t3
          const next = from + BATCH
          return [out, next < n ? Option.some(next) : Option.none()] as const
        })
      ).pipe(Stream.flattenIterables)
    })
  )

/** Where the run's spill file goes: stateDir, or the OS temp folder under --no-history (which must not touch stateDir). */
export const spillFile = (ctx: CorpusContext): string =>
  join(ctx.history ? ctx.stateDir : join(tmpdir(), "news-corpus-dedupe"), `spill-${ctx.runId}-${process.pid}.sqlite`)

/**
 * The stage over a stream with its stores opened for the stream's lifetime: a spill file always,
 * the history store only with history on. `historyLayer` replaces the file store (tests).
 */
export const runDedupe = (
  input: Stream.Stream<Flow, Error>,
  o: DedupeDocumentsOptions,
  ctx: CorpusContext,
  opts: { readonly historyLayer?: Layer.Layer<HistoryStore, Error>; readonly stats?: DedupeStats } = {}
): Stream.Stream<Flow, Error> =>
  Stream.unwrapScoped(
    Effect.gen(function* () {
      const spill = Context.get(yield* Layer.build(SpillStore.layerTemp(spillFile(ctx))), SpillStore)
      const history = ctx.history
        ? Context.get(yield* Layer.build(opts.historyLayer ?? HistoryStore.layerFile(join(ctx.stateDir, o.storeFile))), HistoryStore)
        : null
      return dedupeStream(input, o, ctx, spill, history, opts.stats)
    })
  ).pipe(Stream.mapError((e) => (e instanceof Error ? e : new Error(String(e)))))

export const dedupeDocuments = defineCorpusStage({
  name: STAGE,
  description: "Drops copies of the same story (MinHash/LSH candidates verified by exact shingle containment), within the run and against documents kept by earlier runs.",
  needs: "paragraphs",
  options: DedupeDocumentsOptions,
  run: (input, options, ctx) => runDedupe(input, options, ctx)
})
