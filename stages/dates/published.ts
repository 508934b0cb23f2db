// The publication date: normalising what the dump or the reader gave (header line, a datetime
// glued to the headline, a JSONL/CSV field) to ISO 8601, and reading a dateline. Never invents:
// a part that is not written stays unknown.
import * as chrono from "chrono-node"
import type { Anchor } from "./calendar.js"
import { fmtDay, isValidYmd, noAnchor, pad2 } from "./calendar.js"
import { MONTH_RE, monthNumber } from "./lexicon.js"
import { expandYear, numericDayMonth } from "./rules.js"

export interface Published {
  /** ISO date (2024-07-13) or date-time (2024-07-13T19:01), or null. */
  readonly published: string | null
  /** A bare time of day (HH:MM) when no date goes with it, or null. */
  readonly publishedTime: string | null
}

const none: Published = { published: null, publishedTime: null }

const hhmm = (h: string | number, m: string | number): string | null => {
  const hh = Number(h)
  const mm = Number(m)
  return hh >= 0 && hh < 24 && mm >= 0 && mm < 60 ? `${pad2(hh)}:${pad2(mm)}` : null
}

const withTime = (day: string | null, h?: string, m?: string): string | null => {
  if (!day) return null
  if (h === undefined || m === undefined) return day
  const t = hhmm(h, m)
  return t ? `${day}T${t}` : day
}

const ymd = (y: number, m: number, d: number): string | null => (isValidYmd(y, m, d) ? fmtDay({ y, m, d }) : null)

/**
 * Normalises a raw publication date or time to ISO 8601. Accepts ISO (`2024-07-13`,
 * `2024-07-13T19:01`), European (`23.07.2024`, `23.07.2024, 19:01`), slashed (`13/07/2024`, read
 * by `dayFirst`), written (`July 13, 2024`, `13 July 2024`), RFC 2822 (`Sat, 13 Jul 2024 10:00:00 GMT`)
 * and a bare time (`12:40`). Anything else gives nulls.
 */
export const parsePublished = (raw: string, opts: { dayFirst: boolean }): Published => {
  const s = raw.trim().replace(/\s+/g, " ")
  if (s === "") return none
  let m = /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/.exec(s)
  if (m) return { published: null, publishedTime: hhmm(m[1]!, m[2]!) }
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2}| ?[A-Z]{2,4})?$/.exec(s)
  if (m) return { published: withTime(ymd(Number(m[1]), Number(m[2]), Number(m[3])), m[4], m[5]), publishedTime: null }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s)
  if (m) return { published: ymd(Number(m[1]), Number(m[2]), Number(m[3])), publishedTime: null }
  m = /^(\d{4})-(\d{2})$/.exec(s)
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { published: `${m[1]}-${m[2]}`, publishedTime: null }
  m = /^(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?:,? (?:at )?(\d{1,2})[:.](\d{2})(?::\d{2})?)?$/.exec(s)
  if (m) {
    const dm = numericDayMonth(Number(m[1]), Number(m[3]), m[2]!, opts.dayFirst)
    if (!dm) return none
    return { published: withTime(ymd(expandYear(m[4]!), dm.m, dm.d), m[5], m[6]), publishedTime: null }
  }
  return viaChrono(s, opts.dayFirst)
}

// Written dates go to chrono-node, which knows many surface forms; only parts it read from the
// text (isCertain) are kept, and the whole string must be a date, not a sentence containing one.
const viaChrono = (s: string, dayFirst: boolean): Published => {
  const parser = dayFirst ? chrono.en.GB : chrono.en
  const results = parser.parse(s, new Date(Date.UTC(2000, 0, 1)))
  const r = results[0]
  if (!r || r.text.length < s.replace(/^[A-Za-z]+,? /, "").length * 0.6) return none
  const c = r.start
  if (!c.isCertain("year") || !c.isCertain("month")) return none
  const y = c.get("year")!
  // chrono reads "July 13" as July 2013; a year counts only when written out in full.
  if (!new RegExp(`(?<!\\d)${y}(?!\\d)`).test(s)) return none
  const mo = c.get("month")!
  if (!c.isCertain("day")) return { published: `${y}-${pad2(mo)}`, publishedTime: null }
  const day = ymd(y, mo, c.get("day")!)
  if (c.isCertain("hour")) return { published: withTime(day, String(c.get("hour")), String(c.get("minute") ?? 0)), publishedTime: null }
  return { published: day, publishedTime: null }
}

/** The anchor that relative dates resolve against: what is known of an ISO `published` value. */
export const anchorOf = (published: string | null): Anchor => {
  if (!published) return noAnchor
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(published)
  if (!m) return noAnchor
  return { y: Number(m[1]), m: m[2] ? Number(m[2]) : null, d: m[3] ? Number(m[3]) : null }
}

/**
 * A dateline at the start of the first paragraph: "MOSCOW, July 13 (Reuters) -",
 * "LONDON, 13 July 2024 (AFP) —". Gives a full date only when the year is written in it or
 * can be read from the article's URL (/2024/07/13/ or 20240713); otherwise null.
 */
export const datelineDate = (firstParagraph: string, url: string | null): string | null => {
  const head = firstParagraph.slice(0, 160)
  const md = new RegExp(`^[A-Z][A-Za-z .'’-]{1,40},(?:\\s+[A-Z][A-Za-z .'’-]{1,30},)?\\s+(?:(${MONTH_RE})\\s+(\\d{1,2})|(\\d{1,2})\\s+(${MONTH_RE}))(?:,?\\s+(\\d{4}))?\\s*(?:\\([^)]{1,40}\\))?\\s*[-–—_:]`).exec(head)
  if (!md) return null
  const mon = monthNumber((md[1] ?? md[4])!)
  const day = Number(md[2] ?? md[3])
  if (mon === null) return null
  if (md[5]) return ymd(Number(md[5]), mon, day)
  const fromUrl = url ? /(?:^|\D)((?:19|20)\d\d)[/-]?(\d\d)[/-]?(\d\d)(?:\D|$)/.exec(url) : null
  if (fromUrl && Number(fromUrl[2]) === mon) return ymd(Number(fromUrl[1]), mon, day)
  return null
}
