// strip-boilerplate: takes page furniture out of a document's paragraphs. Three kinds of evidence,
// each a named rule with its own audit reason:
//   1. phrase and shape rules (stages/boilerplate/rules.ts): prompts, share and cookie lines, credits,
//      captions, bylines, stamps, link teasers, markup residue;
//   2. trailing blocks: a heading such as "Related articles" or "Most read" after the article opens a
//      block of teasers that runs to the end of the page (or until the article visibly resumes);
//   3. a jusText-style paragraph classifier with neighbour smoothing for what is left: menus,
//      section names, teaser headlines and breadcrumbs before and after the article.
import { Schema } from "effect"
import type { StageEvent } from "../pipeline/model.js"
import { defineDocumentStage } from "../pipeline/stage.js"
import { classifyAlone, featuresOf, type ParagraphClass, type ParagraphFeatures, reviseWithContext } from "./boilerplate/classifier.js"
import {
  BYLINE_OPENERS,
  GLUED_LINK_VERBS,
  LIST_HEADINGS,
  PROMPT_LINES,
  SHARE_PREFIXES,
  STAMP_OPENERS,
  TEASER_PREFIXES,
  TRAILING_HEADINGS
} from "./boilerplate/phrases.js"
import { compileRules, type CompiledRules, furnitureRule, isCreditLine, type Verdict } from "./boilerplate/rules.js"
import { ENGLISH_STOPWORDS, OTHER_STOPWORD_LISTS } from "./boilerplate/stopwords.js"
import { coreOf, endsSentence, keyList, keyOf, keySet, openingPhrase, wordCount, wordsOf } from "./boilerplate/text-shape.js"

export { isCreditLine } from "./boilerplate/rules.js"

const phrases = (d: ReadonlyArray<string>) => Schema.optionalWith(Schema.Array(Schema.String), { default: () => [...d] })
const num = (d: number) => Schema.optionalWith(Schema.Number, { default: () => d })
const int = (d: number) => Schema.optionalWith(Schema.Int, { default: () => d })

export const StripBoilerplateOptions = Schema.Struct({
  /** Headings that open a trailing block of teasers (`Related articles`, `Most read` …). */
  trailingHeadings: phrases(TRAILING_HEADINGS),
  /** Trailing headings that may carry a list after a colon on the same line (`Tags: a, b`). */
  listHeadings: phrases(LIST_HEADINGS),
  /** Whole-line prompts and widgets (`What are you thinking?`, `Share`, `Skip to content` …). */
  promptLines: phrases(PROMPT_LINES),
  /** Openings of share, subscribe, newsletter, cookie and privacy lines. */
  sharePrefixes: phrases(SHARE_PREFIXES),
  /** Openings of inline link teasers, taken out when a colon or dash follows (`Read more: …`). */
  teaserPrefixes: phrases(TEASER_PREFIXES),
  /** First words of a byline (`By Jane Doe`). */
  bylineOpeners: phrases(BYLINE_OPENERS),
  /** First words of a publication stamp (`Updated Nov. 19, 2019`). */
  stampOpeners: phrases(STAMP_OPENERS),
  /** Reporting verbs that betray a glued link when a capitalised headline follows (`reportedThat`). */
  gluedLinkVerbs: phrases(GLUED_LINK_VERBS),
  /** Function words for the classifier's stopword density (English by default). */
  stopwords: phrases(ENGLISH_STOPWORDS),
  /** Function words of other languages: a page whose long paragraphs score higher under one of these lists is judged by it. */
  otherStopwords: Schema.optionalWith(Schema.Array(Schema.Array(Schema.String)), { default: () => OTHER_STOPWORD_LISTS.map((l) => [...l]) }),
  /** Longest line, in words, that a prefix rule (share, teaser) may take out. */
  maxFurnitureWords: int(40),
  /** Longest trailing-block heading, in words. */
  maxHeadingWords: int(10),
  /** Words of article text needed before a heading for it to close the article. */
  minBodyWordsBeforeTrailing: int(30),
  /** Consecutive prose paragraphs after a trailing heading that show the article resumes. */
  resumeRun: int(2),
  /** Paragraphs repeated within this many lines are caption copies (0 turns the rule off). */
  repeatWindow: int(3),
  /** Headline-shaped lines of at least this many words printed twice on a page are furniture. */
  minRepeatedHeadlineWords: int(4),
  /** Furniture paragraphs that split the kept text into separate segments. */
  segmentGap: int(5),
  /** A kept segment with less than this share of the largest segment's words is furniture. */
  minorSegmentShare: num(0.25),
  /** Word n-gram length for spotting summaries that copy the article. */
  recapShingle: int(5),
  /** Share of a paragraph's n-grams seen in several earlier paragraphs that marks it a summary copy. */
  recapShare: num(0.5),
  /** Run the paragraph classifier (rules and trailing blocks always run). */
  classifier: Schema.optionalWith(Schema.Boolean, { default: () => true }),
  /** Classifier: characters below which a paragraph is short (jusText length_low). */
  lengthLow: int(70),
  /** Classifier: characters from which prose is good on its own (jusText length_high). */
  lengthHigh: int(200),
  /** Classifier: function-word share for near-good (jusText stopwords_low). */
  stopwordsLow: num(0.3),
  /** Classifier: function-word share for good (jusText stopwords_high). */
  stopwordsHigh: num(0.32),
  /** Classifier: a short full sentence of at least this many words stays when one neighbour is article text. */
  minShortSentenceWords: int(5),
  /** Classifier: a line without sentence punctuation and at most this many words reads as a headline. */
  maxHeadlineWords: int(20)
})
export type StripBoilerplateOptions = typeof StripBoilerplateOptions.Type

export const defaultStripBoilerplateOptions: StripBoilerplateOptions = Schema.decodeUnknownSync(StripBoilerplateOptions)({})

export interface Removal {
  readonly paragraph: number
  readonly text: string
  readonly rule: string
  readonly reason: string
}

export interface StripResult {
  readonly kept: ReadonlyArray<string>
  readonly removals: ReadonlyArray<Removal>
  /** The value of the first `source:` credit line met, for the document's `source` field. */
  readonly creditedSource: string | null
}

interface Compiled {
  readonly rules: CompiledRules
  readonly headings: ReadonlySet<string>
  readonly headingList: ReadonlyArray<string>
  readonly listHeadings: ReadonlySet<string>
  readonly stopwords: ReadonlySet<string>
  readonly otherStopwords: ReadonlyArray<ReadonlySet<string>>
}

// Rules for things printed INSIDE articles too (ad slots, captions, inline teasers, bullets and
// placeholders): the classifier looks through them. Every other rule's line counts as furniture
// next door, as in jusText.
const TRANSPARENT = new Set(["markup-residue", "ad-slot", "photo-caption", "photo-credit", "repeated-caption", "related-link", "teaser-paragraph", "gallery"])

// Rule removals that stand inside article bodies: a line between two of them may well be article text.
const IN_ARTICLE = new Set(["ad-slot", "photo-caption", "photo-credit", "repeated-caption", "related-link", "gallery"])
// Prompt rules: the lines around a prompt belong to its widget.
const PROMPTS = new Set(["subscribe-prompt", "share-prompt", "comment-prompt", "cookie-privacy", "page-widget", "form-field"])

const stopwordSet = (ws: ReadonlyArray<string>): ReadonlySet<string> => new Set(ws.map((w) => w.toLowerCase().replace(/’/g, "'")))

/**
 * The function-word list that fits the page's language: the one under which its long paragraphs
 * (15 words or more) have the highest share of function words; the first (English) list on a tie.
 */
export const pageStopwords = (paragraphs: ReadonlyArray<string>, lists: ReadonlyArray<ReadonlySet<string>>): ReadonlySet<string> => {
  const hits = lists.map(() => 0)
  let total = 0
  for (const p of paragraphs) {
    const ws = wordsOf(coreOf(p))
    if (ws.length < 15) continue
    total += ws.length
    for (const w of ws) {
      const k = w.toLowerCase().replace(/’/g, "'")
      for (let l = 0; l < lists.length; l++) if (lists[l]!.has(k)) hits[l]!++
    }
  }
  let best = 0
  for (let l = 1; l < lists.length; l++) if (hits[l]! > hits[best]!) best = l
  return total === 0 ? lists[0]! : lists[best]!
}

const cache = new WeakMap<StripBoilerplateOptions, Compiled>()
const compile = (o: StripBoilerplateOptions): Compiled => {
  let c = cache.get(o)
  if (!c) {
    c = {
      rules: compileRules(o),
      headings: keySet(o.trailingHeadings),
      headingList: keyList(o.trailingHeadings),
      listHeadings: keySet(o.listHeadings),
      stopwords: stopwordSet(o.stopwords),
      otherStopwords: o.otherStopwords.map(stopwordSet)
    }
    cache.set(o, c)
  }
  return c
}

/** A sentence ending inside the line (`… Lisboa. Martín …`): prose, even when the last sentence lacks its full stop. */
const INNER_SENTENCE_END = /\p{Ll}[.!?]["”’»)]*\s+\p{Lu}/u

const RECOMMENDS = /(?:^|\s)(?:recommends|suggests|empfiehlt|empfehlen|recommande|recommandent|recomienda|recomendamos|recomenda|consiglia)$/u

const FINAL_HEADING = /comment|coment|kommentar|réag|discussion|reply|conversation|about the author|de l'auteur|el autor|o autor|den autor|about us|contact|site ?map|follow us|connect with us|useful links|quick links/

const ruleOfHeading = (key: string): string =>
  /related/.test(key) ? "related-articles"
  : /more (?:from|by)/.test(key) ? "more-from-author"
  : /popular|most |trending|plus lus|plus partagés|más leíd|mais lid|più lett|meistgelesen/.test(key) ? "popular-block"
  : /editor|staff pick|must /.test(key) ? "editors-choice"
  : /read (?:also|next)|also read|see also|read more|keep reading|continue reading|further reading|suggested/.test(key) ? "read-also"
  : /recommend|you may|you might/.test(key) ? "recommended"
  : /latest|recent|just in|breaking|news feed|other news|news from|live|direct|ticker|fil info|vivo|diretta/.test(key) ? "latest-news"
  : /comment|coment|kommentar|réag|discussion|reply|conversation/.test(key) ? "comments-block"
  : /share|follow|connect|newsletter|sign up|subscribe/.test(key) ? "share-prompt"
  : "trailing-block"

/**
 * The trailing-block heading a line is, or null: the whole line is a listed heading, or a listed
 * heading followed by a separator (`Related coverage from …`, `More from author: …`). `Popular support
 * for the bloc has fallen` is not one: a heading is never the start of a sentence.
 */
export const trailingHeadingOf = (
  line: string,
  headings: ReadonlySet<string>,
  maxWords: number,
  headingList: ReadonlyArray<string> = [...headings].filter((k) => k.length > 0),
  listHeadings: ReadonlySet<string> = keySet(LIST_HEADINGS)
): string | null => {
  const core = coreOf(line)
  if (core.length > 200 || wordCount(core) > maxWords || endsSentence(core.replace(/[:»›]+$/, ""))) return null
  const key = keyOf(core)
  if (headings.has(key)) return key
  // `DW recommends`, `Die Redaktion empfiehlt`: a site or desk name followed by a recommending verb.
  if (wordCount(core) <= 4 && RECOMMENDS.test(key)) return key
  const open = openingPhrase(key, headingList)
  if (open === null) return null
  const after = key.slice(open.length)
  // `More from …`, `Related coverage from …`; a colon only after list headings (`Tags: a, b`), since
  // `Read more: <headline>` is a single link teaser, not the start of a block.
  if (/^\s*(?:from|by)\b/u.test(after)) return open
  if (!listHeadings.has(open)) return null
  // `Tags: a, b`; a heading ending in a preposition (`More about`, `Más sobre`) takes its topic without a colon.
  return /^\s*[:|»›–—-]/u.test(after) || (/\b(?:about|on|sur|sobre|zum|zur|zu|su)$/u.test(open) && wordCount(after) <= 5) ? open : null
}

/**
 * Paragraphs the classifier kept that lie in a minor segment: kept runs are split where at least
 * `gap` furniture paragraphs (rule removals do not count) separate them; every segment with less than
 * `share` of the largest segment's words is page furniture (a notice, a teaser block, a footer blurb).
 */
export const minorSegments = (
  state: ReadonlyArray<"kept" | "ruled" | "furniture">,
  words: ReadonlyArray<number>,
  gap: number,
  share: number
): Set<number> => {
  const segments: number[][] = []
  let current: number[] = []
  let furniture = 0
  state.forEach((st, i) => {
    if (st === "furniture") furniture++
    if (st !== "kept") return
    if (current.length > 0 && furniture >= gap) {
      segments.push(current)
      current = []
    }
    current.push(i)
    furniture = 0
  })
  if (current.length > 0) segments.push(current)
  const size = segments.map((seg) => seg.reduce((a, i) => a + words[i]!, 0))
  const main = size.reduce((a, b) => Math.max(a, b), 0)
  const out = new Set<number>()
  segments.forEach((seg, k) => {
    if (size[k]! < share * main) for (const i of seg) out.add(i)
  })
  return out
}

/** Headline-shaped lines printed more than once anywhere in the page: teaser, gallery and title copies. */
export const repeatedHeadlines = (paragraphs: ReadonlyArray<string>, headlineShaped: ReadonlyArray<boolean>, minWords: number): number[] => {
  const at = new Map<string, number[]>()
  paragraphs.forEach((p, i) => {
    if (!headlineShaped[i] || wordCount(p) < minWords) return
    const k = squash(p)
    const xs = at.get(k)
    if (xs) xs.push(i)
    else at.set(k, [i])
  })
  return [...at.values()].filter((xs) => xs.length > 1).flat().sort((a, b) => a - b)
}

const squash = (s: string): string => coreOf(s).toLowerCase().replace(/\s+/g, " ")

/**
 * Paragraphs printed twice within `window` lines (exactly, or one a cut-off start of the other):
 * the alt text, caption and gallery copies of a picture's caption. Every copy goes.
 */
export const repeatedNearby = (paragraphs: ReadonlyArray<string>, window: number): number[] => {
  const keys = paragraphs.map(squash)
  const hit = new Set<number>()
  for (let i = 0; i < keys.length; i++) {
    const a = keys[i]!
    if (a.length < 25) continue
    for (let j = i + 1; j <= i + window && j < keys.length; j++) {
      const b = keys[j]!
      const [short, long] = a.length <= b.length ? [a, b] : [b, a]
      if (short.length < 25) continue
      const stem = short.replace(/\s*(?:\.\.\.|…)\s*(?:more)?$/u, "")
      if (short === long || (stem.length >= 40 && long.startsWith(stem))) {
        hit.add(i)
        hit.add(j)
      }
    }
  }
  return [...hit].sort((x, y) => x - y)
}

/**
 * Paragraphs made mostly of word n-grams already seen in SEVERAL earlier paragraphs: the summaries and
 * structured-data copies of the article that some pages print after it. A plain copy of one earlier
 * paragraph is left for dedupe-paragraphs, which reports it as a duplicate.
 */
export const recapParagraphs = (paragraphs: ReadonlyArray<string>, n: number, share: number): number[] => {
  const seen = new Map<string, number>()
  const out: number[] = []
  paragraphs.forEach((p, i) => {
    const ws = (p.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    const grams: string[] = []
    for (let k = 0; k + n <= ws.length; k++) grams.push(ws.slice(k, k + n).join(" "))
    if (grams.length >= 15) {
      const from = new Map<number, number>()
      let hit = 0
      for (const g of grams) {
        const src = seen.get(g)
        if (src === undefined) continue
        hit++
        from.set(src, (from.get(src) ?? 0) + 1)
      }
      let top = 0
      for (const v of from.values()) top = Math.max(top, v)
      if (hit / grams.length >= share && from.size >= 2 && top / hit < 0.8) out.push(i)
    }
    for (const g of grams) if (!seen.has(g)) seen.set(g, i)
  })
  return out
}

/** Whole-line links that end a teaser card: `READ THE REST`, `Read more`, `Weiterlesen`. */
const READ_ON = new Set(["read the rest", "read more", "read full article", "read the full story", "read full story", "weiterlesen", "mehr lesen", "lire la suite", "leer más", "seguir leyendo", "leia mais", "continua a leggere"])

/** Links that close a card holding another article's text. */
const CARD_END = new Set([...READ_ON, "continue reading", "weiter lesen", "continuer la lecture", "continuar leyendo", "continua a ler"])

/**
 * Teaser cards: a whole-line "read more" link closes a card made of another article's headline and
 * excerpt: the text line just above the link and the headline-shaped line above it, looking past
 * image placeholders. Returned only when the page has at least two such cards. `isBlank(i)` marks lines that are only markup (image labels).
 */
export const teaserCards = (
  paragraphs: ReadonlyArray<string>,
  isBlank: (i: number) => boolean,
  headlineShaped: ReadonlyArray<boolean>
): number[] => {
  const cards: number[][] = []
  paragraphs.forEach((p, i) => {
    if (!READ_ON.has(keyOf(p))) return
    let j = i - 1
    while (j >= 0 && isBlank(j)) j--
    if (j < 0 || READ_ON.has(keyOf(paragraphs[j]!)) || wordCount(paragraphs[j]!) < 8) return
    let k = j - 1
    while (k >= 0 && isBlank(k)) k--
    if (k >= 0 && headlineShaped[k] && !READ_ON.has(keyOf(paragraphs[k]!))) cards.push([k, j])
  })
  // Cards come in lists; a single "Read more" under a lead paragraph is the article's own expander.
  return cards.length >= 2 ? cards.flat().sort((a, b) => a - b) : []
}

/**
 * Slideshows printed inline: a headline-shaped label (the gallery's title) repeated at least three
 * times, at most `maxGap` lines apart. Everything from its first copy to the end of the last item (as
 * long as the usual item) is the gallery: captions and picture texts, not the article.
 */
export const galleryBlocks = (paragraphs: ReadonlyArray<string>, headlineShaped: ReadonlyArray<boolean>, maxGap = 8): number[] => {
  const at = new Map<string, number[]>()
  paragraphs.forEach((p, i) => {
    if (!headlineShaped[i] || wordCount(p) < 3) return
    const k = squash(p)
    const xs = at.get(k)
    if (xs) xs.push(i)
    else at.set(k, [i])
  })
  const out = new Set<number>()
  // Runs of copies close together: a later copy far away (the same title in a teaser list) is not part of it.
  const runs: number[][] = []
  for (const xs of at.values()) {
    let run: number[] = []
    for (const x of xs) {
      if (run.length > 0 && x - run[run.length - 1]! > maxGap) {
        runs.push(run)
        run = []
      }
      run.push(x)
    }
    runs.push(run)
  }
  for (const xs of runs) {
    if (xs.length < 3) continue
    const gaps = xs.slice(1).map((x, k) => x - xs[k]!)
    if (gaps.some((g) => g < 2)) continue
    const item = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]!
    // Each item is the picture's text, then the label, then the item's own lines: the gallery runs
    // from the picture before the first label to the end of the last item.
    const end = Math.min(paragraphs.length, xs[xs.length - 1]! + item - 1)
    for (let i = Math.max(0, xs[0]! - 1); i < end; i++) out.add(i)
  }
  return [...out].sort((a, b) => a - b)
}

const describeFeatures = (f: ParagraphFeatures): string =>
  `${f.words} word${f.words === 1 ? "" : "s"}, ${Math.round(f.stopwordDensity * 100)}% function words, ${f.sentenceEnd ? "sentence punctuation" : "no sentence punctuation"}`

/** The pure core of the stage: which paragraphs go, by which rule, and why. */
export const stripBoilerplateParagraphs = (paragraphs: ReadonlyArray<string>, options: StripBoilerplateOptions): StripResult => {
  const c = compile(options)
  const n = paragraphs.length
  const verdicts: Array<Verdict | null> = paragraphs.map((p) => furnitureRule(p, c.rules))
  const stopwords = pageStopwords(paragraphs, [c.stopwords, ...c.otherStopwords])
  const features = paragraphs.map((p) => featuresOf(p, stopwords, options.maxHeadlineWords))
  for (const i of repeatedNearby(paragraphs, options.repeatWindow)) {
    verdicts[i] ??= {
      rule: "repeated-caption",
      reason: "The same text is printed again within a few lines: an image's alt text and caption, or a gallery or video label, not article text."
    }
  }
  for (const i of repeatedHeadlines(paragraphs, features.map((f) => f.headlineShaped), options.minRepeatedHeadlineWords)) {
    verdicts[i] ??= {
      rule: "repeated-headline",
      reason: "A headline-shaped line printed more than once on the page: a title or teaser repeated by menus, galleries and link lists, not article text."
    }
  }
  for (const i of recapParagraphs(paragraphs, options.recapShingle, options.recapShare)) {
    verdicts[i] ??= {
      rule: "repeated-summary",
      reason: "The paragraph strings together sentences from several earlier paragraphs: a page summary or metadata copy of the article, not new text."
    }
  }
  const blankLine = (i: number) => verdicts[i]?.rule === "markup-residue"
  for (const i of teaserCards(paragraphs, blankLine, features.map((f) => f.headlineShaped))) {
    verdicts[i] ??= {
      rule: "teaser-card",
      reason: "A headline and excerpt closed by a \"read more\" link: a card pointing to another article, not this one."
    }
  }
  for (const i of galleryBlocks(paragraphs, features.map((f) => f.headlineShaped))) {
    verdicts[i] ??= {
      rule: "gallery",
      reason: "Part of a slideshow printed inline (its title is repeated before every picture): picture captions, not the article."
    }
  }
  // A short line held between a prompt and another widget line is the widget's own text
  // (`Sign up for our newsletter` / `The best stories, every Friday.` / `[ ] [Sign up]`).
  for (let i = 1; i + 1 < n; i++) {
    const prev = verdicts[i - 1]
    const next = verdicts[i + 1]
    if (verdicts[i] !== null || features[i]!.chars >= options.lengthLow || !prev || !next) continue
    if (IN_ARTICLE.has(prev.rule) || IN_ARTICLE.has(next.rule)) continue
    if (!PROMPTS.has(prev.rule) && !PROMPTS.has(next.rule)) continue
    verdicts[i] = {
      rule: "widget-text",
      reason: `A short line between two lines of a page widget ("${prev.rule}" above, "${next.rule}" below): the widget's own blurb, not article text.`
    }
  }
  // Text in a language the stopword list does not cover has no function words at all: judge it by shape only.
  const useStopwords = features.some((f) => f.words >= 15 && f.stopwordDensity >= 0.15)
  const alone: ParagraphClass[] = features.map((f, i) => {
    const a = classifyAlone(f, options, useStopwords)
    // Two or more sentences on one line are prose even when names crowd out the function words.
    return a === "bad" && f.sentenceEnd && f.words >= 8 && INNER_SENTENCE_END.test(paragraphs[i]!) ? "near-good" : a
  })
  // Picture alt text and caption printed as two lines between article paragraphs: two consecutive
  // lines without sentence punctuation (a subheading is one line; list items carry bullets).
  const bulleted = (i: number) => /^\s*(?:[•□○☆▪◦*-]|\d+\.)\s/u.test(paragraphs[i]!)
  const plain = (i: number) => verdicts[i] === null && features[i]!.headlineShaped && features[i]!.words >= 2 && !bulleted(i)
  const proseAt = (i: number, step: 1 | -1): boolean => {
    for (let j = i + step; j >= 0 && j < n; j += step) {
      if (verdicts[j] !== null && TRANSPARENT.has(verdicts[j]!.rule)) continue
      return verdicts[j] === null && alone[j] === "good"
    }
    return false
  }
  const pictureText = (i: number) => verdicts[i] !== null && /^(?:photo-caption|photo-credit|repeated-caption)$/.test(verdicts[i]!.rule)
  for (let i = 0; i + 1 < n; i++) {
    // The pair, or a caption line right after an alt text already known for one (`… (Getty/Jane Doe)`).
    if (!(plain(i) || pictureText(i)) || !plain(i + 1) || (i + 2 < n && plain(i + 2))) continue
    if (!proseAt(i, -1) || !proseAt(i + 1, 1)) continue
    for (const k of [i, i + 1]) {
      if (verdicts[k] !== null) continue
      verdicts[k] = {
        rule: "photo-caption",
        reason: "Two lines without sentence punctuation between article paragraphs: a picture's alt text and its caption."
      }
    }
  }

  const cardCloserAfter = (from: number): number | null => {
    for (let k = from + 1; k < n && k <= from + 80; k++) {
      const key = keyOf(paragraphs[k]!)
      if (CARD_END.has(key)) return k
      if (trailingHeadingOf(paragraphs[k]!, c.headings, options.maxHeadingWords, c.headingList, c.listHeadings) !== null) return null
    }
    return null
  }
  // Trailing blocks: a heading after enough article text closes the article.
  const block: Array<{ heading: string; rule: string } | null> = new Array(n).fill(null)
  let bodyWords = 0
  for (let i = 0; i < n; i++) {
    const heading = trailingHeadingOf(paragraphs[i]!, c.headings, options.maxHeadingWords, c.headingList, c.listHeadings)
    if (heading !== null && bodyWords >= options.minBodyWordsBeforeTrailing) {
      // Comment sections and footers rarely give way to the article again: they need a longer run of prose.
      const needRun = FINAL_HEADING.test(heading) ? options.resumeRun + 1 : options.resumeRun
      let end = n
      {
        let run = 0
        for (let j = i + 1; j < n; j++) {
          if (verdicts[j] !== null) continue
          if (trailingHeadingOf(paragraphs[j]!, c.headings, options.maxHeadingWords, c.headingList, c.listHeadings) !== null) {
            run = 0
            continue
          }
          const prose = alone[j] === "good" || (run > 0 && alone[j] === "near-good" && features[j]!.sentenceEnd && features[j]!.words >= 8)
          run = prose ? run + 1 : 0
          if (run >= needRun) {
            // Prose closed by its own "Continue reading" link before any other heading is a card
            // printing another article in full (stories under "You may like"), not this one resuming.
            const closer = cardCloserAfter(j)
            if (closer !== null) {
              run = 0
              j = closer
              continue
            }
            // The article resumes at the first paragraph of the run.
            let start = j
            for (let k = j, seen = 0; k > i && seen < run; k--) {
              if (verdicts[k] === null) {
                start = k
                seen++
              }
            }
            end = start
            break
          }
        }
      }
      const rule = ruleOfHeading(heading)
      for (let k = i; k < end; k++) block[k] = { heading, rule }
      i = end - 1
      continue
    }
    if (verdicts[i] === null && alone[i] === "good") bodyWords += features[i]!.words
  }

  // Classifier with neighbour smoothing over what the rules left. Lines taken out by rules for things
  // printed inside articles (ads, captions) are looked through; other rule removals and trailing blocks
  // count as furniture next door.
  const initial: Array<ParagraphClass | null> = alone.map((a, i) => (block[i] !== null ? "bad" : verdicts[i] !== null ? (TRANSPARENT.has(verdicts[i]!.rule) ? null : "bad") : a))
  const shortSentence = paragraphs.map((p, i) => features[i]!.words >= options.minShortSentenceWords && /(?:\p{Ll}{2,}|\d)[.!?]["'”’)]*$/u.test(p.slice(-20)))
  const revised = options.classifier ? reviseWithContext(initial, shortSentence, features.map((f, i) => f.headlineShaped && !INNER_SENTENCE_END.test(paragraphs[i]!))) : initial.map((a) => (a === null ? null : a === "bad" ? "bad" : "good"))
  const survivors = revised.filter((r, i) => r === "good" && block[i] === null).length
  // A document the classifier would empty (a short brief) keeps what the rules left.
  const classify = survivors > 0
  const keptAlone = (i: number) => block[i] === null && verdicts[i] === null && (!classify || revised[i] === "good")
  const outside = minorSegments(
    paragraphs.map((_, i) => (keptAlone(i) ? "kept" : verdicts[i] !== null ? "ruled" : "furniture")),
    features.map((f) => f.words),
    options.segmentGap,
    options.minorSegmentShare
  )
  const keptByClassifier = (i: number) => keptAlone(i) && !outside.has(i)

  let firstKept = -1
  let lastKept = -1
  for (let i = 0; i < n; i++) {
    if (keptByClassifier(i)) {
      if (firstKept < 0) firstKept = i
      lastKept = i
    }
  }

  const kept: string[] = []
  const removals: Removal[] = []
  let creditedSource: string | null = null
  for (let i = 0; i < n; i++) {
    const text = paragraphs[i]!
    const v = verdicts[i]
    const b = block[i]
    if (b) {
      removals.push({
        paragraph: i,
        text,
        rule: b.rule,
        reason: `Part of the "${b.heading}" block that follows the article: a heading and the teasers, links and stamps under it.`
      })
    } else if (v) {
      if (v.rule === "source-credit" && creditedSource === null) creditedSource = isCreditLine(text)?.value.replace(/[.;,]+$/, "") ?? null
      removals.push({ paragraph: i, text, rule: v.rule, reason: v.reason })
    } else if (outside.has(i)) {
      removals.push({
        paragraph: i,
        text,
        rule: "outside-main-text",
        reason: `Text separated from the article by at least ${options.segmentGap} lines of page furniture and much shorter than it: a teaser, notice or widget elsewhere on the page.`
      })
    } else if (!keptByClassifier(i)) {
      const f = features[i]!
      const a = alone[i]!
      const where = i < firstKept ? "before the article starts" : i > lastKept ? "after the article ends" : "inside the article"
      const rule =
        i < firstKept ? "leading-navigation"
        : i > lastKept ? "trailing-furniture"
        : a === "short" ? "classifier-short"
        : a === "bad" ? "classifier-low-stopwords"
        : "classifier-context"
      const why =
        a === "bad" ? "too few function words for prose (a list of names, links or labels)"
        : a === "short" ? (f.headlineShaped ? "a headline- or menu-shaped line" : "a short line")
        : "borderline text"
      removals.push({ paragraph: i, text, rule, reason: `Furniture ${where}: ${why} (${describeFeatures(f)}) whose neighbours are furniture too.` })
    } else {
      kept.push(text)
    }
  }
  return { kept, removals, creditedSource }
}

export const stripBoilerplate = defineDocumentStage({
  name: "strip-boilerplate",
  description:
    "Removes page furniture: navigation and menus before the article, trailing blocks (related, popular, more from author), inline link teasers, prompts, share/cookie lines, captions, bylines and copyright lines.",
  needs: "paragraphs",
  options: StripBoilerplateOptions,
  run: (doc, options) => {
    const r = stripBoilerplateParagraphs(doc.paragraphs, options)
    const events: StageEvent[] = r.removals.map((x) => ({
      rule: x.rule,
      action: "remove",
      text: x.text,
      reason: x.reason,
      paragraph: x.paragraph
    }))
    const fillSource = r.creditedSource !== null && doc.source === null && !doc.given.includes("source")
    return {
      doc: doc.with({ paragraphs: [...r.kept], ...(fillSource ? { source: r.creditedSource } : {}) }),
      events
    }
  }
})
