// strip-site-furniture: a line that recurs in many documents of the same source is page furniture,
// whatever its words (the CCNet / RefinedWeb idea): a site's slogan, its standard disclaimer, the
// same promo paragraph under every article.
//
// Memory stays bounded two ways: documents wait in a FIFO window of at most `window` documents (so
// the first pages of a site are judged with the counts of the pages after them), and each source keeps
// counts of line HASHES only, at most `maxTrackedLines` of them (lines seen once are pruned first).
import { Schema, Stream } from "effect"
import type { Doc, StageEvent } from "../pipeline/model.js"
import { toAuditEvent } from "../pipeline/model.js"
import { defineCorpusStage, type Flow } from "../pipeline/stage.js"
import { hostOf } from "./parse-metadata.js"

export const StripSiteFurnitureOptions = Schema.Struct({
  /** A line must appear in at least this many documents of a source. */
  minDocs: Schema.optionalWith(Schema.Int, { default: () => 3 }),
  /** … and in at least this share of the source's documents seen so far. */
  minShare: Schema.optionalWith(Schema.Number, { default: () => 0.5 }),
  /** Documents held back before they are judged (bounds memory). */
  window: Schema.optionalWith(Schema.Int, { default: () => 200 }),
  /** Line hashes counted per source at most (bounds memory). */
  maxTrackedLines: Schema.optionalWith(Schema.Int, { default: () => 50_000 }),
  /** A document whose recurring lines exceed this share of its words is a copy, not furniture: left to dedupe-documents. */
  maxShareOfDoc: Schema.optionalWith(Schema.Number, { default: () => 0.6 }),
  /** Lines shorter than this many characters are ignored (bare numbers and one-word labels recur by chance). */
  minChars: Schema.optionalWith(Schema.Int, { default: () => 12 })
})
export type StripSiteFurnitureOptions = typeof StripSiteFurnitureOptions.Type

const STAGE = "strip-site-furniture"

/** 53-bit string hash (cyrb53): lines are counted by hash, never stored. */
export const lineHash = (s: string): number => {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

const lineKey = (p: string): string => p.trim().toLowerCase().replace(/\s+/g, " ")

/**
 * The site a document belongs to: its URL's host (the site that printed the page), else its source
 * (which may name an agency credited on the page); null when neither is known.
 */
export const siteOf = (doc: Doc): string | null => (doc.url ? hostOf(doc.url) : null) ?? doc.source?.toLowerCase() ?? null

interface SiteCounts {
  docs: number
  lines: Map<number, number>
}

/** The stage's state: push flows in, get judged flows out in the same order. */
export class SiteLineCounter {
  private readonly sites = new Map<string, SiteCounts>()
  private readonly queue: Flow[] = []
  constructor(
    private readonly options: StripSiteFurnitureOptions,
    private readonly runId: string
  ) {}

  private hashesOf(doc: Doc): number[] {
    return doc.paragraphs.map((p) => {
      const k = lineKey(p)
      return k.length < this.options.minChars ? -1 : lineHash(k)
    })
  }

  push(flow: Flow): Flow[] {
    const site = flow.dropped ? null : siteOf(flow.doc)
    if (site !== null) {
      let s = this.sites.get(site)
      if (!s) {
        s = { docs: 0, lines: new Map() }
        this.sites.set(site, s)
      }
      s.docs++
      for (const h of new Set(this.hashesOf(flow.doc))) if (h >= 0) s.lines.set(h, (s.lines.get(h) ?? 0) + 1)
      if (s.lines.size > this.options.maxTrackedLines) {
        for (const [h, n] of s.lines) if (n <= 1) s.lines.delete(h)
      }
    }
    this.queue.push(flow)
    const out: Flow[] = []
    while (this.queue.length > this.options.window) out.push(this.judge(this.queue.shift()!))
    return out
  }

  flush(): Flow[] {
    const out = this.queue.map((f) => this.judge(f))
    this.queue.length = 0
    return out
  }

  private judge(flow: Flow): Flow {
    if (flow.dropped) return flow
    const site = siteOf(flow.doc)
    const s = site === null ? undefined : this.sites.get(site)
    if (!s || s.docs < this.options.minDocs) return flow
    const hashes = this.hashesOf(flow.doc)
    const recurring = hashes.map((h) => {
      if (h < 0) return 0
      const n = s.lines.get(h) ?? 0
      return n >= this.options.minDocs && n / s.docs >= this.options.minShare ? n : 0
    })
    if (!recurring.some((n) => n > 0)) return flow
    const words = (p: string) => p.split(/\s+/).filter(Boolean).length
    const total = flow.doc.paragraphs.reduce((a, p) => a + words(p), 0)
    const gone = flow.doc.paragraphs.reduce((a, p, i) => a + (recurring[i]! > 0 ? words(p) : 0), 0)
    if (total > 0 && gone / total > this.options.maxShareOfDoc) return flow
    const events: StageEvent[] = []
    const kept: string[] = []
    flow.doc.paragraphs.forEach((p, i) => {
      const n = recurring[i]!
      if (n > 0) {
        events.push({
          rule: "site-repeated-line",
          action: "remove",
          text: p,
          reason: `This line appears in ${n} of the ${s.docs} documents from ${site}: the site prints it on every page, so it is furniture whatever its words.`,
          paragraph: i
        })
      } else kept.push(p)
    })
    return {
      ...flow,
      doc: flow.doc.with({ paragraphs: kept }),
      events: [...flow.events, ...events.map((e) => toAuditEvent(this.runId, flow.doc.id, STAGE, e))]
    }
  }
}

export const stripSiteFurniture = defineCorpusStage({
  name: STAGE,
  description: "Removes lines that recur in many documents of the same source (site slogans, standard promo and disclaimer paragraphs).",
  needs: "paragraphs",
  options: StripSiteFurnitureOptions,
  run: (input, options, ctx) =>
    Stream.suspend(() => {
      const counter = new SiteLineCounter(options, ctx.runId)
      return input.pipe(
        Stream.mapConcat((flow) => counter.push(flow)),
        Stream.concat(Stream.suspend(() => Stream.fromIterable(counter.flush())))
      )
    })
})
