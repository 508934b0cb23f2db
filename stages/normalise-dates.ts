// normalise-dates: the publication date and time in ISO 8601, and every date expression in
// the clean text as a TIMEX3-valued annotation resolved against the publication date.
import { Schema } from "effect"
import type { Doc, StageEvent } from "../pipeline/model.js"
import { DateAnnotation } from "../pipeline/model.js"
import { defineDocumentStage } from "../pipeline/stage.js"
import type { DateMatch } from "./dates/rules.js"
import { findDates } from "./dates/rules.js"
import { anchorOf, datelineDate, parsePublished } from "./dates/published.js"

export { parsePublished } from "./dates/published.js"
export { findDates } from "./dates/rules.js"

export const NormaliseDatesOptions = Schema.Struct({
  /** Read "13/07/2024" day first (13 July); false reads it month first. Dotted dates are always day first. */
  dayFirst: Schema.optionalWith(Schema.Boolean, { default: () => true }),
  /** Write the ISO value beside each expression in the clean text: "June [2024-06]". */
  annotateInline: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  /** How bare weekdays and months resolve: by the verbs around them, or always to the past/future. */
  lean: Schema.optionalWith(Schema.Literal("auto", "past", "future"), { default: () => "auto" as const }),
  /** Tag now/currently/recently/the past/the future as PRESENT_REF, PAST_REF, FUTURE_REF. */
  referenceWords: Schema.optionalWith(Schema.Boolean, { default: () => true }),
  /** Tag clock times (3 p.m., 10:15 GMT) as times on the day they belong to. */
  times: Schema.optionalWith(Schema.Boolean, { default: () => true }),
  /** Take the publication date from a dateline ("MOSCOW, July 13 (Reuters) -") when the document gives none. */
  dateline: Schema.optionalWith(Schema.Boolean, { default: () => true })
})
export type NormaliseDatesOptions = typeof NormaliseDatesOptions.Type

interface PublishedResult {
  readonly published: string | null
  readonly publishedTime: string | null
  readonly events: StageEvent[]
}

/** The document's publication date and time in ISO form, from its raw fields or its dateline. */
export const normalisePublished = (doc: Doc, options: NormaliseDatesOptions): PublishedResult => {
  const events: StageEvent[] = []
  let published: string | null = null
  let publishedTime: string | null = null
  if (doc.published !== null) {
    const p = parsePublished(doc.published, { dayFirst: options.dayFirst })
    published = p.published
    publishedTime = p.publishedTime
    if (published === null && publishedTime === null) {
      events.push({
        rule: "published-unreadable",
        action: "replace",
        text: doc.published,
        replacement: null,
        reason: "The publication date given is not a date this stage can read, so it is left unknown rather than guessed."
      })
    } else if (published !== doc.published) {
      events.push({
        rule: "published-iso",
        action: "replace",
        text: doc.published,
        replacement: published ?? publishedTime,
        reason: published === null ? "The publication field held only a time of day, kept as the publication time." : "The publication date was rewritten in ISO 8601 form."
      })
    }
  }
  if (doc.publishedTime !== null) {
    const t = parsePublished(doc.publishedTime, { dayFirst: options.dayFirst })
    const time = t.publishedTime ?? (t.published && t.published.includes("T") ? t.published.slice(11, 16) : null)
    if (time !== null && publishedTime === null) publishedTime = time
    if (time !== doc.publishedTime) {
      events.push({
        rule: "published-time",
        action: "replace",
        text: doc.publishedTime,
        replacement: time,
        reason: time === null ? "The publication time given is not a time of day, so it is left unknown." : "The publication time was written as HH:MM."
      })
    }
  }
  // A time given beside a date-only publication date belongs to that date.
  if (published !== null && /^\d{4}-\d{2}-\d{2}$/.test(published) && publishedTime !== null) {
    published = `${published}T${publishedTime}`
    publishedTime = null
  }
  if (published === null && options.dateline && !doc.given.includes("published") && doc.paragraphs.length > 0) {
    const fromDateline = datelineDate(doc.paragraphs[0]!, doc.url)
    if (fromDateline !== null) {
      published = publishedTime !== null ? `${fromDateline}T${publishedTime}` : fromDateline
      if (publishedTime !== null) publishedTime = null
      events.push({
        rule: "published-dateline",
        action: "extract",
        text: doc.paragraphs[0]!.slice(0, 80),
        replacement: published,
        reason: "The document gives no publication date; its dateline names the day and the year is written in it or in the article's address.",
        paragraph: 0
      })
    }
  }
  return { published, publishedTime, events }
}

/** Writes "[value]" after each expression of one paragraph; returns the new text and moved annotations. */
export const inlineValues = (
  paragraph: string,
  found: ReadonlyArray<DateMatch>
): { text: string; spans: Array<{ start: number; end: number }> } => {
  let out = ""
  let at = 0
  const spans: Array<{ start: number; end: number }> = []
  for (const f of found) {
    out += paragraph.slice(at, f.start)
    const start = out.length
    out += paragraph.slice(f.start, f.end)
    spans.push({ start, end: out.length })
    out += ` [${f.value}]`
    at = f.end
  }
  return { text: out + paragraph.slice(at), spans }
}

export const normaliseDates = defineDocumentStage({
  name: "normalise-dates",
  description: "Publication date and time in ISO 8601; date expressions in the text annotated with TIMEX3 values resolved against the publication date.",
  needs: "paragraphs",
  options: NormaliseDatesOptions,
  run: (doc, options) => {
    const pub = normalisePublished(doc, options)
    const events: StageEvent[] = [...pub.events]
    const anchor = anchorOf(pub.published)
    const tagOptions = { dayFirst: options.dayFirst, lean: options.lean, referenceWords: options.referenceWords, times: options.times }
    const dates: DateAnnotation[] = []
    const paragraphs = doc.paragraphs.map((text, p) => {
      const found = findDates(text, anchor, tagOptions)
      if (!options.annotateInline || found.length === 0) {
        for (const f of found) dates.push(new DateAnnotation({ paragraph: p, start: f.start, end: f.end, text: f.text, value: f.value }, true))
        return text
      }
      const inline = inlineValues(text, found)
      found.forEach((f, i) => {
        const span = inline.spans[i]!
        dates.push(new DateAnnotation({ paragraph: p, start: span.start, end: span.end, text: f.text, value: f.value }, true))
        events.push({
          rule: "inline-date-value",
          action: "replace",
          text: f.text,
          replacement: `${f.text} [${f.value}]`,
          reason: "The annotate-inline option writes the normalised ISO value beside each date expression.",
          paragraph: p
        })
      })
      return inline.text
    })
    return {
      doc: doc.with({ published: pub.published, publishedTime: pub.publishedTime, paragraphs, dates }),
      events
    }
  }
})
