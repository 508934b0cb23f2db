// Moves what the dump says about the article out of its body and into fields: the header line,
// the headline (with a time glued to it), scraped tag lists and credit lines.
import { Schema } from "effect"
import type { StageEvent } from "../pipeline/model.js"
import { defineDocumentStage } from "../pipeline/stage.js"
import { labelPattern, PHOTO_LABELS, SOURCE_LABELS } from "./credits.js"

export const ParseMetadataOptions = Schema.Struct({
  /** Longest line, in words, still read as a headline. */
  maxHeadlineWords: Schema.optionalWith(Schema.Int.pipe(Schema.positive()), { default: () => 20 }),
  /** Longest line, in words, still read as a scraped tag. */
  maxTagWords: Schema.optionalWith(Schema.Int.pipe(Schema.positive()), { default: () => 6 }),
  /** Labels that open a credit line naming the article's source (`Source: Reuters`). */
  sourceLabels: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [...SOURCE_LABELS] }),
  /** Labels that open a picture credit or caption line (`Photo: …`). */
  photoLabels: Schema.optionalWith(Schema.Array(Schema.String), { default: () => [...PHOTO_LABELS] }),
  /** Labels that open a tag line (`Tags: a, b, c`). */
  tagLabels: Schema.optionalWith(Schema.Array(Schema.String), { default: () => ["tags", "tagged", "topics", "keywords", "related topics"] })
})
export type ParseMetadataOptions = typeof ParseMetadataOptions.Type

export interface Metadata {
  readonly title: string | null
  readonly published: string | null
  readonly publishedTime: string | null
  readonly url: string | null
  readonly source: string | null
  /** Tags in first-seen order, each once. */
  readonly tags: ReadonlyArray<string>
  /** Every scraped tag as found, repeats included: evidence for the entity stage. */
  readonly rawTags: ReadonlyArray<string>
  readonly body: string
  readonly events: ReadonlyArray<StageEvent>
}

const URL_RE = /^(https?:\/\/[^\s]+)$/i
const DATE_TOKEN =
  /^(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}[./]\d{1,2}[./]\d{4},?(?: \d{1,2}:\d{2})?)$/
// Time, or date and time, glued to the end of a headline by the scraper: `… NATO actions 12:40`.
const GLUED_TIME = / (\d{1,2}:\d{2})$/
const GLUED_DATETIME = / (\d{1,2}[./]\d{1,2}[./]\d{4}(?:,? \d{1,2}:\d{2})?)$/
const SENTENCE_END = /[.!?…]["'”’)]*$/

const words = (s: string): number => (s.match(/\S+/g) ?? []).length

/** Host of a URL without `www.`, or null when it is not a URL. */
export const hostOf = (url: string): string | null => {
  try {
    const host = new URL(url).hostname.toLowerCase()
    return host.replace(/^www\./, "") || null
  } catch {
    return null
  }
}

/** `date 2024-07-13 https://…`, `https://… 2024-07-13`, `published: 2024-07-13`: a line made only of metadata. */
export const parseHeaderLine = (line: string): { date: string | null; url: string | null } | null => {
  const tokens = line.trim().split(/\s+/)
  let date: string | null = null
  let url: string | null = null
  let rest = tokens.length
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (/^(date|published|url|link|source|dated)[:=]?$/i.test(t)) {
      rest--
      continue
    }
    if (!url && URL_RE.test(t)) {
      url = t
      rest--
      continue
    }
    // `23.07.2024, 19:01` spans two tokens.
    const next = tokens[i + 1]
    if (!date && next !== undefined && /^\d{1,2}:\d{2}$/.test(next) && DATE_TOKEN.test(`${t} ${next}`)) {
      date = `${t} ${next}`
      rest -= 2
      i++
      continue
    }
    if (!date && DATE_TOKEN.test(t)) {
      date = t
      rest--
      continue
    }
  }
  return rest === 0 && (date !== null || url !== null) ? { date, url } : null
}

/** A line that reads as a headline: short, one sentence at most, not a list of lowercase tags. */
export const isHeadlineShaped = (line: string, maxWords: number): boolean => {
  const n = words(line)
  if (n < 2 || n > maxWords) return false
  if (!/^[\p{Lu}\p{N}"'“‘«]/u.test(line)) return false
  // Two sentences are body text, not a headline.
  if (/[.!?]["”’]? +[\p{Lu}]/u.test(line)) return false
  // A sentence-final period is fine on a short headline, not on a long line.
  return !SENTENCE_END.test(line) || n <= 12
}

/** A scraped tag: a short all-lowercase line with no sentence punctuation. */
export const isTagShaped = (line: string, maxWords: number): boolean =>
  line.length <= 80 &&
  words(line) <= maxWords &&
  /^[\p{Ll}\p{N}][\p{Ll}\p{N}\p{M} '’().&/-]*$/u.test(line) &&
  /\p{Ll}{2}/u.test(line) &&
  !/[.!?,;:]$/.test(line)

export const parseMetadata = (body: string, options: ParseMetadataOptions, known: { readonly title: string | null; readonly url: string | null; readonly published: string | null; readonly source: string | null; readonly givenTitle: boolean }): Metadata => {
  const lines = body.split("\n")
  const drop = new Set<number>()
  const events: StageEvent[] = []
  let { title, url, published, source } = known
  let publishedTime: string | null = null
  const tags: string[] = []
  const nonEmpty = lines.map((l, i) => [l.trim(), i] as const).filter(([l]) => l.length > 0)

  let cursor = 0
  const first = nonEmpty[0]
  if (first) {
    const header = parseHeaderLine(first[0])
    if (header) {
      drop.add(first[1])
      cursor = 1
      if (header.url && !url) url = header.url
      if (header.date && !published) published = header.date
      events.push({ rule: "header-line", action: "extract", text: first[0], replacement: [header.date, header.url].filter(Boolean).join(" "), reason: "The dump's header line gives the publication date and URL; they were moved into the document's fields." })
    }
  }

  const head = nonEmpty[cursor]
  if (head && !known.givenTitle && nonEmpty.length > cursor + 1 && isHeadlineShaped(head[0], options.maxHeadlineWords)) {
    let headline = head[0]
    const dt = GLUED_DATETIME.exec(headline)
    const tm = dt ? null : GLUED_TIME.exec(headline)
    if (dt) {
      if (!published) published = dt[1]!
      headline = headline.slice(0, dt.index)
    } else if (tm) {
      publishedTime = tm[1]!
      headline = headline.slice(0, tm.index)
    }
    title = headline.trim()
    drop.add(head[1])
    events.push({ rule: "headline", action: "extract", text: head[0], replacement: title, reason: dt || tm ? "The first line is the headline, with the publication time glued to its end; both were moved into the document's fields." : "The first line is the headline; it was moved into the document's title." })
  }

  const sourceRe = labelPattern(options.sourceLabels)
  const photoRe = labelPattern(options.photoLabels)
  const tagRe = labelPattern(options.tagLabels)
  const rest = nonEmpty.slice(cursor).filter(([, i]) => !drop.has(i))

  // Runs of tag-shaped lines (blank lines between them do not break a run).
  const tagShaped = rest.map(([l]) => isTagShaped(l, options.maxTagWords))
  const tagLines = new Set<number>()
  for (let k = 0; k < rest.length; ) {
    if (!tagShaped[k]) {
      k++
      continue
    }
    let e = k
    while (e < rest.length && tagShaped[e]) e++
    // A lone lowercase line is a tag only at the very end of the dump, or once a real run was seen.
    if (e - k >= 2 || e === rest.length && tagLines.size > 0) for (let j = k; j < e; j++) tagLines.add(j)
    k = e
  }
  rest.forEach(([line, i], k) => {
    const tagged = tagRe.exec(line)
    if (tagged && words(line) <= 40) {
      const found = tagged[1]!.split(/\s*[,;|]\s*/).map((t) => t.trim()).filter(Boolean)
      tags.push(...found)
      drop.add(i)
      events.push({ rule: "tag-list", action: "extract", text: line, replacement: found.join("; "), reason: "A labelled tag line lists the article's tags; they were moved into the document's tags." })
      return
    }
    if (tagLines.has(k)) {
      tags.push(line)
      drop.add(i)
      events.push({ rule: "tag-list", action: "extract", text: line, replacement: line, reason: "A run of short lowercase lines is the page's scraped tag list, not article text; moved into the document's tags." })
      return
    }
    const credit = sourceRe.exec(line)
    if (credit && words(credit[1]!) <= 12) {
      const value = credit[1]!.replace(/[.;,]+$/, "").trim()
      if (!source) source = value
      drop.add(i)
      events.push({ rule: "source-credit", action: "remove", text: line, replacement: null, reason: `A credit line names where the article came from${known.source ? "" : "; it fills the document's source"}.` })
      return
    }
    const photo = photoRe.exec(line)
    if (photo && words(photo[1]!) <= 40) {
      drop.add(i)
      events.push({ rule: "photo-caption", action: "remove", text: line, replacement: null, reason: "A picture credit or caption describes an image on the page, not the article's text." })
    }
  })

  if (!source && url) source = hostOf(url)
  const kept = lines.filter((_, i) => !drop.has(i)).join("\n").replace(/\n{3,}/g, "\n\n").trim()
  return { title, published, publishedTime, url, source, tags: dedupe(tags), rawTags: tags, body: kept, events }
}

const dedupe = (xs: ReadonlyArray<string>): string[] => [...new Set(xs)]

export const parseMetadataStage = defineDocumentStage({
  name: "parse-metadata",
  description: "Moves the header line (date, URL), the headline and a time glued to it, tag lists and credit lines out of the body into the document's fields.",
  needs: "body",
  options: ParseMetadataOptions,
  run: (doc, options) => {
    const given = new Set(doc.given)
    const m = parseMetadata(doc.body, options, {
      title: doc.title,
      url: doc.url,
      published: doc.published,
      source: given.has("source") ? doc.source : null,
      givenTitle: given.has("title")
    })
    return {
      doc: doc.with({
        title: given.has("title") ? doc.title : m.title,
        url: given.has("url") ? doc.url : m.url,
        published: given.has("published") ? doc.published : m.published,
        publishedTime: doc.publishedTime ?? m.publishedTime,
        source: given.has("source") ? doc.source : m.source,
        rawTags: [...doc.rawTags, ...m.rawTags],
        tags: dedupe([...doc.tags, ...m.tags]),
        body: m.body
      }),
      events: m.events
    }
  }
})
