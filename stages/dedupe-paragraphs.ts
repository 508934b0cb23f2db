// Removes paragraphs and sentences the scraper repeated inside one article: exact repeats (folded
// hash), near repeats (edit-distance ratio after an n-gram prefilter) and repeated sentences glued
// into a new paragraph. The first occurrence is kept; short repeats (credits, refrains) never go.
import { Schema } from "effect"
import type { StageEvent } from "../pipeline/model.js"
import { defineDocumentStage } from "../pipeline/stage.js"
import { DEFAULT_ABBREVIATIONS, quotesBalanced, type SentenceSpan, splitAttribution, splitSentences } from "./text/sentences.js"
import { foldText, type Match, SimilarityIndex, type SimilarityOptions, wordCount } from "./text/similarity.js"

export const DedupeParagraphsOptions = Schema.Struct({
  /** Edit-distance similarity (1 − distance / length, on folded text) at which two paragraphs or sentences are repeats; near repeats must also carry the same numbers. */
  threshold: Schema.optionalWith(Schema.Number.pipe(Schema.between(0.5, 1)), { default: () => 0.9 }),
  /** A repeat shorter than this many words is left alone: credits, datelines and refrains repeat legitimately. */
  minWords: Schema.optionalWith(Schema.Int.pipe(Schema.positive()), { default: () => 8 }),
  /** Character n-gram size of the near-repeat prefilter. */
  ngram: Schema.optionalWith(Schema.Int.pipe(Schema.between(2, 8)), { default: () => 3 }),
  /** Minimum Dice overlap of n-gram sets before an edit distance is computed. */
  prefilter: Schema.optionalWith(Schema.Number.pipe(Schema.between(0, 1)), { default: () => 0.4 }),
  /** Paragraphs longer than this (characters) are compared by n-gram overlap instead of edit distance, which is quadratic. */
  maxEditLength: Schema.optionalWith(Schema.Int.pipe(Schema.positive()), { default: () => 5000 }),
  /** Remove repeated sentences inside otherwise new paragraphs. */
  sentences: Schema.optionalWith(Schema.Boolean, { default: () => true }),
  /** Words ending in a period that do not end a sentence. */
  abbreviations: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [...DEFAULT_ABBREVIATIONS] })
})
export type DedupeParagraphsOptions = typeof DedupeParagraphsOptions.Type

const OPENING_QUOTES = new Set(['"', "“", "‘", "«", "„"])
const CLOSING_QUOTES = new Set(['"', "”", "’", "»"])
const TERMINATORS = new Set([".", "!", "?", "…"])

const percent = (x: number): string => `${Math.round(x * 1000) / 10}%`

interface SentenceRemoval {
  readonly index: number
  readonly match: Match<number>
}

export interface SentenceEdit {
  readonly text: string
  readonly events: ReadonlyArray<Omit<StageEvent, "paragraph" | "duplicate_of"> & { readonly ref: number | null }>
}

/**
 * Takes the given sentences out of a paragraph and keeps it well-formed: an opening quote of a
 * removed sentence moves to the next kept one, a closing quote or attribution (`," he said.`) moves
 * back to the previous kept one, whose final period gives way to the attribution's comma.
 * Returns null when that cannot be done cleanly; the caller then keeps the paragraph as it is.
 */
export const removeSentences = (paragraph: string, spans: ReadonlyArray<SentenceSpan>, removals: ReadonlyArray<SentenceRemoval>): SentenceEdit | null => {
  const texts = spans.map((s) => s.text)
  const removed = new Set(removals.map((r) => r.index))
  const events: Array<SentenceEdit["events"][number]> = []
  const keptBefore = (i: number): number => {
    for (let k = i - 1; k >= 0; k--) if (!removed.has(k)) return k
    return -1
  }
  const keptAfter = (i: number): number => {
    for (let k = i + 1; k < spans.length; k++) if (!removed.has(k)) return k
    return -1
  }
  for (const { index, match } of removals) {
    const sentence = texts[index]!
    const { core, tail } = splitAttribution(sentence)
    let lead = ""
    while (lead.length < core.length && OPENING_QUOTES.has(core[lead.length]!) && lead.length < 1) lead += core[lead.length]
    let body = core.slice(lead.length)
    let trail = tail
    if (trail === "") {
      let cut = body.length
      while (cut > 0 && CLOSING_QUOTES.has(body[cut - 1]!)) cut--
      if (cut > 0 && TERMINATORS.has(body[cut - 1]!) && cut < body.length) {
        trail = body.slice(cut)
        body = body.slice(0, cut)
      }
    }
    // The sentence holds a whole quotation (opens and closes it): it goes with its quotes and attribution.
    if (lead !== "" && trail !== "") {
      body = sentence
      lead = ""
      trail = ""
    }
    const reason = `This sentence repeats one in paragraph ${match.ref + 1}${match.similarity < 1 ? ` (${percent(match.similarity)} similar)` : ""}; the first occurrence is kept.`
    if (lead !== "") {
      const next = keptAfter(index)
      if (next < 0) return null
      texts[next] = lead + texts[next]!
    }
    if (trail !== "") {
      const prev = keptBefore(index)
      if (prev < 0) return null
      const prevText = texts[prev]!
      const last = prevText[prevText.length - 1]
      if (last === undefined || !TERMINATORS.has(last)) return null
      if (trail[0] === "," || trail[0] === "?" || trail[0] === "!") {
        // The kept sentence now ends the quotation, so it takes the removed one's `,"` before the attribution.
        texts[prev] = prevText.slice(0, -1) + trail
        if (trail[0] !== last)
          events.push({
            rule: "repeated-sentence-punctuation",
            action: "replace",
            text: last,
            replacement: trail[0]!,
            reason: `The sentence before a removed repeat now closes the quotation, so its final "${last}" becomes the "${trail[0]}" that led into the attribution.`,
            ref: null
          })
      } else texts[prev] = prevText + trail
    }
    events.push({ rule: "repeated-sentence", action: "remove", text: body, reason, ref: match.ref })
  }
  let out = ""
  for (let k = 0; k < spans.length; k++) {
    if (removed.has(k)) continue
    if (out.length > 0) {
      const prev = keptBefore(k)
      out += prev >= 0 ? paragraph.slice(spans[k - 1]!.end, spans[k]!.start) || " " : " "
    }
    out += texts[k]
  }
  if (quotesBalanced(paragraph) && !quotesBalanced(out)) return null
  return { text: out, events }
}

export interface DedupeResult {
  readonly paragraphs: ReadonlyArray<string>
  readonly events: ReadonlyArray<StageEvent>
  /** Edit distances computed (the prefilter's effect, for measurement). */
  readonly distances: number
}

/** Removes repeated paragraphs and sentences from one document's paragraphs. */
export const dedupeParagraphList = (docId: string, paragraphs: ReadonlyArray<string>, options: DedupeParagraphsOptions): DedupeResult => {
  const sim: SimilarityOptions = { threshold: options.threshold, ngram: options.ngram, prefilter: options.prefilter, maxEditLength: options.maxEditLength }
  const paraIndex = new SimilarityIndex<number>(sim)
  const sentIndex = new SimilarityIndex<number>(sim)
  const out: string[] = []
  const events: StageEvent[] = []
  const dup = (paragraph: number) => ({ doc: docId, paragraph })
  paragraphs.forEach((p, i) => {
    const folded = foldText(p)
    const long = wordCount(folded) >= options.minWords
    const whole = long ? paraIndex.find(folded) : null
    if (whole) {
      const exact = whole.similarity === 1
      events.push({
        rule: exact ? "repeated-paragraph" : "near-duplicate-paragraph",
        action: "remove",
        text: p,
        reason: exact
          ? `The paragraph repeats paragraph ${whole.ref + 1} word for word (ignoring case and punctuation); the first occurrence is kept.`
          : `The paragraph repeats paragraph ${whole.ref + 1} with small changes (${percent(whole.similarity)} similar by edit distance); the first occurrence is kept.`,
        paragraph: i,
        duplicate_of: dup(whole.ref)
      })
      return
    }
    const spans = options.sentences ? splitSentences(p, options.abbreviations) : []
    const cores = spans.map((s) => foldText(splitAttribution(s.text).core))
    const removals: SentenceRemoval[] = []
    cores.forEach((core, k) => {
      if (wordCount(core) < options.minWords) return
      const m = sentIndex.find(core)
      if (m) removals.push({ index: k, match: m })
    })
    const keep = (text: string) => {
      paraIndex.add(folded, i)
      const kept = text === p ? cores : splitSentences(text, options.abbreviations).map((s) => foldText(splitAttribution(s.text).core))
      for (const c of kept) if (wordCount(c) >= options.minWords) sentIndex.add(c, i)
      out.push(text)
    }
    if (removals.length === 0) return keep(p)
    if (removals.length === spans.length) {
      const first = Math.min(...removals.map((r) => r.match.ref))
      events.push({
        rule: "repeated-sentences",
        action: "remove",
        text: p,
        reason: `Every sentence of the paragraph repeats a sentence of an earlier paragraph (first in paragraph ${first + 1}); the first occurrences are kept.`,
        paragraph: i,
        duplicate_of: dup(first)
      })
      return
    }
    const edit = removeSentences(p, spans, removals)
    if (edit === null) return keep(p)
    for (const e of edit.events) {
      const { ref, ...event } = e
      events.push({ ...event, paragraph: i, ...(ref !== null ? { duplicate_of: dup(ref) } : {}) })
    }
    keep(edit.text)
  })
  return { paragraphs: out, events, distances: paraIndex.distances + sentIndex.distances }
}

export const dedupeParagraphs = defineDocumentStage({
  name: "dedupe-paragraphs",
  description: "Removes paragraphs and sentences repeated inside one article (exact, near and sentence-level repeats), keeping the first occurrence.",
  needs: "paragraphs",
  options: DedupeParagraphsOptions,
  run: (doc, options) => {
    const r = dedupeParagraphList(doc.id, doc.paragraphs, options)
    if (r.events.length === 0) return { doc, events: [] }
    return { doc: doc.with({ paragraphs: r.paragraphs }), events: r.events }
  }
})
