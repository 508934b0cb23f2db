// A paragraph classifier in the spirit of jusText (Pomikálek 2011), adapted to plain-text dumps,
// where there is no markup and no link density: a paragraph is judged by its length, its share of
// function words, sentence punctuation and headline shape; short and borderline paragraphs then take
// the class of their neighbours, so a one-line quote inside the article stays and a menu entry goes.
import { coreOf, endsSentence, wordsOf } from "./text-shape.js"

export type ParagraphClass = "good" | "near-good" | "short" | "bad"

export interface ClassifierOptions {
  /** Below this many characters a paragraph is "short" and its neighbours decide (jusText: 70). */
  readonly lengthLow: number
  /** From this many characters a prose paragraph is "good" on its own (jusText: 200). */
  readonly lengthHigh: number
  /** Share of function words a "near-good" paragraph needs (jusText: 0.30). */
  readonly stopwordsLow: number
  /** Share of function words a "good" paragraph needs (jusText: 0.32). */
  readonly stopwordsHigh: number
  /** A line without sentence punctuation and at most this many words reads as a headline or menu entry. */
  readonly maxHeadlineWords: number
}

export interface ParagraphFeatures {
  readonly chars: number
  readonly words: number
  readonly stopwordDensity: number
  readonly sentenceEnd: boolean
  readonly headlineShaped: boolean
}

export const featuresOf = (paragraph: string, stopwords: ReadonlySet<string>, maxHeadlineWords: number): ParagraphFeatures => {
  const core = coreOf(paragraph)
  const ws = wordsOf(core)
  let stop = 0
  for (const w of ws) if (stopwords.has(w.toLowerCase().replace(/’/g, "'"))) stop++
  const sentenceEnd = endsSentence(core)
  return {
    chars: core.length,
    words: ws.length,
    stopwordDensity: ws.length === 0 ? 0 : stop / ws.length,
    sentenceEnd,
    headlineShaped: !sentenceEnd && ws.length <= maxHeadlineWords
  }
}

/** The class a paragraph gets on its own, before its neighbours are looked at. */
export const classifyAlone = (f: ParagraphFeatures, o: ClassifierOptions, useStopwords: boolean): ParagraphClass => {
  if (f.words === 0) return "bad"
  const sd = useStopwords ? f.stopwordDensity : 1
  // A headline, menu entry or teaser title: never good alone, whatever its words.
  if (f.headlineShaped) return f.chars < o.lengthLow || sd < o.stopwordsLow ? "short" : "near-good"
  if (f.chars < o.lengthLow) return "short"
  if (f.chars >= o.lengthHigh && sd >= o.stopwordsHigh) return "good"
  // A full sentence of prose shorter than lengthHigh is still article-like.
  if (sd >= o.stopwordsLow) return f.sentenceEnd && f.words >= 15 ? "good" : "near-good"
  // Name-heavy sentences (scores, line-ups, datelines) are prose with few function words: let context decide.
  if (f.sentenceEnd && f.words >= 10 && sd >= o.stopwordsLow / 2) return "near-good"
  return "bad"
}

/**
 * Neighbour class in one direction, skipping short paragraphs (and near-good ones when asked);
 * the document's edges count as bad, as in jusText.
 */
const neighbour = (cls: ReadonlyArray<ParagraphClass | null>, i: number, step: 1 | -1, ignoreNearGood: boolean): ParagraphClass => {
  for (let j = i + step; j >= 0 && j < cls.length; j += step) {
    const c = cls[j]
    if (c === null || c === undefined || c === "short") continue
    if (c === "near-good" && ignoreNearGood) continue
    return c
  }
  return "bad"
}

/**
 * jusText's context revision. `initial[i] === null` marks a paragraph already taken out by a rule:
 * it is skipped, so a removed "Advertisement" line does not turn its body neighbours into furniture.
 * `shortSentence[i]` marks a short paragraph that is a full sentence: one article neighbour is enough for it.
 * `headline[i]` marks a near-good line without sentence punctuation (an author box, a teaser title): it
 * stays only between article text on both sides, so it cannot extend the article at its edges.
 * Returns "good" or "bad" for every paragraph that had a class.
 */
export const reviseWithContext = (
  initial: ReadonlyArray<ParagraphClass | null>,
  shortSentence: ReadonlyArray<boolean> = [],
  headline: ReadonlyArray<boolean> = []
): Array<"good" | "bad" | null> => {
  const out: Array<"good" | "bad" | null> = initial.map((c) => (c === "good" ? "good" : c === "bad" ? "bad" : null))
  for (let i = 0; i < initial.length; i++) {
    if (initial[i] !== "short") continue
    const prev = neighbour(initial, i, -1, true)
    const next = neighbour(initial, i, 1, true)
    if (prev === "good" && next === "good") out[i] = "good"
    // A short full sentence beside the article (a punchy lead, a closing line) belongs to it.
    else if ((prev === "good" || next === "good") && shortSentence[i]) out[i] = "good"
    else if (prev === "bad" && next === "bad") out[i] = "bad"
    else if ((prev === "bad" && neighbour(initial, i, -1, false) === "near-good") || (next === "bad" && neighbour(initial, i, 1, false) === "near-good")) out[i] = "good"
    else out[i] = "bad"
  }
  for (let i = 0; i < initial.length; i++) {
    if (initial[i] !== "near-good") continue
    const prev = neighbour(initial, i, -1, true)
    const next = neighbour(initial, i, 1, true)
    out[i] = prev === "bad" && next === "bad" ? "bad" : headline[i] && (prev === "bad" || next === "bad") ? "bad" : "good"
  }
  return out
}
