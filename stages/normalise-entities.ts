// Links mentions of countries, places, organisations, news agencies and people to one canonical
// name each (the gazetteer in stages/data/gazetteer/), finds abbreviation definitions, links
// surnames and guarded typos, and maps the scraped tags to canonical names.
import { Schema } from "effect"
import { DateAnnotation, EntityAnnotation, type Doc, type StageEvent } from "../pipeline/model.js"
import { defineDocumentStage } from "../pipeline/stage.js"
import { GazetteerOptions, gazetteerIndex, lookupName, surnameOf } from "./entities/gazetteer.js"
import { type Candidate, matchGazetteer, occupancyOf, resolveOverlaps as resolveIn } from "./entities/match.js"
import { type KnownPerson, surnameBook, surnameMentions, titledPeople } from "./entities/people.js"
import { type Definition, findDefinitions } from "./entities/schwartz-hearst.js"
import { canonicalTags } from "./entities/tags.js"
import { tokenize, type Token } from "./entities/text.js"
import { typoMentions } from "./entities/typos.js"

const groupBy = <T>(xs: ReadonlyArray<T>, key: (x: T) => number): Map<number, T[]> => {
  const m = new Map<number, T[]>()
  for (const x of xs) {
    const g = m.get(key(x))
    if (g) g.push(x)
    else m.set(key(x), [x])
  }
  return m
}

// Spread into push() overflows the stack on a megabyte-long paragraph's thousands of mentions.
const pushAll = <T>(to: T[], from: ReadonlyArray<T>): void => {
  for (const x of from) to.push(x)
}

export const NormaliseEntitiesOptions = Schema.Struct({
  /** Entries to add or replace, and built-in entries to remove (see stages/entities/gazetteer.ts). */
  gazetteer: Schema.optionalWith(GazetteerOptions, { default: () => Schema.decodeSync(GazetteerOptions)({}) }),
  /** Find `Long Name (ABBR)` / `ABBR (Long Name)` definitions and link the abbreviation's mentions. */
  abbreviations: Schema.optionalWith(Schema.Boolean, { default: () => true }),
  /** Link a surname to the full name the document (or its tags) gives, else to a unique gazetteer person. */
  surnames: Schema.optionalWith(Schema.Boolean, { default: () => true }),
  /** Treat `Minister First Last` as a person even when the gazetteer does not know them. */
  titledPeople: Schema.optionalWith(Schema.Boolean, { default: () => true }),
  /** Link misspelt names (six or more letters, one best candidate); each fix is audited. */
  typos: Schema.optionalWith(Schema.Boolean, { default: () => true }),
  /** Rewrite variant spellings and typos to the canonical name in the text, outside quotations. */
  rewrite: Schema.optionalWith(Schema.Boolean, { default: () => false })
})
export type NormaliseEntitiesOptions = typeof NormaliseEntitiesOptions.Type

export interface EntityResult {
  readonly paragraphs: string[]
  readonly entities: EntityAnnotation[]
  readonly tags: string[]
  readonly events: StageEvent[]
  /** How each kept mention was found, parallel to `entities` (tests and the bench read it). */
  readonly sources: Array<Candidate["source"]>
}

interface DocDefinition extends Definition {
  readonly paragraph: number
  readonly canonical: string
  readonly type: string | undefined
}


// Head nouns of bodies: a defined long form the gazetteer does not know is typed by them.
const ORGANISATION_WORDS =
  /\b(?:Organi[sz]ation|Council|Committee|Commission|Agency|Fund|Programme|Program|Bank|Union|Office|Department|Ministry|Mission|Court|Tribunal|Forum|Group|Institute|Association|Alliance|Assembly|Authority|Board|Bureau|Centre|Center|Conference|Federation|Force|League|Movement|Panel|Partnership|Secretariat|Service|Unit|Entity|Facility|Mechanism)s?\b/

const guessType = (long: string): string | undefined => (ORGANISATION_WORDS.test(long) ? "organisation" : undefined)

/** Entity linking over a document's paragraphs and tags: the whole stage as a pure function. */
export const linkEntities = (
  paragraphs: ReadonlyArray<string>,
  rawTags: ReadonlyArray<string>,
  opts: NormaliseEntitiesOptions
): EntityResult => {
  const index = gazetteerIndex(opts.gazetteer)
  const lengths = paragraphs.map((p) => p.length)
  const resolveOverlaps = (c: ReadonlyArray<Candidate>) => resolveIn(c, lengths)
  const tokens = paragraphs.map(tokenize)
  const events: StageEvent[] = []

  // 1. Definitions, then every mention of what they define.
  const defs: DocDefinition[] = []
  if (opts.abbreviations)
    paragraphs.forEach((p, pi) => {
      for (const d of findDefinitions(p)) {
        const id = lookupName(index, d.long)
        const e = id === undefined ? undefined : index.entries[id]
        defs.push({ ...d, paragraph: pi, canonical: e?.canonical ?? d.long.replace(/\s+/g, " "), type: e?.type ?? guessType(d.long) })
        events.push({
          rule: "abbreviation-definition",
          action: "annotate",
          text: p.slice(d.start, d.end),
          replacement: `${d.short} = ${d.long}`,
          reason: `"${d.short}" is defined here as the abbreviation of "${d.long}"; its mentions in this document are linked to ${e ? `"${e.canonical}"` : "that name"}.`,
          paragraph: pi
        })
      }
    })
  const defsByParagraph = groupBy(defs, (d) => d.paragraph)
  const shortForms = shortFormBook(defs)
  const first: Candidate[] = []
  paragraphs.forEach((p, pi) => {
    const toks = tokens[pi]!
    for (const d of defsByParagraph.get(pi) ?? [])
      first.push({
        paragraph: pi, start: d.start, end: d.end, text: p.slice(d.start, d.end), canonical: d.canonical,
        type: d.type, source: "definition", firstToken: -1, endToken: -1
      })
    pushAll(first, matchGazetteer(index, pi, p, toks))
    pushAll(first, definedMentions(shortForms, pi, p, toks))
  })
  let kept = resolveOverlaps(first)

  // 2. People: those the document names in full (text, titles, tags), then their surnames.
  const tagResult = canonicalTags(index, rawTags, paragraphs.join("\n"))
  if (opts.titledPeople) {
    const occ = occupancyOf(kept, lengths)
    paragraphs.forEach((p, pi) => pushAll(kept, titledPeople(pi, p, tokens[pi]!, (s, e) => occ.covered(pi, s, e))))
  }
  kept = resolveOverlaps(kept)
  if (opts.surnames) {
    const people: KnownPerson[] = []
    for (const c of kept) {
      if (c.type !== "person") continue
      const id = lookupName(index, c.canonical)
      const s = id !== undefined ? surnameOf(index.entries[id]!) : c.canonical.split(" ").pop()
      if (s) people.push({ canonical: c.canonical, surname: s, paragraph: c.paragraph, start: c.start })
    }
    // Tags are document-level: they count as named before the first paragraph.
    for (const t of tagResult.people) people.unshift({ ...t, paragraph: -1, start: 0 })
    const book = surnameBook(people)
    paragraphs.forEach((p, pi) => pushAll(kept, surnameMentions(index, book, pi, p, tokens[pi]!)))
    kept = resolveOverlaps(kept)
  }

  // 3. Typos, only where nothing else was found.
  if (opts.typos) {
    const occ = occupancyOf(kept, lengths)
    paragraphs.forEach((p, pi) => pushAll(kept, typoMentions(index, pi, p, tokens[pi]!, (s, e) => occ.covered(pi, s, e))))
    kept = resolveOverlaps(kept)
  }

  const out = opts.rewrite ? rewrite(paragraphs, kept, events) : { paragraphs: [...paragraphs], kept }
  if (!opts.rewrite)
    for (const c of out.kept.filter((x) => x.source === "typo")) events.push(typoEvent(c, "annotate"))
  return {
    paragraphs: out.paragraphs,
    entities: out.kept.map(
      (c) =>
        new EntityAnnotation({
          paragraph: c.paragraph, start: c.start, end: c.end, text: c.text, canonical: c.canonical,
          ...(c.type !== undefined ? { type: c.type } : {})
        })
    ),
    tags: tagResult.tags,
    events,
    sources: out.kept.map((c) => c.source)
  }
}

const typoEvent = (c: Candidate, action: "annotate" | "replace"): StageEvent => ({
  rule: "typo",
  action,
  text: c.text,
  replacement: c.canonical,
  reason: `"${c.text}" is read as a misspelling of "${c.canonical}" (${c.distance ?? "?"} edit${c.distance === 1 ? "" : "s"} away, no other name as close)${action === "replace" ? " and rewritten to it" : " and linked to it"}.`,
  paragraph: c.paragraph
})

interface ShortFormBook {
  readonly forms: Array<{ words: string[]; defs: DocDefinition[]; next: number }>
  /** First token text of each short form, to skip tokens quickly. */
  readonly firstWords: Set<string>
}

const shortFormBook = (defs: ReadonlyArray<DocDefinition>): ShortFormBook => {
  const byShort = new Map<string, { words: string[]; defs: DocDefinition[]; next: number }>()
  for (const d of defs) {
    const s = byShort.get(d.short) ?? { words: tokenize(d.short).map((t) => t.text), defs: [], next: 0 }
    s.defs.push(d)
    byShort.set(d.short, s)
  }
  const forms = [...byShort.values()]
  return { forms, firstWords: new Set(forms.map((f) => f.words[0] ?? "")) }
}

/**
 * Mentions of abbreviations the document defines: the nearest definition before, else the first
 * after. Paragraphs must be visited in order: each short form's pointer only moves forward.
 */
const definedMentions = (book: ShortFormBook, pi: number, p: string, toks: ReadonlyArray<Token>): Candidate[] => {
  const out: Candidate[] = []
  if (book.forms.length === 0) return out
  for (let i = 0; i < toks.length; i++) {
    if (!book.firstWords.has(toks[i]!.text)) continue
    for (const sf of book.forms) {
      const { words, defs: ds } = sf
      if (!words.every((w, k) => toks[i + k]?.text === w)) continue
      const last = toks[i + words.length - 1]!
      const next = toks[i + words.length]
      // `CSTO-led` is a mention; a word glued on is not.
      if (next && next.start === last.end && next.isWord) continue
      const before = (d: DocDefinition) => d.paragraph < pi || (d.paragraph === pi && d.start < toks[i]!.start)
      while (sf.next < ds.length && before(ds[sf.next]!)) sf.next++
      const d = ds[Math.max(0, sf.next - 1)]!
      out.push({
        paragraph: pi, start: toks[i]!.start, end: last.end, text: p.slice(toks[i]!.start, last.end),
        canonical: d.canonical, type: d.type, source: "defined-abbreviation", firstToken: i, endToken: i + words.length
      })
    }
  }
  return out
}

/** Spans of a paragraph inside quotation marks; an unclosed quotation runs to the paragraph's end. */
export const quotationSpans = (p: string): Array<[number, number]> => {
  const spans: Array<[number, number]> = []
  let open = -1
  let closer = ""
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!
    if (open < 0) {
      if (c === "“" || c === "«" || c === "„") {
        open = i
        closer = c === "«" ? "»" : "”"
      } else if (c === '"') {
        open = i
        closer = '"'
      } else if (c === "‘" && (i === 0 || /[\s(]/.test(p[i - 1]!))) {
        open = i
        closer = "’"
      }
    } else if (c === closer || (closer === "”" && c === '"')) {
      // `’` inside a quotation is mostly an apostrophe: it closes only before a non-letter.
      if (closer === "’" && /\p{L}/u.test(p[i + 1] ?? "")) continue
      spans.push([open, i + 1])
      open = -1
    }
  }
  if (open >= 0) spans.push([open, p.length])
  return spans
}

/** Writes canonical names over variant spellings and typos outside quotations; shifts offsets. */
const rewrite = (
  paragraphs: ReadonlyArray<string>,
  kept: ReadonlyArray<Candidate>,
  events: StageEvent[]
): { paragraphs: string[]; kept: Candidate[] } => {
  const outParas: string[] = []
  const outKept: Candidate[] = []
  const byParagraph = groupBy(kept, (c) => c.paragraph)
  paragraphs.forEach((p, pi) => {
    const quotes = quotationSpans(p)
    const mine = byParagraph.get(pi) ?? []
    // Spans and quotations are both in text order: one pointer walks the quotations.
    let q = 0
    const inQuote = (c: Candidate) => {
      while (q < quotes.length && quotes[q]![1] <= c.start) q++
      return q < quotes.length && quotes[q]![0] < c.end
    }
    let text = ""
    let last = 0
    let shift = 0
    for (const c of mine) {
      const change =
        c.text !== c.canonical &&
        (c.source === "typo" || (c.source === "gazetteer" && c.variant === true && c.form?.kind === "name")) &&
        !inQuote(c)
      text += p.slice(last, c.start)
      const start = c.start + shift
      if (change) {
        text += c.canonical
        shift += c.canonical.length - c.text.length
        events.push(
          c.source === "typo"
            ? typoEvent(c, "replace")
            : {
                rule: "canonical-name",
                action: "replace",
                text: c.text,
                replacement: c.canonical,
                reason: `"${c.text}" is another name for "${c.canonical}" and was rewritten to the canonical name.`,
                paragraph: pi
              }
        )
        outKept.push({ ...c, start, end: start + c.canonical.length, text: c.canonical })
      } else {
        // A typo inside a quotation stays as written but is still linked, and audited as such.
        if (c.source === "typo") events.push(typoEvent(c, "annotate"))
        text += c.text
        outKept.push({ ...c, start, end: start + c.text.length })
      }
      last = c.end
    }
    outParas.push(text + p.slice(last))
  })
  return { paragraphs: outParas, kept: outKept }
}

/** Canonical names of a document's entities, each once, in order of first mention (the CSV column). */
export const entityNames = (doc: Doc): string[] => {
  const seen: string[] = []
  const sorted = [...doc.entities].sort((a, b) => a.paragraph - b.paragraph || a.start - b.start)
  for (const e of sorted) if (!seen.includes(e.canonical)) seen.push(e.canonical)
  return seen
}

export const normaliseEntities = defineDocumentStage({
  name: "normalise-entities",
  description:
    "Links countries, places, organisations, agencies and people to canonical names (gazetteer, abbreviation definitions, surnames, guarded typos) and maps tags to them.",
  needs: "paragraphs",
  options: NormaliseEntitiesOptions,
  run: (doc, opts) => {
    const r = linkEntities(doc.paragraphs, doc.rawTags.length > 0 ? doc.rawTags : doc.tags, opts)
    const changed = opts.rewrite && r.paragraphs.some((p, i) => p !== doc.paragraphs[i])
    return {
      doc: doc.with({
        entities: r.entities,
        tags: r.tags,
        ...(changed ? { paragraphs: r.paragraphs, dates: shiftDates(doc, r.paragraphs) } : {})
      }),
      events: r.events
    }
  }
})

/**
 * Date annotations after a rewrite: a paragraph whose text changed is re-located by searching each
 * date's text near its old offset; one that cannot be found again is dropped rather than left wrong.
 */
const shiftDates = (doc: Doc, paragraphs: ReadonlyArray<string>): Doc["dates"] =>
  doc.dates.flatMap((d) => {
    const p = paragraphs[d.paragraph]
    if (p === undefined) return []
    if (p.slice(d.start, d.end) === d.text) return [d]
    const near = p.indexOf(d.text, Math.max(0, d.start - 200))
    const at = near >= 0 ? near : p.indexOf(d.text)
    if (at < 0) return []
    return [new DateAnnotation({ paragraph: d.paragraph, start: at, end: at + d.text.length, text: d.text, value: d.value })]
  })
