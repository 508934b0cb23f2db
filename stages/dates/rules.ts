// The date-expression tagger: finds date and time expressions in a paragraph and gives each a
// TIMEX3 value resolved against the anchor (the publication date).
//
// Extents follow TimeML/TempEval: leading prepositions ("on", "in", "at", "by") stay outside,
// determiners and modifiers ("the", "last", "early", "the mid-", "the end of") are inside.
// Durations ("30 years", "a decade"), sets ("every Monday"), ages and quantities are not dates
// and are left alone. Every regex here is a flat alternation or a bounded lookaround: no nested
// quantifiers, so a megabyte-long line is scanned in linear time.
import type { Direction } from "./anchor.js"
import { resolveMonth, resolveMonthDay, resolveQuarter, resolveSeason, resolveWeekday, shiftFromAnchor } from "./anchor.js"
import type { Anchor, Season } from "./calendar.js"
import { addDays, addMonths, anchorDay, daysInMonth, fmtDay, isValidYmd, pad2, pad4, quarterOf } from "./calendar.js"
import {
  DECADE_WORDS,
  MONTH_RE,
  monthNumber,
  NUMBER_WORD_RE,
  numberValue,
  ORDINAL_WORD_RE,
  ordinalValue,
  PART_OF_DAY,
  SEASONS,
  WEEKDAY_RE,
  WEEKDAYS
} from "./lexicon.js"
import type { Lean } from "./tense.js"
import { leanAround } from "./tense.js"
import { KeywordScanner, matches } from "./scan.js"

export interface DateMatch {
  readonly start: number
  readonly end: number
  readonly text: string
  readonly value: string
  /** Which rule found it: kept for the audit trail and for debugging the scorer. */
  readonly rule: string
}

export interface TagOptions {
  /** Read "13/07/2024" as 13 July (true) or as the US 7 December-style month first (false). */
  readonly dayFirst: boolean
  /** Resolve bare weekdays, months and month-days by the verbs around them, or always one way. */
  readonly lean: "auto" | "past" | "future"
  /** Tag "now", "currently", "recently", "the past", "the future" as PRESENT_REF / PAST_REF / FUTURE_REF. */
  readonly referenceWords: boolean
  /** Tag clock times ("3 p.m.", "10:15 GMT") as TIMEX3 times on the anchor day. */
  readonly times: boolean
}

export const defaultTagOptions: TagOptions = { dayFirst: true, lean: "auto", referenceWords: true, times: true }

// A class rather than object literals and spreads: every candidate then has one shape, which keeps
// the optimised sort and pick code from being thrown away when a modified copy first appears.
class Candidate {
  readonly start: number
  readonly end: number
  readonly value: string
  readonly rule: string
  /** Modifier prefixes ("early", "the end of", "mid-") may be pulled into the extent. */
  readonly extendable: boolean
  constructor(start: number, end: number, value: string, rule: string, extendable: boolean) {
    this.start = start
    this.end = end
    this.value = value
    this.rule = rule
    this.extendable = extendable
  }
  withValue(value: string): Candidate {
    return new Candidate(this.start, this.end, value, this.rule, this.extendable)
  }
}

const YEAR = "(?:1[6-9]\\d\\d|20\\d\\d)"
const FULL_MONTH_RE = "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
const PART_RE = "(?:morning|afternoon|evening|night)"

// ---------------------------------------------------------------------------------------------
// Context guards

/** Text just before `at`, at most n characters: lookbehind checks stay bounded. */
const before = (text: string, at: number, n = 40): string => text.slice(Math.max(0, at - n), at)
const after = (text: string, at: number, n = 40): string => text.slice(at, at + n)

// Counted things that follow a bare number: then it is a quantity, not a year.
const QUANTITY_AFTER =
  /^\s*(?:%|percent\b|per\s?cent\b|million\b|billion\b|trillion\b|thousand\b|hundred\b|points?\b|people\b|persons\b|men\b|women\b|children\b|troops\b|soldiers\b|units\b|feet\b|ft\b|meters\b|metres\b|miles\b|km\b|kilometres\b|kilometers\b|tons\b|tonnes\b|barrels\b|shares\b|dollars\b|euros\b|pounds\b|yen\b|rubles\b|roubles\b|votes\b|hours\b|hrs\b|GMT\b|UTC\b|local\b|[a-z]{3,}s\b)/
// Words after which a four-digit number is a name or a code, not a year.
const CODE_BEFORE =
  /\b(?:flight|route|room|no|nos|number|model|page|pages|track|highway|interstate|boeing|airbus|windows|office|uss|pc|code|zip|box|suite|apt|channel|article|resolution|lot|item|grade|version|v|rev|tu|su|mig|il|an|yak|type|class|series|at|around|about|nearly|almost|over|under|some|than|approximately|roughly|only|just|exactly)\s+$/i
// Prepositions that make a following four-digit number a year even before a plural noun.
const YEAR_CUE_BEFORE =
  /(?:\b(?:in|since|by|until|till|during|from|before|after|of|for|early|late|mid|through|throughout|between|year|fiscal|summer|spring|autumn|fall|winter)[\s-]+|\b(?:1[6-9]\d\d|20\d\d)\s+(?:and|to|or|through|until)\s+)$/i
// Words that, before a bare month name, make it a date rather than a name or a verb.
const MONTH_CUE_BEFORE =
  /(?:\b(?:in|on|by|since|until|till|through|throughout|during|before|after|from|to|of|early|late|mid|last|next|this|between|around|for|end|beginning|start|middle|as of|starting|beginning in|ending)\s+|\bmid-)$/i
const MONTH_JOIN_BEFORE = /\b(?:and|or|to|through|until|till|-|–)\s*$/
// Named days that contain a weekday: Black Friday, Good Friday, Super Tuesday …
const NAMED_DAY_BEFORE = /\b(?:Black|Good|Cyber|Ash|Easter|Palm|Holy|Super|Bloody|Maundy|Giving|Blue|Fat|Shrove|Low|Trinity|Whit|Red)\s+$/
const SET_BEFORE = /\b(?:every|each|on alternate|alternate)\s+$/i

// Modifiers that belong to the expression they precede (TimeML keeps them in the extent).
const PREMODIFIER =
  /(?:\b(?:the\s+)?(?:very\s+)?(?:early|earlier|late|later|mid|sometime|the\s+(?:end|beginning|start|middle|close|turn|first\s+half|second\s+half)\s+of|(?:end|beginning|start|middle)\s+of|the\s+year)(?:\s+|-)|\bmid-)$/i

// ---------------------------------------------------------------------------------------------

interface Ctx {
  readonly text: string
  /** Bits of the keyword groups the paragraph holds (any case), checked before a rule's patterns run. */
  readonly found: number
  /** The paragraph holds a capitalised month prefix, which the case-sensitive month patterns need. */
  readonly monthCased: boolean
  readonly anchor: Anchor
  readonly opts: TagOptions
  readonly out: Candidate[]
}

// Keywords (lowercase) that a rule's patterns cannot match without: most paragraphs hold none,
// and skipping a pattern that would find nothing leaves the candidates and their order unchanged.
// Every month name and abbreviation starts with one of the three-letter prefixes.
const scanner = new KeywordScanner({
  digit: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
  dash: ["-"],
  dotOrSlash: [".", "/"],
  colonOrDot: [":", "."],
  apostrophe: ["'", "’"],
  month: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
  weekday: ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
  season: ["spring", "summer", "autumn", "fall", "winter"],
  of: ["of"],
  ordinal: ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
    "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty", "final", "1st", "2nd", "3rd", "4th"],
  year: ["year"],
  nineteen: ["nineteen"],
  decadeWord: ["ties"], // twenties … nineties
  decadeDigits: ["0s", "0's", "0’s"],
  century: ["century"],
  dayWord: ["yesterday", "today", "tomorrow", "tonight"],
  dayPart: ["night", "morning", "afternoon", "evening"],
  relative: ["this", "last", "next", "past", "previous", "coming", "current"],
  relativeUnit: ["week", "month", "year", "quarter", "decade", "century", "spring", "summer", "autumn", "fall", "winter"],
  edge: ["end", "beginning", "start", "middle", "close", "turn"],
  edgeUnit: ["year", "month", "week", "quarter", "decade", "century"],
  ago: ["ago"],
  shift: ["earlier", "before", "later", "after"],
  shiftUnit: ["day", "week", "month", "quarter", "year"],
  quarter: ["quarter"],
  quarterCode: ["q1", "q2", "q3", "q4"],
  half: ["half"],
  reference: ["now", "currently", "recently", "lately", "the present", "at present", "the past", "the future", "at the time"],
  ampm: ["am", "pm", "a.m", "p.m"],
  noon: ["noon", "midday", "midnight"],
  holiday: ["christmas", "year's", "year’s", "valentine", "halloween"] // New Year's is written with the apostrophe
})
const W = scanner.bit
const MONTH_CASED = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/
/** True when the paragraph holds a keyword of group a (and of groups b and c when given). */
const has = (ctx: Ctx, a: number, b: number = a, c: number = a): boolean =>
  (ctx.found & a) !== 0 && (ctx.found & b) !== 0 && (ctx.found & c) !== 0

const leanOf = (ctx: Ctx, start: number, end: number): Lean =>
  ctx.opts.lean === "auto" ? leanAround(ctx.text, start, end) : ctx.opts.lean

const push = (ctx: Ctx, start: number, end: number, value: string | null, rule: string, extendable = true): void => {
  if (value === null || end <= start) return
  ctx.out.push(new Candidate(start, end, value, rule, extendable))
}

const dayOrNull = (y: number, m: number, d: number): string | null => (isValidYmd(y, m, d) ? fmtDay({ y, m, d }) : null)

// ISO dates and date-times: 2024-07-13, 2024-07-13T19:01.
const ISO_DATE = /(?<![\w/.-])(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?(?![\w-])/g
const isoDates = (ctx: Ctx): void => {
  if (!has(ctx, W.digit, W.dash)) return
  for (const m of matches(ISO_DATE, ctx.text)) {
    const day = dayOrNull(Number(m[1]), Number(m[2]), Number(m[3]))
    if (!day) continue
    const hh = m[4] !== undefined ? Number(m[4]) : null
    const time = hh !== null && hh < 24 && Number(m[5]) < 60 ? `T${m[4]}:${m[5]}` : ""
    const end = time ? m.index + m[0].length : m.index + 10
    push(ctx, m.index, end, day + time, "iso-date", false)
  }
}

/** Reads a numeric day/month pair by separator and option: dots are always day-first. */
export const numericDayMonth = (a: number, b: number, sep: string, dayFirst: boolean): { d: number; m: number } | null => {
  if (sep === "." || dayFirst) {
    if (b <= 12) return { d: a, m: b }
    return sep === "." ? null : a <= 12 ? { d: b, m: a } : null
  }
  if (a <= 12) return { d: b, m: a }
  return b <= 12 ? { d: a, m: b } : null
}

export const expandYear = (y: string): number => (y.length === 4 ? Number(y) : Number(y) < 50 ? 2000 + Number(y) : 1900 + Number(y))

// Numeric dates: 23.07.2024, 23.07.2024, 19:01 and 13/07/2024 (day first by option).
const NUMERIC_DATE = /(?<![\w/.,:-])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?![\w/]|[.,:]\d)(?:,?\s+(?:at\s+)?(\d{1,2})[:.](\d{2})(?![\d:]))?/g
const numericDates = (ctx: Ctx): void => {
  if (!has(ctx, W.digit, W.dotOrSlash)) return
  for (const m of matches(NUMERIC_DATE, ctx.text)) {
    if (m[2] === "." && m[4]!.length !== 4) continue // "1.2.10" is a version number, not a date
    const dm = numericDayMonth(Number(m[1]), Number(m[3]), m[2]!, ctx.opts.dayFirst)
    if (!dm) continue
    const day = dayOrNull(expandYear(m[4]!), dm.m, dm.d)
    if (!day) continue
    const hasTime = m[5] !== undefined && Number(m[5]) < 24 && Number(m[6]) < 60
    const time = hasTime ? `T${pad2(Number(m[5]))}:${m[6]}` : ""
    const end = hasTime ? m.index + m[0].length : m.index + m[1]!.length + m[3]!.length + m[4]!.length + 2
    push(ctx, m.index, end, day + time, "numeric-date", false)
  }
}

const QUANTITY_NEXT = /^(?:,\d{3}|\d|%|\s*(?:percent|million|billion|per\b))/
const quantityFollows = (text: string, at: number): boolean => QUANTITY_NEXT.test(after(text, at))

// Month-day with or without a year: March 3, 2022 · Sept. 11 · 3 March 2022 · the 3rd of March.
const MONTH_DAY = new RegExp(`\\b(${MONTH_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(${YEAR})(?![\\w%]|[.,]\\d))?`, "g")
const DAY_MONTH = new RegExp(`(?<![\\w$€£.,/-])(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_RE})(?![\\w])(?:,?\\s+(${YEAR})(?![\\w%]|[.,]\\d))?`, "g")
const ORDINAL_OF_MONTH = new RegExp(`\\b(?:the\\s+)?(${ORDINAL_WORD_RE})\\s+of\\s+(${FULL_MONTH_RE})\\b(?:,?\\s+(${YEAR})\\b)?`, "gi")
const monthDays = (ctx: Ctx): void => {
  const { text } = ctx
  if (!has(ctx, W.month)) return
  const numbered = has(ctx, W.digit) && ctx.monthCased
  for (const m of numbered ? matches(MONTH_DAY, text) : []) {
    const dayEnd = m.index + m[1]!.length + m[0].slice(m[1]!.length).search(/\d/) + m[2]!.length
    if (m[3] === undefined && quantityFollows(text, dayEnd)) continue
    monthDay(ctx, m.index, m.index + m[0].length, monthNumber(m[1]!)!, Number(m[2]), m[3])
  }
  for (const m of numbered ? matches(DAY_MONTH, text) : []) {
    const mon = m[2]!
    monthDay(ctx, m.index, m.index + m[0].length, monthNumber(mon)!, Number(m[1]), m[3])
  }
  for (const m of has(ctx, W.of, W.ordinal) ? matches(ORDINAL_OF_MONTH, text) : []) {
    const n = ordinalValue(m[1]!)
    const mon = monthNumber(m[2]!)
    if (n === null || mon === null || !/^[A-Z]/.test(m[2]!)) continue
    monthDay(ctx, m.index, m.index + m[0].length, mon, n, m[3])
  }
}

const monthDay = (ctx: Ctx, start: number, end: number, mon: number, day: number, year: string | undefined): void => {
  if (day < 1 || day > 31) return
  if (year !== undefined) {
    push(ctx, start, end, dayOrNull(Number(year), mon, day), "month-day-year")
    return
  }
  const lean = leanOf(ctx, start, end)
  push(ctx, start, end, resolveMonthDay(mon, day, ctx.anchor, lean), "month-day")
}

// Month and year: May 2010 · June, 2024.
const MONTH_YEAR = new RegExp(`\\b(${MONTH_RE}),?\\s+(?:of\\s+)?(${YEAR})(?![\\w%]|[.,]\\d)`, "g")
const monthYears = (ctx: Ctx): void => {
  if (!has(ctx, W.digit) || !ctx.monthCased) return
  for (const m of matches(MONTH_YEAR, ctx.text)) {
    push(ctx, m.index, m.index + m[0].length, `${m[2]}-${pad2(monthNumber(m[1]!)!)}`, "month-year")
  }
}

// A month and a relative year: "January this year", "June last year".
const MONTH_RELATIVE_YEAR = new RegExp(`\\b(${FULL_MONTH_RE})(?:\\s+of)?\\s+(this|last|next)\\s+year\\b`, "g")
const monthRelativeYears = (ctx: Ctx): void => {
  if (!has(ctx, W.year) || !ctx.monthCased) return
  for (const m of matches(MONTH_RELATIVE_YEAR, ctx.text)) {
    const n = m[2] === "last" ? -1 : m[2] === "next" ? 1 : 0
    const year = ctx.anchor.y === null ? "XXXX" : pad4(ctx.anchor.y + n)
    push(ctx, m.index, m.index + m[0].length, `${year}-${pad2(monthNumber(m[1]!)!)}`, "month-relative-year")
  }
}

// A month name alone, when a preposition or modifier shows it is a date: "in September".
const BARE_MONTH = new RegExp(`\\b(${FULL_MONTH_RE})\\b(?!\\s*\\d)`, "g")
const ANY_FULL_MONTH = new RegExp(FULL_MONTH_RE)
const POSSESSIVE_NEXT = /^'s\b/
const POSSESSIVE_CUE_BEFORE = /\b(?:in|of|since|until|by|last|next|this)\s+$/i
const DIRECTION_BEFORE = /\b(last|next|this)\s+$/i
const bareMonths = (ctx: Ctx): void => {
  const { text } = ctx
  if (!ctx.monthCased) return
  for (const m of matches(BARE_MONTH, text)) {
    const prev = before(text, m.index)
    const cued = MONTH_CUE_BEFORE.test(prev) || (MONTH_JOIN_BEFORE.test(prev) && ANY_FULL_MONTH.test(before(text, m.index, 30)))
    if (!cued) continue
    if (POSSESSIVE_NEXT.test(after(text, m.index + m[0].length, 3)) && !POSSESSIVE_CUE_BEFORE.test(prev)) continue
    const dirWord = DIRECTION_BEFORE.exec(prev)
    const start = m.index
    const end = m.index + m[0].length
    const mon = monthNumber(m[1]!)!
    if (dirWord) {
      const dir = dirWord[1]!.toLowerCase() as Direction
      push(ctx, start - dirWord[0].length, end, resolveMonth(mon, ctx.anchor, dir), "month-relative")
      continue
    }
    push(ctx, start, end, resolveMonth(mon, ctx.anchor, leanOf(ctx, start, end)), "month")
  }
}

// Years: "in 2025", "the 1953 team", "2009-2010", "1957-58"; not "2000 people" or "$2010".
const YEAR_ALONE = new RegExp(`(?<![\\w$€£¥#.,/:@'’])(?<!\\d[-–/])(${YEAR})(?![\\w%]|[.,]\\d|-\\d\\d-|:\\d)`, "g")
const YEAR_RANGE = new RegExp(`(?<![\\w$€£¥#.,/:@])(${YEAR})\\s?[-–/]\\s?(${YEAR}|\\d\\d)(?![\\w%]|[.,]\\d|[-/]\\d)`, "g")
const POSSESSIVE_S_NEXT = /^'s\b|^’s\b/
const RANGE_END_NEXT = /^[\s,.;)]/
const years = (ctx: Ctx): void => {
  const { text } = ctx
  if (!has(ctx, W.digit)) return
  for (const m of matches(YEAR_ALONE, text)) {
    const end = m.index + m[0].length
    const prev = before(text, m.index)
    if (CODE_BEFORE.test(prev) && !YEAR_CUE_BEFORE.test(prev)) continue
    if (QUANTITY_AFTER.test(after(text, end)) && !YEAR_CUE_BEFORE.test(prev) && !POSSESSIVE_S_NEXT.test(after(text, end, 3))) continue
    push(ctx, m.index, end, m[1]!, "year")
  }
  for (const m of matches(YEAR_RANGE, text)) {
    const first = Number(m[1])
    const second = m[2]!.length === 4 ? Number(m[2]) : Math.floor(first / 100) * 100 + Number(m[2])
    if (second <= first || second - first > 50) continue
    const secondStart = m.index + m[0].length - m[2]!.length
    if (QUANTITY_AFTER.test(after(text, m.index + m[0].length)) && !RANGE_END_NEXT.test(after(text, m.index + m[0].length, 1))) continue
    push(ctx, secondStart, m.index + m[0].length, String(second), "year-range")
  }
}

// Years said in words, as broadcast transcripts write them: "nineteen ninety-one".
const spelledYears = (ctx: Ctx): void => {
  if (!has(ctx, W.nineteen)) return
  const tens: Record<string, number> = { twenty: 2, thirty: 3, forty: 4, fifty: 5, sixty: 6, seventy: 7, eighty: 8, ninety: 9 }
  const ones: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 }
  const teens: Record<string, number> = { ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19 }
  const re = /\bnineteen[\s-]+(?:(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(one|two|three|four|five|six|seven|eight|nine))?|(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(hundred))\b/gi
  for (const m of matches(re, ctx.text)) {
    const n = m[1] ? tens[m[1].toLowerCase()]! * 10 + (m[2] ? ones[m[2].toLowerCase()]! : 0) : m[3] ? teens[m[3].toLowerCase()]! : 0
    if (/^\s+(?:percent|million|billion|people|dollars)\b/i.test(after(ctx.text, m.index + m[0].length))) continue
    push(ctx, m.index, m.index + m[0].length, String(1900 + n), "year-words")
  }
}

// Decades and centuries: the 1990s → 199X, the mid-2000s → 200X, the '80s, the sixties, the 20th century → 19.
const DECADE_MOD = "(?:(?:early|mid|late)[\\s-]+)?"
const DECADE_DIGITS = new RegExp(`\\b(?:the\\s+)?${DECADE_MOD}(1[0-9]|20)(\\d)0['’]?s\\b`, "gi")
const DECADE_SHORT = new RegExp(`(?:\\bthe\\s+)?(?:\\b${DECADE_MOD})?['’](\\d)0s\\b`, "gi")
const DECADE_WORDS_RE = new RegExp(`\\bthe\\s+${DECADE_MOD}(?:nineteen[\\s-]+)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\\b`, "gi")
const CENTURY = new RegExp(`\\b(?:the\\s+)?${DECADE_MOD}(\\d{1,2}(?:st|nd|rd|th)|${ORDINAL_WORD_RE})[\\s-]+century\\b`, "gi")
const decades = (ctx: Ctx): void => {
  const { text } = ctx
  for (const m of has(ctx, W.decadeDigits) ? matches(DECADE_DIGITS, text) : []) push(ctx, m.index, m.index + m[0].length, `${m[1]}${m[2]}X`, "decade", false)
  for (const m of has(ctx, W.apostrophe, W.decadeDigits) ? matches(DECADE_SHORT, text) : []) {
    const dec = Number(m[1])
    push(ctx, m.index, m.index + m[0].length, dec <= 1 ? `20${dec}X` : `19${dec}X`, "decade", false)
  }
  for (const m of has(ctx, W.decadeWord) ? matches(DECADE_WORDS_RE, text) : []) push(ctx, m.index, m.index + m[0].length, `19${DECADE_WORDS[m[1]!.toLowerCase()]}X`, "decade", false)
  for (const m of has(ctx, W.century) ? matches(CENTURY, text) : []) {
    const n = ordinalValue(m[1]!)
    if (n === null || n < 1 || n > 21) continue
    push(ctx, m.index, m.index + m[0].length, pad2(n - 1), "century", false)
  }
}

// yesterday, today, tomorrow, tonight, last night, this morning, yesterday afternoon.
const DAY_WORD = new RegExp(`\\b(?:(early|late)\\s+)?(the\\s+day\\s+before\\s+yesterday|the\\s+day\\s+after\\s+tomorrow|yesterday|today|tomorrow|tonight)(?:\\s+(${PART_RE}))?\\b`, "gi")
const DAY_PART_PHRASE = new RegExp(`\\b(last\\s+night|this\\s+(?:${PART_RE}))\\b`, "gi")
const NAME_WORD_BEFORE = /[A-Z][\w.]*\s+$/
const SENTENCE_START_BEFORE = /[.!?:"“]\s*$/
const dayWords = (ctx: Ctx): void => {
  const { text, anchor } = ctx
  for (const m of has(ctx, W.dayWord) ? matches(DAY_WORD, text) : []) {
    const word = m[2]!.toLowerCase().replace(/\s+/g, " ")
    // "USA Today", "Russia Today": a capitalised Today after a capitalised word is a name.
    if (m[2] === "Today" && NAME_WORD_BEFORE.test(before(text, m.index, 20)) && !SENTENCE_START_BEFORE.test(before(text, m.index, 3))) continue
    const shift = word === "the day before yesterday" ? -2 : word === "the day after tomorrow" ? 2 : word === "yesterday" ? -1 : word === "tomorrow" ? 1 : 0
    const date = shiftFromAnchor("day", shift, anchor)
    const part = word === "tonight" ? "NI" : m[3] ? PART_OF_DAY[m[3].toLowerCase()]! : null
    push(ctx, m.index, m.index + m[0].length, part ? `${date}T${part}` : date, "day-word")
  }
  for (const m of has(ctx, W.dayPart) ? matches(DAY_PART_PHRASE, text) : []) {
    const w = m[1]!.toLowerCase()
    const isLastNight = w.startsWith("last")
    const date = shiftFromAnchor("day", isLastNight ? -1 : 0, anchor)
    const part = isLastNight ? "NI" : PART_OF_DAY[w.split(/\s+/)[1]!]!
    push(ctx, m.index, m.index + m[0].length, `${date}T${part}`, "day-part")
  }
}

// Weekdays: "on Tuesday" (past-leaning), "will meet on Tuesday" (future), "last Friday", "Friday afternoon".
const WEEKDAY = new RegExp(`\\b(?:([Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Cc]oming)\\s+)?(${WEEKDAY_RE})(?![\\w-])(?:\\s+(${PART_RE})\\b)?`, "g")
const PLURAL_PART_NEXT = new RegExp(`^(?:\\s+(?:and|or)\\s+${WEEKDAY_RE})?\\s+${PART_RE}s\\b`)
const weekdays = (ctx: Ctx): void => {
  const { text } = ctx
  if (!has(ctx, W.weekday)) return
  for (const m of matches(WEEKDAY, text)) {
    const prev = before(text, m.index)
    if (NAMED_DAY_BEFORE.test(prev) || SET_BEFORE.test(prev)) continue
    // "Monday and Tuesday nights": a plural part of day makes the weekdays a recurring set.
    if (!m[3] && PLURAL_PART_NEXT.test(after(text, m.index + m[0].length, 40))) continue
    const wd = WEEKDAYS[m[2]!.toLowerCase()]!
    const modifier = m[1]?.toLowerCase()
    const start = m.index
    const end = m.index + m[0].length
    const dir: Direction =
      modifier === "last" || modifier === "next" ? modifier : modifier === "this" || modifier === "coming" ? "future" : leanOf(ctx, start, end)
    let value = resolveWeekday(wd, ctx.anchor, dir)
    if (m[3]) value += `T${PART_OF_DAY[m[3].toLowerCase()]}`
    push(ctx, start, end, value, "weekday")
  }
}

type Unit = "week" | "weekend" | "month" | "quarter" | "year" | "decade" | "century"

// this/last/next week, month, year, quarter, weekend, season; earlier this year; the end of the year.
const RELATIVE_PERIOD = /\b(?:(the)\s+)?(this\s+past|this|last|next|past|previous|coming|current)\s+(week|weekend|month|year|quarter|decade|century|spring|summer|autumn|fall|winter)\b/gi
const PERIOD_EDGE = /\b(?:the\s+)?(end|beginning|start|middle|close|turn)\s+of\s+(?:the\s+|this\s+)?(year|month|week|quarter|decade|century)\b(?!\s+(?:of|before|after|in|when|that)\b)/gi
const YEAR_END = /\byear[- ]end\b/gi
const relativePeriods = (ctx: Ctx): void => {
  const { text, anchor } = ctx
  for (const m of has(ctx, W.relative, W.relativeUnit) ? matches(RELATIVE_PERIOD, text) : []) {
    const the = m[1] !== undefined
    const which = m[2]!.toLowerCase().replace(/\s+/g, " ")
    const unit = m[3]!.toLowerCase()
    // "the past year", "the coming weeks": stretches of time (durations), not calendar dates.
    if (which === "past" || which === "previous" || which === "coming" || (which === "current" && !the)) continue
    if (the && which === "next") continue
    if (the && which === "last" && (unit === "decade" || unit === "century")) continue
    const n = which === "last" || which === "this past" ? -1 : which === "next" ? 1 : 0
    const season = SEASONS[unit]
    let value: string | null
    if (season) {
      const dir: Direction = n < 0 ? "last" : n > 0 ? "next" : "this"
      value = resolveSeason(season, anchor, dir === "this" ? leanOf(ctx, m.index, m.index + m[0].length) : dir)
    } else if (unit === "weekend") value = weekendValue(anchor, n)
    else value = shiftFromAnchor(unit as Unit, n, anchor)
    push(ctx, m.index, m.index + m[0].length, value, "relative-period")
  }
  const edgeWords = has(ctx, W.of, W.edge, W.edgeUnit)
  for (const m of edgeWords ? matches(PERIOD_EDGE, text) : []) {
    const part = m[1]!.toLowerCase()
    const unit = m[2]!.toLowerCase() as Unit
    let n = 0
    if (unit === "year" && anchor.m !== null) {
      const lean = leanOf(ctx, m.index, m.index + m[0].length)
      if (part === "end" && lean === "past" && anchor.m < 12) n = -1
      if ((part === "beginning" || part === "start") && lean === "future" && anchor.m > 1) n = 1
    }
    push(ctx, m.index, m.index + m[0].length, shiftFromAnchor(unit, n, anchor), "period-edge", false)
  }
  // TimeBank reads "year-end" as the last day of the year.
  for (const m of has(ctx, W.year) ? matches(YEAR_END, text) : []) {
    push(ctx, m.index, m.index + m[0].length, anchor.y === null ? "XXXX-12-31" : `${pad4(anchor.y)}-12-31`, "year-end")
  }
}

const weekendValue = (a: Anchor, n: number): string | null => {
  const day = anchorDay(a)
  if (!day) return a.y === null ? "XXXX-WXX-WE" : null
  return shiftFromAnchor("weekend", n, a)
}

// "two years ago", "a week ago", "three days ago".
const AGO = new RegExp(`\\b(?:(?:nearly|almost|about|approximately|roughly|around|some|more\\s+than|less\\s+than|over|under)\\s+)?(${NUMBER_WORD_RE})\\s+(day|week|month|year|decade)s?\\s+ago\\b`, "gi")
const agos = (ctx: Ctx): void => {
  if (!has(ctx, W.ago)) return
  for (const m of matches(AGO, ctx.text)) {
    const n = numberValue(m[1]!)
    if (n === null) continue
    const unit = m[2]!.toLowerCase() as "day" | "week" | "month" | "year" | "decade"
    const value = unit === "decade" ? shiftFromAnchor("year", -10 * n, ctx.anchor) : shiftFromAnchor(unit, -n, ctx.anchor)
    push(ctx, m.index, m.index + m[0].length, value, "ago", false)
  }
}

// "a year earlier", "two months later": a shift from the date just mentioned (resolved after
// picking, by shiftFromPrevious), or from the anchor when nothing precedes.
const SHIFT_PREFIX = "@shift:"
const RELATIVE_SHIFT = new RegExp(`\\b(${NUMBER_WORD_RE})\\s+(day|week|month|quarter|year)s?\\s+(earlier|before|later|after)\\b(?!\\s+(?:than|that|when|the|a|an|his|her|its|their)\\b)`, "gi")
const relativeShifts = (ctx: Ctx): void => {
  if (!has(ctx, W.shift, W.shiftUnit)) return
  for (const m of matches(RELATIVE_SHIFT, ctx.text)) {
    const n = numberValue(m[1]!)
    if (n === null) continue
    const sign = /^(?:earlier|before)$/i.test(m[3]!) ? -1 : 1
    push(ctx, m.index, m.index + m[0].length, `${SHIFT_PREFIX}${sign * n}:${m[2]!.toLowerCase()}`, "relative-shift", false)
  }
}

/** Shifts a TIMEX3 value by n units, keeping its granularity; null when the unit does not fit it. */
export const shiftValue = (value: string, n: number, unit: string): string | null => {
  let m = /^(\d{4})$/.exec(value)
  if (m) return unit === "year" ? pad4(Number(m[1]) + n) : null
  m = /^(\d{4})-Q([1-4])$/.exec(value)
  if (m) {
    if (unit !== "year" && unit !== "quarter") return null
    const k = Number(m[1]) * 4 + Number(m[2]) - 1 + (unit === "year" ? 4 * n : n)
    return `${pad4(Math.floor(k / 4))}-Q${(k % 4) + 1}`
  }
  m = /^(\d{4})-(H[12]|SP|SU|FA|WI)$/.exec(value)
  if (m) return unit === "year" ? `${pad4(Number(m[1]) + n)}-${m[2]}` : null
  m = /^(\d{4})-(\d{2})$/.exec(value)
  if (m) {
    if (unit !== "year" && unit !== "month" && unit !== "quarter") return null
    const r = addMonths(Number(m[1]), Number(m[2]), unit === "year" ? 12 * n : unit === "quarter" ? 3 * n : n)
    return `${pad4(r.y)}-${pad2(r.m)}`
  }
  m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  if (m) {
    const day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }
    if (unit === "day") return fmtDay(addDays(day, n))
    if (unit === "week") return fmtDay(addDays(day, 7 * n))
    const r = addMonths(day.y, day.m, unit === "year" ? 12 * n : unit === "quarter" ? 3 * n : n)
    return fmtDay({ y: r.y, m: r.m, d: Math.min(day.d, daysInMonth(r.y, r.m)) })
  }
  return null
}

const shiftFromPrevious = (picked: Candidate[], anchor: Anchor): Candidate[] => {
  const out: Candidate[] = []
  for (const c of picked) {
    if (!c.value.startsWith(SHIFT_PREFIX)) {
      out.push(c)
      continue
    }
    const [count, unit] = c.value.slice(SHIFT_PREFIX.length).split(":") as [string, string]
    const n = Number(count)
    const prev = [...out].reverse().find((p) => /^\d{4}/.test(p.value))
    let value = prev ? shiftValue(prev.value, n, unit) : null
    // With nothing to lean on, "earlier" counts back from the publication date; "later" is left out.
    if (value === null && !prev && n < 0) value = unit === "quarter" ? shiftFromAnchor("quarter", n, anchor) : shiftFromAnchor(unit as "day" | "week" | "month" | "year", n, anchor)
    if (value !== null) out.push(c.withValue(value))
  }
  return out
}

// Quarters and halves: the third quarter → 2024-Q3, Q3 2024, the first half of 2023 → 2023-H1.
const QUARTER = new RegExp(`\\b(?:the\\s+)?(first|second|third|fourth|final|1st|2nd|3rd|4th)[\\s-]+(?:fiscal[\\s-]+)?quarter\\b(?:\\s+of\\s+(?:(?:fiscal\\s+)?(${YEAR})|(this|last|next)\\s+year)\\b)?`, "gi")
const QUARTER_SHORT = new RegExp(`\\b(Q[1-4])(?:\\s+(${YEAR}))?\\b`, "g")
const HALF = new RegExp(`\\b(?:the\\s+)?(first|second)\\s+half\\b(?:\\s+of\\s+(?:(?:fiscal\\s+)?(${YEAR})|(this|last|next)\\s+year)\\b)?`, "gi")
const quarters = (ctx: Ctx): void => {
  const { text, anchor } = ctx
  for (const m of has(ctx, W.quarter, W.ordinal) ? matches(QUARTER, text) : []) {
    const n = m[1]!.toLowerCase() === "final" ? 4 : ordinalValue(m[1]!)
    if (n === null || n > 4) continue
    if (/^\s+of\s+the\b/i.test(after(text, m.index + m[0].length))) continue
    push(ctx, m.index, m.index + m[0].length, periodOfYear(ctx, m, `Q${n}`, n, m[2], m[3]), "quarter", false)
  }
  for (const m of has(ctx, W.quarterCode) ? matches(QUARTER_SHORT, text) : []) {
    const n = Number(m[1]!.slice(1))
    const value = m[2] ? `${m[2]}-Q${n}` : resolveQuarter(n, anchor, leanOf(ctx, m.index, m.index + m[0].length))
    push(ctx, m.index, m.index + m[0].length, value, "quarter", false)
  }
  for (const m of has(ctx, W.half, W.ordinal) ? matches(HALF, text) : []) {
    if (m[2] === undefined && m[3] === undefined && /^\s+of\b/i.test(after(text, m.index + m[0].length))) continue
    const n = m[1]!.toLowerCase() === "first" ? 1 : 2
    push(ctx, m.index, m.index + m[0].length, periodOfYear(ctx, m, `H${n}`, n * 2, m[2], m[3]), "half", false)
  }
}

/** A part of a year (quarter or half) with an explicit year, a this/last/next year, or the anchor's. */
const periodOfYear = (ctx: Ctx, m: RegExpMatchArray, code: string, lastQuarter: number, year: string | undefined, rel: string | undefined): string | null => {
  const { anchor } = ctx
  if (year) return `${year}-${code}`
  if (rel) {
    const n = rel.toLowerCase() === "last" ? -1 : rel.toLowerCase() === "next" ? 1 : 0
    return anchor.y === null ? `XXXX-${code}` : `${pad4(anchor.y + n)}-${code}`
  }
  if (anchor.y === null) return `XXXX-${code}`
  if (anchor.m === null) return `${pad4(anchor.y)}-${code}`
  // A quarter still to come cannot have been reported on in the past tense: it is last year's.
  const lean = leanOf(ctx, m.index!, m.index! + m[0].length)
  const cur = quarterOf(anchor.m)
  const firstQuarter = code.startsWith("H") ? lastQuarter - 1 : lastQuarter
  const y = lean === "past" && firstQuarter > cur ? anchor.y - 1 : anchor.y
  return `${pad4(y)}-${code}`
}

// Seasons: this autumn → 2024-FA, the summer of 1995, spring 2023, in the winter.
const SEASON = new RegExp(`\\b(?:(the|early|late|mid)[\\s-]+)?(spring|summer|autumn|fall|winter)\\b(?:,?\\s+(?:of\\s+)?(${YEAR})(?![\\w%]|[.,]\\d))?`, "gi")
const seasons = (ctx: Ctx): void => {
  const { text, anchor } = ctx
  if (!has(ctx, W.season)) return
  for (const m of matches(SEASON, text)) {
    const mod = m[1]?.toLowerCase()
    const word = m[2]!
    const s = SEASONS[word.toLowerCase()]! as Season
    const start = m.index
    const end = m.index + m[0].length
    // "Arab Spring", "Prague Spring": a capitalised season after a capitalised word is a name.
    if (/^[A-Z]/.test(word) && /[A-Z][\w.]*\s+$/.test(before(text, start, 20)) && !m[3]) continue
    if (m[3]) {
      push(ctx, start, end, `${m[3]}-${s}`, "season-year")
      continue
    }
    const prev = before(text, start)
    const hasDet = mod === "the" || /\b(?:in|during|by|until|since|this|last|next|over)\s+$/i.test(prev)
    if (!hasDet) continue
    if (word.toLowerCase() === "fall" && mod !== "the" && !/\b(?:in|this|last|next|by|until|since)\s+$/i.test(prev)) continue
    if (/^\s+(?:of|in|and)\b/i.test(after(text, end)) && word.toLowerCase() === "fall") continue
    if (/^\s+of\b/i.test(after(text, end))) continue
    push(ctx, start, end, resolveSeason(s, anchor, leanOf(ctx, start, end)), "season")
  }
}

// PRESENT_REF / PAST_REF / FUTURE_REF words: now, currently, recently, the past, the future.
const REFERENCE_WORD = /\b(now|currently|nowadays|recently|lately|the present|at present|the past|the future|at the time)\b/gi
const referenceWords = (ctx: Ctx): void => {
  if (!ctx.opts.referenceWords) return
  const { text } = ctx
  if (!has(ctx, W.reference)) return
  for (const m of matches(REFERENCE_WORD, text)) {
    const w = m[1]!.toLowerCase()
    const rest = after(text, m.index + m[0].length)
    let value: string
    if (w === "now") {
      if (/^-/.test(rest)) continue
      value = "PRESENT_REF"
    } else if (w === "currently" || w === "nowadays" || w === "the present" || w === "at present") value = "PRESENT_REF"
    else if (w === "recently" || w === "lately") value = "PAST_REF"
    else if (w === "the past") {
      // "the past week", "the past two years" are durations.
      if (/^\s+(?:\d|few|several|couple|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|fifty|hundred|week|weeks|month|months|year|years|decade|decades|day|days|century|centuries|hour|hours|quarter|season|weekend|generation)\b/i.test(rest)) continue
      value = "PAST_REF"
    } else if (w === "the future") {
      if (/^\s+of\b/i.test(rest)) continue
      value = "FUTURE_REF"
    } else {
      if (/^\s+(?:of|when|that)\b/i.test(rest)) continue
      value = "PAST_REF"
    }
    const start = w === "at present" ? m.index + 3 : m.index
    push(ctx, start, m.index + m[0].length, value, "reference-word", false)
  }
}

// Clock times: 3 p.m., 10:15 GMT, at 19:01, noon, midnight. The day comes from a neighbouring date or the anchor.
const AM_PM_TIME = /(?<![\w.:$])(\d{1,2})(?:[:.]([0-5]\d))?\s?(a\.m\.|p\.m\.|a\.m\b|p\.m\b|am\b|pm\b|AM\b|PM\b)(?:\s+(GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|PST|PDT|MSK)\b)?/g
const HH_MM_TIME = /(?<![\w.:$/-])([01]?\d|2[0-3])[:.]([0-5]\d)(?![\d:.]\d|\d)(?:\s*(GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|MSK|local time|Moscow time|hours|hrs)\b)?/g
const TIME_CUE_BEFORE = /\b(?:at|around|about|by|until|till|from|before|after|since|approximately)\s+$/i
const NOON = /\b(noon|midday|midnight)\b/gi
const times = (ctx: Ctx): void => {
  if (!ctx.opts.times) return
  const { text } = ctx
  for (const m of has(ctx, W.digit, W.ampm) ? matches(AM_PM_TIME, text) : []) {
    let h = Number(m[1])
    if (h < 1 || h > 12) continue
    const pm = /^p/i.test(m[3]!)
    if (pm && h < 12) h += 12
    if (!pm && h === 12) h = 0
    push(ctx, m.index, m.index + m[0].length, clock(ctx, h, m[2] ? Number(m[2]) : 0), "clock-time", false)
  }
  for (const m of has(ctx, W.digit, W.colonOrDot) ? matches(HH_MM_TIME, text) : []) {
    const zone = m[3] !== undefined
    const cued = TIME_CUE_BEFORE.test(before(text, m.index, 15))
    if (!zone && !cued) continue
    if (m[0].includes(".") && !zone) continue // "at 2.30" is as often a price or a score as a time
    push(ctx, m.index, m.index + m[0].length, clock(ctx, Number(m[1]), Number(m[2])), "clock-time", false)
  }
  for (const m of has(ctx, W.noon) ? matches(NOON, text) : []) {
    const w = m[1]!.toLowerCase()
    push(ctx, m.index, m.index + m[0].length, clock(ctx, w === "midnight" ? 24 : 12, 0), "clock-time", false)
  }
}

const clock = (ctx: Ctx, h: number, min: number): string => {
  const day = anchorDay(ctx.anchor)
  return `${day ? fmtDay(day) : "XXXX-XX-XX"}T${pad2(h)}:${pad2(min)}`
}

// Holidays with a fixed date.
const HOLIDAY = /\b(Christmas\s+Day|Christmas\s+Eve|Christmas|New\s+Year['’]s\s+Day|New\s+Year['’]s\s+Eve|Valentine['’]s\s+Day|Halloween)\b/g
const holidays = (ctx: Ctx): void => {
  if (!has(ctx, W.holiday)) return
  const fixed: Record<string, [number, number]> = {
    "christmas day": [12, 25], "christmas eve": [12, 24], christmas: [12, 25], "new year's day": [1, 1],
    "new year's eve": [12, 31], "independence day": [7, 4], "valentine's day": [2, 14], halloween: [10, 31]
  }
  for (const m of matches(HOLIDAY, ctx.text)) {
    const key = m[1]!.toLowerCase().replace(/\s+/g, " ").replace("’", "'")
    if (key === "christmas" && !/\b(?:before|after|by|until|since|at|on|over|for|during|this|last|next|till|around)\s+$/i.test(before(ctx.text, m.index))) continue
    const [mon, day] = fixed[key]!
    push(ctx, m.index, m.index + m[0].length, resolveMonthDay(mon, day, ctx.anchor, leanOf(ctx, m.index, m.index + m[0].length)), "holiday")
  }
}

// ---------------------------------------------------------------------------------------------

/** Pulls a modifier just before a candidate ("early", "the end of", "mid-") into its extent. */
const withModifier = (text: string, c: Candidate): Candidate => {
  if (!c.extendable) return c
  const m = PREMODIFIER.exec(before(text, c.start, 40))
  if (!m) return c
  const words = m[0].toLowerCase()
  let value = c.value
  // "the first half of 2023" and "the second half of" narrow a year to a half.
  if (/first\s+half/.test(words) && /^\d{4}$/.test(value)) value = `${value}-H1`
  else if (/second\s+half/.test(words) && /^\d{4}$/.test(value)) value = `${value}-H2`
  else if (/half/.test(words)) return c
  if (/the\s+year\s*$/.test(words) && !/^\d{4}$/.test(value)) return c
  return new Candidate(c.start - m[0].length, c.end, value, c.rule, c.extendable)
}

/** Uses the day of a neighbouring date for a clock time: "Friday at 3 p.m.", "10 a.m. yesterday". */
const attachTimesToDays = (text: string, picked: Candidate[]): Candidate[] => {
  // Arrays here are built by push rather than map, so the optimised code sees one array shape.
  const out: Candidate[] = []
  for (let i = 0; i < picked.length; i++) out.push(withDayOfNeighbour(text, picked, i))
  return out
}

const withDayOfNeighbour = (text: string, picked: Candidate[], i: number): Candidate => {
  const c = picked[i]!
  if (c.rule !== "clock-time") return c
  const time = c.value.slice(c.value.indexOf("T"))
  const prev = picked[i - 1]
  const next = picked[i + 1]
  const isDay = (x: Candidate | undefined) => x !== undefined && /^(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)$/.test(x.value)
  if (isDay(prev) && /^,?\s*(?:at|around|about|by|from)?\s*$/i.test(text.slice(prev!.end, c.start))) return c.withValue(prev!.value + time)
  if (isDay(next) && /^,?\s*(?:on)?\s*$/i.test(text.slice(c.end, next!.start))) return c.withValue(next!.value + time)
  return c
}

const RULES: ReadonlyArray<(ctx: Ctx) => void> = [
  isoDates,
  numericDates,
  monthDays,
  monthYears,
  monthRelativeYears,
  bareMonths,
  decades,
  years,
  spelledYears,
  dayWords,
  weekdays,
  relativePeriods,
  agos,
  relativeShifts,
  quarters,
  seasons,
  referenceWords,
  times,
  holidays
]

/**
 * Every date expression in `text` with its TIMEX3 value, resolved against `anchor`.
 * Overlapping finds are settled in favour of the longest; offsets are JS string indices.
 */
export const findDates = (text: string, anchor: Anchor, options: Partial<TagOptions> = {}): DateMatch[] => {
  const opts = { ...defaultTagOptions, ...options }
  const found = scanner.scan(text)
  const ctx: Ctx = { text, found, monthCased: (found & W.month) !== 0 && MONTH_CASED.test(text), anchor, opts, out: [] }
  for (const rule of RULES) rule(ctx)
  const all = ctx.out
  if (all.length === 0) return []
  for (let i = 0; i < all.length; i++) all[i] = withModifier(text, all[i]!)
  all.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start))
  const picked: Candidate[] = []
  for (const c of all) {
    const last = picked[picked.length - 1]
    if (last && c.start < last.end) {
      // Keep the longer of two overlapping finds.
      if (c.end - c.start > last.end - last.start) picked[picked.length - 1] = c
      continue
    }
    picked.push(c)
  }
  const result: DateMatch[] = []
  for (const c of attachTimesToDays(text, shiftFromPrevious(picked, anchor))) {
    result.push({ start: c.start, end: c.end, text: text.slice(c.start, c.end), value: c.value, rule: c.rule })
  }
  return result
}
