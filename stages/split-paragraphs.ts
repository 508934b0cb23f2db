// Turns the body into paragraphs: one per line for scraped dumps (blank-line or single-newline
// separated), hard-wrapped text re-joined, and paragraphs the scraper glued together split apart.
import { Schema } from "effect"
import type { StageEvent } from "../pipeline/model.js"
import { defineDocumentStage } from "../pipeline/stage.js"

export const SplitParagraphsOptions = Schema.Struct({
  /** Split `said.Earlier` and `region."President` where the scraper lost the paragraph break. */
  splitGlued: Schema.optionalWith(Schema.Boolean, { default: () => true }),
  /** Re-join lines of hard-wrapped text (e-mail style, fixed column) into paragraphs. */
  joinWrapped: Schema.optionalWith(Schema.Boolean, { default: () => true }),
  /** Words that end with a period without ending a sentence (`Mr.Smith` is not split). */
  abbreviations: Schema.optionalWith(Schema.Array(Schema.String), {
    default: () => ["mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "col", "lt", "sgt", "gov", "sen", "rep", "rev", "vs", "etc", "inc", "co", "corp", "ltd", "no", "vol", "fig", "approx", "dept", "est", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "pp", "op", "cf", "al"]
  })
})
export type SplitParagraphsOptions = typeof SplitParagraphsOptions.Type

const OPENING = new Set(["“", "‘", "«", "„"])
const CLOSING = new Set(["”", "’", "»"])
const STRAIGHT = new Set(['"'])

/**
 * True when the text reads as hard-wrapped: most lines inside multi-line blocks run close to one
 * column width, as an e-mail or a fixed-width export does. Scraped dumps put a paragraph on one line.
 */
export const looksHardWrapped = (text: string): boolean => {
  const blocks = text.split(/\n\s*\n/).map((b) => b.split("\n")).filter((b) => b.length > 1)
  const inner = blocks.flatMap((b) => b.slice(0, -1))
  if (inner.length < 3) return false
  const width = Math.max(...inner.map((l) => l.length))
  if (width > 120 || width < 40) return false
  const full = inner.filter((l) => l.length >= width * 0.75).length
  return full / inner.length >= 0.7
}

/** Paragraph boundaries lost by the scraper, as string indices where a new paragraph starts. */
export const gluedBreaks = (p: string, abbreviations: ReadonlySet<string>): number[] => {
  const cuts: number[] = []
  let straightQuotes = 0
  let segmentStart = 0
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!
    if (STRAIGHT.has(c)) straightQuotes++
    if (c !== "." && c !== "!" && c !== "?") continue
    // The word before the mark: lowercase letters, at least two (`said.`), not an abbreviation.
    let w = i
    while (w > segmentStart && /\p{L}/u.test(p[w - 1]!)) w--
    const word = p.slice(w, i)
    if (word.length < 2 || !/^\p{L}*\p{Ll}$/u.test(word) || abbreviations.has(word.toLowerCase())) continue
    // Closing quotes right after the mark stay with this paragraph; count straight ones by parity.
    let j = i + 1
    let open = straightQuotes % 2 === 1
    while (j < p.length) {
      const q = p[j]!
      if (CLOSING.has(q)) j++
      else if (STRAIGHT.has(q) && open) {
        open = false
        j++
      } else break
    }
    const next = p[j]
    if (next === undefined) continue
    const opensNext = OPENING.has(next) || STRAIGHT.has(next)
    const startChar = opensNext ? p[j + 1] : next
    if (startChar === undefined || !/\p{Lu}/u.test(startChar)) continue
    // A capital right after the mark, with no space: `said.Earlier`, `Eurasia."The`.
    cuts.push(j)
    segmentStart = j
    // The next paragraph counts its own quotes, an opening straight one included (the loop reaches it next).
    straightQuotes = 0
    i = j - 1
  }
  return cuts
}

export interface SplitResult {
  readonly paragraphs: ReadonlyArray<string>
  readonly events: ReadonlyArray<StageEvent>
}

const WINDOW = 24

export const splitParagraphs = (body: string, options: SplitParagraphsOptions): SplitResult => {
  const events: StageEvent[] = []
  const wrapped = options.joinWrapped && looksHardWrapped(body)
  const blocks = wrapped
    ? body.split(/\n\s*\n/).map((b) => b.split("\n").map((l) => l.trim()).filter(Boolean).join(" "))
    : body.split("\n")
  if (wrapped) events.push({ rule: "hard-wrapped", action: "replace", text: "\n", replacement: " ", reason: "The text is hard-wrapped at a fixed column; line breaks inside a paragraph were turned into spaces." })
  const abbreviations = new Set(options.abbreviations.map((a) => a.toLowerCase()))
  const paragraphs: string[] = []
  for (const raw of blocks) {
    const block = raw.trim()
    if (!block) continue
    if (!options.splitGlued) {
      paragraphs.push(block)
      continue
    }
    const cuts = gluedBreaks(block, abbreviations)
    let from = 0
    for (const cut of cuts) {
      paragraphs.push(block.slice(from, cut).trim())
      events.push({
        rule: "glued-paragraphs",
        action: "split",
        text: block.slice(Math.max(0, cut - WINDOW), cut + WINDOW),
        replacement: `${block.slice(Math.max(0, cut - WINDOW), cut)}\n\n${block.slice(cut, cut + WINDOW)}`,
        reason: "Two paragraphs were glued together by the scraper (a sentence end followed at once by a capital); they were split apart.",
        paragraph: paragraphs.length - 1
      })
      from = cut
    }
    paragraphs.push(block.slice(from).trim())
  }
  return { paragraphs: paragraphs.filter((p) => p.length > 0), events }
}

export const splitParagraphsStage = defineDocumentStage({
  name: "split-paragraphs",
  description: "Splits the body into paragraphs (blank lines or single newlines), re-joins hard-wrapped lines and splits paragraphs the scraper glued together (said.Earlier).",
  needs: "body",
  options: SplitParagraphsOptions,
  run: (doc, options) => {
    // Documents that already arrive as paragraphs (a later re-run, a reader that split them) are split again as one body.
    const source = doc.body.length > 0 ? doc.body : doc.paragraphs.join("\n\n")
    const { paragraphs, events } = splitParagraphs(source, options)
    return { doc: doc.with({ body: "", paragraphs }), events }
  }
})
